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
	if !strings.Contains(p.note.Text, "upload them as they are") {
		t.Errorf("under the preflight of pictures: %q", p.note.Text)
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

// Choosing a print shop fills the fields its template sets, where the
// person sees and can still change them; the safe zone and the proof
// reach the print; a safe zone that is not a number is preflight's error.
func TestAPrintShopFillsItsTemplatesFields(t *testing.T) {
	_, p := newPrintFixture(t)
	p.What.SetKey(PrintCards)
	if p.opts.preset.Key() != "" {
		t.Fatalf("the screen opens on preset %q", p.opts.preset.Key())
	}
	p.opts.preset.SetKey("tgc-poker")
	if p.opts.bleed.Text != "3.175" || p.opts.safe.Text != "3.175" || p.opts.layout.Key() != pdf.LayoutSingle || p.opts.marks.Checked || p.opts.size.Key() != "poker" || p.opts.dpi.Text != "300" {
		t.Fatalf("tgc-poker left bleed %q, safe %q, layout %q, marks %v, size %q, dpi %q",
			p.opts.bleed.Text, p.opts.safe.Text, p.opts.layout.Key(), p.opts.marks.Checked, p.opts.size.Key(), p.opts.dpi.Text)
	}
	if p.opts.numbered.Checked {
		t.Error("tgc-poker numbers the pictures")
	}
	p.opts.preset.SetKey("mpc-poker")
	if im, err := p.opts.images("sv"); err != nil || !im.Numbered || im.Bleed != 3.048 {
		t.Errorf("mpc-poker's pictures: %+v, %v; want them numbered with 0.12 in bleed", im, err)
	}
	p.opts.preset.SetKey("tgc-poker")
	p.opts.safe.SetText("4")
	p.opts.proof.SetChecked(true)
	o, err := p.opts.cards("sv")
	if err != nil || o.Safe != 4 || !o.Proof || o.Bleed != 3.175 || o.Layout != pdf.LayoutSingle {
		t.Fatalf("the print's options: %+v, %v", o, err)
	}
	p.opts.safe.SetText("fyra")
	if !strings.Contains(p.summary.Text, "fyra") || !p.printBtn.Disabled() {
		t.Errorf("a safe zone of \"fyra\": %q", p.summary.Text)
	}
}
