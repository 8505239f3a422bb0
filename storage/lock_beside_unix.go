//go:build darwin || freebsd || netbsd || openbsd

package storage

import "os"

// On macOS and the BSDs flock and fcntl locks are one mechanism: an flock
// on the database file would stop SQLite's own fcntl locks on it, even in
// this process. So the lock is an flock on the lock file beside it.

// lockBeside opens (creating it when missing) and locks the lock file of
// the database at path.
func lockBeside(path string) (*os.File, error) { return flockBeside(path) }

// lockItself takes no lock on the database file here: see lockBeside.
func lockItself(*os.File, string) error { return nil }
