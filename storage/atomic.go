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
func WriteFileAtomic(path string, write func(w io.Writer) error) (err error) {
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
		if errors.Is(err, syscall.ENOSPC) {
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
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	// The rename is only durable once the folder itself is synced; without
	// this a power cut right after can bring the old file back.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
