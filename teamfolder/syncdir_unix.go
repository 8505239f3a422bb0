//go:build !windows

package teamfolder

import (
	"errors"
	"os"
	"syscall"
)

// syncDir flushes a folder's entries (a rename) to the disk. Some file
// systems (network shares, FUSE mounts of sync clients) cannot flush a
// folder and say so with EINVAL or ENOTSUP; the file itself was flushed,
// so that is no failure.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) && !errors.Is(err, syscall.EBADF) {
		return err
	}
	return nil
}
