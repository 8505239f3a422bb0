package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
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
