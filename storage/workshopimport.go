package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"deckhand/game"
)

// WorkshopImportSummary counts what ImportWorkshop did with the file's
// records (the workshop itself and its erasure records included): added as
// new, updated (a newer edit taken, a record brought back, or personal
// data erased by an erasure record new here), deleted (a tombstone that
// won over a live record), and unchanged. A second import of the same file
// counts every record as unchanged.
//
// BackupsHolding are the backups of this database, newest first, that
// still hold personal data an erasure new here erased (see
// BackupsHoldingErased): an erasure that arrives by merge leaves them as
// they are, so the person who merged is told to delete them. None when the
// merge brought no erasure new here, and none in a preview.
type WorkshopImportSummary struct {
	Added, Updated, Deleted, Unchanged int
	BackupsHolding                     []string
	// NotErased counts the records this merge brought together with an
	// erasure that neither had seen the other (unerased.go): names, and
	// notes for an erasure of notes, kept though they may have been
	// recorded before it; NotErasedSince is the latest such erasure.
	NotErased      int
	NotErasedSince time.Time
}

// ImportWorkshop merges a workshop file (from ExportWorkshop on this or
// another laptop) into the database in one transaction. It first checks
// the file by its own rules, game.File.Check (its format and version, and
// every record by the same rules as the Save functions but against the
// file's own deck snapshot, every reference to a record in the file), and
// refuses it with every problem found (ErrBadFile, cards.Problems, and
// game.ErrRule when a rule of the game refused a record). A refused file
// changes nothing.
//
// The merge is the same whatever the order of the files and however often
// each comes, so that several laptops that exchange their files end with
// the same workshop:
//
//   - Records are matched by id; new ones are added as they are,
//     tombstones too.
//   - Of a record stored already (workshop, team, participant, path, play,
//     rating or note), the file's fields replace the stored ones only when
//     they are newer: a later stamp of the hybrid logical clock (see
//     clock.go), or the same stamp from the greater device id. The device
//     is the one that made the edit, which the file carries for every
//     record, not the laptop that passed the file on. A change is stamped
//     after everything its laptop had seen, so an edit never loses to one
//     it had seen.
//   - Whether a record is deleted is decided by what each change had seen
//     (causal.go): a delete stays until a restore that had seen it, so it
//     wins over an edit made without seeing it, whatever the clocks said.
//   - A rating or note keeps its own state when its play is deleted, so no
//     change to a play changes them.
//   - A deleted workshop's file is its tombstone alone (workshopdeletion.go):
//     where the workshop is stored it changes only whether it is deleted,
//     never its fields; where it never was, the tombstone is kept and none
//     of the file's records, so no personal data comes with a deletion.
//   - Erasure records are added to the stored ones; every version the
//     erasing laptop had seen, in the file or stored, loses what that
//     erasure erased, and so does every version of a record it erased made
//     without seeing it, and a field of any version that still holds an
//     erased value (scrubErased, eraseStored), so no file can bring erased
//     data back; a record the erasure had not seen keeps its data, and the
//     merge that brings the two together counts it (NotErased). A merge that brought a new erasure compacts the file
//     afterwards, as EraseWorkshop does, and names the backups here that
//     still hold the erased data (BackupsHolding).
//
// The deck snapshot of a stored workshop never changes: a file whose
// snapshot differs from it (another card, another rating scale) is refused,
// naming the workshop and the difference. Real names in the
// file are stored for live participants when the participant's version is
// taken or none is stored yet; a file without names never removes any.
// After the merge the store's clock is past every stamp in the file; a file
// with a stamp more than a day after this laptop's clock is refused, so
// that a clock set wrong cannot drag this one along (see checkStamps).
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
	if err := s.checkStamps(in); err != nil {
		return WorkshopImportSummary{}, err
	}
	if len(in.Erasures) > 0 && !preview {
		// An erasure new here deletes text in the transaction: secure_delete
		// (the connection's, so set before it begins) overwrites it.
		if _, err := s.db.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
			return WorkshopImportSummary{}, fmt.Errorf("import workshop: %w", err)
		}
	}
	var sum WorkshopImportSummary
	var newErasures int
	var erasures []game.Erasure
	err = s.write(ctx, "import workshop "+in.Workshop.Title, func(tx *sql.Tx) error {
		m := &merge{s: s, ctx: ctx, tx: tx, in: in, counted: map[key]*int{}}
		// What is stored is erased by the file's erasures before the
		// records merge: a merged version has seen what both sides had,
		// and may have seen an erasure that one side's fields had not.
		steps := []func() error{m.load, m.onlyTheDeletion, m.noteKeptBefore, m.erasures, m.eraseStored,
			m.workshop, m.teams, m.participants, m.paths, m.plays, m.ratings, m.notes, m.countKept}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		sum, newErasures, erasures = m.sum, m.newErasures, m.old.Erasures
		if preview {
			return errPreview
		}
		if newErasures > 0 {
			return markErasurePending(ctx, tx) // compacted below, or by the next Open
		}
		return nil
	})
	if preview && errors.Is(err, errPreview) {
		return sum, nil
	}
	if err != nil {
		return WorkshopImportSummary{}, err
	}
	s.clock.see(fileStamps(in)...)
	if newErasures > 0 {
		if err := s.compact(ctx); err != nil {
			return sum, fmt.Errorf("the workshop was merged and the erasure it carried was applied, but the database file could not be compacted and may still hold a copy of the erased data; run the merge again: %w", friendlyWriteError(err))
		}
		// The erasure reached this laptop's database, not its backups.
		if sum.BackupsHolding, err = BackupsHoldingErased(ctx, BackupDir(s.path), in.Workshop.ID, erasures); err != nil {
			return sum, fmt.Errorf("the workshop was merged and the erasure it carried was applied, but the backups could not be looked through for the erased data: %w", err)
		}
	}
	return sum, nil
}

