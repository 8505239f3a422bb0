//go:build darwin || freebsd || netbsd || openbsd

package storage

import (
	"errors"
	"os"
)

// On macOS and the BSDs flock and fcntl locks are one mechanism: an flock
// on the database file would stop SQLite's own fcntl locks on it, even in
// this process. So the lock is an flock on a file beside the database.

// lockBeside opens (creating it when missing) and locks the lock file of
// the database at path.
func lockBeside(path string) (*os.File, error) {
	name := lockPath(path)
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, openError(path, err, "cannot open %s for writing (%v); check that the file and its folder are yours and writable", name, unwrapPathError(err))
	}
	if err := flockNow(f); err != nil {
		f.Close()
		if errors.Is(err, errHeld) {
			return nil, errHeld
		}
		return nil, openError(path, err, "cannot lock %s: %v", name, err)
	}
	return f, nil
}

// lockItself takes no lock on the database file here: see lockBeside.
func lockItself(*os.File, string) error { return nil }
