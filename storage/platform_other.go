//go:build !windows

package storage

import (
	"errors"
	"fmt"
	"os"
)

// syncDir makes the names in dir (a rename, a new or removed file) reach
// the disk: a rename is only durable once its folder is synced, and
// without this a power cut right after can bring the old file back.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync the folder %s: %w", dir, err)
	}
	return nil
}

// removeLocked removes the file f has open and locked, then closes it: the
// lock lasts until the name is gone, so nobody takes the file for one left
// behind meanwhile.
func removeLocked(f *os.File) error {
	err := os.Remove(f.Name())
	f.Close()
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
