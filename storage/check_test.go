package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

func TestCheckFindsNothingOnAFreshDatabase(t *testing.T) {
	s, _ := openTestStore(t)
	report, err := s.Check(context.Background())
	if err != nil || !report.OK || len(report.Problems) != 0 {
		t.Errorf("Check = %+v, %v", report, err)
	}
}

func TestCheckFindsADamagedIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deckhand.db")
	makeDeckhandFile(t, path, 0)
	// Flip the last byte of the one page of the index on deck names: the
	// rowid of its only entry. The tree stays well formed, so Open's quick
	// check passes; only the full check compares indexes with their tables.
	var root int
	db := rawDB(t, path)
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = 'decks_live_name'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	var pageSize int
	db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[root*pageSize-1] ^= 0x40
	writeFile(t, path, b)

	s, err := storage.Open(path)
	if errors.Is(err, storage.ErrCorrupt) {
		t.Skipf("Open already refuses the file: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	report, err := s.Check(context.Background())
	if err != nil || report.OK || len(report.Problems) == 0 {
		t.Fatalf("Check = %+v, %v", report, err)
	}
	for _, p := range report.Problems {
		if !strings.HasPrefix(p, "the file is damaged: ") || !strings.HasSuffix(p, "restore the newest backup with deckhand restore") {
			t.Errorf("problem %q", p)
		}
	}
}

func TestCheckFindsABrokenLink(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deckhand.db")
	makeDeckhandFile(t, path, 0)
	db := rawDB(t, path) // foreign keys are off: SQLite's default
	var rowid int64
	err := db.QueryRow(`SELECT rowid FROM cards LIMIT 1`).Scan(&rowid)
	if err == nil {
		_, err = db.Exec(`UPDATE cards SET deck_id = 'no-such-deck' WHERE rowid = ?`, rowid)
	}
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openStore(t, path)
	report, err := s.Check(context.Background())
	if err != nil || report.OK || len(report.Problems) != 1 {
		t.Fatalf("Check = %+v, %v", report, err)
	}
	want := "a card refers to a deck that is missing (table cards, row "
	if p := report.Problems[0]; !strings.HasPrefix(p, want) || !strings.Contains(p, "deckhand restore") {
		t.Errorf("problem %q, want it to start %q", p, want)
	}
}
