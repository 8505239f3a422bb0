//go:build linux || darwin || freebsd || netbsd || openbsd

package storage

import (
	"errors"
	"os"
	"sync"
	"syscall"
)

// openFiles holds the database files this process has open, by device and
// inode. A second Open of one is refused before a descriptor is opened:
// closing that descriptor again would drop SQLite's fcntl locks on the file.
var openFiles = struct {
	sync.Mutex
	m map[fileID]bool
}{m: map[fileID]bool{}}

type fileID struct{ dev, ino uint64 }

func idOf(info os.FileInfo) fileID {
	st := info.Sys().(*syscall.Stat_t)
	return fileID{uint64(st.Dev), uint64(st.Ino)}
}

func alreadyOpen(path string) error {
	return openError(path, ErrLocked, "%s is already open in another Deckhand window; use that window, or close it and try again", path)
}

// unlockFile releases the lock taken by lockFile and closes the file.
func unlockFile(f *os.File) error {
	openFiles.Lock()
	defer openFiles.Unlock()
	if info, err := f.Stat(); err == nil {
		delete(openFiles.m, idOf(info))
	}
	return f.Close()
}

// lockFile opens the database file (creating it empty when it does not
// exist) and takes an exclusive advisory lock on it, so a second Deckhand
// window on the same file is refused at once instead of becoming a second
// writer. flock locks are separate from the fcntl locks SQLite uses, so the
// two never interfere; the lock goes when the returned file is closed, or
// with the process. Everything else Open does with the raw file goes through
// this one descriptor: closing any other descriptor of the file would drop
// SQLite's own fcntl locks in this process.
func lockFile(path string) (f *os.File, created bool, err error) {
	openFiles.Lock()
	defer openFiles.Unlock()
	if info, err := os.Stat(path); err == nil && openFiles.m[idOf(info)] {
		return nil, false, alreadyOpen(path)
	}
	f, err = os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, syscall.EISDIR) {
		return nil, false, openError(path, ErrNotDatabase, "%s is a folder, not a Deckhand database; choose a database file", path)
	}
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
			return nil, false, alreadyOpen(path)
		}
		return nil, false, openError(path, err, "cannot lock %s: %v", path, err)
	}
	if info, err := f.Stat(); err == nil {
		openFiles.m[idOf(info)] = true
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

// lockJournal takes an exclusive lock on a restore's journal without
// waiting; it goes with the file's descriptor, or with the process.
func lockJournal(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}
