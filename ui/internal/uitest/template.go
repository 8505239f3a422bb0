// Package uitest holds what the desktop app's tests share: databases made
// from the seeded template of storagetest, and walking a window's widgets
// as a person sees them (the buttons of the dialog on top, its text). Only
// tests import it.
package uitest

import (
	"path/filepath"
	"testing"

	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// Main runs a package's tests and removes the template after them: call
// it from the package's TestMain.
func Main(m *testing.M) { storagetest.Main(m) }

// OpenSeeded opens a database at path holding the default deck: a copy of
// the template for a test's first, a new one seeded afresh for any other,
// so that two databases of one test share no ids, as two laptops. A
// benchmark may call it too.
func OpenSeeded(tb testing.TB, path string) *storage.Store {
	tb.Helper()
	copied := storagetest.FirstCopy(tb)
	if copied {
		storagetest.Copy(tb, path)
	}
	store, err := storage.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	if !copied {
		if err := storagetest.SeedDefaultDeck(store); err != nil {
			store.Close()
			tb.Fatal(err)
		}
	}
	return store
}

// OpenCopy opens a copy of the template (the default deck) in tb's
// temporary folder, closed after tb: what a benchmark is set up on.
func OpenCopy(tb testing.TB) *storage.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "deckhand.db")
	storagetest.Copy(tb, path)
	store, err := storage.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	return store
}
