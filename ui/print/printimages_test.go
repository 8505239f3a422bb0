package print

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/pdf"
)

// "Card images (PNG)" writes one picture a chosen card face and a back a
// card type into a folder of the deck's own inside the folder chosen, at the
// resolution typed; "Board image (PNG)" writes the board as wide as typed.
// A resolution out of range is preflight's error, and nothing prints.
func TestCardAndBoardImagesFromThePrintScreen(t *testing.T) {
	_, p := newPrintFixture(t)
	p.What.SetKey(PrintImages)
	if !p.opts.imageGroup.Visible() || !shows(p.opts.imageForm, p.opts.dpi) || shows(p.opts.imageForm, p.opts.width) || p.opts.tableGroup.Visible() ||
		!shows(p.opts.cardForm, p.opts.bleed) || shows(p.opts.cardForm, p.opts.paper) || shows(p.opts.cardForm, p.opts.marks) {
		t.Fatal("card images show the wrong options")
	}
	test.Type(p.opts.only, "R03 I01")
	p.opts.backs.SetKey(pdf.BacksPages)
	p.opts.bleed.SetText("3")
	p.opts.dpi.SetText("100")
	dir := t.TempDir()
	files, err := p.printTo(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
		if !strings.HasSuffix(filepath.Dir(f), " - images") || filepath.Dir(filepath.Dir(f)) != dir {
			t.Errorf("%s is not in the deck's pictures folder inside %s", f, dir)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil || img.Bounds().Dx() != 274 || img.Bounds().Dy() != 374 { // 69.5 × 94.9 mm at 100 dpi
			t.Errorf("%s: %v, %v", f, err, img.Bounds())
		}
	}
	if got := strings.Join(names, " "); got != "R03-front.png I01-front.png back-routine.png back-interaction.png" {
		t.Errorf("pictures written: %s", got)
	}
	p.opts.dpi.SetText("2000")
	if !strings.Contains(p.summary.Text, "between 72 and 1200 dpi") || !p.printBtn.Disabled() {
		t.Errorf("a resolution of 2000 dpi passes preflight: %q", p.summary.Text)
	}

	p.What.SetKey(printBoardImage)
	if shows(p.opts.imageForm, p.opts.dpi) || !shows(p.opts.imageForm, p.opts.width) || !p.opts.boardGroup.Visible() || p.opts.cardGroup.Visible() {
		t.Fatal("the board image shows the wrong options")
	}
	p.What.SetKey(PrintCards)
	if !shows(p.opts.cardForm, p.opts.paper) || !shows(p.opts.cardForm, p.opts.marks) || p.opts.imageGroup.Visible() {
		t.Fatal("cards no longer show the paper and the marks")
	}
	p.What.SetKey(printBoardImage)
	p.opts.width.SetText("1000")
	board := filepath.Join(t.TempDir(), "board.png")
	if _, err := p.printTo(board, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(board)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != 1000 || img.Bounds().Dy() != 707 { // A2, 594 × 420 mm
		t.Fatalf("the board picture: %v, %v", err, img.Bounds())
	}
}

// shows reports whether a form has a row holding w.
func shows(f *widget.Form, w fyne.CanvasObject) bool {
	for _, it := range f.Items {
		if it.Widget == w {
			return true
		}
		if c, ok := it.Widget.(*fyne.Container); ok && slices.Contains(c.Objects, w) {
			return true
		}
	}
	return false
}
