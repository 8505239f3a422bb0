package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Where a file the user asked for may go. Every export, print and backup
// names its file (-o, the save dialog); before anything is written the
// caller asks Protects whether that path is one of the database's own files,
// and CheckReplace whether it would replace a read-only file. Paths are
// compared as the files they reach: relative paths, "..", symlinks and hard
// links to the database are all the database.

// ErrProtectedFile is wrapped by the error Protects returns.
var ErrProtectedFile = errors.New("a file of the open database")

// ErrReadOnlyFile is wrapped by the error CheckReplace returns.
var ErrReadOnlyFile = errors.New("a read-only file")

// pathError is one sentence for the person that errors.Is matches to its
// kind (ErrProtectedFile, ErrReadOnlyFile) without showing the kind's text.
type pathError struct {
	msg  string
	kind error
}

func (e *pathError) Error() string        { return e.msg }
func (e *pathError) Is(target error) bool { return target == e.kind }

// maxLinks bounds the symlinks followed, as the kernel does (ELOOP).
const maxLinks = 40

// realPath is the absolute path of the file path reaches: each symlink in
// its last element followed (also one whose target does not exist yet, so
// a write through a dangling link makes the target), and the folder's
// symlinks resolved. A write renames its temporary file over this path, so
// the link stays a link and the real file is the one replaced.
func realPath(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for range maxLinks {
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&os.ModeSymlink == 0 {
			break
		}
		target, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = filepath.Clean(target)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(dir, filepath.Base(p))
	}
	return p, nil
}

// foldCase tells whether file names are compared without case here, as the
// usual file systems of macOS and Windows do.
var foldCase = runtime.GOOS == "darwin" || runtime.GOOS == "windows"

// samePath tells whether a and b (both from realPath) are one file: the
// same file on disk when both exist (which also catches hard links and a
// case-insensitive file system), else the same name.
func samePath(a, b string) bool {
	if ia, err := os.Stat(a); err == nil {
		if ib, err := os.Stat(b); err == nil {
			return os.SameFile(ia, ib)
		}
	}
	if foldCase {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// within tells whether p is dir or inside it.
func within(p, dir string) bool {
	if foldCase {
		p, dir = strings.ToLower(p), strings.ToLower(dir)
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Protects returns an error, one sentence wrapping ErrProtectedFile, when
// writing a file at path would replace the database s has open, its -wal,
// -shm or -journal, its lock file (lockPath: on macOS and Windows; refused
// everywhere, since a folder may be shared between them), or anything in its
// backup folder; nil when path is free for a file of the user's.
func (s *Store) Protects(path string) error { return ProtectedBy(s.path, path) }

// ProtectedBy is Protects for the database at dbPath, open or not.
func ProtectedBy(dbPath, path string) error {
	p, err := realPath(path)
	if err != nil {
		return nil // nothing resolvable to compare; the write itself will say why it fails
	}
	db, err := realPath(dbPath)
	if err != nil {
		return nil
	}
	for _, own := range []string{db, db + "-wal", db + "-shm", db + "-journal", lockPath(db)} {
		if samePath(p, own) {
			return &pathError{fmt.Sprintf("%s is the Deckhand database in use or one of its own files, and writing there would destroy it; choose another file name", path), ErrProtectedFile}
		}
	}
	backups, err := realPath(BackupDir(dbPath))
	if err == nil && within(p, backups) {
		return &pathError{fmt.Sprintf("%s is in the database's backup folder %s, which is kept for its backups alone; choose another folder", path, backups), ErrProtectedFile}
	}
	return nil
}

// CheckReplace returns an error, one sentence wrapping ErrReadOnlyFile,
// when path reaches an existing file that is read-only: somebody made it so
// on purpose, so the desktop app asks and the command line wants --force
// before replacing it. A replaced file keeps its mode (see WriteFileAtomic).
func CheckReplace(path string) error {
	p, err := realPath(path)
	if err != nil {
		return nil
	}
	info, err := os.Stat(p)
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o200 != 0 {
		return nil
	}
	return &pathError{fmt.Sprintf("%s is read-only, so it was not replaced; make it writable or choose another file", path), ErrReadOnlyFile}
}
