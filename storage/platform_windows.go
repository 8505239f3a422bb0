package storage

import (
	"errors"
	"os"
)

// syncDir does nothing on Windows: it has no folder sync. A folder opens
// only read-only and Windows flushes only a handle open for writing, so a
// folder's Sync fails ("access denied"). NTFS journals its names itself: a
// rename is, after a power cut, either done or not, and the file's own data
// is synced before every rename here.
func syncDir(string) error { return nil }

// removeLocked closes the file f has open and locked, then removes it:
// Windows removes no file that is open, the lock's own handle included.
func removeLocked(f *os.File) error {
	f.Close()
	err := os.Remove(f.Name())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
