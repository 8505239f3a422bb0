//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

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
