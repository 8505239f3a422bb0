package chart

import (
	"strings"

	"deckhand/raster"
)

// The chart is set in Liberation Sans, the font Deckhand embeds for its
// prints: the PNG draws its glyphs, and the SVG names it first (with Arial,
// which has the same widths, after it), so that text measured here fits
// there too.

// fontFamily is what the SVG asks for.
const fontFamily = "Liberation Sans, Arial, sans-serif"

// fonts measures text for one chart, in the embedded fonts (package
// raster): a chart being drawn shares no buffer with another.
type fonts struct{ *raster.Fonts }

func newFonts() (*fonts, error) {
	f, err := raster.NewFonts()
	if err != nil {
		return nil, err
	}
	return &fonts{f}, nil
}

// width is how wide s is set at size.
func (f *fonts) width(s string, size float64, isBold bool) float64 { return f.Width(s, size, isBold) }

// drawable is s with every character the font has no glyph for as "?".
func (f *fonts) drawable(s string) string { return f.Drawable(s) }

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
