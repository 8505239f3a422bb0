package decks

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/pdf"
	"deckhand/ui/internal/uitest"
)

// pictureFile writes a w × h PNG into the test's folder.
func pictureFile(t *testing.T, name string, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		copy(img.Pix[i:], []byte{20, 90, 160, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// chooseFile makes the look dialog's file choice answer path, and runs
// the reading it starts off the UI goroutine.
func (f *fixture) chooseFile(path string, tap func()) {
	f.t.Helper()
	f.screen.Look.choose = func(done func(string)) { done(path) }
	f.offUI("reading the picture", tap)
}

// A logo chosen in the Client's look dialog, with a back colour and a
// Finnish back text typed, shows on the dialog's preview of a back and is
// in the database after Save, scaled to what a deck stores; a file that is
// no picture is refused with its sentence and leaves the logo chosen.
func TestTheClientsLookDialogSetsTheLogoAndTheBacks(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	c := f.win.Canvas()
	id := s.DeckID()
	s.EditLook()
	if s.Look == nil || s.Look.LogoInfo.Text != "No logo" {
		t.Fatalf("the dialog did not open on a deck without a logo:\n%s", f.dialogText())
	}
	f.chooseFile(pictureFile(t, "logo.png", 2400, 1200), s.Look.Logo.OnTapped)
	if got := s.Look.LogoInfo.Text; got != "PNG, 1200 × 600 pixels" {
		t.Errorf("after choosing a 2400 × 1200 logo the dialog says %q", got)
	}
	images := 0
	for _, sh := range s.Look.Preview.Face().Shapes {
		if sh.Kind == pdf.ShapeImage {
			images++
		}
	}
	if images != 1 {
		t.Errorf("the preview of the back shows %d pictures, want the logo", images)
	}

	notPicture := filepath.Join(t.TempDir(), "notes.png")
	if err := os.WriteFile(notPicture, []byte("meeting notes, not a picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.chooseFile(notPicture, s.Look.Logo.OnTapped)
	if text := f.dialogText(); !strings.Contains(text, "The logo is not a PNG or JPEG picture Deckhand can read") {
		t.Errorf("no refusal for a file that is not a picture:\n%s", text)
	}
	f.tapDialogButton("OK")
	if got := s.Look.LogoInfo.Text; got != "PNG, 1200 × 600 pixels" {
		t.Errorf("the refused file changed the logo: %q", got)
	}

	c.Focus(s.Look.Colour)
	uitest.TypeInWindow(c, "#102030")
	c.Focus(s.Look.Texts["fi"])
	uitest.TypeInWindow(c, "Asiakas Oy")
	s.Look.Place.SetKey("top")
	f.offUI("the save of the look", s.Look.Dialog.Submit)
	if c.Overlays().Top() != nil {
		t.Fatalf("the look was refused:\n%s", f.dialogText())
	}
	stored := f.stored(id)
	if stored.Look == nil {
		t.Fatal("no look in the database")
	}
	lk := stored.Look
	cfg, err := png.DecodeConfig(bytes.NewReader(lk.Logo))
	if err != nil || cfg.Width != 1200 || cfg.Height != 600 || lk.BackColour != "#102030" || lk.LogoPlace != "top" || lk.BackText["fi"] != "Asiakas Oy" || lk.BackText["sv"] != "" {
		t.Errorf("the database holds %d × %d (%v), %+v", cfg.Width, cfg.Height, err, lk)
	}
}
