package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// CheckReport is what Check found. Problems are sentences for a person.
type CheckReport struct {
	OK       bool
	Problems []string
	// Restore names the backup to restore when there are problems: the
	// newest one that is sound itself. The command line and the app word
	// the advice, each with its own way to restore.
	Restore RestoreChoice
}

// maxCheckProblems caps what integrity_check reports: past a few, more
// lines only say the same thing, that the file is damaged.
const maxCheckProblems = 20

// Check runs SQLite's full integrity check and the foreign key check on the
// database. Damage is reported in the CheckReport, with the backup to
// restore; the error is for a check that could not run at all.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var problems []string
	damage, err := integrityProblems(ctx, s.db)
	if err != nil {
		if ctx.Err() != nil {
			return CheckReport{}, ctx.Err()
		}
		damage = []string{err.Error()}
	}
	for _, msg := range damage {
		problems = append(problems, "the file is damaged: "+msg)
	}
	keys, err := foreignKeyProblems(ctx, s.db)
	if err != nil {
		if ctx.Err() != nil {
			return CheckReport{}, ctx.Err()
		}
		if len(damage) == 0 { // on a damaged file this may fail too: already said
			problems = append(problems, "the links between records could not be checked: "+err.Error())
		}
	}
	problems = append(problems, keys...)
	report := CheckReport{OK: len(problems) == 0, Problems: problems}
	if report.OK {
		return report, nil
	}
	dir := BackupDir(s.path)
	if report.Restore, err = NewestSoundBackup(ctx, dir); err != nil {
		if ctx.Err() != nil {
			return CheckReport{}, ctx.Err()
		}
		report.Problems = append(report.Problems, "the backups could not be looked through, so none can be named to restore: "+err.Error())
	}
	return report, nil
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

func foreignKeyProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		where := "table " + table
		if rowid.Valid {
			where += fmt.Sprintf(", row %d", rowid.Int64)
		}
		out = append(out, fmt.Sprintf("%s refers to %s that is missing (%s)",
			withArticle(recordNoun(table)), withArticle(recordNoun(parent)), where))
		if len(out) == maxCheckProblems {
			out = append(out, "there may be more records that refer to missing ones")
			break
		}
	}
	return out, rows.Err()
}

// recordNouns name a table's records as a person knows them.
var recordNouns = map[string]string{
	"meta":              "setting",
	"decks":             "deck",
	"cards":             "card",
	"card_texts":        "card text",
	"print_jobs":        "print job",
	"workshops":         "workshop",
	"teams":             "team",
	"participants":      "participant",
	"participant_names": "participant's name",
	"paths":             "development path",
	"plays":             "card played",
	"ratings":           "rating",
	"notes":             "note",
}

func recordNoun(table string) string {
	if n, ok := recordNouns[table]; ok {
		return n
	}
	return "a record in " + table
}

func withArticle(noun string) string {
	switch {
	case strings.HasPrefix(noun, "a "):
		return noun
	case strings.ContainsAny(noun[:1], "aeiou"):
		return "an " + noun
	}
	return "a " + noun
}
