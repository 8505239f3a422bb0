package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"deckhand/game"
)

// WorkshopImportSummary counts what ImportWorkshop did with the file's
// records (the workshop itself included): added as new, updated (a newer
// edit, or a record brought back), deleted (a tombstone that won), and
// unchanged. Records stored here that a winning play tombstone took along
// count as deleted, or as updated when a restored play brought them back.
// A second import of the same file counts every record as unchanged.
type WorkshopImportSummary struct {
	Added, Updated, Deleted, Unchanged int
}

// ImportWorkshop merges a workshop file (from ExportWorkshop on this or
// another laptop) into the database in one transaction. It first checks
// the file's format and version and every record, by the same rules as the
// Save functions but against the file's own deck snapshot; a record that
// refers to a team, path, play or participant that is neither in the file
// nor stored in the workshop is refused, naming it (ErrBadFile). A refused
// file changes nothing.
//
// Records are matched by id. New ones are added as they are, tombstones
// too. Of a workshop, team, participant, path, play or note stored here
// already, the file's version is taken only when its Updated is newer (the
// device ids break a tie), so an older edit never overwrites a newer one, a
// newer tombstone deletes, and a stored tombstone never comes back through
// an older live record. Ratings never change: a tombstone in the file
// deletes a stored live rating, unless it went with a play whose deletion
// lost to a newer version here. The deck snapshot of a stored workshop
// never changes. Real names in the file are stored for live participants
// when the participant's version is taken or none is stored yet; a file
// without names never removes any. Importing the same file twice changes
// nothing.
func (s *Store) ImportWorkshop(ctx context.Context, f *game.File) (WorkshopImportSummary, error) {
	return s.importWorkshop(ctx, f, false)
}

// PreviewImport says what ImportWorkshop would add, change and delete,
// without changing anything: the same merge runs and is rolled back.
func (s *Store) PreviewImport(ctx context.Context, f *game.File) (WorkshopImportSummary, error) {
	return s.importWorkshop(ctx, f, true)
}

// errPreview rolls back a merge that was only run to count it.
var errPreview = errors.New("preview only")

func (s *Store) importWorkshop(ctx context.Context, f *game.File, preview bool) (WorkshopImportSummary, error) {
	in, err := checkFile(f)
	if err != nil {
		return WorkshopImportSummary{}, err
	}
	var sum WorkshopImportSummary
	err = s.write(ctx, "import workshop "+in.Workshop.Title, func(tx *sql.Tx) error {
		m := &merge{s: s, ctx: ctx, tx: tx, in: in, device: in.Device, counted: map[string]bool{}}
		if err := m.loadErased(); err != nil { // load, then drop from the file what an erasure erased
			return err
		}
		if err := m.checkReferences(); err != nil {
			return err
		}
		if err := m.run(); err != nil {
			return err
		}
		sum = m.sum
		if preview {
			return errPreview
		}
		return nil
	})
	if err != nil && !(preview && errors.Is(err, errPreview)) {
		return WorkshopImportSummary{}, err
	}
	return sum, nil
}

// merge is one import in progress, inside its transaction.
type merge struct {
	s      *Store
	ctx    context.Context
	tx     *sql.Tx
	in     *game.File // the checked file, times in UTC
	device string     // the device that wrote the file

	exists  bool       // the workshop is stored already (perhaps deleted)
	old     *game.File // what is stored, tombstones included
	devices map[string]string
	dead    map[string]string // deleted_at of stored tombstones by id
	names   map[string]bool   // participants with a stored real name
	counted map[string]bool   // stored records a cascade already counted
	sum     WorkshopImportSummary
}

// load reads what the database holds of the file's workshop.
func (m *merge) load() error {
	m.old = &game.File{}
	m.devices, m.dead, m.names = map[string]string{}, map[string]string{}, map[string]bool{}
	w, err := prior(m.ctx, m.tx, "workshops", m.in.Workshop.ID)
	if err != nil || !w.exists {
		return err
	}
	m.exists = true
	stored, err := m.s.loadWorkshop(m.ctx, m.tx, m.in.Workshop.ID, true)
	if err != nil {
		return err
	}
	m.old.Workshop = *stored
	m.devices[stored.ID], m.dead[stored.ID] = w.device, w.deletedAt
	if err := loadRecords(m.ctx, m.tx, stored.ID, true, m.old); err != nil {
		return err
	}
	if err := m.loadStates("teams", "participants", "paths", "plays", "ratings", "notes"); err != nil {
		return err
	}
	ids, err := returningIDs(m.ctx, m.tx, `
		SELECT n.participant_id FROM participant_names n JOIN participants p ON p.id = n.participant_id
		WHERE p.workshop_id = ?`, stored.ID)
	for _, id := range ids {
		m.names[id] = true
	}
	return err
}

