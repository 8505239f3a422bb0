package storage

import (
	"time"

	"deckhand/game"
)

// The steps of a merge, one per kind of record, parents before children
// (see ImportWorkshop for the rules).

// version is one version of a record: the stamp of its last change, the
// device that made it, and what it had seen (its causal context, with its
// own change in it: see causal.go).
type version struct {
	at      time.Time
	device  string
	context game.Context
}

// v is a record's version as read from a file or the store.
func v(at time.Time, device string, c game.Context) version {
	return version{at, device, seen(c, device, at)}
}

// after reports whether v wins over o when neither had seen the other: a
// later stamp, or the same stamp from the greater device id. Equal
// versions are the same edit.
func (v version) after(o version) bool {
	return v.at.After(o.at) || (v.at.Equal(o.at) && v.device > o.device)
}

// workshop merges the workshop's own fields and whether it is deleted, by
// the rules of every record (editable): a deletion travels, and a delete
// stays until a restore that had seen it. A deleted workshop's file is its
// tombstone, whose fields are never taken (workshopdeletion.go).
func (m *merge) workshop() error {
	w := m.in.Workshop
	in := rec(w.ID, w.Updated, w.Device, w.Context, w.Deleted, w.DeletedBy)
	if !m.exists && w.Deleted {
		return m.deletionNeverHere(w, in)
	}
	if !m.exists {
		snapshot, err := m.storeSnapshot(w)
		if err != nil {
			return err
		}
		meta := m.meta(key{"workshops", w.ID}, in.v, in.v.context, in.by)
		_, err = m.tx.ExecContext(m.ctx, `
			INSERT INTO workshops (id, title, client, sector, date, place, facilitator, purpose, retention, language, notes,
			                       deck_id, deck_edition, deck_hash, created_at, updated_at, device_id, deleted_at, context, deleted_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.ID, w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
			w.DeckID, w.DeckEdition, snapshot.hash, m.s.now(), meta.updated, meta.device, meta.deleted, meta.context, meta.deletedBy)
		m.count(key{"workshops", w.ID}, &m.sum.Added)
		return err
	}
	old := m.old.Workshop
	stored := rec(old.ID, old.Updated, old.Device, old.Context, old.Deleted, old.DeletedBy)
	write := func(meta rowMeta) error {
		_, err := m.tx.ExecContext(m.ctx, `
			UPDATE workshops SET title = ?, client = ?, sector = ?, date = ?, place = ?, facilitator = ?, purpose = ?,
			    retention = ?, language = ?, notes = ?, updated_at = ?, device_id = ?, deleted_at = ?, context = ?, deleted_by = ?
			WHERE id = ?`,
			w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
			meta.updated, meta.device, meta.deleted, meta.context, meta.deletedBy, w.ID)
		return err
	}
	if w.Deleted {
		write = nil // only the delete: the fields stay as this laptop has them
	}
	_, _, err := m.editable("workshops", in, true, stored, write)
	return err
}

// storeSnapshot stores the deck snapshot of a workshop new here, before
// its row, which names it.
func (m *merge) storeSnapshot(w game.Workshop) (deckSnapshot, error) {
	snapshot, err := snapshotOf(w.Deck)
	if err != nil {
		return deckSnapshot{}, err
	}
	return snapshot, snapshot.store(m.ctx, m.tx)
}

// key names a record by its table and id: an id is unique among the
// records of its kind only (game.File.Check), so a note may have a
// rating's id, or the workshop's.
type key struct{ table, id string }

// record is one version of an editable record, from the file or stored.
type record struct {
	id      string
	v       version
	deleted bool
	by      game.Context // deletes it holds (deletesOf)
}

// rec is a record's version as read from a file or the store.
func rec(id string, at time.Time, device string, c game.Context, deleted bool, by game.Context) record {
	return record{id, v(at, device, c), deleted, deletesOf(deleted, by, device, at)}
}

// editable merges one version of a record of a table from the file: found
// says whether a version is stored (old). Its fields are those of the
// version with the later stamp (the device id breaking ties), which is
// the one that had seen the other whenever one had, since a change is
// stamped after everything its laptop had seen (clock.go). Whether it is
// deleted is decided apart (mergeDeletes): a delete stays until a restore
// that had seen it, so a delete wins over an edit made without seeing it.
// The merged version has seen what both had. When the file's fields are
// taken, write stores them with the rowMeta given; otherwise only the
// stored row's state and context change, when they do. A nil write (of a
// stored record only) never takes the file's fields: the file carries
// none to take. It reports whether the file's fields were taken, and
// whether the record is deleted now.
func (m *merge) editable(table string, in record, found bool, old record, write func(rowMeta) error) (taken, deleted bool, err error) {
	k := key{table, in.id}
	if !found {
		m.count(k, &m.sum.Added)
		return true, in.deleted, write(m.meta(k, in.v, in.v.context, in.by))
	}
	both := join(in.v.context, old.v.context)
	by := mergeDeletes(in.by, in.v.context, old.by, old.v.context)
	deleted = len(by) > 0
	inWins := write != nil && in.v.after(old.v)
	winner := old.v
	if inWins {
		winner = in.v
	}
	if !inWins && compare(both, old.v.context) == same && contextText(by) == contextText(old.by) {
		m.count(k, &m.sum.Unchanged)
		return false, old.deleted, nil
	}
	switch {
	case deleted && !old.deleted:
		m.count(k, &m.sum.Deleted)
	default:
		m.count(k, &m.sum.Updated)
	}
	meta := m.meta(k, winner, both, by)
	if !inWins {
		_, err := m.tx.ExecContext(m.ctx, `UPDATE `+table+` SET deleted_at = ?, context = ?, deleted_by = ? WHERE id = ?`,
			meta.deleted, meta.context, meta.deletedBy, in.id)
		return false, deleted, err
	}
	return true, deleted, write(meta)
}

// meta is how a merged version is written: the fields' version, what it
// has seen and the deletes left, deleted_at kept from the first deletion
// stored here.
func (m *merge) meta(k key, fields version, seenCtx, by game.Context) rowMeta {
	meta := rowMeta{updated: timeText(fields.at), device: fields.device,
		context: storedContext(seenCtx, fields.device, fields.at), deletedBy: storedDeletes(by, fields.device, fields.at)}
	if len(by) > 0 {
		meta.deleted = timeText(fields.at)
		if at := m.dead[k]; at != "" {
			meta.deleted = at // it was deleted here first
		}
	}
	return meta
}

// count adds one to n, the heading a record is counted under, unless the
// record was counted already.
func (m *merge) count(k key, n *int) {
	if _, done := m.counted[k]; !done {
		*n++
		m.counted[k] = n
	}
}

// recount counts a stored record as updated: one counted unchanged so far
// moves to updated.
func (m *merge) recount(k key) {
	if n := m.counted[k]; n == &m.sum.Unchanged {
		m.sum.Unchanged--
		delete(m.counted, k)
	}
	m.count(k, &m.sum.Updated)
}

func (m *merge) teams() error {
	old := byID(m.old.Teams, func(t game.Team) string { return t.ID })
	for _, t := range m.in.Teams {
		o, found := old[t.ID]
		if _, _, err := m.editable("teams", rec(t.ID, t.Updated, t.Device, t.Context, t.Deleted, t.DeletedBy), found, rec(o.ID, o.Updated, o.Device, o.Context, o.Deleted, o.DeletedBy),
			func(meta rowMeta) error { return upsertTeam(m.ctx, m.tx, m.in.Workshop.ID, t, meta) }); err != nil {
			return err
		}
	}
	return nil
}

func (m *merge) participants() error {
	old := byID(m.old.Participants, func(p game.Participant) string { return p.ID })
	for _, p := range m.in.Participants {
		name := p.RealName
		p.RealName = "" // stored apart
		o, found := old[p.ID]
		in, stored := rec(p.ID, p.Updated, p.Device, p.Context, p.Deleted, p.DeletedBy), rec(o.ID, o.Updated, o.Device, o.Context, o.Deleted, o.DeletedBy)
		taken, deletedAfter, err := m.editable("participants", in, found, stored,
			func(meta rowMeta) error { return upsertParticipant(m.ctx, m.tx, m.in.Workshop.ID, p, meta) })
		if err != nil {
			return err
		}
		if name == "" || deletedAfter || !(taken || !m.names[p.ID]) {
			continue // a file without names never removes any
		}
		if !taken { // only the real name is new here
			m.recount(key{"participants", p.ID})
		}
		if err := setRealName(m.ctx, m.tx, p.ID, name, timeText(p.Updated)); err != nil {
			return err
		}
	}
	return nil
}

func (m *merge) paths() error {
	old := byID(m.old.Paths, func(p game.Path) string { return p.ID })
	for _, p := range m.in.Paths {
		o, found := old[p.ID]
		if _, _, err := m.editable("paths", rec(p.ID, p.Updated, p.Device, p.Context, p.Deleted, p.DeletedBy), found, rec(o.ID, o.Updated, o.Device, o.Context, o.Deleted, o.DeletedBy),
			func(meta rowMeta) error { return upsertPath(m.ctx, m.tx, m.in.Workshop.ID, p, meta) }); err != nil {
			return err
		}
	}
	return nil
}

func (m *merge) plays() error {
	old := byID(m.old.Plays, func(p game.Play) string { return p.ID })
	for _, p := range m.in.Plays {
		o, found := old[p.ID]
		if _, _, err := m.editable("plays", rec(p.ID, p.Updated, p.Device, p.Context, p.Deleted, p.DeletedBy), found, rec(o.ID, o.Updated, o.Device, o.Context, o.Deleted, o.DeletedBy),
			func(meta rowMeta) error { return upsertPlay(m.ctx, m.tx, m.in.Workshop.ID, p, meta) }); err != nil {
			return err
		}
	}
	return nil
}

// ratings merges the ratings: a rating never changes, so a new one is
// added and a stored one takes the file's state (deleted or live) when the
// file's is the newer change.
func (m *merge) ratings() error {
	old := byID(m.old.Ratings, func(r game.Rating) string { return r.ID })
	for _, r := range m.in.Ratings {
		o, found := old[r.ID]
		if !found {
			added, err := insertRating(m.ctx, m.tx, m.in.Workshop.ID, r)
			if err != nil {
				return err
			}
			if !added {
				return errOtherWorkshop("rating", r.ID)
			}
			m.count(key{"ratings", r.ID}, &m.sum.Added)
			continue
		}
		if _, _, err := m.editable("ratings", rec(r.ID, r.Updated, r.Device, r.Context, r.Deleted, r.DeletedBy), true, rec(o.ID, o.Updated, o.Device, o.Context, o.Deleted, o.DeletedBy),
			func(meta rowMeta) error { return setRatingState(m.ctx, m.tx, r.ID, meta) }); err != nil {
			return err
		}
	}
	return nil
}

func (m *merge) notes() error {
	old := byID(m.old.Notes, func(n game.Note) string { return n.ID })
	for _, n := range m.in.Notes {
		o, found := old[n.ID]
		if _, _, err := m.editable("notes", rec(n.ID, n.Updated, n.Device, n.Context, n.Deleted, n.DeletedBy), found, rec(o.ID, o.Updated, o.Device, o.Context, o.Deleted, o.DeletedBy),
			func(meta rowMeta) error { return upsertNote(m.ctx, m.tx, m.in.Workshop.ID, n, timeText(n.At), meta) }); err != nil {
			return err
		}
	}
	return nil
}

// byID indexes records by their ids.
func byID[T any](records []T, id func(T) string) map[string]T {
	out := make(map[string]T, len(records))
	for _, r := range records {
		out[id(r)] = r
	}
	return out
}
