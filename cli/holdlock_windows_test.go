package cli

import (
	"math"
	"os"
	"testing"

	"golang.org/x/sys/windows"
)

// holdLock takes the database's lock as another Deckhand process would:
// here a lock on the lock file beside it (FILE.lock), over every byte, so
// that it covers the one the store locks, through a handle of its own.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	var ol windows.Overlapped
	if err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, math.MaxUint32, math.MaxUint32, &ol); err != nil {
		t.Fatal(err)
	}
	return func() {
		windows.UnlockFileEx(windows.Handle(f.Fd()), 0, math.MaxUint32, math.MaxUint32, &ol)
		f.Close()
	}
}
