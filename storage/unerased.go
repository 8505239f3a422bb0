package storage

import (
	"context"
	"time"

	"deckhand/game"
)

// Names kept beside an erasure. An erasure erases the versions its laptop
// had seen (mergeerasures.go); a version made on a laptop that had not yet
// received the erasure, and that the erasing laptop had not seen, is
// concurrent with it: it may have been recorded a minute before the
// erasure or an hour after, and only the wall clocks, which may be wrong,
// could say which. Such a version is kept, since erasing it could erase a
// participant seated after the erasure; but it is never kept silently:
// the merge in which it and the erasure first meet counts it
// (WorkshopImportSummary.NotErased), so that the facilitator can erase
// again if it was recorded before. A change made here after an erasure
// reached this laptop records in its context that it had seen the
// erasure (erasurePoints), so what is seated after it is not counted.

// erasurePoints is, as a context, the erasures stored for a workshop:
// each erasure's device at its stamp. A change made here has seen them,
// and the stamps are of the erasing laptop's clock, after everything that
// laptop had recorded, all of which came with the file that brought the
// erasure. Erasures from before schema 7 have no context and no point.
func erasurePoints(ctx context.Context, q querier, workshopID string) (game.Context, error) {
	if workshopID == "" {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT device_id, erased_at FROM erasures WHERE workshop_id = ? AND context <> ''`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var points game.Context
	for rows.Next() {
		var device, at string
		if err := rows.Scan(&device, &at); err != nil {
			return nil, err
		}
		t, err := parseTime(at)
		if err != nil {
			return nil, err
		}
		if points == nil {
			points = game.Context{}
		}
		if n := t.UnixNano(); device != "" && n > points[device] {
			points[device] = n
		}
	}
	return points, rows.Err()
}

// concurrentWithErasure reports whether a version of a record and an
// erasure had neither seen the other.
func concurrentWithErasure(e game.Erasure, c game.Context, device string, at time.Time) bool {
	return e.Context != nil && !hasSeen(e.Context, device, at) && !hasSeen(seen(c, device, at), e.Device, e.At)
}

// keptBeside is, of a workshop's live records, those that hold personal
// data in a version concurrent with one of its erasures, each with the
// latest such erasure's stamp. hasRealName says which participants
// have a real name stored.
func keptBeside(f *game.File, erasures []game.Erasure, hasRealName func(id string) bool) map[key]time.Time {
	out := map[key]time.Time{}
	check := func(table, id string, c game.Context, device string, at time.Time, holdsNames, holdsNotes bool) {
		k := key{table, id}
		for _, e := range erasures {
			holds := holdsNames || (holdsNotes && e.What == game.ErasedNamesNotes)
			if holds && concurrentWithErasure(e, c, device, at) && e.At.After(out[k]) {
				out[k] = e.At
			}
		}
	}
	named := func(value string) bool { return value != "" && value != ErasedText }
	for _, p := range f.Participants {
		if !p.Deleted {
			check("participants", p.ID, p.Context, p.Device, p.Updated, named(p.Pseudonym) || p.Role != "" || hasRealName(p.ID), false)
		}
	}
	for _, t := range f.Teams {
		if !t.Deleted {
			check("teams", t.ID, t.Context, t.Device, t.Updated, named(t.NoteTaker), false)
		}
	}
	for _, n := range f.Notes {
		if !n.Deleted {
			check("notes", n.ID, n.Context, n.Device, n.Updated, false, named(n.Text))
		}
	}
	w := f.Workshop
	check("workshops", w.ID, w.Context, w.Device, w.Updated, false, named(w.Notes))
	return out
}

// noteKeptBefore records what was kept beside the stored erasures before
// the merge, so that only what this merge brings together is counted.
func (m *merge) noteKeptBefore() error {
	m.keptBefore = keptBeside(m.old, m.old.Erasures, func(id string) bool { return m.names[id] })
	return nil
}

// countKept counts, after the merge, what is kept beside an erasure that
// was not before it.
func (m *merge) countKept() error {
	if len(m.old.Erasures) == 0 {
		return nil
	}
	f, err := m.s.storedWithNames(m.ctx, m.tx, m.in.Workshop.ID)
	if err != nil {
		return err
	}
	for k, at := range keptBeside(f, m.old.Erasures, func(id string) bool { return realNameOf(f, id) != "" }) {
		if _, before := m.keptBefore[k]; before {
			continue
		}
		m.sum.NotErased++
		if at.After(m.sum.NotErasedSince) {
			m.sum.NotErasedSince = at
		}
	}
	return nil
}

func realNameOf(f *game.File, participantID string) string {
	for _, p := range f.Participants {
		if p.ID == participantID {
			return p.RealName
		}
	}
	return ""
}
