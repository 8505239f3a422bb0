package storage

import (
	"context"
	"database/sql"
	"fmt"

	"deckhand/message"
)

// CheckReport is what Check found. Problems are sentences for a person,
// English as String, and said in the interface's language by the app.
type CheckReport struct {
	OK       bool
	Problems []message.Message
	// Restore names the backup to restore when there are problems: the
	// newest one that is sound itself. The command line and the app word
	// the advice, each with its own way to restore.
	Restore RestoreChoice
	// ErasureUnfinished says an erasure was committed but the file was not
	// compacted since, so it may still hold the erased data. It is among
	// the Problems; a backup does not mend it (backups hold the data too),
	// opening the database again does.
	ErasureUnfinished bool
}

// unfinishedErasure is the problem Check reports for ErasureUnfinished.
var unfinishedErasure = message.Say("an erasure was not finished, so the database file may still hold the erased data; close Deckhand and open the database again to finish it")

// maxCheckProblems caps what integrity_check reports: past a few, more
// lines only say the same thing, that the file is damaged.
const maxCheckProblems = 20

// Check runs SQLite's full integrity check and the foreign key check on the
// database, verifies the row checksums, and reports an erasure whose
// compaction did not finish. Damage is reported in the CheckReport, with the backup to
// restore; the error is for a check that could not run at all.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var problems []message.Message
	damage, err := integrityProblems(ctx, s.db)
	if err != nil {
		if ctx.Err() != nil {
			return CheckReport{}, ctx.Err()
		}
		damage = []string{err.Error()}
	}
	for _, msg := range damage {
		// SQLite's own words: data, not translated.
		problems = append(problems, message.Say("the file is damaged: %s", msg))
	}
	keys, err := foreignKeyProblems(ctx, s.db)
	if err != nil {
		if ctx.Err() != nil {
			return CheckReport{}, ctx.Err()
		}
		if len(damage) == 0 { // on a damaged file this may fail too: already said
			problems = append(problems, message.Say("the links between records could not be checked: %v", err))
		}
	}
	problems = append(problems, keys...)
	if len(damage) == 0 { // a damaged file's rows may not read at all: already said
		changed, err := s.changedRows(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return CheckReport{}, ctx.Err()
			}
			problems = append(problems, message.Say("the checksums of the records could not be verified: %v", err))
		}
		for _, r := range changed {
			problems = append(problems, r.Message())
		}
	}
	damagedOrChanged := len(problems) > 0
	pending, err := s.erasurePending(ctx)
	if err != nil && ctx.Err() != nil {
		return CheckReport{}, ctx.Err()
	}
	if pending {
		problems = append(problems, unfinishedErasure)
	}
	report := CheckReport{OK: len(problems) == 0, Problems: problems, ErasureUnfinished: pending}
	if !damagedOrChanged { // nothing a backup would mend
		return report, nil
	}
	dir := BackupDir(s.path)
	if report.Restore, err = NewestSoundBackup(ctx, dir); err != nil {
		if ctx.Err() != nil {
			return CheckReport{}, ctx.Err()
		}
		report.Problems = append(report.Problems, message.Say("the backups could not be looked through, so none can be named to restore: %v", err))
	}
	return report, nil
}

// changedRows is every row, up to maxCheckProblems, whose checksum no
// longer matches its values.
func (s *Store) changedRows(ctx context.Context) ([]changedRow, error) {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil || version < rowSumsSchema {
		return nil, err
	}
	return changedRows(ctx, s.db, maxCheckProblems)
}

func integrityProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("PRAGMA integrity_check(%d)", maxCheckProblems))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return nil, err
		}
		if msg != "ok" {
			out = append(out, msg)
		}
	}
	return out, rows.Err()
}

func foreignKeyProblems(ctx context.Context, db *sql.DB) ([]message.Message, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []message.Message
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		where := message.Say("table %s", table)
		if rowid.Valid {
			where = message.Say("table %s, row %d", table, rowid.Int64)
		}
		out = append(out, message.Say("%s refers to %s that is missing (%s)", recordNoun(table), recordNoun(parent), where))
		if len(out) == maxCheckProblems {
			out = append(out, message.Say("there may be more records that refer to missing ones"))
			break
		}
	}
	return out, rows.Err()
}

// recordNouns name a table's records as a person knows them, with the
// article, as words the app translates.
var recordNouns = map[string]message.Message{
	"meta":              message.Word("a setting"),
	"decks":             message.Word("a deck"),
	"cards":             message.Word("a card"),
	"card_texts":        message.Word("a card text"),
	"print_jobs":        message.Word("a print job"),
	"workshops":         message.Word("a workshop"),
	"deck_snapshots":    message.Word("a workshop's deck snapshot"),
	"teams":             message.Word("a team"),
	"participants":      message.Word("a participant"),
	"participant_names": message.Word("a participant's name"),
	"paths":             message.Word("a development path"),
	"plays":             message.Word("a card played"),
	"ratings":           message.Word("a rating"),
	"notes":             message.Word("a note"),
	"erasures":          message.Word("an erasure record"),
	"blind_rounds":      message.Word("a blind round"),
}

func recordNoun(table string) message.Message {
	if n, ok := recordNouns[table]; ok {
		return n
	}
	return message.Say("a record in %s", table)
}
