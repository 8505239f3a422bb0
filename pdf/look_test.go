package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// magenta is a colour no part of Deckhand's own design prints, so its
// pixels on a rendered page are the logo's.
var magenta = color.NRGBA{255, 0, 255, 255}

// solidPNG is a w × h picture in one colour.
func solidPNG(t testing.TB, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// brandedDeck is the default deck with a client's look: a 2:1 magenta
// logo in place, a dark back colour and a line of text on every back.
func brandedDeck(t testing.TB, place string) *cards.Deck {
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	d.Look = &cards.Look{Logo: solidPNG(t, 400, 200, magenta), LogoPlace: place, BackColour: "#123456", BackText: cards.Text{"sv": "Kund Oy · Aalto", "fi": "Asiakas Oy · Aalto", "en": "Client Ltd · Aalto"}}
	return d
}

// magentaBox is the box, in millimetres from the picture's top left, of
// the pixels close to magenta, at dpi.
func magentaBox(img image.Image, dpi float64) (x, y, w, h float64, found bool) {
	b := img.Bounds()
	minX, minY, maxX, maxY := b.Max.X, b.Max.Y, b.Min.X-1, b.Min.Y-1
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			r, g, bl, _ := img.At(px, py).RGBA()
			if r>>8 > 220 && g>>8 < 40 && bl>>8 > 220 {
				minX, minY, maxX, maxY = min(minX, px), min(minY, py), max(maxX, px), max(maxY, py)
			}
		}
	}
	if maxX < minX {
		return 0, 0, 0, 0, false
	}
	mm := 25.4 / dpi
	return float64(minX-b.Min.X) * mm, float64(minY-b.Min.Y) * mm, float64(maxX-minX+1) * mm, float64(maxY-minY+1) * mm, true
}

