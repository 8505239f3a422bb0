package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs one command line against db and returns its exit status and output.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(append([]string{"--db", db}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDecksCreatesTheDatabaseWithTheDefaultDeck(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	code, out, _ := run(t, db, "decks")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("decks did not create %s: %v", db, err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "NAME") || !strings.Contains(lines[1], "4K data routines") ||
		!strings.Contains(lines[1], "sv,fi,en") || !strings.HasSuffix(strings.Join(strings.Fields(lines[1]), " "), " 62 -") {
		t.Errorf("decks output:\n%s", out)
	}
	_, out, _ = run(t, db, "decks", "--json")
	var decks []deckJSON
	if err := json.Unmarshal([]byte(out), &decks); err != nil || len(decks) != 1 || decks[0].Cards != 62 || decks[0].Edition != 1 {
		t.Errorf("decks --json = %s (%v)", out, err)
	}
}

func TestCardsListsEveryCardInTheChosenLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	code, out, _ := run(t, db, "cards", "--deck", "4k DATA ROUTINES", "--lang", "fi")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if n := strings.Count(out, "\n"); n != 63 {
		t.Errorf("cards printed %d lines, want a header and 62 cards", n)
	}
	if !strings.Contains(out, "Keruu") && !strings.Contains(out, "ä") {
		t.Errorf("no Finnish text in:\n%s", out[:300])
	}
	_, out, _ = run(t, db, "cards", "--deck", "4K data routines", "--lang", "en", "--json")
	var cards []cardJSON
	if err := json.Unmarshal([]byte(out), &cards); err != nil || len(cards) != 62 {
		t.Fatalf("cards --json: %v", err)
	}
	if len(cards[0].Title) != 1 || cards[0].Title["en"] == "" {
		t.Errorf("--lang en JSON title = %v, want English only", cards[0].Title)
	}
	code, _, errOut := run(t, db, "cards", "--deck", "4K data routines", "--lang", "de")
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") {
		t.Errorf("unknown language: exit %d, %q", code, errOut)
	}
}

func TestExportImportRoundTripsExactly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	for _, format := range []string{"csv", "json"} {
		first := filepath.Join(dir, "first."+format)
		second := filepath.Join(dir, "second."+format)
		if code, _, errOut := run(t, db, "export", "--deck", "4K data routines", "-o", first); code != ExitOK {
			t.Fatalf("export %s: %s", format, errOut)
		}
		name := "copy " + format
		if code, out, errOut := run(t, db, "import", first, "--name", name); code != ExitOK || !strings.Contains(out, "62 cards") {
			t.Fatalf("import %s: exit %d %s %s", format, code, out, errOut)
		}
		if code, _, errOut := run(t, db, "export", "--deck", name, "--format", format, "-o", second); code != ExitOK {
			t.Fatalf("export again: %s", errOut)
		}
		a, _ := os.ReadFile(first)
		b, _ := os.ReadFile(second)
		if format == "json" { // the deck's name is part of a JSON file
			b = bytes.Replace(b, []byte(`"name": "copy json"`), []byte(`"name": "4K data routines"`), 1)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s export → import → export differs", format)
		}
	}
	// Export to standard output when no -o is given.
	_, out, _ := run(t, db, "export", "--deck", "4K data routines")
	if !strings.HasPrefix(out, "\ufeffcode,type,theme,area,level,copies,tags,title_sv,body_sv") {
		t.Errorf("stdout export starts %q", out[:60])
	}
}

