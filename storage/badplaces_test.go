package storage_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"deckhand/storage"
)

// A write that runs out of disk midway, as a real write does: half the
// content goes out, then the *os.PathError with ENOSPC that (*os.File).Write
// returns, wrapped by the writer that was producing the file.
func writeUntilDiskFull(w io.Writer) error {
	if _, err := io.WriteString(w, strings.Repeat("half of the new file\n", 200)); err != nil {
		return err
	}
	name := "file"
	if f, ok := w.(*os.File); ok {
		name = f.Name()
	}
	return fmt.Errorf("write the PDF: %w", &os.PathError{Op: "write", Path: name, Err: syscall.ENOSPC})
}

func TestWriteFileAtomicOnAFullDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.pdf")
	const old = "the PDF printed last week\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	err := storage.WriteFileAtomic(path, writeUntilDiskFull)
	if err == nil {
		t.Fatal("WriteFileAtomic succeeded although the write ran out of disk")
	}
	msg := err.Error()
	t.Logf("message: %s", msg)
	if !strings.Contains(msg, "disk is full") {
		t.Errorf("message %q does not say the disk is full", msg)
	}
	if !strings.Contains(msg, "deck.pdf") {
		t.Errorf("message %q does not name the file", msg)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("err = %v; want it to wrap ENOSPC for callers", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != old {
		t.Errorf("the earlier file now holds %q, %v; want it untouched", b, err)
	}
	if names := folderNames(t, dir); !slices.Equal(names, []string{"deck.pdf"}) {
		t.Errorf("folder holds %q; want only deck.pdf, no temporary file", names)
	}
}

// The child process of TestReadOnlyPlaces: it runs as nobody and does what
// the environment says, printing the error it got on one line.
const readOnlyCase = "DECKHAND_READONLY_CASE"

func TestReadOnlyChild(t *testing.T) {
	which := os.Getenv(readOnlyCase)
	if which == "" {
		t.Skip("run by TestReadOnlyPlaces as an unprivileged user")
	}
	path := os.Getenv("DECKHAND_READONLY_PATH")
	var err error
	switch which {
	case "open":
		var s *storage.Store
		if s, err = storage.Open(path); err == nil {
			// It opened: the first write must be refused instead.
			_, err = s.CloneDeck(context.Background(), "no such deck", "Copy", "")
			if err == nil || !strings.Contains(err.Error(), "read-only") {
				s.Close()
				fmt.Printf("RESULT opened-and-wrote %v\n", err)
				return
			}
			s.Close()
			fmt.Printf("RESULT write-refused %v\n", err)
			return
		}
	case "atomic":
		err = storage.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := io.WriteString(w, "new content\n")
			return err
		})
	default:
		t.Fatalf("unknown case %q", which)
	}
	if err == nil {
		fmt.Println("RESULT succeeded")
		return
	}
	fmt.Printf("RESULT refused %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
}

// makeReadableUpTo makes dir and every folder above it up to the system's
// temporary folder readable and searchable by everyone, so that nobody
// can reach the files the test made.
func makeReadableUpTo(t *testing.T, dir string) {
	t.Helper()
	top := filepath.Clean(os.TempDir())
	for d := dir; d != top && d != filepath.Dir(d); d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm()&0o005 != 0o005 {
			if err := os.Chmod(d, info.Mode().Perm()|0o055); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// runAsNobody runs this test binary's TestReadOnlyChild as uid/gid 65534.
func runAsNobody(t *testing.T, bin, which, path string) string {
	t.Helper()
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyChild$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), readOnlyCase+"="+which, "DECKHAND_READONLY_PATH="+path,
		"HOME=/nonexistent", "GOCOVERDIR=")
	cmd.Dir = filepath.Dir(bin)
	if err := asNobody(cmd); err != nil {
		t.Skip(err)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Skipf("cannot start a process as nobody (uid 65534): %v", err)
		}
		t.Fatalf("the child (%s) failed: %v\n%s", which, err, out)
	}
	for line := range strings.Lines(string(out)) {
		if result, ok := strings.CutPrefix(line, "RESULT "); ok {
			return strings.TrimSpace(result)
		}
	}
	t.Fatalf("the child (%s) printed no result:\n%s", which, out)
	return ""
}

