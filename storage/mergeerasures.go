package storage

import (
	"context"
	"time"

	"deckhand/game"
)

// Erasure records in a merge. An erasure erases, in every version of the
// workshop's records stamped at or before it, what EraseWorkshop erases:
// participants' pseudonyms, roles and real names and teams' note-takers,
// and for ErasedNamesNotes also the notes' texts and the workshop's own
// notes. A merge adds the file's erasure records to the stored ones and
// applies all of them both to the file's versions (before they are
// merged) and to the stored ones (after), so whichever laptop a version
// or an erasure reaches first, every laptop ends with the same data and
// none of it erased.

// erasures adds the file's erasure records that are new here, then scrubs
// the file by all the workshop's erasures, stored and new.
func (m *merge) erasures() error {
	stored := byID(m.old.Erasures, func(e game.Erasure) string { return e.ID })
	for _, e := range m.in.Erasures {
		if _, ok := stored[e.ID]; ok {
			m.count(e.ID, &m.sum.Unchanged)
			continue
		}
		res, err := m.tx.ExecContext(m.ctx, `
			INSERT INTO erasures (id, workshop_id, what, erased_at, device_id) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`, e.ID, m.in.Workshop.ID, e.What, timeText(e.At), e.Device)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errOtherWorkshop("erasure", e.ID)
		}
		m.old.Erasures = append(m.old.Erasures, e)
		m.newErasures++
		m.count(e.ID, &m.sum.Added)
	}
	scrubErased(m.in, m.old.Erasures)
	return nil
}

// erasedUntil is the time of the latest erasure of names (any erasure) and
// of the latest that erased notes too; zero when there was none.
func erasedUntil(erasures []game.Erasure) (names, notes time.Time) {
	for _, e := range erasures {
		if e.At.After(names) {
			names = e.At
		}
		if e.What == game.ErasedNamesNotes && e.At.After(notes) {
			notes = e.At
		}
	}
	return names, notes
}

// scrubErased erases in a checked file (checkFile's copy) what the
// erasures erased, so that importing a file made before an erasure does
// not bring the data back. A version changed after the erasure is new data
// and stays as it is.
func scrubErased(f *game.File, erasures []game.Erasure) {
	names, notes := erasedUntil(erasures)
	if names.IsZero() {
		return
	}
	for i := range f.Participants {
		if p := &f.Participants[i]; !p.Updated.After(names) {
			p.Pseudonym, p.Role, p.RealName = ErasedText, "", ""
		}
	}
	for i := range f.Teams {
		if t := &f.Teams[i]; !t.Updated.After(names) {
			t.NoteTaker = ""
		}
	}
	if notes.IsZero() {
		return
	}
	for i := range f.Notes {
		if n := &f.Notes[i]; !n.Updated.After(notes) {
			n.Text = ErasedText
		}
	}
	if !f.Workshop.Updated.After(notes) {
		f.Workshop.Notes = ""
	}
}

// eraseStored applies the workshop's erasures to what is stored, so that
// an erasure that arrives in a file erases here too. Only rows that still
// hold erased data change, so a second import changes nothing.
func (m *merge) eraseStored() error {
	names, notes := erasedUntil(m.old.Erasures)
	if names.IsZero() {
		return nil
	}
	id, until, untilNotes := m.in.Workshop.ID, timeText(names), timeText(notes)
	changes := []struct {
		query string
		args  []any
		when  bool
	}{
		{`UPDATE participants SET pseudonym = ?1, role = '' WHERE workshop_id = ?2 AND updated_at <= ?3
		    AND (pseudonym <> ?1 OR role <> '') RETURNING id`, []any{ErasedText, id, until}, true},
		{`DELETE FROM participant_names WHERE updated_at <= ?2
		    AND participant_id IN (SELECT id FROM participants WHERE workshop_id = ?1) RETURNING participant_id`, []any{id, until}, true},
		{`UPDATE teams SET note_taker = '' WHERE workshop_id = ?1 AND updated_at <= ?2 AND note_taker <> '' RETURNING id`,
			[]any{id, until}, true},
		{`UPDATE notes SET text = ?1 WHERE workshop_id = ?2 AND updated_at <= ?3 AND text <> ?1 RETURNING id`,
			[]any{ErasedText, id, untilNotes}, !notes.IsZero()},
		{`UPDATE workshops SET notes = '' WHERE id = ?1 AND updated_at <= ?2 AND notes <> '' RETURNING id`,
			[]any{id, untilNotes}, !notes.IsZero()},
	}
	for _, c := range changes {
		if !c.when {
			continue
		}
		ids, err := returningIDs(m.ctx, m.tx, c.query, c.args...)
		if err != nil {
			return err
		}
		for _, id := range ids {
			m.recount(id)
		}
	}
	return nil
}

// loadErasures reads a workshop's erasure records, oldest first.
func loadErasures(ctx context.Context, q querier, workshopID string) ([]game.Erasure, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, what, erased_at, device_id FROM erasures WHERE workshop_id = ? ORDER BY erased_at, id`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []game.Erasure{}
	for rows.Next() {
		var e game.Erasure
		var at string
		if err := rows.Scan(&e.ID, &e.What, &at, &e.Device); err != nil {
			return nil, err
		}
		if err := setTime(&e.At, at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
