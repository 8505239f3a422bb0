package cli

import (
	"os"
	"syscall"
	"testing"
)

// holdLock takes the file's lock as another Deckhand process would: flock
// locks belong to an open file, so a second descriptor conflicts here too.
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
