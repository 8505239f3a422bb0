//go:build linux || darwin || freebsd || netbsd || openbsd

package storage

import (
	"errors"
	"os"
	"syscall"
)

// lockFile opens the database file (creating it empty when it does not
// exist) and takes an exclusive advisory lock on it, so a second Deckhand
// window on the same file is refused at once instead of becoming a second
// writer. flock locks are separate from the fcntl locks SQLite uses, so the
// two never interfere; the lock goes when the returned file is closed, or
// with the process. Everything else Open does with the raw file goes through
// this one descriptor: closing any other descriptor of the file would drop
// SQLite's own fcntl locks in this process.
func lockFile(path string) (f *os.File, created bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		created = err == nil
	}
	if err != nil {
		return nil, false, openError(path, err, "cannot open %s for writing (%v); check that the file and its folder are yours and writable", path, unwrapPathError(err))
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, openError(path, ErrLocked, "%s is already open in another Deckhand window; use that window, or close it and try again", path)
		}
		return nil, false, openError(path, err, "cannot lock %s: %v", path, err)
	}
	return f, created, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
