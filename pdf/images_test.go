package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// pictureRun draws the pictures of a print into memory, by name.
func pictureRun(t *testing.T, o ImageOptions) (map[string][]byte, []string, CardImagesResult) {
	t.Helper()
	d := posterDeck(t)
	got, order := map[string][]byte{}, []string(nil)
	res, err := CardImages(d, o, func(name string, data []byte) error {
		got[name] = bytes.Clone(data)
		order = append(order, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("DECKHAND_PDF_KEEP"); keep != "" {
		_ = os.MkdirAll(keep, 0o755)
		for name, data := range got {
			_ = os.WriteFile(filepath.Join(keep, name), data, 0o644)
		}
	}
	return got, order, res
}

func decodePNG(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	return img
}

// Every picture is exactly (cut + 2 × bleed) × dpi pixels, says its dpi in
// its pHYs chunk, and is named by its code and side; the backs are one a
// card type.
func TestCardPicturesHaveTheSizeAskedAndSayTheirResolution(t *testing.T) {
	for _, tc := range []struct {
		size          Size
		bleed         float64
		dpi           int
		wantW, wantH  int
		wantPerMetreX uint32
	}{
		{CardSizes["poker"], 3, 300, 821, 1121, 11811}, // 69.5 × 94.9 mm
		{CardSizes["poker"], 0, 300, 750, 1050, 11811}, // 2.5 × 3.5 in
		{CardSizes["tarot"], 2, 150, 437, 732, 5906},   // 74 × 124 mm
	} {
		t.Run(fmt.Sprintf("%s-%g-%d", tc.size.Name, tc.bleed, tc.dpi), func(t *testing.T) {
			o := ImageOptions{Size: tc.size, Bleed: tc.bleed, DPI: tc.dpi, Backs: true, Only: []string{"R01", "I01"}}
			got, order, res := pictureRun(t, o)
			want := []string{"R01-front.png", "I01-front.png", "back-routine.png", "back-interaction.png"}
			if fmt.Sprint(order) != fmt.Sprint(want) || res.Images != len(want) {
				t.Fatalf("pictures %v (%d), want %v", order, res.Images, want)
			}
			for _, name := range want {
				img := decodePNG(t, got[name])
				if b := img.Bounds(); b.Dx() != tc.wantW || b.Dy() != tc.wantH {
					t.Errorf("%s is %d × %d pixels, want %d × %d", name, b.Dx(), b.Dy(), tc.wantW, tc.wantH)
				}
				if x, y, unit := pngResolution(t, got[name]); x != tc.wantPerMetreX || y != tc.wantPerMetreX || unit != 1 {
					t.Errorf("%s says %d × %d pixels a unit %d, want %d a metre", name, x, y, unit, tc.wantPerMetreX)
				}
			}
		})
	}
}

// pngResolution reads a PNG's pHYs chunk.
func pngResolution(t *testing.T, data []byte) (x, y uint32, unit byte) {
	t.Helper()
	r := bytes.NewReader(data[8:])
	for {
		var head [8]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			t.Fatal("the PNG has no pHYs chunk")
		}
		n := binary.BigEndian.Uint32(head[:4])
		body := make([]byte, n+4)
		if _, err := io.ReadFull(r, body); err != nil {
			t.Fatal(err)
		}
		if string(head[4:]) == "pHYs" {
			return binary.BigEndian.Uint32(body), binary.BigEndian.Uint32(body[4:]), body[8]
		}
	}
}

// difference compares two pictures over the part both cover: the mean of
// every channel's difference (0–255) and the share of pixels that differ by
// more than a quarter of the scale in some channel.
func difference(a, b image.Image) (mean, strong float64) {
	w, h := min(a.Bounds().Dx(), b.Bounds().Dx()), min(a.Bounds().Dy(), b.Bounds().Dy())
	var sum float64
	var far int
	for y := range h {
		for x := range w {
			r1, g1, b1, _ := a.At(a.Bounds().Min.X+x, a.Bounds().Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(b.Bounds().Min.X+x, b.Bounds().Min.Y+y).RGBA()
			d := func(p, q uint32) float64 { return math.Abs(float64(p>>8) - float64(q>>8)) }
			dr, dg, db := d(r1, r2), d(g1, g2), d(b1, b2)
			sum += dr + dg + db
			if max(dr, dg, db) > 64 {
				far++
			}
		}
	}
	return sum / float64(3*w*h), float64(far) / float64(w*h)
}

// The thresholds a picture must keep to against poppler's render of the
// same card's PDF page. Poppler snaps thin strokes to whole pixels and
// hints its glyphs, so the two differ along every edge and glyph, by up to
// a pixel's anti-aliasing; nothing else may differ. Measured at 200 dpi:
// a mean of 1.6–2.4 and 1.2–1.6 % of pixels; a picture against another
// card's page: a mean of 30 and 25 % of pixels.
const (
	pictureMeanLimit   = 3.0  // of 255, over all channels
	pictureStrongLimit = 0.02 // of the pixels
)

// A card's picture and poppler's render of its PDF page (one card a page,
// with the same bleed, at the same dpi) are the same picture: the mean
// difference and the share of strongly differing pixels stay under the
// limits above, front and back. The test also shows that it can fail: the
// picture of one card against the page of another is far over them.
func TestCardPicturesMatchThePDFAsPopplerRendersIt(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	const dpi, bleed = 200, 3
	codes := []string{"R01", "R12", "I01"}
	pics, _, _ := pictureRun(t, ImageOptions{Size: CardSizes["poker"], Bleed: bleed, DPI: dpi, Safe: DefaultSafe, Backs: true, Only: codes})
	o := DefaultCardOptions()
	o.Layout, o.Bleed, o.Marks, o.Backs, o.Only, o.Created = LayoutSingle, bleed, false, BacksPages, codes, posterFixed
	path := posterWrite(t, "single.pdf", func(w io.Writer) error { _, err := Cards(w, posterDeck(t), o); return err })
	dir := t.TempDir()
	posterRun(t, "pdftoppm", "-r", fmt.Sprint(dpi), "-png", path, filepath.Join(dir, "page"))
	page := func(n int) image.Image {
		matches, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("page-%d.png", n)))
		if len(matches) == 0 {
			matches, _ = filepath.Glob(filepath.Join(dir, fmt.Sprintf("page-0%d.png", n)))
		}
		if len(matches) != 1 {
			t.Fatalf("pdftoppm wrote no page %d", n)
		}
		data, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		return decodePNG(t, data)
	}
	// The PDF's pages: the three fronts, then their backs in the same
	// order (routine, routine, interaction).
	pairs := []struct {
		picture string
		page    int
	}{{"R01-front.png", 1}, {"R12-front.png", 2}, {"I01-front.png", 3}, {"back-routine.png", 4}, {"back-interaction.png", 6}}
	for _, p := range pairs {
		rendered := page(p.page)
		mean, strong := difference(decodePNG(t, pics[p.picture]), rendered)
		t.Logf("%s against page %d (%v): mean difference %.2f, strongly differing pixels %.3f %%", p.picture, p.page, rendered.Bounds().Size(), mean, 100*strong)
		if mean > pictureMeanLimit || strong > pictureStrongLimit {
			t.Errorf("%s differs from its PDF page: mean %.2f (limit %g), %.3f %% of pixels strongly (limit %g %%)", p.picture, mean, pictureMeanLimit, 100*strong, 100*pictureStrongLimit)
		}
	}
	mean, strong := difference(decodePNG(t, pics["R01-front.png"]), page(3))
	t.Logf("R01-front.png against I01's page: mean difference %.2f, strongly differing pixels %.3f %%", mean, 100*strong)
	if mean <= pictureMeanLimit && strong <= pictureStrongLimit {
		t.Errorf("R01's picture passes as I01's page (mean %.2f, %.3f %%): the comparison cannot tell cards apart", mean, 100*strong)
	}
}

// The board's picture is the width asked, as high as the poster's aspect
// gives, and poppler's render of the untiled poster PDF at the same scale
// is the same picture within the card pictures' limits.
func TestTheBoardPictureMatchesThePoster(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	d := posterDeck(t)
	const width = 1684 // an A2 poster, 594 mm wide, at 72 dpi
	var pic bytes.Buffer
	if _, err := BoardImage(&pic, d, BoardImageOptions{Lang: "fi", Size: Papers["a2"], Width: width}); err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, pic.Bytes())
	if got, want := img.Bounds().Size(), (image.Point{width, 1191}); got != want { // 420 / 594 × 1684
		t.Fatalf("the board picture is %v, want %v", got, want)
	}
	o := DefaultBoardOptions()
	o.Lang, o.Created = "fi", posterFixed
	path := posterWrite(t, "board.pdf", func(w io.Writer) error { _, err := Board(w, d, o); return err })
	dir := t.TempDir()
	posterRun(t, "pdftoppm", "-scale-to-x", fmt.Sprint(width), "-scale-to-y", "-1", "-png", "-singlefile", path, filepath.Join(dir, "board"))
	data, err := os.ReadFile(filepath.Join(dir, "board.png"))
	if err != nil {
		t.Fatal(err)
	}
	mean, strong := difference(img, decodePNG(t, data))
	t.Logf("board picture against poppler's render: mean difference %.2f, strongly differing pixels %.3f %%", mean, 100*strong)
	if mean > pictureMeanLimit || strong > pictureStrongLimit {
		t.Errorf("the board picture differs from its poster: mean %.2f (limit %g), %.3f %% of pixels strongly (limit %g %%)", mean, pictureMeanLimit, 100*strong, 100*pictureStrongLimit)
	}
	if keep := os.Getenv("DECKHAND_PDF_KEEP"); keep != "" {
		_ = os.WriteFile(filepath.Join(keep, "board.png"), pic.Bytes(), 0o644)
	}
}
