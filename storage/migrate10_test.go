package storage

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
)

// testdata/schema-9.db was made by the schema 9 build's command line, as
// the fixtures before it were: the example workshop imported
// (assets/examples/workshop.json), then three files made from it under new
// ids: the same workshop a week later with the same deck, one played with
// an edition 2 of the deck whose last card has another English title, and
// the tombstone of a workshop deleted before it ever came here, of the
// first deck. Three of its four workshops hold the same snapshot.

// fixtureSnapshots are the deck snapshots a schema 9 fixture holds, by
// workshop id, read without touching the file.
func fixtureSnapshots(t *testing.T, fixture string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+fixture+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return workshopSnapshots(t, db, `SELECT id, deck_snapshot FROM workshops`)
}

// workshopSnapshots runs a query of workshop ids and snapshot texts.
func workshopSnapshots(t *testing.T, db *sql.DB, query string) map[string]string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		out[id] = text
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Schema 10 moves every workshop's snapshot into deck_snapshots byte for
// byte, one row per distinct snapshot named by its SHA-256, and the
// workshops keep none of their own.
func TestMigrationToSchema10StoresEachSnapshotOnceByteForByte(t *testing.T) {
	before := fixtureSnapshots(t, filepath.Join("testdata", "schema-9.db"))
	distinct := map[string]bool{}
	for _, text := range before {
		distinct[text] = true
	}
	if len(before) != 4 || len(distinct) != 2 {
		t.Fatalf("the fixture holds %d workshops of %d snapshots; want 4 of 2", len(before), len(distinct))
	}
	path := copyFixture(t, "schema-9.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 9 fixture): %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db := openRaw(t, path)
	after := workshopSnapshots(t, db, `SELECT w.id, s.snapshot FROM workshops w JOIN deck_snapshots s ON s.hash = w.deck_hash`)
	for id, text := range before {
		got, ok := after[id]
		switch {
		case !ok:
			t.Errorf("workshop %s has no snapshot after the migration", id)
		case got != text:
			t.Errorf("workshop %s's snapshot changed in the migration: %d bytes, %d before", id, len(got), len(text))
		}
	}
	rows := workshopSnapshots(t, db, `SELECT hash, snapshot FROM deck_snapshots`)
	if len(rows) != len(distinct) {
		t.Errorf("deck_snapshots holds %d rows; want one per distinct snapshot, %d", len(rows), len(distinct))
	}
	for hash, text := range rows {
		if sum := sha256.Sum256([]byte(text)); hex.EncodeToString(sum[:]) != hash {
			t.Errorf("the snapshot stored as %s has the SHA-256 %x", hash, sum)
		}
	}
	var kept int
	if err := db.QueryRow(`SELECT COUNT(*) FROM pragma_table_info('workshops') WHERE name = 'deck_snapshot'`).Scan(&kept); err != nil || kept != 0 {
		t.Errorf("workshops still has its deck_snapshot column (%d, %v)", kept, err)
	}
	if err := verifyRowSums(context.Background(), db, SchemaVersion()); err != nil {
		t.Errorf("the migrated file's checksums: %v", err)
	}
}

// The schema 9 build wrote a workshop file of each of the fixture's
// workshops (`deckhand workshop export --workshop ID -o ID.json`, the
// tombstone's by its id); testdata/schema-9-exports.sha256 holds their
// SHA-256, as sha256sum writes them. The migrated file writes every one of
// them byte for byte the same: the workshop file does not change with the
// schema.
func TestWorkshopFilesOfAMigratedSchema9FileAreTheSameBytes(t *testing.T) {
	ctx := context.Background()
	sums, err := os.ReadFile(filepath.Join("testdata", "schema-9-exports.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(copyFixture(t, "schema-9.db"))
	if err != nil {
		t.Fatalf("Open(schema 9 fixture): %v", err)
	}
	defer s.Close()
	n := 0
	for lines := bufio.NewScanner(bytes.NewReader(sums)); lines.Scan(); n++ {
		want, name, ok := strings.Cut(lines.Text(), "  ")
		if !ok {
			t.Fatalf("testdata/schema-9-exports.sha256: %q is not a line of sha256sum", lines.Text())
		}
		id := strings.TrimSuffix(name, ".json")
		f, err := s.ExportWorkshop(ctx, id, false)
		if err != nil {
			t.Fatalf("ExportWorkshop(%s): %v", id, err)
		}
		var b bytes.Buffer
		if err := game.WriteFile(&b, f); err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b.Bytes()); hex.EncodeToString(sum[:]) != want {
			t.Errorf("the file of workshop %s has the SHA-256 %x; the schema 9 build wrote %s", id, sum, want)
		}
	}
	if n != 4 {
		t.Errorf("testdata/schema-9-exports.sha256 names %d files; want the fixture's 4 workshops", n)
	}
}
