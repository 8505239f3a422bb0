package storage

import (
	"errors"
	"os"
)

// On Linux the lock is an flock on the database file itself. flock locks
// are separate from the fcntl locks SQLite uses, so the two never
// interfere, and every Deckhand before the lock file sees this lock too.
// Both are variables so that a test runs the store on macOS's lock file
// instead (flockBeside).
var (
	// lockBeside takes no lock beside the database on Linux.
	lockBeside = func(string) (*os.File, error) { return nil, nil }
	// lockItself locks the open database file f.
	lockItself = flockItself
)

func flockItself(f *os.File, path string) error {
	if err := flockNow(f); err != nil {
		if errors.Is(err, errHeld) {
			return errHeld
		}
		return openError(path, err, "cannot lock %s: %v", path, err)
	}
	return nil
}
