package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

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
