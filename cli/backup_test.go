package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

func TestBackupBackupsRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, out, _ := run(t, db, "backups"); code != ExitOK || !strings.HasPrefix(out, "no backups in ") {
		t.Errorf("backups before any: %d %q", code, out)
	}
	code, out, errOut := run(t, db, "backup")
	backup := strings.TrimSpace(out)
	if code != ExitOK || filepath.Dir(backup) != filepath.Join(dir, "d-backups") || !strings.HasPrefix(filepath.Base(backup), "deckhand-") {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	named := filepath.Join(dir, "named.db")
	if code, out, errOut := run(t, db, "backup", "-o", named); code != ExitOK || !strings.Contains(out, named) {
		t.Fatalf("backup -o: %d %q %q", code, out, errOut)
	}
	if code, _, _ := run(t, db, "backup", "extra"); code != ExitUsage {
		t.Errorf("backup with an argument: exit %d", code)
	}

	code, out, _ = run(t, db, "backups")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitOK || len(lines) != 2 || !strings.HasPrefix(lines[0], "MADE") || !strings.HasSuffix(lines[1], backup) {
		t.Errorf("backups:\n%s", out)
	}

	// A deck made after the backup is gone once it is restored.
	if code, _, errOut := run(t, db, "clone", "--deck", "4K data routines", "--name", "Later"); code != ExitOK {
		t.Fatalf("clone: %s", errOut)
	}
	code, out, errOut = run(t, db, "restore", named)
	if code != ExitOK || !strings.Contains(out, "kept the database as it was in "+filepath.Join(dir, "d-backups")) ||
		!strings.Contains(out, "restored "+db+" from "+named) {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if _, out, _ := run(t, db, "decks"); strings.Contains(out, "Later") {
		t.Errorf("the restored database still has the later deck:\n%s", out)
	}
	if _, out, _ := run(t, db, "backups"); strings.Count(out, "\n") != 3 {
		t.Errorf("backups after the restore, want the first and the safety backup:\n%s", out)
	}

	// Wrong usage, and a file that is no backup.
	if code, _, _ := run(t, db, "restore"); code != ExitUsage {
		t.Errorf("restore without a file: exit %d", code)
	}
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello\n"), 0o600)
	before, _ := os.ReadFile(db)
	code, _, errOut = run(t, db, "restore", text)
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") || !strings.Contains(errOut, "not a Deckhand backup") {
		t.Errorf("restore of a text file: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the database")
	}

	// Refused while the database is open.
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, db, "restore", named)
	s.Close()
	if code != ExitError || !strings.Contains(errOut, "in use by another Deckhand") {
		t.Errorf("restore while open: %d %q", code, errOut)
	}
}
