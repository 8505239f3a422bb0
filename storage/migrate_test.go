package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"deckhand/game"
)

func TestMigrationsAreNumberedOneToNWithoutGaps(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %d is %s, version %d; want version %d", i, m.name, m.version, i+1)
		}
		if want := fmt.Sprintf("%04d_", i+1); !strings.HasPrefix(m.name, want) || !strings.HasSuffix(m.name, ".sql") {
			t.Errorf("migration file %s; want a name like %sname.sql", m.name, want)
		}
		if strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %s is empty", m.name)
		}
	}
	if SchemaVersion() != len(ms) {
		t.Errorf("SchemaVersion() = %d, want %d", SchemaVersion(), len(ms))
	}
}

// Each earlier schema version has a fixture in testdata/schema-N.db, made by
// the build that wrote schema N (schema 0 is a new, empty file). Before adding
// migration N+1, save a database of the current build, with a deck in it, as
// testdata/schema-N.db.
func TestMigrateFromEveryEarlierSchema(t *testing.T) {
	for v := range SchemaVersion() {
		t.Run(fmt.Sprintf("schema %d", v), func(t *testing.T) {
			fixture := filepath.Join("testdata", fmt.Sprintf("schema-%d.db", v))
			b, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatalf("no fixture for schema %d: %v", v, err)
			}
			path := filepath.Join(t.TempDir(), "deckhand.db")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			kept := fixtureRows(t, fixture)
			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open(schema %d fixture): %v", v, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			db := openRaw(t, path)
			var version, appID int
			if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
				t.Errorf("user_version = %d, %v; want %d", version, err, SchemaVersion())
			}
			if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil || appID != ApplicationID {
				t.Errorf("application_id = %#x, %v; want %#x", appID, err, ApplicationID)
			}
			got := schemaObjects(t, db)
			for _, want := range []string{
				"table meta", "table decks", "table cards", "table card_texts",
				"index decks_live_name", "index cards_live_code", "index cards_by_deck",
				"table print_jobs", "index print_jobs_by_deck",
				"table workshops", "table teams", "table participants", "table participant_names", "table paths",
				"table plays", "table ratings", "table notes", "index plays_by_workshop", "index ratings_by_play", "table blind_rounds",
				"table deck_snapshots",
			} {
				if !slices.Contains(got, want) {
					t.Errorf("after migrating from schema %d there is no %s; have %v", v, want, got)
				}
			}
			var problems string
			if err := db.QueryRow("PRAGMA foreign_key_check").Scan(&problems); err != sql.ErrNoRows {
				t.Errorf("foreign_key_check found %q (%v)", problems, err)
			}
			// Every row of the fixture is still there, unchanged; only meta
			// may have gained one (the device id).
			for table, rows := range kept {
				now := tableRows(t, db, table, migratedColumns(table, fixtureColumns(t, fixture, table)))
				for row, n := range rows {
					if now[row] != n {
						t.Errorf("after migrating from schema %d, table %s holds row %s %d times; the fixture had it %d times", v, table, row, now[row], n)
					}
				}
				if table != "meta" && len(now) != len(rows) {
					t.Errorf("after migrating from schema %d, table %s has %d distinct rows; the fixture had %d", v, table, len(now), len(rows))
				}
			}
		})
	}
}

// testdata/schema-1.db holds the default deck and its clone "Acme" (client
// "Acme Oy") with card R40's English title edited, made by the schema 1
// build. Migrating it keeps every deck and card and adds print history.
func TestMigrateFromSchema1KeepsDecksAndCards(t *testing.T) {
	ctx := context.Background()
	path := copyFixture(t, "schema-1.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 1 fixture): %v", err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() || version != 11 {
		t.Errorf("user_version = %d, %v; want SchemaVersion() = %d (11)", version, err, SchemaVersion())
	}
	decks, err := s.Decks(ctx)
	if err != nil || len(decks) != 2 {
		t.Fatalf("Decks = %+v, %v; want 2 decks", decks, err)
	}
	acme, err := s.FindDeck(ctx, "Acme")
	if err != nil {
		t.Fatal(err)
	}
	if acme.Client != "Acme Oy" || acme.Parent == "" || len(acme.Cards) != 62 {
		t.Errorf("Acme: client %q, parent %q, %d cards; want Acme Oy, its source, 62", acme.Client, acme.Parent, len(acme.Cards))
	}
	if i := acme.CardByCode("R40"); i < 0 || acme.Cards[i].Title["en"] != "Acme impact indicators" {
		t.Errorf("Acme's edited card R40 lost its title (index %d)", i)
	}
	source, err := s.Deck(ctx, acme.Parent)
	if err != nil {
		t.Fatal(err)
	}
	if i := source.CardByCode("R40"); i < 0 || source.Cards[i].Title["en"] == "Acme impact indicators" {
		t.Errorf("the default deck's card R40 has the clone's edit (index %d)", i)
	}
	var jobs int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM print_jobs").Scan(&jobs); err != nil || jobs != 0 {
		t.Errorf("print_jobs after the migration: %d rows, %v; want an empty table", jobs, err)
	}
	job := &PrintJob{DeckID: acme.ID, Kind: "cards", File: filepath.Join(t.TempDir(), "acme.pdf")}
	if err := s.RecordPrint(ctx, job); err != nil || job.Edition != 1 {
		t.Errorf("RecordPrint on the migrated file: edition %d, %v; want 1, nil", job.Edition, err)
	}
}

