package game

import "time"

// Version is one record's version as a merge compares it: the record's
// id, what the version had seen, and its change (device and stamp).
type Version struct {
	ID      string
	Context Context
	Device  string
	Updated time.Time
}

// Versions are the versions of the workshop and of every record in the
// file, tombstones included: what the merge's clock, contexts and
// erasures walk alike.
func (f *File) Versions() []Version {
	w := f.Workshop
	out := []Version{{w.ID, w.Context, w.Device, w.Updated}}
	for _, t := range f.Teams {
		out = append(out, Version{t.ID, t.Context, t.Device, t.Updated})
	}
	for _, p := range f.Participants {
		out = append(out, Version{p.ID, p.Context, p.Device, p.Updated})
	}
	for _, p := range f.Paths {
		out = append(out, Version{p.ID, p.Context, p.Device, p.Updated})
	}
	for _, p := range f.Plays {
		out = append(out, Version{p.ID, p.Context, p.Device, p.Updated})
	}
	for _, r := range f.Ratings {
		out = append(out, Version{r.ID, r.Context, r.Device, r.Updated})
	}
	for _, n := range f.Notes {
		out = append(out, Version{n.ID, n.Context, n.Device, n.Updated})
	}
	return out
}
