package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// holdLock takes the file's lock as another Deckhand process would: flock
// locks belong to an open file, so a second descriptor conflicts here too.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	return func() { f.Close() }
}

// Two commands of a script that overlap take turns: the second waits for
// the first instead of failing, and only a file held for longer than the
// wait is refused, saying that a window or a command holds it.
func TestCommandsTakeTurnsOnTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, errOut := run(t, db, "decks"); code != ExitOK {
		t.Fatalf("decks: %d %s", code, errOut)
	}

	release := holdLock(t, db)
	time.AfterFunc(300*time.Millisecond, release)
	code, out, errOut := run(t, db, "decks")
	if code != ExitOK || !strings.Contains(out, "4K data routines") {
		t.Errorf("decks while another Deckhand let go after 0.3 s: exit %d, %q, %q", code, out, errOut)
	}

	defer func(w time.Duration) { lockWait = w }(lockWait)
	lockWait = 1200 * time.Millisecond
	release = holdLock(t, db)
	defer release()
	before, _ := os.ReadFile(db)
	code, _, errOut = run(t, db, "decks")
	want := "deckhand: " + db + " is still in use by another Deckhand, a window or a command, after 1 seconds of waiting; close that window or let the command finish, then try again\n"
	if code != ExitError || errOut != want {
		t.Errorf("decks while another Deckhand holds the file: exit %d, %q; want %q", code, errOut, want)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("the refused command changed the database")
	}
}

// check must not offer to restore a backup over what is not a damaged
// database: the restore would replace a pipe (or whatever the path names)
// with no damage to mend.
func TestCheckOffersNoRestoreOverANamedPipe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, _, errOut := run(t, db, "backup"); code != ExitOK {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	if err := os.Remove(db); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(db, 0o600); err != nil {
		t.Skip("cannot make a named pipe here:", err)
	}
	code, out, errOut := run(t, db, "check")
	want := "deckhand: " + db + " is not a regular file (it is a device, a pipe or a socket), so it cannot be a Deckhand database; choose a database file\n"
	if code != ExitError || out != "" || errOut != want {
		t.Errorf("check of a named pipe: exit %d, %q, %q; want %q", code, out, errOut, want)
	}
}

// check on a full disk says the disk is full and prints no restore
// command: the file is sound, and a restore would lose what was saved
// since the backup.
func TestCheckOnAFullDiskPrintsNoRestore(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skip("cannot mount a small file system here:", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	db := filepath.Join(dir, "d.db")
	if code, _, errOut := run(t, db, "backup"); code != ExitOK {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	fill, err := os.Create(filepath.Join(dir, "fill"))
	if err != nil {
		t.Fatal(err)
	}
	for block := make([]byte, 4096); ; {
		if _, err := fill.Write(block); err != nil {
			break
		}
	}
	fill.Close()
	before, _ := os.ReadFile(db)
	code, out, errOut := run(t, db, "check")
	want := "deckhand: the disk that holds " + db + " is full; free some space on it and try again (Deckhand left the file unchanged)\n"
	if code != ExitError || out != "" || errOut != want {
		t.Errorf("check on a full disk: exit %d, %q, %q; want %q", code, out, errOut, want)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("check on a full disk changed the database")
	}
	for _, leftover := range []string{db + "-wal", db + "-shm"} {
		if _, err := os.Lstat(leftover); err == nil {
			t.Errorf("check on a full disk left %s behind", leftover)
		}
	}
}
