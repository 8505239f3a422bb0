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
			} {
				if !slices.Contains(got, want) {
					t.Errorf("after migrating from schema %d there is no %s; have %v", v, want, got)
				}
			}
			var problems string
			if err := db.QueryRow("PRAGMA foreign_key_check").Scan(&problems); err != sql.ErrNoRows {
				t.Errorf("foreign_key_check found %q (%v)", problems, err)
			}
		})
	}
}

// testdata/schema-1.db holds the default deck and its clone "Acme" (client
// "Acme Oy") with card R40's English title edited, made by the schema 1
// build. Migrating it keeps every deck and card and adds print history.
func TestMigrateFromSchema1KeepsDecksAndCards(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	b, err := os.ReadFile(filepath.Join("testdata", "schema-1.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 1 fixture): %v", err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() || version != 2 {
		t.Errorf("user_version = %d, %v; want SchemaVersion() = %d (2)", version, err, SchemaVersion())
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
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=rw")
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
