//go:build !linux

package storage_test

import (
	"testing"

	"deckhand/storage"
)

// holdLock takes the lock another Deckhand process would hold: the lock
// file beside the database, through a handle of its own, which conflicts
// with the store's even in this process.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	release, err := storage.HoldLock(path)
	if err != nil {
		t.Fatal(err)
	}
	return release
}
