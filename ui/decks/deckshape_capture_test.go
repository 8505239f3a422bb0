package decks

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The shape dialogs (one with an area to be removed on Save) and the
// clone dialog drawn as the test window shows
// them, written to build/ when DECKHAND_CAPTURE names it (or the test's
// own folder), so a person can look at them.
func TestCaptureTheDeckShapeDialogs(t *testing.T) {
	dir := os.Getenv("DECKHAND_CAPTURE")
	if dir == "" {
		dir = t.TempDir()
	}
	f := newFixture(t)
	s := f.screen
	for _, c := range []struct {
		name string
		open func()
	}{{"areas", s.EditAreas}, {"criteria", s.EditCriteria}, {"cardtypes", s.EditCardTypes}, {"clone", s.CloneDeck}, {"details", s.EditDeck},
		{"areas-removed", func() { s.EditAreas(); f.tapDialogButton("Remove…"); f.tapDialogButton("Yes") }}} {
		c.open()
		img := f.win.Canvas().Capture()
		out, err := os.Create(filepath.Join(dir, "deckshape-"+c.name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
		out.Close()
		if f.dialogText() == "" {
			t.Errorf("the %s dialog shows no text", c.name)
		}
		f.tapDialogButton("Cancel")
	}
	f.selectCardByCode("R01")
	s.deleteCard()
	f.tapDialogButton("Yes")
	img := f.win.Canvas().Capture()
	out, err := os.Create(filepath.Join(dir, "deckshape-undo.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		t.Fatal(err)
	}
}
