//go:build darwin || freebsd || netbsd || openbsd

package cli

import (
	"os"
	"syscall"
	"testing"
)

// holdLock takes the database's lock as another Deckhand process would:
// here an flock on the lock file beside it (FILE.lock), which a second
// descriptor conflicts with even in this process.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	return func() { f.Close() }
}