// fileStamps are every stamp of a file's records, for the store's clock.
func fileStamps(f *game.File) []time.Time {
	var out []time.Time
	for _, v := range f.Versions() {
		out = append(out, v.Updated)
	}
	for _, r := range f.Ratings {
		out = append(out, r.At)
	}
	for _, e := range f.Erasures {
		out = append(out, e.At)
	}
	// A context names stamps too: one set a year ahead would count every
	// later change of that device as seen.
	for _, c := range fileContexts(f) {
		for _, n := range c {
			out = append(out, time.Unix(0, n).UTC())
		}
	}
	return out
}

// fileContexts are the causal contexts of a file's records and erasures.
func fileContexts(f *game.File) []game.Context {
	var out []game.Context
	for _, v := range f.Versions() {
		out = append(out, v.Context)
	}
	for _, e := range f.Erasures {
		out = append(out, e.Context)
	}
	return out
}

// merge is one import in progress, inside its transaction.
type merge struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx
	in  *game.File // the checked file, times in UTC, every record's device filled in

	exists      bool              // the workshop is stored already (perhaps deleted)
	old         *game.File        // what is stored, tombstones included, each record in its own state
	dead        map[key]string    // deleted_at of stored tombstones
	names       map[string]bool   // participants with a stored real name
	counted     map[key]*int      // records counted already, and under which heading
	newErasures int               // erasure records this merge added
	keptBefore  map[key]time.Time // records kept beside a stored erasure before the merge
	sum         WorkshopImportSummary
}

// load reads what the database holds of the file's workshop.
func (m *merge) load() error {
	m.old = &game.File{}
	m.dead, m.names = map[key]string{}, map[string]bool{}
	var err error
	if m.old.Erasures, err = loadErasures(m.ctx, m.tx, m.in.Workshop.ID); err != nil {
		return err // an erasure record outlives its workshop
	}
	w, err := prior(m.ctx, m.tx, "workshops", m.in.Workshop.ID)
	if err != nil || !w.exists {
		return err
	}
	m.exists = true
	stored, err := m.s.loadWorkshop(m.ctx, m.tx, m.in.Workshop.ID, true)
	if err != nil {
		return err
	}
	if diff, differs := game.SnapshotDifference(stored.Deck, m.in.Workshop.Deck); differs {
		// A workshop's snapshot never changes, so this file is not of the
		// stored workshop: its plays and ratings would not fit its deck.
		return withKind(ErrBadFile, "the file's workshop %q has the id of the workshop %q stored here but another deck (%s); nothing was imported: check that the file is from that workshop", m.in.Workshop.Title, stored.Title, diff)
	}
	m.old.Workshop = *stored
	m.dead[key{"workshops", stored.ID}] = w.deletedAt
	if err := loadRecords(m.ctx, m.tx, stored.ID, true, m.old); err != nil {
		return err
	}
	for _, table := range []string{"teams", "participants", "paths", "plays", "ratings", "notes"} {
		if err := m.loadTombstones(table); err != nil {
			return err
		}
	}
	ids, err := returningIDs(m.ctx, m.tx, `
		SELECT n.participant_id FROM participant_names n JOIN participants p ON p.id = n.participant_id
		WHERE p.workshop_id = ?`, stored.ID)
	for _, id := range ids {
		m.names[id] = true
	}
	return err
}

// loadTombstones reads when the workshop's stored tombstones of a table
// (a constant) were deleted, so that a tombstone taken again keeps that time.
func (m *merge) loadTombstones(table string) error {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT id, deleted_at FROM `+table+` WHERE workshop_id = ? AND deleted_at IS NOT NULL`, m.in.Workshop.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, deleted string
		if err := rows.Scan(&id, &deleted); err != nil {
			return err
		}
		m.dead[key{table, id}] = deleted
	}
	return rows.Err()
}
