package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"sort"
	"time"

	"deckhand/game"
)

// Erasure records in a merge. An erasure erases what EraseWorkshop erases
// (participants' pseudonyms, roles and real names and teams' note-takers,
// and for ErasedNamesNotes also the notes' texts and the workshop's own
// notes) in the versions the erasing laptop had seen: those whose change
// its context holds (hasSeen), whatever their stamps. It also erases a
// version of a record it erased that was made without seeing it (a laptop
// that had not received the erasure deleted or edited the record): such a
// version carries along the values it had, some of which the erasing
// laptop may have replaced before it erased, and nothing says which fields
// were typed anew. The erasure names the records it erased, and the values,
// by keyed hashes (recordHash, erasedHash) so that it holds none of them; a
// field that still holds an erased value is erased in any version. A record
// it had not seen (someone seated on a laptop it had not heard from, before
// or after it) keeps its data, and the merge says so (unerased.go). An
// erasure from before schema 7 (file version 3) has no context and erases
// every version stamped at or before it, as it always did. A merge adds the
// file's erasure records to the stored ones and applies all of them to the
// file's versions and to the stored ones before the records are merged
// (a merged version has seen what both sides had, an erasure too, though
// its fields may be one side's alone), so whichever laptop a version or an
// erasure reaches first, every laptop ends with the same data.

// erasure is an erasure record with its hashes as a set.
type erasure struct {
	game.Erasure
	hashes map[string]bool
}

func erasureSet(es []game.Erasure) []erasure {
	out := make([]erasure, len(es))
	for i, e := range es {
		out[i] = erasure{e, map[string]bool{}}
		for _, h := range e.Hashes {
			out[i].hashes[h] = true
		}
	}
	return out
}

// The fields an erasure erases, as its hashes name them.
const (
	fieldPseudonym = "pseudonym"
	fieldRole      = "role"
	fieldRealName  = "real_name"
	fieldNoteTaker = "note_taker"
	fieldNoteText  = "text"
	fieldNotes     = "notes" // the workshop's own
)

// notesField says which fields only ErasedNamesNotes erases.
func notesField(field string) bool { return field == fieldNoteText || field == fieldNotes }

// erases reports whether any of the erasures erases a field's value in a
// version of a record (its change: context, device and stamp).
func erases(es []erasure, id string, c game.Context, device string, at time.Time, field, value string) bool {
	if value == "" || value == ErasedText {
		return false
	}
	for _, e := range es {
		switch {
		case notesField(field) && e.What != game.ErasedNamesNotes:
		case e.Context == nil:
			if !at.After(e.At) {
				return true
			}
		case hasSeen(e.Context, device, at) || e.hashes[erasedHash(e.ID, id, field, value)]:
			return true
		case e.hashes[recordHash(e.ID, id)] && !hasSeen(seen(c, device, at), e.Device, e.At):
			// A version of a record the erasure erased, made without
			// seeing it, carries along values that the erasing laptop
			// may have replaced before it erased, and no version says
			// which fields were typed anew.
			return true
		}
	}
	return false
}

// recordHash is the keyed hash by which an erasure names a record it
// erased, without its id in the clear.
func recordHash(erasureID, recordID string) string {
	return erasedHash(erasureID, recordID, "record", "")
}

// erasures adds the file's erasure records that are new here, then scrubs
// the file by all the workshop's erasures, stored and new.
func (m *merge) erasures() error {
	stored := byID(m.old.Erasures, func(e game.Erasure) string { return e.ID })
	for _, e := range m.in.Erasures {
		if _, ok := stored[e.ID]; ok {
			m.count(key{"erasures", e.ID}, &m.sum.Unchanged)
			continue
		}
		hashes, err := json.Marshal(notNilStrings(e.Hashes))
		if err != nil {
			return err
		}
		res, err := m.tx.ExecContext(m.ctx, `
			INSERT INTO erasures (id, workshop_id, what, erased_at, device_id, context, hashes) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`, e.ID, m.in.Workshop.ID, e.What, timeText(e.At), e.Device, contextText(e.Context), hashesText(e.Hashes, hashes))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errOtherWorkshop("erasure", e.ID)
		}
		m.old.Erasures = append(m.old.Erasures, e)
		m.newErasures++
		m.count(key{"erasures", e.ID}, &m.sum.Added)
	}
	scrubErased(m.in, m.old.Erasures)
	return nil
}

func notNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// hashesText is an erasure's hashes as stored: "" for none.
func hashesText(hashes []string, text []byte) string {
	if len(hashes) == 0 {
		return ""
	}
	return string(text)
}

// scrubErased erases in a file (checkFile's copy, or what is stored, read
// into one) what the erasures erase, and returns the records it changed.
// Real names are the participants' RealName.
func scrubErased(f *game.File, erasures []game.Erasure) map[key]bool {
	changed := map[key]bool{}
	if len(erasures) == 0 {
		return changed
	}
	es := erasureSet(erasures)
	clear := func(table, id string, c game.Context, device string, at time.Time, field string, value *string, to string) {
		if erases(es, id, c, device, at, field, *value) {
			*value = to
			changed[key{table, id}] = true
		}
	}
	for i := range f.Participants {
		p := &f.Participants[i]
		clear("participants", p.ID, p.Context, p.Device, p.Updated, fieldPseudonym, &p.Pseudonym, ErasedText)
		clear("participants", p.ID, p.Context, p.Device, p.Updated, fieldRole, &p.Role, "")
		clear("participants", p.ID, p.Context, p.Device, p.Updated, fieldRealName, &p.RealName, "")
	}
	for i := range f.Teams {
		t := &f.Teams[i]
		clear("teams", t.ID, t.Context, t.Device, t.Updated, fieldNoteTaker, &t.NoteTaker, "")
	}
	for i := range f.Notes {
		n := &f.Notes[i]
		clear("notes", n.ID, n.Context, n.Device, n.Updated, fieldNoteText, &n.Text, ErasedText)
	}
	w := &f.Workshop
	clear("workshops", w.ID, w.Context, w.Device, w.Updated, fieldNotes, &w.Notes, "")
	return changed
}

