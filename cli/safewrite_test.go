package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

// writers are every command that writes a file named by -o, with what
// they need besides -o.
func writers(id string) [][]string {
	deck := "4K data routines"
	return [][]string{
		{"export", "--deck", deck},
		{"workshop", "export", "--workshop", id},
		{"workshop", "export", "--workshop", id, "--names"},
		{"results", "--workshop", id},
		{"report", "--workshop", id},
		{"print", "cards", "--deck", deck},
		{"print", "board", "--deck", deck},
		{"print", "sheets", "--deck", deck},
		{"print", "guide", "--deck", deck},
		{"print", "calibration"},
		{"backup"},
	}
}

func withOut(args []string, out string, more ...string) []string {
	return append(append(append([]string{}, args...), "-o", out), more...)
}

// snapshot is the bytes of every file in dir and below, by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			files[rel] = "link to " + target
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[rel] = string(b)
		return nil
	})
	return files
}

// No command writes over the database, its -wal/-shm (the lock is the file
// itself) or a file in its backup folder, however -o spells the path: each
// refuses with one sentence, exit 1, and every file stays byte for byte.
func TestNoCommandWritesOverTheDatabaseOrItsBackups(t *testing.T) {
	db, id := exampleDB(t)
	dir := filepath.Dir(db)
	if code, out, errOut := run(t, db, "backup"); code != ExitOK {
		t.Fatalf("backup: %s %s", out, errOut)
	}
	backups, _ := filepath.Glob(filepath.Join(storage.BackupDir(db), "deckhand-*.db"))
	if len(backups) == 0 {
		t.Fatal("backup made no file in the backup folder")
	}
	link := filepath.Join(t.TempDir(), "looks-like-an-export.csv")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	targets := []string{db, "d.db", "./x/../d.db", db + "-wal", db + "-shm", link, backups[0],
		filepath.Join(storage.BackupDir(db), "mine.pdf")}
	before := snapshot(t, dir)
	for _, args := range writers(id) {
		for _, target := range targets {
			code, out, errOut := run(t, db, withOut(args, target)...)
			if code != ExitError {
				t.Errorf("%v -o %s: exit %d (%s%s), want %d", args, target, code, out, errOut, ExitError)
				continue
			}
			msg := strings.TrimPrefix(strings.TrimSpace(errOut), "deckhand: ")
			if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, "choose another") {
				t.Errorf("%v -o %s: message %q is not one sentence saying what to do", args, target, msg)
			}
		}
	}
	after := snapshot(t, dir)
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed (%d bytes before, %d after)", name, len(b), len(after[name]))
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was written", name)
		}
	}
	if code, out, _ := run(t, db, "decks"); code != ExitOK || !strings.Contains(out, "4K data routines") {
		t.Errorf("the database no longer opens as it was: exit %d %s", code, out)
	}
	t.Logf("e.g. %s", func() string { _, _, e := run(t, db, "export", "--deck", "4K data routines", "-o", "d.db"); return e }())
}

// A read-only file at -o is replaced only with --force; without it the
// command says so in one sentence naming --force and the file stays as it
// was. Replaced, it keeps its read-only mode (a backup is always 0600).
func TestReadOnlyOutputNeedsForce(t *testing.T) {
	db, id := exampleDB(t)
	dir := t.TempDir()
	for i, args := range writers(id) {
		out := filepath.Join(dir, fmt.Sprintf("final-%d-%s", i, args[0]))
		if err := os.WriteFile(out, []byte("signed off"), 0o444); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := run(t, db, withOut(args, out)...)
		if code != ExitError || !strings.Contains(errOut, "--force") || !strings.Contains(errOut, "read-only") {
			t.Errorf("%v over a read-only file: exit %d, %q; want exit 1 naming --force", args, code, errOut)
		}
		if b, _ := os.ReadFile(out); string(b) != "signed off" {
			t.Errorf("%v without --force replaced the read-only file", args)
		}
		if code, stdout, errOut := run(t, db, withOut(args, out, "--force")...); code != ExitOK {
			t.Errorf("%v --force: exit %d %s %s", args, code, stdout, errOut)
			continue
		}
		if b, _ := os.ReadFile(out); string(b) == "signed off" || len(b) == 0 {
			t.Errorf("%v --force left the file as it was", args)
		}
		want := os.FileMode(0o444)
		if args[0] == "backup" {
			want = 0o600 // a backup holds everything, names too: always its owner's alone
		}
		if info, err := os.Stat(out); err != nil || info.Mode().Perm() != want {
			t.Errorf("%v --force: mode %v, %v; want %v", args, info.Mode().Perm(), err, want)
		}
		os.Chmod(out, 0o644)
		os.Remove(out)
	}
}

// An export keeps the mode of the file it replaces, makes a new file with
// real names owner-only, and writes through a symlink to the real file.
func TestExportsKeepModesAndFollowSymlinks(t *testing.T) {
	db, id := exampleDB(t)
	dir := t.TempDir()
	names := filepath.Join(dir, "with-names.json")
	if code, _, errOut := run(t, db, "workshop", "export", "--workshop", id, "--names", "-o", names); code != ExitOK {
		t.Fatalf("workshop export --names: %s", errOut)
	}
	if b, _ := os.ReadFile(names); !bytes.Contains(b, []byte("Greta Gustafsson")) {
		t.Fatal("the export holds no real name; the test needs one")
	}
	if info, err := os.Stat(names); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("a new file with real names has mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	report := filepath.Join(dir, "report.pdf")
	if code, _, errOut := run(t, db, "report", "--workshop", id, "--names", "-o", report); code != ExitOK {
		t.Fatalf("report --names: %s", errOut)
	}
	if info, err := os.Stat(report); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("a new report with real names has mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	private := filepath.Join(dir, "private.csv")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"export", "--deck", "4K data routines"}, {"results", "--workshop", id}} {
		if code, _, errOut := run(t, db, withOut(args, private)...); code != ExitOK {
			t.Fatalf("%v: %s", args, errOut)
		}
		if info, err := os.Stat(private); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%v over a 0600 file: mode %v, %v; want 0600 kept", args, info.Mode().Perm(), err)
		}
	}
	real := filepath.Join(dir, "synced", "deck.csv")
	os.Mkdir(filepath.Dir(real), 0o700)
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "deck.csv")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, db, "export", "--deck", "4K data routines", "-o", link); code != ExitOK {
		t.Fatalf("export through a link: %s", errOut)
	}
	if target, err := os.Readlink(link); err != nil || target != real {
		t.Errorf("the link is now %q, %v; want it still pointing at %s", target, err, real)
	}
	if b, _ := os.ReadFile(real); !bytes.Contains(b, []byte("4K")) && len(b) < 1000 {
		t.Errorf("the real file holds %d bytes; want the export", len(b))
	}
}
