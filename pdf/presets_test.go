package pdf

import (
	"image"
	"io"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Each preset prints one card a page whose MediaBox is the cut plus the
// shop's bleed on every side and whose TrimBox is the cut, in points, and
// draws pictures of exactly the shop's template size in pixels.
func TestPresetsGiveTheShopsPageBoxesAndPictureSizes(t *testing.T) {
	posterNeedPoppler(t)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo is not installed")
	}
	// The shops' published template sizes, in pixels at 300 dpi.
	want := map[string][2]int{"tgc-poker": {825, 1125}, "tgc-bridge": {750, 1125}, "mpc-poker": {822, 1122}, "shop-3mm": {821, 1121}}
	for _, name := range PresetNames() {
		t.Run(name, func(t *testing.T) {
			p := Presets[name]
			size, ok := want[name]
			if !ok {
				t.Fatalf("the test knows no template size for preset %s; add the shop's figure", name)
			}
			o := DefaultCardOptions()
			o.Only, o.Created = []string{"R01"}, posterFixed
			p.Apply(&o)
			path := posterWrite(t, name+".pdf", func(w io.Writer) error { _, err := Cards(w, posterDeck(t), o); return err })
			boxes := pdfBoxes(t, path)
			pt := func(mm float64) float64 { return mm * 72 / 25.4 }
			check := func(box string, want [4]float64) {
				got := boxes[box]
				for i := range want {
					if math.Abs(got[i]-want[i]) > 0.02 {
						t.Errorf("%s is %v pt, want %v", box, got, want)
						return
					}
				}
			}
			check("MediaBox", [4]float64{0, 0, pt(p.Size.W + 2*p.Bleed), pt(p.Size.H + 2*p.Bleed)})
			check("TrimBox", [4]float64{pt(p.Bleed), pt(p.Bleed), pt(p.Size.W + p.Bleed), pt(p.Size.H + p.Bleed)})
			im := DefaultImageOptions()
			p.ApplyImages(&im)
			if w, h := im.PixelSize(); w != size[0] || h != size[1] {
				t.Errorf("pictures are %d × %d pixels, the shop's template %d × %d", w, h, size[0], size[1])
			}
		})
	}
}

var pdfBox = regexp.MustCompile(`(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)`)

// pdfBoxes reads the first page's boxes as pdfinfo -box reports them.
func pdfBoxes(t *testing.T, path string) map[string][4]float64 {
	t.Helper()
	out := posterRun(t, "pdfinfo", "-box", "-f", "1", "-l", "1", path)
	boxes := map[string][4]float64{}
	for _, m := range pdfBox.FindAllStringSubmatch(out, -1) {
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(m[i+2], 64)
		}
		boxes[m[1]] = b
	}
	return boxes
}

// The proof overlay draws the cut line red and the safe zone's edge blue,
// at their millimetres: read in the picture, the pixels under each line
// have its colour, and without Proof they do not. The card's text keeps
// inside the safe zone.
func TestTheProofOverlayMarksTheCutAndTheSafeZone(t *testing.T) {
	o := ImageOptions{Size: CardSizes["poker"], Bleed: 3, DPI: 300, Safe: 5, Only: []string{"R01"}, Proof: true}
	pics, _, _ := pictureRun(t, o)
	img := decodePNG(t, pics["R01-front.png"])
	px := func(mm float64) int { return int(math.Round(mm * 300 / 25.4)) }
	colourAt := func(img image.Image, xmm, ymm float64) RGB {
		r, g, b, _ := img.At(px(xmm), px(ymm)).RGBA()
		return RGB{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
	}
	close := func(a, b RGB) bool {
		d := func(p, q uint8) bool { return math.Abs(float64(p)-float64(q)) < 40 }
		return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
	}
	// Down the middle of the left side: the cut at 3 mm, the safe line at
	// 3 + 5 mm, well below the coloured header band.
	y := 3 + 60.0
	marks := []struct {
		what string
		x    float64
		want RGB
	}{{"cut line", 3, proofCut}, {"safe zone", 8, proofSafe}}
	for _, m := range marks {
		if got := colourAt(img, m.x, y); !close(got, m.want) {
			t.Errorf("the %s at %g mm is %v, want %v", m.what, m.x, got, m.want)
		}
	}
	o.Proof = false
	plain, _, _ := pictureRun(t, o)
	for _, m := range marks {
		if got := colourAt(decodePNG(t, plain["R01-front.png"]), m.x, y); close(got, m.want) {
			t.Errorf("without the proof, the %s's place is still %v", m.what, got)
		}
	}
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	d := posterDeck(t)
	face, _ := layoutFront(m, d, d.Cards[d.CardByCode("R01")], "sv", CardSizes["poker"], 5)
	for _, run := range face.Texts {
		if run.X < 5-1e-9 {
			t.Errorf("%q starts %g mm from the cut, inside the 5 mm safe zone", run.Text, run.X)
		}
	}
}

// A safe zone out of range, or too wide for the card, is refused with a
// sentence, for the PDF and for pictures alike.
func TestASafeZoneTooWideIsRefused(t *testing.T) {
	for _, safe := range []float64{-1, 11, 20} {
		o := DefaultCardOptions()
		o.Safe = safe
		if _, err := PlanCards(posterDeck(t), o); err == nil {
			t.Errorf("a safe zone of %g mm was taken", safe)
		}
	}
	o := DefaultImageOptions()
	o.Safe = 12
	if err := o.Check(); err == nil {
		t.Error("a 12 mm safe zone was taken for pictures")
	}
	small, err := ParseCardSize("20x30")
	if err != nil {
		t.Fatal(err)
	}
	o.Size, o.Safe = small, 6
	if err := o.Check(); err == nil || !strings.Contains(err.Error(), "make it at most 5 mm") {
		t.Errorf("a 6 mm safe zone on a 20 mm card: %v", err)
	}
}