// testdata/schema-2.db holds the default deck, seeded, and one print of its
// cards (A4, Swedish) recorded, made by the schema 2 build and closed
// cleanly. Migrating it keeps the deck and its print history, and the
// migrated file records workshops.
func TestMigrateFromSchema2KeepsDecksAndPrintHistory(t *testing.T) {
	ctx := context.Background()
	path := copyFixture(t, "schema-2.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 2 fixture): %v", err)
	}
	defer s.Close()
	decks, err := s.Decks(ctx)
	if err != nil || len(decks) != 1 || decks[0].Cards != 62 || decks[0].Edition != 1 {
		t.Fatalf("Decks = %+v, %v; want the default deck, edition 1, 62 cards", decks, err)
	}
	jobs, err := s.PrintJobs(ctx, decks[0].ID)
	if err != nil || len(jobs) != 1 || jobs[0].Kind != "cards" || jobs[0].Edition != 1 || jobs[0].Settings["paper"] != "A4" {
		t.Errorf("PrintJobs = %+v, %v; want the one print of the cards, edition 1, on A4", jobs, err)
	}
	d, err := s.Deck(ctx, decks[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	w := &game.Workshop{Title: "After the migration", Date: "2026-03-14", Language: "sv", Deck: d}
	teams := []game.Team{{Name: "Bord 1"}}
	if err := s.CreateWorkshop(ctx, w, teams); err != nil {
		t.Fatalf("CreateWorkshop on the migrated file: %v", err)
	}
	p := &game.Play{TeamID: teams[0].ID, Code: "R01", Area: "collection"}
	if err := s.SavePlay(ctx, w.ID, p); err != nil {
		t.Fatalf("SavePlay on the migrated file: %v", err)
	}
	if err := s.AddRating(ctx, w.ID, &game.Rating{PlayID: p.ID, Criterion: "desirability", Value: 4, Rater: game.RaterTeam}); err != nil {
		t.Fatalf("AddRating on the migrated file: %v", err)
	}
	if list, err := s.Workshops(ctx); err != nil || len(list) != 1 || list[0].Plays != 1 || list[0].DeckName != d.Name {
		t.Errorf("Workshops = %+v, %v", list, err)
	}
}

// fixtureRows reads every row of every table of a fixture, read-only and
// without touching it (immutable: no -wal or -shm files), as text per
// table with how often each occurs. An empty fixture has none.
func fixtureRows(t *testing.T, fixture string) map[string]map[string]int {
	t.Helper()
	if info, err := os.Stat(fixture); err != nil || info.Size() == 0 {
		return nil
	}
	db, err := sql.Open("sqlite3", "file:"+fixture+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	out := map[string]map[string]int{}
	for _, table := range tables {
		out[table] = tableRows(t, db, table, comparedColumns(t, db, table))
	}
	return out
}

// tableRows is every row of a table as text, with how often it occurs,
// of the columns given.
func tableRows(t *testing.T, db *sql.DB, table string, columns []string) map[string]int {
	t.Helper()
	rows, err := db.Query("SELECT " + strings.Join(columns, ", ") + " FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		vals := make([]any, len(columns))
		ptrs := make([]any, len(columns))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("%q", vals)]++
	}
	return out
}

// comparedColumns are the columns of a fixture's table that a migration
// must leave as they were: all of them, but for whether a rating or note
// is deleted, which schema 5 changed on purpose (see
// TestMigrationToSchema5GivesRatingsAndNotesTheirOwnState), and a
// workshop's checksum, which from schema 10 sums its snapshot's hash
// instead of the snapshot. A column a later migration adds is not among
// them.
func comparedColumns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		if name == "deleted_at" && (table == "ratings" || table == "notes") || name == "row_sum" && table == "workshops" {
			continue
		}
		out = append(out, name)
	}
	return out
}

// migratedColumns is how a migrated database gives a fixture's columns of
// a table: each by its name, but a workshop's deck snapshot, which schema
// 10 moved to deck_snapshots, by the hash the workshop names it with.
func migratedColumns(table string, columns []string) []string {
	out := slices.Clone(columns)
	for i, c := range out {
		if table == "workshops" && c == "deck_snapshot" {
			out[i] = "(SELECT snapshot FROM deck_snapshots WHERE hash = workshops.deck_hash)"
		}
	}
	return out
}

// fixtureColumns is comparedColumns of the fixture's own table.
func fixtureColumns(t *testing.T, fixture, table string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+fixture+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return comparedColumns(t, db, table)
}

// A migration and its user_version bump commit together or not at all.
func TestFailedMigrationLeavesTheFileAtItsVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deckhand.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bad := migration{
		version: SchemaVersion() + 1,
		name:    "9999_bad.sql",
		sql:     "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);",
	}
	if err := applyMigration(context.Background(), s.db, bad); err == nil {
		t.Fatal("a migration with a failing statement succeeded")
	}
	var version, tables int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
		t.Errorf("user_version after a failed migration = %d, %v; want %d", version, err, SchemaVersion())
	}
	if err := s.db.QueryRow("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'").Scan(&tables); err != nil || tables != 0 {
		t.Errorf("the failed migration's first statement stayed (%d tables, %v)", tables, err)
	}
}

func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driverName, "file:"+path+"?mode=rw")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func schemaObjects(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}
