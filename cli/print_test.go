package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfPages returns a PDF's page count as pdfinfo reads it.
func pdfPages(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed (poppler-utils; make test installs it)")
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func TestPrintCardsRecordsTheEditionAndReprintsOnlyWhatChanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	out := filepath.Join(dir, "cards.pdf")
	code, stdout, stderr := run(t, db, "print", "cards", "--deck", "4K data routines", "-o", out, "--backs", "duplex-long", "--marks")
	if code != ExitOK || !strings.Contains(stdout, "74 cards on 18 pages") || !strings.Contains(stdout, "edition 1") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if pages := pdfPages(t, out); pages != "18" {
		t.Errorf("PDF has %s pages, want 18 (9 sheets of fronts and backs: 74 cards with the blank cards' copies)", pages)
	}
	// Change one card through an import, then reprint only what changed.
	csv := filepath.Join(dir, "deck.csv")
	run(t, db, "export", "--deck", "4K data routines", "-o", csv)
	data, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(data, []byte("Samla bara det som behövs"), []byte("Samla bara det nödvändiga"), 1), 0o644)
	if code, _, stderr := run(t, db, "import", csv, "--into", "4K data routines"); code != ExitOK {
		t.Fatal(stderr)
	}
	code, stdout, stderr = run(t, db, "print", "cards", "--deck", "4K data routines", "-o", out, "--only", "changed")
	if code != ExitOK || !strings.Contains(stderr, "R01") || !strings.Contains(stdout, "1 card on 1 page") || !strings.Contains(stdout, "edition 2") {
		t.Errorf("reprint: exit %d, %q, %q", code, stdout, stderr)
	}
	code, _, stderr = run(t, db, "print", "cards", "--deck", "4K data routines", "-o", out, "--only", "changed")
	if code != ExitError || !strings.Contains(stderr, "nothing to reprint") {
		t.Errorf("second reprint: exit %d, %q", code, stderr)
	}
}

func TestPrintCardsStrictFailsOnPreflightErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	deck := filepath.Join(dir, "emoji.csv")
	os.WriteFile(deck, []byte("code,type,title_en,body_en\nR01,routine,Rocket 🚀 routine,Text\n"), 0o644)
	run(t, db, "import", deck)
	out := filepath.Join(dir, "x.pdf")
	code, _, stderr := run(t, db, "print", "cards", "--deck", "emoji", "-o", out, "--strict")
	if code != ExitError || !strings.Contains(stderr, "cannot draw") || !strings.Contains(stderr, "--strict") {
		t.Errorf("strict: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--strict still wrote the PDF")
	}
	code, _, stderr = run(t, db, "print", "cards", "--deck", "emoji", "-o", out)
	if code != ExitOK || !strings.Contains(stderr, "preflight found 1 issue:") {
		t.Errorf("without --strict: exit %d, %q", code, stderr)
	}
}

func TestPrintBoardSheetsGuideCalibrationAndKit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	deck := "4K data routines"
	cases := []struct {
		args  []string
		file  string
		pages string
	}{
		{[]string{"board", "--deck", deck, "--size", "a2", "--tile", "a4"}, "board.pdf", "9"},
		{[]string{"sheets", "--deck", deck, "--teams", "Röd,Blå,Grön"}, "sheets.pdf", "3"},
		{[]string{"guide", "--deck", deck, "--lang", "fi"}, "guide.pdf", "1"},
		{[]string{"calibration", "--paper", "letter"}, "cal.pdf", "2"},
	}
	for _, c := range cases {
		out := filepath.Join(dir, c.file)
		args := append(append([]string{"print"}, c.args...), "-o", out)
		if code, stdout, stderr := run(t, db, args...); code != ExitOK {
			t.Fatalf("%v: exit %d %s %s", c.args, code, stdout, stderr)
		}
		if pages := pdfPages(t, out); pages != c.pages {
			t.Errorf("%s has %s pages, want %s", c.file, pages, c.pages)
		}
	}
	code, stdout, stderr := run(t, db, "print", "kit", "--deck", deck, "-o", dir, "--tables", "2", "--lang", "sv")
	if code != ExitOK || strings.Count(stdout, "wrote ") != 4 {
		t.Fatalf("kit: exit %d %s %s", code, stdout, stderr)
	}
	folder := filepath.Join(dir, "4K data routines - upplaga 1")
	for _, name := range []string{"cards.pdf", "board.pdf", "rating-sheets.pdf", "guide.pdf"} {
		if _, err := os.Stat(filepath.Join(folder, name)); err != nil {
			t.Errorf("kit lacks %s: %v", name, err)
		}
	}
	_, stdout, _ = run(t, db, "decks", "--json")
	var decks []deckJSON
	json.Unmarshal([]byte(stdout), &decks)
	if len(decks) != 1 || decks[0].Edition != 1 {
		t.Errorf("printing changed the deck: %+v", decks)
	}
	for _, bad := range [][]string{
		{"print"}, {"print", "posters"}, {"print", "cards", "--deck", deck},
		{"print", "cards", "--deck", deck, "-o", "x.pdf", "--size", "huge"},
		{"print", "cards", "--deck", deck, "-o", "x.pdf", "--offset", "1;2"},
		{"print", "board", "--deck", deck, "-o", "x.pdf", "--size", "b5"},
	} {
		if code, _, _ := run(t, db, bad...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, ExitUsage)
		}
	}
}

// Rating sheets for a recorded workshop: one set for each of its tables,
// headed with the table's name, in the workshop's language, from its deck.
func TestPrintSheetsForAWorkshop(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, _, stderr := run(t, db, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json")); code != ExitOK {
		t.Fatalf("import the example: %s", stderr)
	}
	out := filepath.Join(dir, "sheets.pdf")
	code, stdout, stderr := run(t, db, "print", "sheets", "--workshop", "Exempel: Ansvarsfull dataanvändning i kundservice", "-o", out)
	if code != ExitOK {
		t.Fatalf("print sheets --workshop: exit %d %s %s", code, stdout, stderr)
	}
	if pages := pdfPages(t, out); pages != "2" {
		t.Errorf("sheets for a workshop of two tables have %s pages; want 2", pages)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Bord 1", "Bord 2", "Bedömning av datarutiner"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the sheets lack %q:\n%s", want, text)
		}
	}
	if code, _, stderr := run(t, db, "print", "sheets", "--workshop", "Exempel", "--tables", "3", "-o", out); code != ExitUsage || !strings.Contains(stderr, "--workshop") {
		t.Errorf("--workshop with --tables: exit %d %q; want a usage error naming --workshop", code, stderr)
	}
	if code, _, stderr := run(t, db, "print", "sheets", "--workshop", "No such day", "-o", filepath.Join(dir, "none.pdf")); code == ExitOK {
		t.Errorf("an unknown workshop printed sheets: %q", stderr)
	}
}
