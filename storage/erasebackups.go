package storage

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"time"

	"deckhand/game"
)

// An erasure cannot reach into the backups of the database: each is a
// whole copy, kept for a restore. So whoever erases (or merges a file that
// carries an erasure) is told which backups still hold the erased data, to
// delete them. Which: not every backup older than the erasure, since one
// made before the workshop existed, or after its data was erased already,
// holds nothing of it. Each backup is opened read-only and asked one
// question, by the rule the erasure itself follows (see mergeerasures.go):
// does any version of the workshop's records stamped at or before the
// erasure still hold what it erased?

// holdsErased is that question, for a backup of schema 3 or later: the
// workshop's participants' pseudonyms, roles and real names, and its teams'
// note-takers, stamped at or before ?2; with an erasure of notes (?3 not
// empty), its notes' texts and the workshop's own notes stamped at or
// before ?3. Tombstones count: they keep their text until erased.
const holdsErased = `
SELECT EXISTS (SELECT 1 FROM participants WHERE workshop_id = ?1 AND updated_at <= ?2 AND (pseudonym <> ?4 OR role <> ''))
    OR EXISTS (SELECT 1 FROM participant_names n JOIN participants p ON p.id = n.participant_id
               WHERE p.workshop_id = ?1 AND n.updated_at <= ?2)
    OR EXISTS (SELECT 1 FROM teams WHERE workshop_id = ?1 AND updated_at <= ?2 AND note_taker <> '')
    OR (?3 <> '' AND (EXISTS (SELECT 1 FROM notes WHERE workshop_id = ?1 AND updated_at <= ?3 AND text <> ?4)
                   OR EXISTS (SELECT 1 FROM workshops WHERE id = ?1 AND updated_at <= ?3 AND notes <> '')))`

// workshopsSchema is the first schema with workshops: an older backup
// holds none.
const workshopsSchema = 3

// BackupsHoldingErased returns the backups in dir, newest first, that still
// hold personal data of the workshop that its erasures (every one stored
// for it) erased. A backup that cannot be read is named too: it may hold
// the data, and nobody can tell. Nothing is written to any backup.
func BackupsHoldingErased(ctx context.Context, dir, workshopID string, erasures []game.Erasure) ([]string, error) {
	names, notes := erasedUntil(erasures)
	if names.IsZero() {
		return nil, nil
	}
	list, err := Backups(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range list {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if backupHoldsErased(ctx, b.Path, workshopID, names, notes) {
			out = append(out, b.Path)
		}
	}
	return out, nil
}

// backupHoldsErased opens one backup read-only and asks holdsErased; a
// backup it cannot ask holds the data as far as anyone can tell.
func backupHoldsErased(ctx context.Context, path, workshopID string, names, notes time.Time) bool {
	query := "?mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		// A backup has no log of its own (see checkedCopy): read it as the
		// unchanging file it is, so SQLite leaves no -shm beside it.
		query += "&immutable=1"
	}
	db, err := sql.Open(driverName, "file:"+escapePath(path)+query)
	if err != nil {
		return true
	}
	defer db.Close()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return true
	}
	if version < workshopsSchema {
		return false
	}
	untilNotes := ""
	if !notes.IsZero() {
		untilNotes = timeText(notes)
	}
	var holds bool
	if err := db.QueryRowContext(ctx, holdsErased, workshopID, timeText(names), untilNotes, ErasedText).Scan(&holds); err != nil {
		return true
	}
	return holds
}
