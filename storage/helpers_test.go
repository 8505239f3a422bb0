package storage_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// defaultDeckCards is the number of cards in the shipped default deck.
const defaultDeckCards = 62

// defaultDeck reads the deck a new database is seeded with.
func defaultDeck(tb testing.TB) *cards.Deck {
	tb.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		tb.Fatalf("read the default deck: %v", err)
	}
	return d
}

// tickingClock returns a clock that moves on a millisecond at every call, so
// timestamps never collide whatever the real clock's resolution.
func tickingClock() func() time.Time {
	return tickingClockFrom(storagetest.Seeded)
}

// tickingClockFrom is tickingClock going on after start.
func tickingClockFrom(start time.Time) func() time.Time {
	var mu sync.Mutex
	now := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Millisecond)
		return now
	}
}

// openStore opens (creating) a database under path through storage.Open and
// closes it when the test ends.
func openStore(tb testing.TB, path string) *storage.Store {
	tb.Helper()
	s, err := storage.Open(path)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	s.Now = tickingClock()
	tb.Cleanup(func() { s.Close() })
	return s
}

// openTestStore opens a new database in a temporary folder, seeds the
// default deck and returns the store with the deck as stored. A test's first
// such store is a copy of the seeded template (storagetest), with its
// own device id and its clock going on from the template's; any further one
// is made and seeded afresh, so that two laptops of one test share no ids.
func openTestStore(tb testing.TB) (*storage.Store, *cards.Deck) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "deckhand.db")
	ctx := context.Background()
	var s *storage.Store
	if storagetest.FirstCopy(tb) {
		last := storagetest.Copy(tb, path)
		s = openStore(tb, path)
		s.Now = tickingClockFrom(last)
	} else {
		s = openStore(tb, path)
		if seeded, err := s.SeedDefaultDeck(ctx, defaultDeck(tb)); err != nil || !seeded {
			tb.Fatalf("SeedDefaultDeck = %v, %v; want true, nil", seeded, err)
		}
	}
	d, err := s.FindDeck(ctx, defaultDeck(tb).Name)
	if err != nil {
		tb.Fatalf("FindDeck(default deck): %v", err)
	}
	return s, d
}

// mustDeck loads a deck through the Store API.
func mustDeck(tb testing.TB, s *storage.Store, id string) *cards.Deck {
	tb.Helper()
	d, err := s.Deck(context.Background(), id)
	if err != nil {
		tb.Fatalf("Deck(%s): %v", id, err)
	}
	return d
}

// cardByCode returns a copy of the card with the given code from a loaded
// deck, to edit without touching the deck.
func cardByCode(tb testing.TB, d *cards.Deck, code string) cards.Card {
	tb.Helper()
	i := d.CardByCode(code)
	if i < 0 {
		tb.Fatalf("deck %s has no card %s", d.Name, code)
	}
	return d.Cards[i].Clone()
}

// rawDB opens the database file directly with database/sql, to check what
// reached the file rather than what the Store says. It works beside an open
// store (SQLite shares its locks within a process) and after it is closed.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open(storage.DriverName, "file:"+path+"?mode=rw")
	if err != nil {
		tb.Fatalf("open %s directly: %v", path, err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	return db
}

// queryInt runs a query that returns one integer.
func queryInt(tb testing.TB, db *sql.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}

// rowCounts counts every row of the deck tables, tombstones included.
func rowCounts(tb testing.TB, db *sql.DB) map[string]int {
	tb.Helper()
	counts := map[string]int{}
	for _, table := range []string{"decks", "cards", "card_texts"} {
		counts[table] = queryInt(tb, db, "SELECT COUNT(*) FROM "+table)
	}
	return counts
}

// fileHash is the sha256 of a file's content.
func fileHash(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// copyFile copies a closed database (or any file) byte for byte.
func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		tb.Fatalf("read %s: %v", from, err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		tb.Fatalf("write %s: %v", to, err)
	}
}

// requireProblems fails unless err is a cards.Problems.
func requireProblems(tb testing.TB, err error) cards.Problems {
	tb.Helper()
	var ps cards.Problems
	if !errors.As(err, &ps) {
		tb.Fatalf("err = %v (%T); want cards.Problems", err, err)
	}
	return ps
}

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func checkOpenError(t *testing.T, err error, path string, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Errorf("err = %v; want errors.Is %v", err, kind)
	}
	var oe *storage.OpenError
	if !errors.As(err, &oe) {
		t.Errorf("err = %v (%T); want an *storage.OpenError", err, err)
	} else if oe.Path != path {
		t.Errorf("OpenError.Path = %s, want %s", oe.Path, path)
	}
}

// snapshot describes every entry of a folder tree with its size and hash,
// so a test can tell that nothing was created, removed or changed.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if e.IsDir() {
			fmt.Fprintf(&b, "%s/ ", rel)
			return nil
		}
		fmt.Fprintf(&b, "%s:%s ", rel, fileHash(t, path)[:12])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
