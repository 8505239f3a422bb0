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

// inOtherProgram reports whether err says another program has the file
// open (a PDF in a viewer, a CSV in Excel, the database in another tool).
func inOtherProgram(err error) bool { return windowsOpenElsewhere(err, false) }

// replacedInOtherProgram is inOtherProgram for a rename over an existing
// file, which Windows refuses with "access denied" while it is open.
func replacedInOtherProgram(err error) bool { return windowsOpenElsewhere(err, true) }

// windowsFull reports whether err is Windows' own "the disk is full".
func windowsFull(err error) bool { return errnoIn(err, windowsDiskFull) }
