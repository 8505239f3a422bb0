package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// "import --into DECK FILE --dry-run" says what replacing the cards would
// add, change and remove, with the codes, and leaves the database as it was,
// byte for byte; --keep updates without removing.
func TestImportIntoDryRunAndKeep(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	csv := filepath.Join(dir, "three.csv")
	if code, _, errOut := run(t, db, "export", "--deck", "4K data routines", "-o", csv); code != ExitOK {
		t.Fatalf("export: %s", errOut)
	}
	data, _ := os.ReadFile(csv)
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	codeOf := func(line string) string { code, _, _ := strings.Cut(line, ","); return code }
	var removed []string
	for _, l := range lines[4:] {
		removed = append(removed, codeOf(l))
	}
	changed := codeOf(lines[2])
	lines[2] = strings.Replace(lines[2], "Riktlinjer", "Nya riktlinjer", 1) // R02's Swedish title
	os.WriteFile(csv, []byte(strings.Join(lines[:4], "\n")+"\n"), 0o644)

	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, db, "import", "--into", "4K data routines", csv, "--dry-run")
	if code != ExitOK {
		t.Fatalf("dry run: exit %d %s %s", code, out, errOut)
	}
	for _, want := range []string{
		`would update deck "4K data routines": 0 added, 1 updated, 59 removed, 2 unchanged (nothing was changed)`,
		"updated (1): " + changed,
		"removed (59): " + strings.Join(removed, ", "),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	after, err := os.ReadFile(db)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the dry run changed the database file (%v)", err)
	}
	if backups, _ := os.ReadDir(filepath.Join(dir, "d-backups")); len(backups) != 0 {
		t.Errorf("the dry run took a backup: %v", backups)
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		if wal, _ := os.ReadFile(db + "-wal"); len(wal) != 0 {
			t.Errorf("the dry run left %d bytes in the write-ahead log", len(wal))
		}
	}

	// --keep updates without removing: the 59 cards stay.
	code, out, errOut = run(t, db, "import", "--into", "4K data routines", csv, "--keep")
	if code != ExitOK || !strings.Contains(out, "0 added, 1 updated, 0 removed, 61 unchanged") {
		t.Fatalf("--keep: exit %d %s %s", code, out, errOut)
	}
	if _, out, _ := run(t, db, "decks"); !strings.HasSuffix(strings.Join(strings.Fields(out), " "), " 62 -") {
		t.Errorf("after --keep the deck lost cards:\n%s", out)
	}
}
