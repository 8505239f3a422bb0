package cli

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

func TestCheck(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	code, out, _ := run(t, db, "check")
	if code != ExitOK || out != "the database is sound\n" {
		t.Errorf("check: %d %q", code, out)
	}
	if code, _, _ := run(t, db, "check", "now"); code != ExitUsage {
		t.Errorf("check with an argument: exit %d", code)
	}

	// A card whose deck is gone, made behind Deckhand's back.
	raw, err := sql.Open(storage.DriverName, "file:"+db+"?_foreign_keys=0")
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE cards SET deck_id = 'gone' WHERE rowid = (SELECT MIN(rowid) FROM cards)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, db, "check")
	if code != ExitError || out != "" || !strings.HasPrefix(errOut, "deckhand: 1 problem in the database:\n  a card refers to a deck that is missing (table cards, row ") {
		t.Errorf("check of a broken link: %d %q %q", code, out, errOut)
	}
}

// A damaged database's check names the backup to restore, past a newer
// one damaged too, with the command that restores it into this database;
// so does the check of a file too damaged to open.
func TestCheckNamesTheBackupToRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "my workshops.db")
	code, out, errOut := run(t, db, "backup")
	good := strings.TrimSpace(out)
	if code != ExitOK {
		t.Fatalf("backup: %s", errOut)
	}
	code, out, errOut = run(t, db, "backup")
	bad := strings.TrimSpace(out)
	if code != ExitOK || bad == good {
		t.Fatalf("second backup: %q %s", out, errOut)
	}
	smash(t, bad)
	list, err := storage.Backups(storage.BackupDir(db))
	if err != nil || len(list) != 2 || list[0].Path != bad {
		t.Fatalf("Backups = %+v, %v", list, err)
	}
	goodAt, badAt := list[1].At.Local().Format("2006-01-02 15:04"), list[0].At.Local().Format("2006-01-02 15:04")

	raw, err := sql.Open(storage.DriverName, "file:"+db+"?_foreign_keys=0")
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE cards SET deck_id = 'gone' WHERE rowid = (SELECT MIN(rowid) FROM cards)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	command := "deckhand --db '" + db + "' restore '" + good + "'"
	code, out, errOut = run(t, db, "check")
	want := []string{
		"deckhand: 1 problem in the database:",
		"  a card refers to a deck that is missing (table cards, row ",
		"Restore the newest sound backup, made " + goodAt + ", with:",
		"  " + command,
		"It replaces what was saved since then; the database as it is now is kept as a backup first.",
		"The newer backup made " + badAt + " is damaged too, so it was skipped.",
	}
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	if code != ExitError || out != "" || len(lines) != len(want) {
		t.Fatalf("check of a broken link: %d %q\n%s", code, out, errOut)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], w)
		}
	}

	// Too damaged to open: the same advice, after Open's own sentence.
	smash(t, db)
	code, _, errOut = run(t, db, "check")
	if code != ExitError || !strings.Contains(errOut, "is damaged and cannot be read safely") || !strings.Contains(errOut, "\n  "+command+"\n") ||
		!strings.Contains(errOut, "It replaces the damaged file") {
		t.Errorf("check of a file Open refuses: %d\n%s", code, errOut)
	}

	// The command it names does the restore, and the check is then clean.
	if code, _, errOut := run(t, db, "restore", good); code != ExitOK {
		t.Fatalf("restore: %s", errOut)
	}
	if code, out, errOut := run(t, db, "check"); code != ExitOK || out != "the database is sound\n" {
		t.Errorf("check after the restore: %d %q %q", code, out, errOut)
	}

	// With no sound backup left it says so, and what to do instead.
	smash(t, good)
	raw, err = sql.Open(storage.DriverName, "file:"+db+"?_foreign_keys=0")
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE cards SET deck_id = 'gone' WHERE rowid = (SELECT MIN(rowid) FROM cards)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, _, errOut = run(t, db, "check")
	if strings.Contains(errOut, "deckhand restore") || !strings.Contains(errOut, "are damaged too, so there is none to restore.") ||
		!strings.Contains(errOut, "deckhand workshop export") {
		t.Errorf("check with no sound backup:\n%s", errOut)
	}
}

// smash damages a closed database file: the header of every b-tree page
// after the first is overwritten, so quick_check fails.
func smash(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	for off := pageSize; off < len(b); off += pageSize {
		copy(b[off:off+12], bytes.Repeat([]byte{0xFF}, 12))
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
