package storage

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strings"

	"deckhand/game"
)

// An erasure cannot reach into the backups of the database: each is a
// whole copy, kept for a restore. So whoever erases (or merges a file that
// carries an erasure) is told which backups still hold the erased data, to
// delete them. Which: not every backup older than the erasure, since one
// made before the workshop existed, or after its data was erased already,
// holds nothing of it. Each backup is opened read-only and asked one
// question, by the rule the erasure itself follows (see mergeerasures.go):
// does any version of the workshop's records that an erasure erases (one
// its laptop had seen, or one still holding an erased value; by stamp for
// an erasure from before schema 7) still hold what it erased?

// heldQueries read from a backup of schema 3 or later the workshop's
// values an erasure erases, each with its record's id and version (context,
// device and stamp): participants' pseudonyms and roles, real names, teams'
// note-takers, notes' texts and the workshop's own notes. Tombstones count:
// they keep their text until erased. CONTEXT stands for the version's
// context, which a backup from before schema 7 does not have.
var heldQueries = []struct{ field, query string }{
	{fieldPseudonym, `SELECT id, CONTEXT, device_id, updated_at, pseudonym FROM participants WHERE workshop_id = ?`},
	{fieldRole, `SELECT id, CONTEXT, device_id, updated_at, role FROM participants WHERE workshop_id = ?`},
	{fieldRealName, `SELECT p.id, p.CONTEXT, p.device_id, p.updated_at, n.real_name FROM participant_names n JOIN participants p ON p.id = n.participant_id WHERE p.workshop_id = ?`},
	{fieldNoteTaker, `SELECT id, CONTEXT, device_id, updated_at, note_taker FROM teams WHERE workshop_id = ?`},
	{fieldNoteText, `SELECT id, CONTEXT, device_id, updated_at, text FROM notes WHERE workshop_id = ?`},
	{fieldNotes, `SELECT id, CONTEXT, device_id, updated_at, notes FROM workshops WHERE id = ?`},
}

// causalSchema is the first schema with contexts (0007_causal_context.sql).
const causalSchema = 7

// workshopsSchema is the first schema with workshops: an older backup
// holds none.
const workshopsSchema = 3

// BackupsHoldingErased returns the backups in dir, newest first, that still
// hold personal data of the workshop that its erasures (every one stored
// for it) erased. A backup that cannot be read is named too: it may hold
// the data, and nobody can tell. Nothing is written to any backup.
func BackupsHoldingErased(ctx context.Context, dir, workshopID string, erasures []game.Erasure) ([]string, error) {
	if len(erasures) == 0 {
		return nil, nil
	}
	es := erasureSet(erasures)
	list, err := Backups(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range list {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if backupHoldsErased(ctx, b.Path, workshopID, es) {
			out = append(out, b.Path)
		}
	}
	return out, nil
}

// backupHoldsErased opens one backup read-only and asks whether it holds
// a value the erasures erase; a backup it cannot ask holds the data as far
// as anyone can tell.
func backupHoldsErased(ctx context.Context, path, workshopID string, es []erasure) bool {
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
	contextColumn := "context"
	if version < causalSchema {
		contextColumn = "''"
	}
	for _, q := range heldQueries {
		holds, err := holdsErasedValue(ctx, db, strings.ReplaceAll(q.query, "CONTEXT", contextColumn), q.field, workshopID, es)
		if err != nil || holds {
			return true
		}
	}
	return false
}

// holdsErasedValue runs one of heldQueries and reports whether a value it
// reads is one the erasures erase.
func holdsErasedValue(ctx context.Context, db *sql.DB, query, field, workshopID string, es []erasure) (bool, error) {
	rows, err := db.QueryContext(ctx, query, workshopID)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, seenText, device, stamp, value string
		if err := rows.Scan(&id, &seenText, &device, &stamp, &value); err != nil {
			return false, err
		}
		at, err := parseTime(stamp)
		if err != nil {
			return false, err
		}
		c, err := parseContext(seenText)
		if err != nil {
			return false, err
		}
		if erases(es, id, c, device, at, field, value) {
			return true, nil
		}
	}
	return false, rows.Err()
}
