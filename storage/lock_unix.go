//go:build linux || darwin || freebsd || netbsd || openbsd

package storage

import (
	"errors"
	"os"
	"syscall"
)

// flockNow takes an exclusive flock on f without waiting; errHeld when
// another process has it. flock locks belong to the open file, so a second
// descriptor of the same file conflicts even in this process.
func flockNow(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errHeld
	}
	return err
}

// unlockBeside releases the lock file's lock: a flock goes with the
// descriptor.
func unlockBeside(f *os.File) error { return f.Close() }

// lockJournal takes an exclusive lock on a restore's journal without
// waiting; it goes with the file's descriptor, or with the process.
func lockJournal(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// flockBeside opens (creating it when missing) and flocks the lock file of
// the database at path: macOS's lock, which Linux tests run too.
func flockBeside(path string) (*os.File, error) {
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
