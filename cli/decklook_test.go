package cli

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// decks look sets the logo (scaled to what a deck stores), the backs'
// colour, place and text and a type's icon; the deck's JSON carries them;
// a file that is not a picture, an unknown language and a contradiction
// are refused and leave the look as it was.
func TestDecksLookSetsTheClientsLook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	logo, icon := filepath.Join(dir, "logo.png"), filepath.Join(dir, "icon.png")
	writePNG(t, logo, 3000, 1000)
	writePNG(t, icon, 40, 40)
	code, out, errOut := run(t, db, "decks", "look", "--deck", "4K data routines", "--logo", logo, "--logo-place", "top",
		"--back-colour", "#0a2540", "--back-text", "fi=Asiakas Oy", "--icon", "routine="+icon)
	if code != ExitOK {
		t.Fatalf("decks look: %d %s", code, errOut)
	}
	for _, want := range []string{"logo: PNG, 1200 × 400 pixels", "top on the backs", "back colour: #0a2540", "back text (fi): Asiakas Oy", "icon of routine: PNG, 40 × 40 pixels"} {
		if !strings.Contains(out, want) {
			t.Errorf("decks look says\n%s\nwithout %q", out, want)
		}
	}
	_, before, _ := run(t, db, "export", "--deck", "4K data routines", "--format", "json")
	if !strings.Contains(before, `"logo_place": "top"`) || !strings.Contains(before, `"back_colour": "#0a2540"`) {
		t.Errorf("the deck's JSON lacks the look")
	}
	notPicture := filepath.Join(dir, "notes.png")
	if err := os.WriteFile(notPicture, []byte("not a picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		args []string
		says string
	}{
		{[]string{"--logo", notPicture}, "the logo is not a PNG or JPEG picture"},
		{[]string{"--back-text", "de=Kunde GmbH"}, `the deck has no language "de"`},
		{[]string{"--logo", logo, "--no-logo"}, "contradict"},
		{[]string{"--back-colour", "navy"}, `the backs' colour "navy" is not of the form #RRGGBB`},
		{[]string{"--icon", "joker=" + icon}, `no card type "joker"`},
	} {
		code, _, errOut := run(t, db, append([]string{"decks", "look", "--deck", "4K data routines"}, bad.args...)...)
		if code == ExitOK || !strings.Contains(errOut, bad.says) {
			t.Errorf("decks look %v: %d %q, want %q", bad.args, code, errOut, bad.says)
		}
	}
	if _, after, _ := run(t, db, "export", "--deck", "4K data routines", "--format", "json"); after != before {
		t.Error("a refused change altered the deck")
	}
	if code, out, _ := run(t, db, "decks", "look", "--deck", "4K data routines", "--no-logo", "--back-colour", "none"); code != ExitOK || !strings.Contains(out, "logo: none") || !strings.Contains(out, "each card type's own") {
		t.Errorf("removing the logo and colour: %d %q", code, out)
	}
}

// The report's cover shows the client's logo as the deck has it now, set
// after the workshop; taken away again, the cover has none, though the
// workshop's snapshot of the deck was made with it.
func TestTheReportCoverShowsTheDecksLookAsItIsNow(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages is not installed (poppler-utils; make test installs it)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	_, list, _ := run(t, db, "decks", "--json")
	var decks []struct{ ID string }
	if err := json.Unmarshal([]byte(list), &decks); err != nil || len(decks) != 1 {
		t.Fatalf("decks --json: %v %q", err, list)
	}
	// The example workshop, as if made here from the deck.
	data, err := os.ReadFile(filepath.Join("..", "docs", "example-workshop.json"))
	if err != nil {
		t.Fatal(err)
	}
	example := filepath.Join(dir, "example.json")
	if err := os.WriteFile(example, []byte(strings.Replace(string(data), "33873f7c-96ff-5f50-9a38-ec7a24761d98", decks[0].ID, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, db, "workshop", "import", example); code != ExitOK {
		t.Fatalf("workshop import: %s", errOut)
	}
	logo := filepath.Join(dir, "logo.png")
	writePNG(t, logo, 300, 100)
	images := func(look ...string) int {
		t.Helper()
		if code, _, errOut := run(t, db, append([]string{"decks", "look", "--deck", "4K data routines"}, look...)...); code != ExitOK {
			t.Fatalf("decks look: %s", errOut)
		}
		report := filepath.Join(dir, "report.pdf")
		if code, _, errOut := run(t, db, "report", "--workshop", "Exempel: Ansvarsfull dataanvändning i kundservice", "-o", report, "--force"); code != ExitOK {
			t.Fatalf("report: %s", errOut)
		}
		out, err := exec.Command("pdfimages", "-list", report).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfimages: %v %s", err, out)
		}
		return strings.Count(strings.TrimSpace(string(out)), "\n") - 1 // two heading lines
	}
	if n := images("--logo", logo); n != 1 {
		t.Errorf("the report has %d pictures after the logo was set; want the logo", n)
	}
	if n := images("--no-logo"); n != 0 {
		t.Errorf("the report has %d pictures after the logo was taken away", n)
	}
}