// loadStates reads the device and tombstone time of the workshop's stored
// records of the tables named (constants).
func (m *merge) loadStates(tables ...string) error {
	for _, table := range tables {
		rows, err := m.tx.QueryContext(m.ctx, `SELECT id, device_id, COALESCE(deleted_at, '') FROM `+table+` WHERE workshop_id = ?`, m.in.Workshop.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, device, deleted string
			if err := rows.Scan(&id, &device, &deleted); err != nil {
				rows.Close()
				return err
			}
			m.devices[id], m.dead[id] = device, deleted
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// checkReferences refuses a file whose records refer to records that are
// neither in the file nor stored in the workshop.
func (m *merge) checkReferences() error {
	teams, participants, plays := map[string]bool{}, map[string]bool{}, map[string]bool{}
	pathTeam := map[string]string{}
	for _, f := range []*game.File{m.old, m.in} { // the file's version of a path last
		for _, t := range f.Teams {
			teams[t.ID] = true
		}
		for _, p := range f.Participants {
			participants[p.ID] = true
		}
		for _, p := range f.Paths {
			pathTeam[p.ID] = p.TeamID
		}
		for _, p := range f.Plays {
			plays[p.ID] = true
		}
	}
	missing := func(format string, args ...any) error {
		return withKind(ErrBadFile, "the file cannot be imported: "+format, args...)
	}
	for _, p := range m.in.Participants {
		if p.TeamID != "" && !teams[p.TeamID] {
			return missing("participant %s is at team %s, which is neither in the file nor in the workshop", p.Pseudonym, p.TeamID)
		}
	}
	for _, p := range m.in.Paths {
		if !teams[p.TeamID] {
			return missing("path %q is team %s's, which is neither in the file nor in the workshop", p.Name, p.TeamID)
		}
	}
	for _, p := range m.in.Plays {
		switch team, inPath := pathTeam[p.PathID]; {
		case !teams[p.TeamID]:
			return missing("card %s (play %s) was played by team %s, which is neither in the file nor in the workshop", p.Code, p.ID, p.TeamID)
		case p.PathID != "" && !inPath:
			return missing("card %s (play %s) lies in path %s, which is neither in the file nor in the workshop", p.Code, p.ID, p.PathID)
		case p.PathID != "" && team != p.TeamID:
			return missing("card %s (play %s) lies in path %s of another team", p.Code, p.ID, p.PathID)
		}
	}
	for _, r := range m.in.Ratings {
		switch {
		case !plays[r.PlayID]:
			return missing("rating %s is of play %s, which is neither in the file nor in the workshop", r.ID, r.PlayID)
		case r.Rater != game.RaterTeam && !participants[r.Rater]:
			return missing("rating %s was given by %s, who is neither the team nor a participant of the workshop", r.ID, r.Rater)
		}
	}
	for _, n := range m.in.Notes {
		switch {
		case n.TeamID != "" && !teams[n.TeamID]:
			return missing("note %s is team %s's, which is neither in the file nor in the workshop", n.ID, n.TeamID)
		case n.PlayID != "" && !plays[n.PlayID]:
			return missing("note %s is about play %s, which is neither in the file nor in the workshop", n.ID, n.PlayID)
		}
	}
	return nil
}

// run merges the records, parents before children.
func (m *merge) run() error {
	steps := []func() error{m.workshop, m.teams, m.participants, m.paths, m.plays, m.ratings, m.notes}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (m *merge) workshop() error {
	w := m.in.Workshop
	if !m.exists {
		snapshot, err := json.Marshal(w.Deck)
		if err != nil {
			return err
		}
		_, err = m.tx.ExecContext(m.ctx, `
			INSERT INTO workshops (id, title, client, sector, date, place, facilitator, purpose, retention, language, notes,
			                       deck_id, deck_edition, deck_snapshot, created_at, updated_at, device_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.ID, w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
			w.DeckID, w.DeckEdition, string(snapshot), m.s.now(), timeText(w.Updated), m.device)
		m.sum.Added++
		return err
	}
	old := m.old.Workshop
	same := editableFields(w) == editableFields(old) && w.Updated.Equal(old.Updated) && m.dead[w.ID] == ""
	if !m.takes(w.ID, same, w.Updated, old.Updated) {
		m.sum.Unchanged++
		return nil
	}
	m.sum.Updated++
	_, err := m.tx.ExecContext(m.ctx, `
		UPDATE workshops SET title = ?, client = ?, sector = ?, date = ?, place = ?, facilitator = ?, purpose = ?,
		    retention = ?, language = ?, notes = ?, updated_at = ?, device_id = ?, deleted_at = NULL
		WHERE id = ?`,
		w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
		timeText(w.Updated), m.device, w.ID)
	return err
}

// editableFields is a workshop's fields that UpdateWorkshop changes.
func editableFields(w game.Workshop) [10]string {
	return [10]string{w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes}
}

// takes reports whether the file's version of a stored record replaces it:
// a different version that is newer, or as new and from the greater device.
func (m *merge) takes(id string, same bool, in, stored time.Time) bool {
	return !same && (in.After(stored) || (in.Equal(stored) && m.device > m.devices[id]))
}

// editable merges one editable record: found says whether it is stored,
// same whether the stored version equals the file's. write stores the
// file's version with the rowMeta given. It reports whether the file's
// version was taken.
func (m *merge) editable(id string, found, same bool, in, stored time.Time, deleted, wasDeleted bool, write func(rowMeta) error) (bool, error) {
	meta := rowMeta{updated: timeText(in), device: m.device}
	if deleted {
		meta.deleted = timeText(in)
		if wasDeleted {
			meta.deleted = m.dead[id] // it was deleted here first
		}
	}
	switch {
	case !found:
		m.count(id, &m.sum.Added)
	case !m.takes(id, same, in, stored):
		m.count(id, &m.sum.Unchanged)
		return false, nil
	case deleted && !wasDeleted:
		m.count(id, &m.sum.Deleted)
	default:
		m.count(id, &m.sum.Updated)
	}
	return true, write(meta)
}

// count adds one to n unless a cascade counted the record already.
func (m *merge) count(id string, n *int) {
	if !m.counted[id] {
		*n++
	}
}
