package storage_test

import (
	"os"
	"syscall"
	"testing"
)

// holdLock takes the lock another Deckhand process would hold: flock locks
// belong to an open file, so a second descriptor conflicts even here.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	return func() { f.Close() }
}