// renderPage renders one page of a PDF with poppler at dpi.
func renderPage(t *testing.T, path string, page int, dpi int) image.Image {
	t.Helper()
	dir := t.TempDir()
	posterRun(t, "pdftoppm", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile", "-png", path, filepath.Join(dir, "page"))
	data, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return decodePNG(t, data)
}

// TestTheLogoPrintsOnTheBackWhereItIsPlaced prints one card a page with
// its back, for each of the logo's places, and finds the logo on poppler's
// render of the back page where the layout put it, to a pixel at 150 dpi,
// at its 2:1 proportions, on the look's back colour; the card picture of
// the back has it in the same place.
func TestTheLogoPrintsOnTheBackWhereItIsPlaced(t *testing.T) {
	posterNeedPoppler(t)
	const dpi = 150
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	size := CardSizes["poker"]
	tops := map[string]float64{}
	for _, place := range cards.LogoPlaces {
		d := brandedDeck(t, place)
		face, issues := layoutBack(m, d, "routine", "sv", size, DefaultSafe)
		for _, i := range issues {
			t.Errorf("%s: unexpected issue: %s", place, i)
		}
		var want Shape
		for _, s := range face.Shapes {
			if s.Kind == ShapeImage {
				want = s
			}
		}
		if want.W == 0 {
			t.Fatalf("%s: the back has no logo", place)
		}
		if math.Abs(want.W/want.H-2) > 0.01 {
			t.Errorf("%s: the logo is laid out %.1f × %.1f mm, not at its 2:1 proportions", place, want.W, want.H)
		}
		if want.X < DefaultSafe || want.X+want.W > size.W-DefaultSafe || want.Y < DefaultSafe || want.Y+want.H > size.H-DefaultSafe {
			t.Errorf("%s: the logo at %.1f, %.1f (%.1f × %.1f mm) leaves the safe zone", place, want.X, want.Y, want.W, want.H)
		}
		if c := (want.X + want.W/2) - size.W/2; math.Abs(c) > 0.01 {
			t.Errorf("%s: the logo is %.2f mm off the card's middle", place, c)
		}
		tops[place] = want.Y

		o := DefaultCardOptions()
		o.Layout, o.Bleed, o.Marks, o.Backs, o.Only, o.Lang, o.Created = LayoutSingle, 0, false, BacksPages, []string{"R01"}, "sv", posterFixed
		path := posterWrite(t, "branded-"+place+".pdf", func(w io.Writer) error { _, err := Cards(w, d, o); return err })
		back := renderPage(t, path, 2, dpi)
		x, y, w, h, found := magentaBox(back, dpi)
		if !found {
			t.Fatalf("%s: no logo on the printed back", place)
		}
		// Each edge may land a pixel either way: a pixel for a position,
		// two for a size.
		px := 25.4 / dpi
		for _, v := range []struct {
			what      string
			got, want float64
			pixels    float64
		}{{"left", x, want.X, 1}, {"top", y, want.Y, 1}, {"width", w, want.W, 2}, {"height", h, want.H, 2}} {
			if math.Abs(v.got-v.want) > v.pixels*px+1e-9 {
				t.Errorf("%s: the printed logo's %s is %.2f mm, laid out %.2f mm", place, v.what, v.got, v.want)
			}
		}
		r, g, b, _ := back.At(int(2/px), int(2/px)).RGBA()
		if r>>8 != 0x12 || g>>8 != 0x34 || b>>8 != 0x56 {
			t.Errorf("%s: the back's corner is #%02x%02x%02x, not the look's #123456", place, r>>8, g>>8, b>>8)
		}
		if text := pageText(t, path, 2); !strings.Contains(text, "Kund Oy · Aalto") {
			t.Errorf("%s: the look's back text is not on the back:\n%s", place, text)
		}
		if place == cards.LogoCentre {
			if got := posterRun(t, "pdfimages", "-list", path); strings.Count(got, "\n") != 3 { // two heading lines, one image
				t.Errorf("the logo is not embedded exactly once:\n%s", got)
			}
			pics := map[string][]byte{}
			if _, err := CardImages(d, ImageOptions{Size: size, DPI: dpi, Safe: DefaultSafe, Backs: true, Only: []string{"R01"}, Lang: "sv"}, func(name string, data []byte) error {
				pics[name] = data
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			px2, py2, pw2, ph2, ok := magentaBox(decodePNG(t, pics["back-routine.png"]), dpi)
			if !ok || math.Abs(px2-x) > 1.01*px || math.Abs(py2-y) > 1.01*px || math.Abs(pw2-w) > 1.01*px || math.Abs(ph2-h) > 1.01*px {
				t.Errorf("the back's picture has the logo at %.2f, %.2f (%.2f × %.2f mm), the PDF at %.2f, %.2f (%.2f × %.2f)", px2, py2, pw2, ph2, x, y, w, h)
			}
		}
	}
	if !(tops[cards.LogoTop] < tops[cards.LogoCentre] && tops[cards.LogoCentre] < tops[cards.LogoBottom]) {
		t.Errorf("the logo's tops for top, centre and bottom are %v", tops)
	}
}

// TestTheLogoHeadsTheBoardTheSheetsTheGuideAndTheReport finds the logo on
// poppler's render of the first page of each, in the heading's right part,
// and finds no magenta at all without a look.
func TestTheLogoHeadsTheBoardTheSheetsTheGuideAndTheReport(t *testing.T) {
	posterNeedPoppler(t)
	const dpi = 40
	branded := brandedDeck(t, "")
	plain := brandedDeck(t, "")
	plain.Look = nil
	for _, tc := range []struct {
		name  string
		print func(d *cards.Deck) func(io.Writer) error
	}{
		{"board", func(d *cards.Deck) func(io.Writer) error {
			return func(w io.Writer) error {
				_, err := Board(w, d, BoardOptions{Size: Papers["a2"], Tile: TileNone, Created: posterFixed})
				return err
			}
		}},
		{"sheets", func(d *cards.Deck) func(io.Writer) error {
			return func(w io.Writer) error {
				_, err := RatingSheets(w, d, SheetOptions{Paper: Papers["a4"], Created: posterFixed})
				return err
			}
		}},
		{"guide", func(d *cards.Deck) func(io.Writer) error {
			return func(w io.Writer) error { return Guide(w, d, GuideOptions{Paper: Papers["a4"], Created: posterFixed}) }
		}},
		{"report", func(d *cards.Deck) func(io.Writer) error {
			return func(w io.Writer) error {
				f := reportExample(t)
				f.Workshop.Deck.Look = d.Look
				_, err := Report(w, f, game.Results(f), ReportOptions{Paper: Papers["a4"], Created: posterFixed})
				return err
			}
		}},
	} {
		path := posterWrite(t, "logo-"+tc.name+".pdf", tc.print(branded))
		page := renderPage(t, path, 1, dpi)
		pw := float64(page.Bounds().Dx()) * 25.4 / dpi
		ph := float64(page.Bounds().Dy()) * 25.4 / dpi
		x, y, w, h, found := magentaBox(page, dpi)
		switch {
		case !found:
			t.Errorf("%s: no logo on the first page", tc.name)
		case x < pw*0.4 || y+h > ph*0.2:
			t.Errorf("%s: the logo is at %.0f, %.0f mm (%.0f × %.0f) on a %.0f × %.0f mm page, not in the heading's right part", tc.name, x, y, w, h, pw, ph)
		case math.Abs(w/h-2) > 0.25:
			t.Errorf("%s: the logo prints %.0f × %.0f mm, not at 2:1", tc.name, w, h)
		}
		bare := posterWrite(t, "nologo-"+tc.name+".pdf", tc.print(plain))
		if _, _, _, _, found := magentaBox(renderPage(t, bare, 1, dpi), dpi); found {
			t.Errorf("%s: magenta on the page without a logo: the test cannot tell", tc.name)
		}
	}
}

// TestATypeIconSitsUnderTheTypeNameOnTheFront lays out a front whose type
// has an icon: it sits in the band, right-aligned to the safe zone.
func TestATypeIconSitsUnderTheTypeNameOnTheFront(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	d := posterDeck(t)
	d.CardTypes[0].Icon = solidPNG(t, 64, 64, magenta)
	c := d.Cards[0]
	size := CardSizes["poker"]
	face, _ := layoutFront(m, d, c, "sv", size, DefaultSafe)
	mt := metricsFor(size.W, size.H, DefaultSafe)
	for _, s := range face.Shapes {
		if s.Kind == ShapeImage {
			if math.Abs(s.X+s.W-(size.W-mt.inset)) > 1e-9 || s.Y < mt.band*0.5 || s.Y+s.H > mt.band || math.Abs(s.W-s.H) > 1e-9 {
				t.Errorf("the icon is at %.2f, %.2f (%.2f × %.2f mm); the band is %.2f mm high", s.X, s.Y, s.W, s.H, mt.band)
			}
			return
		}
	}
	t.Error("the front has no icon")
}

// TestAPictureInUseStaysRemembered draws a logo between many icons, as a
// deck's cards do: the logo, used last each time, is hashed and read once,
// while pictures no longer drawn are let go.
func TestAPictureInUseStaysRemembered(t *testing.T) {
	logo := solidPNG(t, 20, 10, magenta)
	first := pictureOf(logo)
	for i := range 3 * picturesKept {
		pictureOf(solidPNG(t, 8, 8, color.NRGBA{uint8(i), 1, 2, 255}))
		if pictureOf(logo) != first {
			t.Fatalf("after %d other pictures the logo was read again", i+1)
		}
	}
	for i := range picturesKept {
		pictureOf(solidPNG(t, 8, 8, color.NRGBA{uint8(i), 3, 4, 255}))
	}
	if pictureOf(logo) == first {
		t.Error("a logo not drawn for sixteen pictures is still held")
	}
	if DecodedImage(logo) == nil || DecodedImage(cards.Image("not a picture")) != nil {
		t.Error("decoding a logo, or refusing what is not one, went wrong")
	}
}