// eraseStored applies the workshop's erasures to what is stored, so that
// an erasure that arrives in a file erases here too. Only rows that still
// hold erased data change, so a second import changes nothing.
func (m *merge) eraseStored() error {
	if len(m.old.Erasures) == 0 {
		return nil
	}
	f, err := m.s.storedWithNames(m.ctx, m.tx, m.in.Workshop.ID)
	if err != nil {
		return err
	}
	before := map[string]string{}
	for _, p := range f.Participants {
		before[p.ID] = p.RealName
	}
	changed := scrubErased(f, m.old.Erasures)
	if len(changed) == 0 {
		return nil
	}
	exec := func(query string, args ...any) error {
		_, err := m.tx.ExecContext(m.ctx, query, args...)
		return err
	}
	for _, p := range f.Participants {
		k := key{"participants", p.ID}
		if !changed[k] {
			continue
		}
		m.recount(k)
		if err := exec(`UPDATE participants SET pseudonym = ?, role = ? WHERE id = ?`, p.Pseudonym, p.Role, p.ID); err != nil {
			return err
		}
		if p.RealName == "" && before[p.ID] != "" {
			if err := exec(`DELETE FROM participant_names WHERE participant_id = ?`, p.ID); err != nil {
				return err
			}
		}
	}
	for _, t := range f.Teams {
		if k := (key{"teams", t.ID}); changed[k] {
			m.recount(k)
			if err := exec(`UPDATE teams SET note_taker = ? WHERE id = ?`, t.NoteTaker, t.ID); err != nil {
				return err
			}
		}
	}
	for _, n := range f.Notes {
		if k := (key{"notes", n.ID}); changed[k] {
			m.recount(k)
			if err := exec(`UPDATE notes SET text = ? WHERE id = ?`, n.Text, n.ID); err != nil {
				return err
			}
		}
	}
	if k := (key{"workshops", f.Workshop.ID}); changed[k] {
		m.recount(k)
		return exec(`UPDATE workshops SET notes = ? WHERE id = ?`, f.Workshop.Notes, f.Workshop.ID)
	}
	return nil
}

// storedWithNames reads a stored workshop, live or deleted, with its
// tombstones and its participants' real names.
func (s *Store) storedWithNames(ctx context.Context, tx *sql.Tx, id string) (*game.File, error) {
	w, err := s.loadWorkshop(ctx, tx, id, true)
	if err != nil {
		return nil, err
	}
	f := &game.File{Workshop: *w}
	if err := loadRecords(ctx, tx, id, true, f); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT n.participant_id, n.real_name FROM participant_names n JOIN participants p ON p.id = n.participant_id
		WHERE p.workshop_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var pid, name string
		if err := rows.Scan(&pid, &name); err != nil {
			return nil, err
		}
		names[pid] = name
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range f.Participants {
		f.Participants[i].RealName = names[f.Participants[i].ID]
	}
	return f, nil
}

// erasureOf is what an erasure made here now records of the stored
// workshop f: what this laptop had seen of it, and the keyed hashes of
// every value it erases.
func erasureOf(f *game.File, e *game.Erasure) {
	var c game.Context
	for _, v := range f.Versions() {
		c = join(c, seen(v.Context, v.Device, v.Updated))
	}
	var hashes []string
	hash := func(id, field, value string) {
		if value != "" && value != ErasedText && (!notesField(field) || e.What == game.ErasedNamesNotes) {
			hashes = append(hashes, erasedHash(e.ID, id, field, value))
		}
	}
	erased := func(id string) { hashes = append(hashes, recordHash(e.ID, id)) }
	notesToo := e.What == game.ErasedNamesNotes
	for _, t := range f.Teams {
		hash(t.ID, fieldNoteTaker, t.NoteTaker)
		erased(t.ID)
	}
	for _, p := range f.Participants {
		erased(p.ID)
		hash(p.ID, fieldPseudonym, p.Pseudonym)
		hash(p.ID, fieldRole, p.Role)
		hash(p.ID, fieldRealName, p.RealName)
	}
	for _, n := range f.Notes {
		hash(n.ID, fieldNoteText, n.Text)
		if notesToo {
			erased(n.ID)
		}
	}
	hash(f.Workshop.ID, fieldNotes, f.Workshop.Notes)
	if notesToo {
		erased(f.Workshop.ID)
	}
	sort.Strings(hashes)
	e.Context, e.Hashes = c, slices.Compact(hashes)
}

// loadErasures reads a workshop's erasure records, oldest first.
func loadErasures(ctx context.Context, q querier, workshopID string) ([]game.Erasure, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, what, erased_at, device_id, context, hashes FROM erasures WHERE workshop_id = ? ORDER BY erased_at, id`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []game.Erasure{}
	for rows.Next() {
		var e game.Erasure
		var at, seenText, hashes string
		if err := rows.Scan(&e.ID, &e.What, &at, &e.Device, &seenText, &hashes); err != nil {
			return nil, err
		}
		var err error
		if e.Context, err = parseContext(seenText); err != nil {
			return nil, err
		}
		if hashes != "" {
			if err := json.Unmarshal([]byte(hashes), &e.Hashes); err != nil {
				return nil, err
			}
		}
		if err := setTime(&e.At, at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