// Root writes anywhere, so the read-only cases run in a child process as
// nobody: a database file it may only read, and a folder it may not write
// in, are each refused with a sentence that says so, changing nothing.
func TestReadOnlyPlaces(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("not running as root: cannot start the child as another user (TestOpenRefusesAReadOnlyFile covers a read-only file then)")
	}
	base := t.TempDir()
	makeReadableUpTo(t, base)

	// The child is a copy of this test binary where nobody may run it: the
	// go build folder it was built in is root's alone.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "bin", "storage.test")
	if err := os.Mkdir(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	exe, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, exe, 0o755); err != nil {
		t.Fatal(err)
	}

	t.Run("read-only database file", func(t *testing.T) {
		dir := filepath.Join(base, "data")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "deckhand.db")
		makeDeckhandFile(t, path, 1)
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		hash, before := fileHash(t, path), snapshot(t, dir)

		result := runAsNobody(t, bin, "open", path)
		t.Logf("child: %s", result)
		switch {
		case strings.HasPrefix(result, "refused "):
			if !strings.Contains(result, path) || !(strings.Contains(result, "writable") || strings.Contains(result, "read-only")) {
				t.Errorf("Open was refused with %q; want a sentence naming %s and saying it must be writable", result, path)
			}
			if strings.Contains(result, "damaged") {
				t.Errorf("Open calls a read-only file damaged: %q", result)
			}
		case strings.HasPrefix(result, "write-refused "):
			// Also acceptable: it opened and the first write said read-only.
		default:
			t.Errorf("as nobody, a read-only database gave %q; want it refused", result)
		}
		if got := fileHash(t, path); got != hash {
			t.Error("the read-only database file changed")
		}
		if after := snapshot(t, dir); after != before {
			t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
		}
	})

	// The file is nobody's and writable, but its folder is not: SQLite
	// cannot make the -wal and -shm files it needs beside it.
	t.Run("writable database file in a read-only folder", func(t *testing.T) {
		dir := filepath.Join(base, "shared")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "deckhand.db")
		makeDeckhandFile(t, path, 1)
		if err := os.Chown(path, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		hash, before := fileHash(t, path), snapshot(t, dir)

		result := runAsNobody(t, bin, "open", path)
		t.Logf("child: %s", result)
		if !strings.HasPrefix(result, "refused ") && !strings.HasPrefix(result, "write-refused ") {
			t.Errorf("as nobody, a database in a read-only folder gave %q; want it refused", result)
		}
		if strings.Contains(result, "damaged") || !strings.Contains(result, "must be writable") {
			t.Errorf("a sound database in a read-only folder gave %q; want it to say the folder must be writable", result)
		}
		if got := fileHash(t, path); got != hash {
			t.Error("the database file changed")
		}
		if after := snapshot(t, dir); after != before {
			t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
		}
	})

	t.Run("read-only folder", func(t *testing.T) {
		dir := filepath.Join(base, "exports")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "deck.csv")
		if err := os.WriteFile(path, []byte("code,title\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		before := snapshot(t, dir)

		result := runAsNobody(t, bin, "atomic", path)
		t.Logf("child: %s", result)
		if !strings.HasPrefix(result, "refused ") || !strings.Contains(result, "cannot write in the folder "+dir) {
			t.Errorf("WriteFileAtomic into a read-only folder gave %q; want \"cannot write in the folder %s\"", result, dir)
		}
		if after := snapshot(t, dir); after != before {
			t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
		}
	})

	t.Run("new database in a read-only folder", func(t *testing.T) {
		dir := filepath.Join(base, "locked")
		if err := os.Mkdir(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "deckhand.db")
		result := runAsNobody(t, bin, "open", path)
		t.Logf("child: %s", result)
		if !strings.HasPrefix(result, "refused ") || !strings.Contains(result, path) || !strings.Contains(result, "writable") {
			t.Errorf("Open of a new file in a read-only folder gave %q; want a sentence naming %s and saying it must be writable", result, path)
		}
		if names := folderNames(t, dir); len(names) != 0 {
			t.Errorf("the folder now holds %q; want it empty", names)
		}
	})
}
