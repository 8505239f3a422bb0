package storage_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// folderNames lists a folder's entries, to see that no temporary file stays.
func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomicWritesTheContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.csv")
	for _, content := range []string{"first version\n", "second, longer version\n", ""} {
		if err := storage.WriteFileAtomic(path, writeString(content)); err != nil {
			t.Fatalf("WriteFileAtomic: %v", err)
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != content {
			t.Errorf("file holds %q, %v; want %q", b, err, content)
		}
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, %v; want 0644", info.Mode().Perm(), err)
	}
	if names := folderNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q; want only deck.csv", names)
	}
}

func TestWriteFileAtomicKeepsTheOldFileOnError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.pdf")
	if err := os.WriteFile(path, []byte("the old export"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("the printer font is missing")
	err := storage.WriteFileAtomic(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, strings.Repeat("half a PDF ", 10000)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v; want it to wrap the write error", err)
	}
	if err != nil && !strings.Contains(err.Error(), "deck.pdf") {
		t.Errorf("err %q does not name the file", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the old export" {
		t.Errorf("the old file now holds %d bytes, want it untouched", len(b))
	}
	if names := folderNames(t, dir); len(names) != 1 || names[0] != "deck.pdf" {
		t.Errorf("folder holds %q; want only deck.pdf, no temporary file", names)
	}
}

func TestWriteFileAtomicUnwritableFolder(t *testing.T) {
	t.Parallel()
	t.Run("missing folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "no-such-folder")
		err := storage.WriteFileAtomic(filepath.Join(dir, "deck.csv"), writeString("x"))
		if err == nil || !strings.Contains(err.Error(), dir) {
			t.Errorf("err = %v; want one that names %s", err, dir)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Error("WriteFileAtomic created the missing folder")
		}
	})
	t.Run("read-only folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: permissions do not stop root from writing")
		}
		dir := filepath.Join(t.TempDir(), "locked")
		if err := os.Mkdir(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		err := storage.WriteFileAtomic(filepath.Join(dir, "deck.csv"), writeString("x"))
		if err == nil || !strings.Contains(err.Error(), dir) {
			t.Errorf("err = %v; want one that names %s", err, dir)
		}
	})
}
