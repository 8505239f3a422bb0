package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
)

// testdata/schema-10.db was made by the schema 10 build's command line: the
// default deck seeded, cloned as "Kund AB" for a client, the clone's cards
// printed, then a file imported into it that changes one card's English
// title and lacks R02 (a tombstone), so the clone is edition 2 and printed
// at 1. testdata/schema-10-exports.sha256 holds the SHA-256 of each deck's
// JSON as that build exported it.

// cardRows are the cards of a database, each as the text of its schema 10
// columns and its texts, by id.
func cardRows(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT c.id, json_array(c.deck_id, c.code, c.type, c.theme, c.area, c.level, c.copies, c.tags, c.position,
		    c.created_at, c.updated_at, c.device_id, c.deleted_at,
		    (SELECT json_group_array(json_array(lang, title, body)) FROM (SELECT * FROM card_texts t WHERE t.card_id = c.id ORDER BY lang)))
		FROM cards c`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, row string
		if err := rows.Scan(&id, &row); err != nil {
			t.Fatal(err)
		}
		out[id] = row
	}
	return out
}

// Schema 11 keeps every card as it was, stamps included, and gives each
// what a merge needs: an empty context (it has seen only its own change),
// its place stamped as its last change, and every deck its changed_at and
// unpublished. The decks export the same bytes as before, and a change
// made after the migration is stamped after every stamp stored.
func TestMigrationToSchema11KeepsEveryCardAndFillsTheirStamps(t *testing.T) {
	ctx := context.Background()
	fixture := filepath.Join("testdata", "schema-10.db")
	old, err := sql.Open("sqlite3", "file:"+fixture+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	before := cardRows(t, old)
	old.Close()
	if len(before) != 124 {
		t.Fatalf("the fixture holds %d cards; want 124", len(before))
	}
	path := copyFixture(t, "schema-10.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 10 fixture): %v", err)
	}
	defer s.Close()
	db := openRaw(t, path)
	if after := cardRows(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("the migration changed cards: %d rows, %d before", len(after), len(before))
	}
	var wrong int
	if err := db.QueryRow(`SELECT COUNT(*) FROM cards WHERE placed_at <> updated_at OR placed_by <> device_id OR context <> '' OR deleted_by <> ''`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d cards have other stamps than their own change (%v)", wrong, err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM decks WHERE changed_at <> updated_at OR published <> 0 OR context <> ''`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d decks have other stamps than their own change (%v)", wrong, err)
	}
	if err := verifyRowSums(ctx, db, SchemaVersion()); err != nil {
		t.Errorf("the migrated file's checksums: %v", err)
	}

	sums, err := os.ReadFile(filepath.Join("testdata", "schema-10-exports.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	decks, err := s.Decks(ctx)
	if err != nil || len(decks) != 2 {
		t.Fatalf("Decks = %v, %v; want 2", decks, err)
	}
	for _, d := range decks {
		deck, err := s.Deck(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := cards.WriteJSON(&b, deck); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b.Bytes())
		if line := fmt.Sprintf("%s  %s.json", hex.EncodeToString(sum[:]), d.Name); !strings.Contains(string(sums), line) {
			t.Errorf("deck %s exports other bytes than the schema 10 build did (%s)", d.Name, line)
		}
		f, err := s.ExportSharedDeck(ctx, d.ID)
		if err != nil {
			t.Fatalf("ExportSharedDeck(%s): %v", d.Name, err)
		}
		if _, err := cards.CheckedShared(f); err != nil {
			t.Errorf("the shared file of the migrated deck %s is refused: %v", d.Name, err)
		}
	}

	var latest string
	if err := db.QueryRow(`SELECT MAX(updated_at) FROM cards`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	kund, err := s.FindDeck(ctx, "Kund AB")
	if err != nil {
		t.Fatal(err)
	}
	c := kund.Cards[3]
	c.Title["en"] = "Changed after the migration"
	if err := s.SaveCard(ctx, kund.ID, &c); err != nil {
		t.Fatal(err)
	}
	var stamp, device string
	if err := db.QueryRow(`SELECT updated_at, device_id FROM cards WHERE id = ?`, c.ID).Scan(&stamp, &device); err != nil {
		t.Fatal(err)
	}
	if stamp <= latest || device != s.device {
		t.Errorf("a card saved after the migration is stamped %s by %s; want after %s, by %s", stamp, device, latest, s.device)
	}
	if got, err := s.Deck(ctx, kund.ID); err != nil || got.Edition != 2 {
		t.Errorf("the clone's edition after a change = %v, %v; want 2, not printed since", got.Edition, err)
	}
}