func TestBrokenCSVChangesNothingAndNamesLineAndColumn(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("code;type;area;title_sv\nR01;routine;garden;Hej\nR02;routine;use;\"open\n"), 0o644)
	code, _, errOut := run(t, db, "import", bad)
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "line 3") {
		t.Errorf("stderr does not name the line: %q", errOut)
	}
	_, out, _ := run(t, db, "decks")
	if strings.Count(out, "\n") != 2 {
		t.Errorf("a broken import changed the decks:\n%s", out)
	}
	os.WriteFile(bad, []byte("code,type,area,title_sv\nR01,routine,garden,Hej\nR01,routine,use,\n"), 0o644)
	_, _, errOut = run(t, db, "import", bad)
	for _, want := range []string{"deckhand: 3 problems", "line 2, column 3 (area)", "line 3, column 1 (code)", "line 3, column 4 (title_sv)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestImportIntoAndClone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, out, errOut := run(t, db, "clone", "--deck", "4K data routines", "--name", "Acme", "--client", "Acme Oy"); code != ExitOK ||
		!strings.Contains(out, "62 cards") {
		t.Fatalf("clone: %d %s %s", code, out, errOut)
	}
	csv := filepath.Join(dir, "acme.csv")
	run(t, db, "export", "--deck", "Acme", "-o", csv)
	data, _ := os.ReadFile(csv)
	lines := strings.Split(string(data), "\n")
	lines = append(lines[:2], lines[3:]...) // drop the second card
	os.WriteFile(csv, []byte(strings.Join(lines, "\n")), 0o644)
	code, out, errOut := run(t, db, "import", csv, "--into", "Acme")
	if code != ExitOK || !strings.Contains(out, "0 added, 0 updated, 1 removed, 61 unchanged") {
		t.Errorf("import --into: %d %q %q", code, out, errOut)
	}
	_, out, _ = run(t, db, "decks", "--json")
	var decks []deckJSON
	json.Unmarshal([]byte(out), &decks)
	for _, d := range decks {
		if d.Name == "Acme" && (d.Cards != 61 || d.Client != "Acme Oy" || d.Parent == "") {
			t.Errorf("Acme after import: %+v", d)
		}
	}
}

func TestUsageAndErrorExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("my workshop notes\n"), 0o644)
	before := sha256.Sum256([]byte("my workshop notes\n"))
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "frobnicate"}, ExitUsage, "unknown command"},
		{[]string{"--db", db, "cards"}, ExitUsage, "--deck is required"},
		{[]string{"--db", db, "export", "--deck", "4K data routines", "--format", "xml"}, ExitUsage, "csv or json"},
		{[]string{"--db", db, "import"}, ExitUsage, "one FILE"},
		{[]string{"--db", db, "decks", "--bogus"}, ExitUsage, "bogus"},
		{[]string{"--db", db, "cards", "--deck", "nope"}, ExitError, `no deck named "nope"`},
		{[]string{"--db", db, "clone", "--deck", "4K data routines", "--name", "4k data routines"}, ExitError, "already exists"},
		{[]string{"--db", db, "import", filepath.Join(dir, "missing.csv")}, ExitError, "cannot read"},
		{[]string{"--db", notDB, "decks"}, ExitError, "not a Deckhand database"},
		{[]string{"--db", filepath.Join(dir, "no", "such", "d.db"), "decks"}, ExitError, "does not exist"},
		{[]string{"--db", db, "export", "--deck", "4K data routines", "-o", filepath.Join(dir, "no", "x.csv")}, ExitError, "cannot write in the folder"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args[2:], " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run(c.args, &out, &errOut)
			if code != c.code || !strings.HasPrefix(errOut.String(), "deckhand: ") || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, c.code, errOut.String(), c.want)
			}
		})
	}
	after, _ := os.ReadFile(notDB)
	if sha256.Sum256(after) != before {
		t.Error("the file that is not a database was changed")
	}
}

func TestDatabaseFromEnvironmentAndIsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("DECKHAND_DB", db)
	var out, errOut bytes.Buffer
	if code := Run([]string{"decks"}, &out, &errOut); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("DECKHAND_DB was not used: %v", err)
	}
	if path, _ := AppDatabasePath(nil); path != db {
		t.Errorf("app database = %q, want %q", path, db)
	}
	for args, want := range map[string]bool{"": false, "--db x.db": false, "--db=x.db": false, "decks": true, "--db x.db decks": true, "--help": true} {
		if got := IsCommand(strings.Fields(args)); got != want {
			t.Errorf("IsCommand(%q) = %v, want %v", args, got, want)
		}
	}
}
