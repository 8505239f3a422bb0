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

// unlockBeside removes the lock file and releases its lock, in that order:
// a Deckhand waiting on it then finds the name gone and makes a new one
// (openLockBeside). A flock goes with the descriptor. A lock file that
// cannot be removed only stays.
func unlockBeside(f *os.File) error {
	os.Remove(f.Name())
	return f.Close()
}

// lockJournal takes an exclusive lock on a restore's journal without
// waiting; it goes with the file's descriptor, or with the process.
func lockJournal(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// flockBeside opens (creating it when missing) and flocks the lock file of
// the database at path: macOS's lock, which Linux tests run too.
func flockBeside(path string) (*os.File, error) { return openLockBeside(path, flockNow) }
