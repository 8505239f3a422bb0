package storage

import (
	"errors"
	"os"
	"sync"
	"time"

	"deckhand/message"
)

// One Deckhand at a time has a database file: a second window on it, or a
// command while a window has it, is refused (or waits, for a command)
// instead of becoming a second writer. How the lock is taken depends on the
// platform (lock_linux.go, lock_beside_unix.go, lock_windows.go): on Linux it is
// the database file itself; where a lock on the database file would get in
// SQLite's way (macOS, whose flock and fcntl locks meet; Windows, whose
// locks are mandatory) it is a lock file beside it, lockPath.

// lockPath is the lock file beside the database at dbPath, on the
// platforms that lock one (see lockBeside). It is there only while a
// Deckhand has the database (or is refusing it): its release removes it,
// so that a refused file's folder is left as it was.
func lockPath(dbPath string) string { return dbPath + ".lock" }

// openLockBeside opens (creating it when missing) and locks, with lock, the
// lock file of the database at path. A Deckhand that opened the file just
// before its holder removed it would lock a file no longer there, and a
// third could lock a new one meanwhile: so once locked, the name must still
// be the file locked, or it tries again.
func openLockBeside(path string, lock func(*os.File) error) (*os.File, error) {
	name := lockPath(path)
	for range 100 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, openError(path, err, "cannot open %s for writing (%v); check that the file and its folder are yours and writable", name, unwrapPathError(err))
		}
		if err := lock(f); err != nil {
			f.Close()
			if errors.Is(err, errHeld) {
				return nil, errHeld
			}
			return nil, openError(path, err, "cannot lock %s: %v", name, err)
		}
		if locked, err := f.Stat(); err == nil {
			if named, err := os.Stat(name); err == nil && os.SameFile(locked, named) {
				return f, nil
			}
		}
		f.Close()
	}
	return nil, errHeld
}

// held is a database file this process has open and locked.
type held struct {
	// File is the database file, read-write. Everything Open does with the
	// raw file goes through it: closing any other descriptor of the file
	// would drop SQLite's own fcntl locks in this process.
	*os.File
	// beside is the locked lock file, where the platform keeps the lock
	// beside the database; nil on Linux.
	beside *os.File
}

// openFiles holds the database files this process has open, compared as
// files (os.SameFile). A second Open of one is refused before anything
// opens the file again: closing that descriptor again would drop SQLite's
// fcntl locks on it, and waiting for this process itself would not help.
var openFiles = struct {
	sync.Mutex
	m map[*held]os.FileInfo
}{m: map[*held]os.FileInfo{}}

// heldHere reports whether this process has the file described by info
// open. The caller holds openFiles.
func heldHere(info os.FileInfo) bool {
	for _, other := range openFiles.m {
		if os.SameFile(info, other) {
			return true
		}
	}
	return false
}

// alreadyOpen is the refusal of a file another Deckhand holds: a window,
// or a command run from a terminal or a script, which holds it only while
// it runs. waited is how long this one waited for it.
func alreadyOpen(path string, waited time.Duration) error {
	if secs := int(waited.Round(time.Second) / time.Second); secs > 0 {
		return &OpenError{Path: path, Kind: ErrLocked, text: message.Count(secs,
			"%s is still in use by another Deckhand, a window or a command, after %d second of waiting; close that window or let the command finish, then try again",
			"%s is still in use by another Deckhand, a window or a command, after %d seconds of waiting; close that window or let the command finish, then try again", path, secs)}
	}
	return openError(path, ErrLocked, "%s is in use by another Deckhand, a window or a command; close that window or let the command finish, then try again", path)
}

// closeFile closes the database file but keeps the lock beside it, where
// there is one: a restore renames over the database, which Windows does not
// allow while the file is open. Where the lock is the database file itself
// it goes with it; the restore's journal then keeps others out.
func (h *held) closeFile() error {
	if h.File == nil {
		return nil
	}
	err := h.File.Close()
	h.File = nil
	return err
}

// unlockFile closes the database file and releases the lock taken by
// lockFile.
func unlockFile(h *held) error {
	openFiles.Lock()
	delete(openFiles.m, h)
	openFiles.Unlock()
	err := h.closeFile()
	if h.beside != nil {
		if unlockErr := unlockBeside(h.beside); err == nil {
			err = unlockErr
		}
		h.beside = nil
	}
	return err
}

// lockFile opens the database file (creating it empty when it does not
// exist) and takes the lock on it, so a second Deckhand window on the same
// file is refused at once. The lock goes with unlockFile, or with the
// process.
func lockFile(path string) (h *held, created bool, err error) {
	return lockFileWaiting(path, 0)
}

// lockFileWaiting is lockFile that, while another process holds the lock,
// tries again for up to wait: a command run while another command (or a
// script's previous step) still has the file gets it as soon as that one is
// done, instead of failing at once.
func lockFileWaiting(path string, wait time.Duration) (*held, bool, error) {
	start := time.Now()
	pause := 10 * time.Millisecond
	for {
		h, created, err := tryLockFile(path)
		if !errors.Is(err, errHeld) {
			return h, created, err
		}
		waited := time.Since(start)
		if waited >= wait {
			return nil, false, alreadyOpen(path, wait)
		}
		time.Sleep(min(pause, wait-waited))
		pause = min(2*pause, 250*time.Millisecond)
	}
}

// errHeld is another process's lock on the file: worth waiting for.
var errHeld = errors.New("held by another process")

func tryLockFile(path string) (h *held, created bool, err error) {
	if err := checkKind(path); err != nil {
		return nil, false, err
	}
	openFiles.Lock()
	defer openFiles.Unlock()
	if info, err := os.Stat(path); err == nil && heldHere(info) {
		return nil, false, alreadyOpen(path, 0)
	}
	// The lock beside the file comes first: a Deckhand waiting for it must
	// not have the database file open meanwhile (a restore renames over it).
	// It is beside the real file, so that every link to the database (a
	// restore goes through to the real file) meets the same lock.
	lockAt := path
	if real, err := realPath(path); err == nil {
		lockAt = real
	}
	beside, err := lockBeside(lockAt)
	if err != nil {
		return nil, false, err
	}
	h = &held{beside: beside}
	defer func() {
		if err != nil && beside != nil {
			unlockBeside(beside)
		}
	}()
	h.File, err = os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		h.File, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		created = err == nil
	}
	if err != nil {
		if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
			return nil, false, openError(path, ErrNotDatabase, "%s is a folder, not a Deckhand database; choose a database file", path)
		}
		if inOtherProgram(err) {
			return nil, false, openError(path, err, "%s is open in another program, so Deckhand cannot use it; close that program and try again", path)
		}
		return nil, false, openError(path, err, "cannot open %s for writing (%v); check that the file and its folder are yours and writable", path, unwrapPathError(err))
	}
	if err := lockItself(h.File, path); err != nil {
		h.File.Close()
		return nil, false, err
	}
	info, statErr := h.File.Stat()
	if statErr == nil && !info.Mode().IsRegular() { // swapped after checkKind looked
		h.File.Close()
		return nil, false, notRegular(path)
	}
	if statErr == nil {
		openFiles.m[h] = info
	}
	return h, created, nil
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
