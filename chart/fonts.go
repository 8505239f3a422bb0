package chart

import (
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"deckhand/assets"
)

// The chart is set in Liberation Sans, the font Deckhand embeds for its
// prints: the PNG draws its glyphs, and the SVG names it first (with Arial,
// which has the same widths, after it), so that text measured here fits
// there too.

// fontFamily is what the SVG asks for.
const fontFamily = "Liberation Sans, Arial, sans-serif"

// measureSize is the size the faces that measure text are made at; a
// width at another size is scaled from it (no hinting, so widths scale).
const measureSize = 100

var (
	parseOnce     sync.Once
	regular, bold *sfnt.Font
	parseErr      error
)

// parsedFonts reads the embedded fonts once for every chart.
func parsedFonts() (reg, b *sfnt.Font, err error) {
	parseOnce.Do(func() {
		if regular, parseErr = opentype.Parse(assets.FontRegular); parseErr != nil {
			return
		}
		bold, parseErr = opentype.Parse(assets.FontBold)
	})
	return regular, bold, parseErr
}

// fonts measures and draws text for one chart: its faces keep buffers of
// their own, so a chart being drawn shares none with another.
type fonts struct {
	reg, bold *sfnt.Font
	buf       sfnt.Buffer
	measure   [2]font.Face // regular, bold at measureSize
	faces     map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

func newFonts() (*fonts, error) {
	reg, b, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	f := &fonts{reg: reg, bold: b, faces: map[faceKey]font.Face{}}
	for i, sf := range []*sfnt.Font{reg, b} {
		if f.measure[i], err = opentype.NewFace(sf, &opentype.FaceOptions{Size: measureSize, DPI: 72, Hinting: font.HintingNone}); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// face is the font at size (in pixels), made once.
func (f *fonts) face(size float64, isBold bool) (font.Face, error) {
	k := faceKey{size, isBold}
	if fc, ok := f.faces[k]; ok {
		return fc, nil
	}
	sf := f.reg
	if isBold {
		sf = f.bold
	}
	fc, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	f.faces[k] = fc
	return fc, nil
}

// width is how wide s is set at size.
func (f *fonts) width(s string, size float64, isBold bool) float64 {
	i := 0
	if isBold {
		i = 1
	}
	return fixedFloat(font.MeasureString(f.measure[i], f.drawable(s))) * size / measureSize
}

// drawable is s with every character the font has no glyph for as "?":
// one emoji in a team's name never leaves a hole in the picture.
func (f *fonts) drawable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' {
			return r
		}
		if g, err := f.reg.GlyphIndex(&f.buf, r); err != nil || g == 0 {
			return '?'
		}
		return r
	}, s)
}

// ellipsis shortens a one-line s until it is at most w wide, ending it in "…".
func (f *fonts) ellipsis(s string, w, size float64, isBold bool) string {
	if f.width(s, size, isBold) <= w {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && f.width(string(runes)+"…", size, isBold) > w {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimSpace(string(runes)) + "…"
}

// oneLine makes a person's text one line: its line breaks, tabs and runs
// of spaces one space each.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func fixedFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// wrap breaks s into lines at most w wide at spaces; a word wider than w
// is a line of its own, shortened with "…".
func (f *fonts) wrap(s string, w, size float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		next := strings.TrimSpace(line + " " + word)
		if line != "" && f.width(next, size, false) > w {
			lines = append(lines, f.ellipsis(line, w, size, false))
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, f.ellipsis(line, w, size, false))
	}
	return lines
}
