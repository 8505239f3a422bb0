package storage

import (
	"encoding/json"
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

func (m *merge) workshop() error {
	w := m.in.Workshop
	in := v(w.Updated, w.Device, w.Context)
	if !m.exists {
		snapshot, err := json.Marshal(w.Deck)
		if err != nil {
			return err
		}
		_, err = m.tx.ExecContext(m.ctx, `
			INSERT INTO workshops (id, title, client, sector, date, place, facilitator, purpose, retention, language, notes,
			                       deck_id, deck_edition, deck_snapshot, created_at, updated_at, device_id, context)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.ID, w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
			w.DeckID, w.DeckEdition, string(snapshot), m.s.now(), timeText(w.Updated), w.Device, storedContext(in.context, w.Device, w.Updated))
		m.sum.Added++
		return err
	}
	old := m.old.Workshop
	stored := v(old.Updated, old.Device, old.Context)
	deleted := m.dead[w.ID] != ""
	switch compare(in.context, stored.context) {
	case same, older:
		m.sum.Unchanged++
		return nil
	case concurrent:
		// A workshop travels live only: a concurrent edit does not bring
		// back one deleted here, and otherwise the stamp rule decides.
		if deleted || !in.after(stored) {
			m.sum.Unchanged++
			return m.setContext("workshops", w.ID, storedContext(join(in.context, stored.context), old.Device, old.Updated))
		}
		in.context = join(in.context, stored.context)
	}
	m.sum.Updated++
	_, err := m.tx.ExecContext(m.ctx, `
		UPDATE workshops SET title = ?, client = ?, sector = ?, date = ?, place = ?, facilitator = ?, purpose = ?,
		    retention = ?, language = ?, notes = ?, updated_at = ?, device_id = ?, deleted_at = NULL, context = ?
		WHERE id = ?`,
		w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
		timeText(w.Updated), w.Device, storedContext(in.context, w.Device, w.Updated), w.ID)
	return err
}

// setContext stores what a kept version has seen now that a concurrent
// one lost to it, so that every laptop, whichever version reached it
// first, ends with the same version and the same context. The table is a
// constant.
func (m *merge) setContext(table, id, c string) error {
	_, err := m.tx.ExecContext(m.ctx, `UPDATE `+table+` SET context = ? WHERE id = ?`, c, id)
	return err
}

// record is one version of an editable record, from the file or stored.
type record struct {
	id      string
	v       version
	deleted bool
}

// editable merges one version of a record of a table from the file: found
// says whether a version is stored (old). The file's version is taken when
// it had seen the stored one, or when neither had seen the other and it
// wins: a delete wins over an edit, and of two edits or two deletes the
// later stamp (version.after). A stored version that had seen the file's
// is kept. When the file's version is taken, write stores it with the
// rowMeta given. It reports whether the file's version was taken.
func (m *merge) editable(table string, in record, found bool, old record, write func(rowMeta) error) (bool, error) {
	meta := rowMeta{updated: timeText(in.v.at), device: in.v.device, context: storedContext(in.v.context, in.v.device, in.v.at)}
	if in.deleted {
		meta.deleted = timeText(in.v.at)
		if at := m.dead[in.id]; at != "" {
			meta.deleted = at // it was deleted here first
		}
	}
	if !found {
		m.count(in.id, &m.sum.Added)
		return true, write(meta)
	}
	switch compare(in.v.context, old.v.context) {
	case same, older:
		m.count(in.id, &m.sum.Unchanged)
		return false, nil
	case concurrent:
		both := join(in.v.context, old.v.context)
		inWins := in.deleted && !old.deleted || (in.deleted == old.deleted && in.v.after(old.v))
		if !inWins {
			m.count(in.id, &m.sum.Unchanged)
			return false, m.setContext(table, in.id, storedContext(both, old.v.device, old.v.at))
		}
		meta.context = storedContext(both, in.v.device, in.v.at)
	}
	if in.deleted && !old.deleted {
		m.count(in.id, &m.sum.Deleted)
	} else {
		m.count(in.id, &m.sum.Updated)
	}
	return true, write(meta)
}

// count adds one to n, the heading a record is counted under, unless the
// record was counted already.
func (m *merge) count(id string, n *int) {
	if _, done := m.counted[id]; !done {
		*n++
		m.counted[id] = n
	}
}

// recount counts a stored record as updated: one counted unchanged so far
// moves to updated.
func (m *merge) recount(id string) {
	if n := m.counted[id]; n == &m.sum.Unchanged {
		m.sum.Unchanged--
		delete(m.counted, id)
	}
	m.count(id, &m.sum.Updated)
}

func (m *merge) teams() error {
	old := byID(m.old.Teams, func(t game.Team) string { return t.ID })
	for _, t := range m.in.Teams {
		o, found := old[t.ID]
		if _, err := m.editable("teams", record{t.ID, v(t.Updated, t.Device, t.Context), t.Deleted}, found, record{o.ID, v(o.Updated, o.Device, o.Context), o.Deleted},
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
		in, stored := record{p.ID, v(p.Updated, p.Device, p.Context), p.Deleted}, record{o.ID, v(o.Updated, o.Device, o.Context), o.Deleted}
		taken, err := m.editable("participants", in, found, stored,
			func(meta rowMeta) error { return upsertParticipant(m.ctx, m.tx, m.in.Workshop.ID, p, meta) })
		if err != nil {
			return err
		}
		deletedAfter := o.Deleted
		if taken {
			deletedAfter = p.Deleted
		}
		if name == "" || deletedAfter || !(taken || !m.names[p.ID]) {
			continue // a file without names never removes any
		}
		if !taken { // only the real name is new here
			m.recount(p.ID)
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
		if _, err := m.editable("paths", record{p.ID, v(p.Updated, p.Device, p.Context), p.Deleted}, found, record{o.ID, v(o.Updated, o.Device, o.Context), o.Deleted},
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
		if _, err := m.editable("plays", record{p.ID, v(p.Updated, p.Device, p.Context), p.Deleted}, found, record{o.ID, v(o.Updated, o.Device, o.Context), o.Deleted},
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
			m.count(r.ID, &m.sum.Added)
			continue
		}
		if _, err := m.editable("ratings", record{r.ID, v(r.Updated, r.Device, r.Context), r.Deleted}, true, record{o.ID, v(o.Updated, o.Device, o.Context), o.Deleted},
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
		if _, err := m.editable("notes", record{n.ID, v(n.Updated, n.Device, n.Context), n.Deleted}, found, record{o.ID, v(o.Updated, o.Device, o.Context), o.Deleted},
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
