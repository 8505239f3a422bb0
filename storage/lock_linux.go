package storage

import (
	"errors"
	"os"
)

// On Linux the lock is an flock on the database file itself. flock locks
// are separate from the fcntl locks SQLite uses, so the two never
// interfere, and every Deckhand before the lock file sees this lock too.

// lockBeside takes no lock beside the database on Linux.
func lockBeside(string) (*os.File, error) { return nil, nil }

// lockItself locks the open database file f.
func lockItself(f *os.File, path string) error {
	if err := flockNow(f); err != nil {
		if errors.Is(err, errHeld) {
			return errHeld
		}
		return openError(path, err, "cannot lock %s: %v", path, err)
	}
	return nil
}
