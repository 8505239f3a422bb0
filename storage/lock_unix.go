//go:build linux || darwin || freebsd || netbsd || openbsd

package storage

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"time"
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

// alreadyOpen is the refusal of a file another Deckhand holds: a window,
// or a command run from a terminal or a script, which holds it only while
// it runs. waited is how long this one waited for it.
func alreadyOpen(path string, waited time.Duration) error {
	if secs := int(waited.Round(time.Second) / time.Second); secs > 0 {
		return openError(path, ErrLocked, "%s is still in use by another Deckhand, a window or a command, after %d seconds of waiting; close that window or let the command finish, then try again", path, secs)
	}
	return openError(path, ErrLocked, "%s is in use by another Deckhand, a window or a command; close that window or let the command finish, then try again", path)
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
	return lockFileWaiting(path, 0)
}

// lockFileWaiting is lockFile that, while another process holds the lock,
// tries again for up to wait: a command run while another command (or a
// script's previous step) still has the file gets it as soon as that one is
// done, instead of failing at once.
func lockFileWaiting(path string, wait time.Duration) (*os.File, bool, error) {
	start := time.Now()
	pause := 10 * time.Millisecond
	for {
		f, created, err := tryLockFile(path)
		if !errors.Is(err, errHeld) {
			return f, created, err
		}
		waited := time.Since(start)
		if waited >= wait {
			return nil, false, alreadyOpen(path, wait)
		}
		time.Sleep(min(pause, wait-waited))
		pause = min(2*pause, 250*time.Millisecond)
	}
}

// errHeld is another process's flock on the file: worth waiting for.
var errHeld = errors.New("held by another process")

func tryLockFile(path string) (f *os.File, created bool, err error) {
	if err := checkKind(path); err != nil {
		return nil, false, err
	}
	openFiles.Lock()
	defer openFiles.Unlock()
	if info, err := os.Stat(path); err == nil && openFiles.m[idOf(info)] {
		// This process has it open: waiting would not help.
		return nil, false, alreadyOpen(path, 0)
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
			return nil, false, errHeld
		}
		return nil, false, openError(path, err, "cannot lock %s: %v", path, err)
	}
	if info, err := f.Stat(); err == nil {
		if !info.Mode().IsRegular() { // swapped after checkKind looked
			f.Close()
			return nil, false, notRegular(path)
		}
		openFiles.m[idOf(info)] = true
	}
	return f, created, nil
}

// checkKind refuses, before anything opens it, a path that is neither a
// regular file nor missing: a named pipe or a device (a link to /dev/null)
// would read as an empty file, and a link to nothing would be created
// through. A link to a regular file is used as the file.
func checkKind(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if link, lerr := os.Lstat(path); lerr == nil && link.Mode()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return danglingLink(path, target)
		}
		return nil
	}
	if err != nil || info.IsDir() || info.Mode().IsRegular() {
		return nil // the open that follows says what is wrong
	}
	return notRegular(path)
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
