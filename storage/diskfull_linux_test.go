//go:build linux

package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"deckhand/storage"
)

// fullDisk mounts a small tmpfs (which needs root, or skips), puts a
// Deckhand file on it and fills what is left, as a laptop's disk fills up.
func fullDisk(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skip("cannot mount a small file system here:", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	path = filepath.Join(dir, "deckhand.db")
	makeDeckhandFile(t, path, 0)
	fill, err := os.Create(filepath.Join(dir, "fill"))
	if err != nil {
		t.Fatal(err)
	}
	defer fill.Close()
	block := make([]byte, 4096)
	for {
		if _, err := fill.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return dir, path
		}
	}
}

// A full disk is not damage: the sentence says the disk is full and to
// free space, and the refused Open leaves no -wal or -shm behind.
func TestOpenOnAFullDiskSaysItIsFull(t *testing.T) {
	t.Parallel()
	dir, path := fullDisk(t)
	before := listing(t, dir)

	s, err := storage.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open on a full disk succeeded")
	}
	checkOpenError(t, err, path, storage.ErrDiskFull)
	if errors.Is(err, storage.ErrCorrupt) {
		t.Errorf("a full disk reads as damage: %v", err)
	}
	if want := "the disk that holds " + path + " is full; free some space on it and try again (Deckhand left the file unchanged)"; err.Error() != want {
		t.Errorf("message\n got %q\nwant %q", err, want)
	}
	if after := listing(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
	}
}
