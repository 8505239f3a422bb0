package storage

import (
	"reflect"

	"deckhand/game"
)

// The steps of a merge, one per kind of record, parents before children
// (see ImportWorkshop for the rules).

func (m *merge) teams() error {
	old := byID(m.old.Teams, func(t game.Team) string { return t.ID })
	for _, t := range m.in.Teams {
		o, found := old[t.ID]
		if _, err := m.editable(t.ID, found, reflect.DeepEqual(o, t), t.Updated, o.Updated, t.Deleted, o.Deleted,
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
		p.RealName = "" // stored apart, and never in a stored version read back
		o, found := old[p.ID]
		same := reflect.DeepEqual(o, p)
		taken := !found || m.takes(p.ID, same, p.Updated, o.Updated)
		deletedAfter := o.Deleted
		if taken {
			deletedAfter = p.Deleted
		}
		withName := name != "" && !deletedAfter && (taken || !m.names[p.ID])
		if !taken && withName { // only the real name is new here
			m.count(p.ID, &m.sum.Updated)
			if err := setRealName(m.ctx, m.tx, p.ID, name, timeText(p.Updated)); err != nil {
				return err
			}
			continue
		}
		if _, err := m.editable(p.ID, found, same, p.Updated, o.Updated, p.Deleted, o.Deleted,
			func(meta rowMeta) error { return upsertParticipant(m.ctx, m.tx, m.in.Workshop.ID, p, meta) }); err != nil {
			return err
		}
		if withName {
			if err := setRealName(m.ctx, m.tx, p.ID, name, timeText(p.Updated)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *merge) paths() error {
	old := byID(m.old.Paths, func(p game.Path) string { return p.ID })
	for _, p := range m.in.Paths {
		o, found := old[p.ID]
		if _, err := m.editable(p.ID, found, reflect.DeepEqual(o, p), p.Updated, o.Updated, p.Deleted, o.Deleted,
			func(meta rowMeta) error { return upsertPath(m.ctx, m.tx, m.in.Workshop.ID, p, meta) }); err != nil {
			return err
		}
	}
	return nil
}

// plays merges the plays. A play whose deletion or restoration is taken
// takes its stored ratings and notes along, as DeletePlay and RestorePlay
// do; afterwards the states of plays, ratings and notes are read again.
func (m *merge) plays() error {
	old := byID(m.old.Plays, func(p game.Play) string { return p.ID })
	for _, p := range m.in.Plays {
		o, found := old[p.ID]
		taken, err := m.editable(p.ID, found, reflect.DeepEqual(o, p), p.Updated, o.Updated, p.Deleted, o.Deleted,
			func(meta rowMeta) error { return upsertPlay(m.ctx, m.tx, m.in.Workshop.ID, p, meta) })
		if err != nil {
			return err
		}
		if !taken || !found || p.Deleted == o.Deleted {
			continue
		}
		at := timeText(p.Updated)
		var ids []string
		counter := &m.sum.Updated
		if p.Deleted {
			ids, err = cascadeDelete(m.ctx, m.tx, p.ID, at, m.device)
			counter = &m.sum.Deleted
		} else {
			ids, err = cascadeRestore(m.ctx, m.tx, p.ID, m.dead[p.ID], at, m.device)
		}
		if err != nil {
			return err
		}
		for _, id := range ids {
			m.count(id, counter)
			m.counted[id] = true
		}
	}
	m.old.Notes = nil
	if err := loadRows(m.ctx, m.tx, notesQuery, m.in.Workshop.ID, true, m.old); err != nil {
		return err
	}
	return m.loadStates("plays", "ratings", "notes")
}

func (m *merge) ratings() error {
	filePlays := byID(m.in.Plays, func(p game.Play) string { return p.ID })
	for _, r := range m.in.Ratings {
		deletedAt, found := m.dead[r.ID]
		// A rating deleted with its play is deleted when the play was.
		when := m.s.now()
		fp := filePlays[r.PlayID]
		withPlay := fp.Deleted
		if withPlay {
			when = timeText(fp.Updated)
			if m.dead[r.PlayID] != "" {
				when = m.dead[r.PlayID]
			}
		}
		switch {
		case !found:
			var deleted any
			switch {
			case r.Deleted:
				deleted = when
			case m.dead[r.PlayID] != "": // its play is deleted here: it goes with it
				deleted = m.dead[r.PlayID]
			}
			added, err := insertRating(m.ctx, m.tx, m.in.Workshop.ID, r, m.device, deleted)
			if err != nil {
				return err
			}
			if !added {
				return errOtherWorkshop("rating", r.ID)
			}
			m.sum.Added++
		case r.Deleted && deletedAt == "" && !(withPlay && m.dead[r.PlayID] == ""):
			if _, err := m.tx.ExecContext(m.ctx, `UPDATE ratings SET deleted_at = ?, device_id = ? WHERE id = ?`, when, m.device, r.ID); err != nil {
				return err
			}
			m.count(r.ID, &m.sum.Deleted)
		default:
			m.count(r.ID, &m.sum.Unchanged)
		}
	}
	return nil
}

func (m *merge) notes() error {
	old := byID(m.old.Notes, func(n game.Note) string { return n.ID })
	for _, n := range m.in.Notes {
		o, found := old[n.ID]
		if _, err := m.editable(n.ID, found, reflect.DeepEqual(o, n), n.Updated, o.Updated, n.Deleted, o.Deleted,
			func(meta rowMeta) error {
				if !n.Deleted && n.PlayID != "" && m.dead[n.PlayID] != "" {
					meta.deleted = m.dead[n.PlayID] // its play is deleted here: it goes with it
				}
				return upsertNote(m.ctx, m.tx, m.in.Workshop.ID, n, timeText(n.At), meta)
			}); err != nil {
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
