package game

// Upgrade brings a workshop file of an older version, or one written by
// hand, to the form of FileVersion, in place, so that a merge treats every
// file alike:
//
//   - a record that names no device was changed on the device that wrote
//     the file (version 1 kept the device only for the whole file);
//   - a rating with no time of change was last changed when it was made;
//   - in version 1, taking a card off the board also marked its ratings
//     and notes deleted; since version 2 they keep their own state and are
//     hidden with their play, so a deleted rating or note of a deleted
//     play is read as live (its play's tombstone still hides it).
//
// The lists must not be shared with a file the caller keeps unchanged.
func (f *File) Upgrade() {
	device := func(d *string, fallback string) {
		if *d == "" {
			*d = fallback
		}
	}
	device(&f.Workshop.Device, f.Device)
	for i := range f.Teams {
		device(&f.Teams[i].Device, f.Device)
	}
	for i := range f.Participants {
		device(&f.Participants[i].Device, f.Device)
	}
	for i := range f.Paths {
		device(&f.Paths[i].Device, f.Device)
	}
	deletedPlays := map[string]bool{}
	for i := range f.Plays {
		p := &f.Plays[i]
		device(&p.Device, f.Device)
		if p.Deleted {
			deletedPlays[p.ID] = true
		}
	}
	cascaded := func(deleted bool, playID string) bool {
		return f.Version == 1 && deleted && playID != "" && deletedPlays[playID]
	}
	for i := range f.Ratings {
		r := &f.Ratings[i]
		device(&r.Device, f.Device)
		if r.Updated.IsZero() {
			r.Updated = r.At
		}
		if cascaded(r.Deleted, r.PlayID) {
			r.Deleted = false
		}
	}
	for i := range f.Notes {
		n := &f.Notes[i]
		device(&n.Device, f.Device)
		if cascaded(n.Deleted, n.PlayID) {
			n.Deleted = false
		}
	}
	for i := range f.Erasures {
		device(&f.Erasures[i].Device, f.Device)
	}
}
