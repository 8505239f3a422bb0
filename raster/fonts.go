package raster

import (
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"deckhand/assets"
)

// measureSize is the size the faces that measure text are made at; a
// width at another size is scaled from it (no hinting, so widths scale).
const measureSize = 100

var (
	parseOnce     sync.Once
	regular, bold *sfnt.Font
	parseErr      error
)

// parsedFonts reads the embedded fonts once for every picture.
func parsedFonts() (reg, b *sfnt.Font, err error) {
	parseOnce.Do(func() {
		if regular, parseErr = opentype.Parse(assets.FontRegular); parseErr != nil {
			return
		}
		bold, parseErr = opentype.Parse(assets.FontBold)
	})
	return regular, bold, parseErr
}

// Fonts measures and draws text in the embedded fonts. Its faces keep
// buffers of their own, so it serves one goroutine at a time: a picture
// drawn on another goroutine takes Fonts of its own.
type Fonts struct {
	reg, bold *sfnt.Font
	buf       sfnt.Buffer
	measure   [2]font.Face // regular, bold at measureSize
	faces     map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

// NewFonts makes a Fonts; the font files are parsed once for all of them.
func NewFonts() (*Fonts, error) {
	reg, b, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	f := &Fonts{reg: reg, bold: b, faces: map[faceKey]font.Face{}}
	for i, sf := range []*sfnt.Font{reg, b} {
		if f.measure[i], err = opentype.NewFace(sf, &opentype.FaceOptions{Size: measureSize, DPI: 72, Hinting: font.HintingNone}); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// face is the font at size (in pixels), made once.
func (f *Fonts) face(size float64, isBold bool) (font.Face, error) {
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

// Width is how wide s is set at size, in the units size is given in.
func (f *Fonts) Width(s string, size float64, isBold bool) float64 {
	i := 0
	if isBold {
		i = 1
	}
	return fixedFloat(font.MeasureString(f.measure[i], f.Drawable(s))) * size / measureSize
}

// Drawable is s with every character the font has no glyph for as "?":
// one emoji in a team's name never leaves a hole in the picture.
func (f *Fonts) Drawable(s string) string {
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

func fixedFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }
