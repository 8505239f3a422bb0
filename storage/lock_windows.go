package storage

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// Windows' byte-range locks are mandatory: a lock on the database file
// would make SQLite's own reads and writes of it fail. So the lock is on a
// file beside the database, and a Deckhand waiting for it never has the
// database file open (a restore renames over it, which Windows refuses
// while any program has the file open).

// lockedByte is the byte a lock covers: past anything the locked file
// holds, so that reading a restore's journal is never in its way.
var lockedByte = windows.Overlapped{OffsetHigh: 1}

// lockNow takes an exclusive lock on f without waiting; errHeld when
// another process (or another handle in this one) has it.
func lockNow(f *os.File) error {
	ol := lockedByte
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return errHeld
	}
	return err
}

// lockBeside opens (creating it when missing) and locks the lock file of
// the database at path.
func lockBeside(path string) (*os.File, error) { return openLockBeside(path, lockNow) }

// lockItself takes no lock on the database file here: see lockBeside.
func lockItself(*os.File, string) error { return nil }

// unlockBeside releases the lock file's lock before closing it (Windows
// frees the locks of a closed handle only when it gets round to it), then
// removes it. Windows removes no file that is open: while another Deckhand
// has it open to wait on it, it stays, which is as it should be.
func unlockBeside(f *os.File) error {
	ol := lockedByte
	err := windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	os.Remove(f.Name())
	return err
}

// lockJournal takes an exclusive lock on a restore's journal without
// waiting; it goes with the file's handle, or with the process.
func lockJournal(f *os.File) error { return lockNow(f) }
