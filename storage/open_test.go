package storage_test

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/assets"
	"deckhand/storage"
)

func TestOpenCreatesAndSetsUpANewFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := storage.Open(path)
	if err != nil {
		t.Fatalf("Open(new file): %v", err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %s, want %s", s.Path(), path)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("the file was not created: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("file mode = %v, want 0600 (the data is personal)", perm)
	}
	db := rawDB(t, path)
	if got := queryInt(t, db, "PRAGMA user_version"); got != storage.SchemaVersion() {
		t.Errorf("user_version = %d, want %d", got, storage.SchemaVersion())
	}
	if got := queryInt(t, db, "PRAGMA application_id"); got != storage.ApplicationID {
		t.Errorf("application_id = %#x, want %#x", got, storage.ApplicationID)
	}
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM meta WHERE key = 'device_id' AND value <> ''"); n != 1 {
		t.Errorf("device ids in meta = %d, want 1", n)
	}
}

func TestOpenAgainKeepsDataAndDevice(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	path := s.Path()
	s.Close()
	db := rawDB(t, path)
	var device string
	if err := db.QueryRow("SELECT value FROM meta WHERE key = 'device_id'").Scan(&device); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openStore(t, path)
	if got := mustDeck(t, s, d.ID); len(got.Cards) != defaultDeckCards {
		t.Errorf("after reopening the deck has %d cards, want %d", len(got.Cards), defaultDeckCards)
	}
	s.Close()
	db = rawDB(t, path)
	var again string
	if err := db.QueryRow("SELECT value FROM meta WHERE key = 'device_id'").Scan(&again); err != nil || again != device {
		t.Errorf("device id after reopening = %q, %v; want %q", again, err, device)
	}
}

// A path with characters that mean something in a URI still names the file.
func TestOpenPathWithURICharacters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "deck?mode=ro#1 100%.db")
	s := openStore(t, path)
	s.Close()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != filepath.Base(path) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q, want only %q", names, filepath.Base(path))
	}
}

func TestOpenAdoptsEmptyFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"zero bytes", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"empty SQLite database", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("VACUUM"); err != nil { // writes the header page, as the sqlite3 shell does
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "empty.db")
			tt.make(t, path)
			s := openStore(t, path)
			if seeded, err := s.SeedDefaultDeck(context.Background(), defaultDeck(t)); err != nil || !seeded {
				t.Fatalf("SeedDefaultDeck = %v, %v", seeded, err)
			}
			s.Close()
			db := rawDB(t, path)
			if got := queryInt(t, db, "PRAGMA user_version"); got != storage.SchemaVersion() {
				t.Errorf("user_version = %d, want %d", got, storage.SchemaVersion())
			}
			if got := queryInt(t, db, "PRAGMA application_id"); got != storage.ApplicationID {
				t.Errorf("application_id = %#x, want %#x", got, storage.ApplicationID)
			}
		})
	}
}

