package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"deckhand/game"
)

// A deleted workshop travels as its tombstone alone: the workshop's own
// record, Deleted, with its stamp, causal context and deletes, and of its
// fields only those a workshop file must have (title, date, language and
// deck snapshot, game.CheckWorkshop); none of its teams, participants,
// paths, cards, ratings or notes, and so none of the personal data in
// them. Its erasure records go with it, holding none: a laptop that merges
// the deletion erases there what was erased here.
//
// Merged where the workshop is stored, a tombstone changes only whether
// it is deleted (a delete stays until a restore that had seen it), never
// its fields, which the file does not carry: a restore there brings the
// workshop back as that laptop had it. Merged where it never was, the
// tombstone is kept, so that the workshop stays deleted whatever file of
// it comes later, but without its records, and with its fields as a
// version that loses to every real one (deletionOnlyDevice): the first
// file of the workshop from a laptop that had it brings them. Until then
// there is nothing to restore here.

// deletionOnlyDevice is the device of a workshop's fields stored from its
// tombstone alone, stamped deletionOnlyStamp: no device makes a change so,
// and every real change is stamped after it. Not the Unix epoch itself,
// whose stamp 0 is what a context holds for a device it never saw.
const deletionOnlyDevice = ""

var deletionOnlyStamp = time.Unix(0, 1).UTC()

// DeletedWorkshop is a line of the list of deleted workshops.
type DeletedWorkshop struct {
	ID, Title, Date string
	Deleted         time.Time // when it was deleted, or the deletion first merged here
	// OnlyDeletion is set when only the workshop's deletion reached this
	// laptop, never the workshop: there is nothing here to restore.
	OnlyDeletion bool
}

// DeletedWorkshops lists the deleted workshops, the latest deleted first,
// so that one can be restored or its deletion exported again.
func (s *Store) DeletedWorkshops(ctx context.Context) ([]DeletedWorkshop, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, title, date, deleted_at, device_id = ? FROM workshops WHERE deleted_at IS NOT NULL
		ORDER BY deleted_at DESC, title, id`, deletionOnlyDevice)
	if err != nil {
		return nil, fmt.Errorf("list deleted workshops: %w", err)
	}
	defer rows.Close()
	var out []DeletedWorkshop
	for rows.Next() {
		var w DeletedWorkshop
		var deleted string
		if err := rows.Scan(&w.ID, &w.Title, &w.Date, &deleted, &w.OnlyDeletion); err != nil {
			return nil, fmt.Errorf("list deleted workshops: %w", err)
		}
		if w.Deleted, err = parseTime(deleted); err != nil {
			return nil, fmt.Errorf("list deleted workshops: %w", err)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list deleted workshops: %w", err)
	}
	return out, nil
}

// deletionOf is the file of a deleted workshop: its tombstone and its
// erasure records.
func deletionOf(ctx context.Context, q querier, w *game.Workshop) (*game.File, error) {
	tomb := game.Workshop{ID: w.ID, Title: w.Title, Date: w.Date, Language: w.Language,
		DeckID: w.DeckID, DeckEdition: w.DeckEdition, Deck: w.Deck,
		Updated: w.Updated, Device: w.Device, Context: w.Context, Deleted: true, DeletedBy: w.DeletedBy}
	f := &game.File{Workshop: tomb, Teams: []game.Team{}, Participants: []game.Participant{}, Paths: []game.Path{},
		Plays: []game.Play{}, Ratings: []game.Rating{}, Notes: []game.Note{}}
	var err error
	f.Erasures, err = loadErasures(ctx, q, w.ID)
	return f, err
}

// refuseOnlyDeletion refuses to restore a workshop (stored as old) known
// here by its merged deletion alone.
func refuseOnlyDeletion(ctx context.Context, tx *sql.Tx, id string, old priorRow) error {
	if old.device != deletionOnlyDevice {
		return nil
	}
	var title string
	if err := tx.QueryRowContext(ctx, `SELECT title FROM workshops WHERE id = ?`, id).Scan(&title); err != nil {
		return err
	}
	return withKind(ErrNotFound, "only the deletion of the workshop %q was merged here, never the workshop itself; restore it on a laptop that has it and merge its file here", title)
}

// onlyTheDeletion leaves out of a file of a deleted workshop that is not
// stored here every record but the workshop's own: a laptop that never
// had it takes its deletion, not its data.
func (m *merge) onlyTheDeletion() error {
	if m.exists || !m.in.Workshop.Deleted {
		return nil
	}
	in := *m.in
	in.Teams, in.Participants, in.Paths = []game.Team{}, []game.Participant{}, []game.Path{}
	in.Plays, in.Ratings, in.Notes = []game.Play{}, []game.Rating{}, []game.Note{}
	m.in = &in
	return nil
}

// deletionNeverHere stores the tombstone of a workshop not stored here:
// deleted by the file's deletes, with what the file's version had seen,
// and its fields as the version every real one wins over.
func (m *merge) deletionNeverHere(w game.Workshop, in record) error {
	snapshot, err := m.storeSnapshot(w)
	if err != nil {
		return err
	}
	var deletedAt int64
	for _, n := range in.by {
		deletedAt = max(deletedAt, n)
	}
	_, err = m.tx.ExecContext(m.ctx, `
		INSERT INTO workshops (id, title, date, language, deck_id, deck_edition, deck_hash,
		                       created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		w.ID, w.Title, w.Date, w.Language, w.DeckID, w.DeckEdition, snapshot.hash,
		m.s.now(), timeText(deletionOnlyStamp), deletionOnlyDevice, timeText(time.Unix(0, deletedAt)),
		storedContext(in.v.context, deletionOnlyDevice, deletionOnlyStamp), contextText(in.by))
	m.count(key{"workshops", w.ID}, &m.sum.Added)
	return err
}
