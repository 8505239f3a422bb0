// Package uitest holds what the desktop app's tests share: databases made
// from a seeded template, and walking a window's widgets as a person sees
// them (the buttons of the dialog on top, its text). Only tests import it.
package uitest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

// seeded is the database every fixture starts from: migrated and holding the
// default deck, made once per test binary. Migrating and seeding cost about
// 50 ms a database; copying the file costs a tenth of that.
var seeded struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// copiesMade notes the tests that have had a copy of the template. Only a
// test's first fixture is a copy: two databases of one test stand for two
// laptops, which never share a device id or a deck's ids.
var copiesMade = struct {
	sync.Mutex
	m map[*testing.T]bool
}{m: map[*testing.T]bool{}}

// Main runs a package's tests and removes the template after them: call
// it from the package's TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// makeSeeded makes the template as newFixture made every database before:
// storage.Open on a new file, then the default deck.
func makeSeeded() error {
	dir, err := os.MkdirTemp("", "deckhand-seeded-")
	if err != nil {
		return err
	}
	seeded.dir = dir
	seeded.path = filepath.Join(dir, "deckhand.db")
	store, err := storage.Open(seeded.path)
	if err != nil {
		return err
	}
	if err := seedDefaultDeck(store); err != nil {
		store.Close()
		return err
	}
	// Closing the last connection checkpoints the write-ahead log into the
	// file and removes it: the file alone is then the whole database.
	if err := store.Close(); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(seeded.path + suffix); err == nil {
			return fmt.Errorf("%s%s is still there after Close: the template is not one file", seeded.path, suffix)
		}
	}
	return nil
}

func seedDefaultDeck(store *storage.Store) error {
	deck, err := cards.DefaultDeck()
	if err != nil {
		return err
	}
	if ok, err := store.SeedDefaultDeck(context.Background(), deck); err != nil || !ok {
		return fmt.Errorf("SeedDefaultDeck = %v, %v; want true, nil", ok, err)
	}
	return nil
}

// OpenSeeded opens a database at path holding the default deck: a copy of
// the template for a test's first, a new one seeded afresh for any other.
func OpenSeeded(t *testing.T, path string) *storage.Store {
	t.Helper()
	if firstCopy(t) {
		seeded.once.Do(func() { seeded.err = makeSeeded() })
		if seeded.err != nil {
			t.Fatalf("make the seeded template: %v", seeded.err)
		}
		b, err := os.ReadFile(seeded.path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		store, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		return store
	}
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := seedDefaultDeck(store); err != nil {
		store.Close()
		t.Fatal(err)
	}
	return store
}

// firstCopy reports whether t has not had a copy of the template yet, and
// notes that it has now.
func firstCopy(t *testing.T) bool {
	copiesMade.Lock()
	defer copiesMade.Unlock()
	if copiesMade.m[t] {
		return false
	}
	copiesMade.m[t] = true
	t.Cleanup(func() {
		copiesMade.Lock()
		delete(copiesMade.m, t)
		copiesMade.Unlock()
	})
	return true
}