// makeDeckhandFile writes a closed Deckhand database holding the default
// deck and extra copies of it.
func makeDeckhandFile(t *testing.T, path string, copies int) {
	t.Helper()
	s, d := func() (*storage.Store, string) {
		s := openStore(t, path)
		ctx := context.Background()
		if _, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil {
			t.Fatal(err)
		}
		ds, err := s.Decks(ctx)
		if err != nil || len(ds) != 1 {
			t.Fatalf("Decks = %v, %v", ds, err)
		}
		return s, ds[0].ID
	}()
	for i := range copies {
		if _, err := s.CloneDeck(context.Background(), d, fmt.Sprintf("Copy %d", i+1), "Client"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("closing left a -wal file beside %s (%v)", path, err)
	}
}

// foreignDatabase makes another program's database: a table with a row,
// application_id 0 unless the setup statement sets it.
func foreignDatabase(t *testing.T, path, setup string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(setup + ";CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Aino')"); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenRefusesFilesItMustNotTouch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		make  func(t *testing.T, dir string) string // returns the path to open
		kind  error
		words string // the message also says this
	}{
		{"text file", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "notes.db"), []byte("code,title_sv\nR01,Samla bara det som behövs\n"))
		}, storage.ErrNotDatabase, "not a Deckhand database"},
		{"PNG image", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "icon.db"), assets.Icon)
		}, storage.ErrNotDatabase, "not a Deckhand database"},
		{"folder", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "decks")
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
			return path
		}, storage.ErrNotDatabase, "is a folder"},
		{"another program's database", func(t *testing.T, dir string) string {
			return foreignDatabase(t, filepath.Join(dir, "other.db"), "")
		}, storage.ErrForeignDatabase, "another program"},
		{"another program's database in WAL mode", func(t *testing.T, dir string) string {
			return foreignDatabase(t, filepath.Join(dir, "other.db"), "PRAGMA journal_mode = WAL")
		}, storage.ErrForeignDatabase, "another program"},
		{"another program's database with its own id", func(t *testing.T, dir string) string {
			return foreignDatabase(t, filepath.Join(dir, "other.db"), "PRAGMA application_id = 1234")
		}, storage.ErrForeignDatabase, "another program"},
		{"newer schema", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "newer.db")
			makeDeckhandFile(t, path, 0)
			b, _ := os.ReadFile(path)
			binary.BigEndian.PutUint32(b[60:64], uint32(storage.SchemaVersion()+1))
			return writeFile(t, path, b)
		}, storage.ErrNewerSchema, "newer version"},
		{"damaged pages", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "damaged.db")
			makeDeckhandFile(t, path, 3)
			b, _ := os.ReadFile(path)
			pageSize := int(binary.BigEndian.Uint16(b[16:18]))
			for off := pageSize; off < len(b); off += pageSize { // every b-tree page header after page 1
				copy(b[off:off+12], []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF})
			}
			return writeFile(t, path, b)
		}, storage.ErrCorrupt, "damaged"},
		{"cut short", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "short.db")
			makeDeckhandFile(t, path, 3)
			b, _ := os.ReadFile(path)
			return writeFile(t, path, b[:len(b)/2])
		}, storage.ErrCorrupt, "damaged"},
		{"folder does not exist", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "missing", "deckhand.db")
		}, storage.ErrNoFolder, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.make(t, dir)
			before := snapshot(t, dir)

			s, err := storage.Open(path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded; want %v", tt.name, tt.kind)
			}
			checkOpenError(t, err, path, tt.kind)
			if tt.kind == storage.ErrNoFolder { // the message names what to fix: the folder
				if folder := filepath.Dir(path); !strings.Contains(err.Error(), folder) {
					t.Errorf("message %q does not name the missing folder %s", err, folder)
				}
			} else if !strings.Contains(err.Error(), path) {
				t.Errorf("message %q does not name the file %s", err, path)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("message %q does not say %q", err, tt.words)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

func TestOpenRefusesAReadOnlyFile(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop root from writing")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "readonly.db")
	makeDeckhandFile(t, path, 0)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	s, err := storage.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open(read-only file) succeeded")
	}
	var oe *storage.OpenError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "writable") {
		t.Errorf("err = %v; want an *OpenError naming %s and saying it must be writable", err, path)
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
	}
}

func TestOpenRefusesASecondOpenOfTheSameFile(t *testing.T) {
	t.Parallel()
	first, _ := openTestStore(t)
	path := first.Path()
	hash := fileHash(t, path)

	second, err := storage.Open(path)
	if err == nil {
		second.Close()
		t.Fatal("a second Open of an open file succeeded")
	}
	checkOpenError(t, err, path, storage.ErrLocked)
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "in use by another Deckhand") {
		t.Errorf("message %q does not say %s is in use by another Deckhand", err, path)
	}
	if got := fileHash(t, path); got != hash {
		t.Error("the refused second Open changed the file")
	}
	if _, err := first.Decks(context.Background()); err != nil {
		t.Errorf("the first store stopped working: %v", err)
	}

	first.Close()
	third := openStore(t, path)
	if ds, err := third.Decks(context.Background()); err != nil || len(ds) != 1 {
		t.Errorf("after closing the first store, Decks = %v, %v", ds, err)
	}
}

// After a crash or power loss, the last commits may still be only in the
// -wal file: the main file's header can even still read as an empty
// database. Opening must take them up as SQLite sees them, the first time.
func TestOpenAfterACrashBeforeCheckpoint(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	c := cardByCode(t, d, "R01")
	c.Title["sv"] = "Sparad före kraschen"
	if err := s.SaveCard(context.Background(), d.ID, &c); err != nil {
		t.Fatal(err)
	}
	crashed := filepath.Join(t.TempDir(), "crashed.db")
	copyFile(t, s.Path(), crashed) // what is on disk right now, as if the power went
	copyFile(t, s.Path()+"-wal", crashed+"-wal")

	reopened, err := storage.Open(crashed)
	if err != nil {
		t.Fatalf("Open after a crash: %v", err)
	}
	defer reopened.Close()
	got, err := reopened.Deck(context.Background(), d.ID)
	if err != nil {
		t.Fatalf("Deck after a crash: %v", err)
	}
	if title := cardByCode(t, got, "R01").Title["sv"]; title != "Sparad före kraschen" {
		t.Errorf("R01 title after a crash = %q, want the saved one", title)
	}
}
