package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// WriteFileAtomic writes a file for the user (an export, a PDF, a backup)
// so that a crash, a full disk or an error never leaves half a file under
// the real name: write drains into a temporary file in the same folder,
// which is synced and then renamed over path. On error the temporary file is
// removed and whatever was at path before is left untouched.
//
// A symlink at path is followed: the file it points at is replaced and the
// link stays. A file replaced keeps its mode (a 0600 file stays private, a
// read-only one read-only; callers ask CheckReplace first); a new file gets
// 0644. Whether path may be written at all is the caller's to ask first
// (Protects, CheckReplace).
func WriteFileAtomic(path string, write func(w io.Writer) error) error {
	return writeFileAtomic(path, 0o644, write)
}

// WritePrivateFileAtomic is WriteFileAtomic for a file that holds people's
// names: made new, only its owner may read it (0600).
func WritePrivateFileAtomic(path string, write func(w io.Writer) error) error {
	return writeFileAtomic(path, 0o600, write)
}

func writeFileAtomic(name string, perm os.FileMode, write func(w io.Writer) error) (err error) {
	path, err := realPath(name)
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(name), err)
	}
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		perm = info.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in the folder %s (%v); choose a folder you can write to", dir, unwrapPathError(err))
	}
	defer doneTemp(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		if errors.Is(err, syscall.ENOSPC) || windowsFull(err) {
			return fmt.Errorf("cannot write %s: the disk is full; free some space and try again (nothing was changed): %w", filepath.Base(path), err)
		}
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w (is the disk full?)", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w (is the disk full?)", filepath.Base(path), err)
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return replaceError(filepath.Base(path), err)
	}
	// The rename is only durable once the folder itself is synced; without
	// this a power cut right after can bring the old file back.
	// The file is in place whatever the sync says, so its error is not
	// this write's.
	syncDir(dir)
	return nil
}
