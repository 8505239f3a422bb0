package storage

import (
	"errors"
	"os"
	"time"
)

// syncDir does nothing on Windows: it has no folder sync. A folder opens
// only read-only and Windows flushes only a handle open for writing, so a
// folder's Sync fails ("access denied"). NTFS journals its names itself: a
// rename is, after a power cut, either done or not, and the file's own data
// is synced before every rename here.
func syncDir(string) error { return nil }

// removeLocked closes the file f has open and locked, then removes it:
// Windows removes no file that is open, the lock's own handle included.
// Once it is closed another Deckhand may open it for a moment (to find the
// restore done); the removal waits that out.
func removeLocked(f *os.File) error {
	f.Close()
	for tries := 1; ; tries++ {
		err := os.Remove(f.Name())
		if err == nil || errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if !errnoIn(err, windowsInUse) || tries == 40 {
			return err
		}
		time.Sleep(25 * time.Millisecond)
	}
}
