package pdf

import (
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// lineFactor is the line height as a multiple of the font size.
const lineFactor = 1.18

// fitted is a text laid out to a box.
type fitted struct {
	lines  []string
	size   float64 // font size in points
	fits   bool    // every line fits the box at size
	broken bool    // a word longer than the box had to be broken
}

// height is the height of the laid-out lines in millimetres.
func (f fitted) height() float64 { return float64(len(f.lines)) * f.size * lineFactor * mmPerPt }

// measurer measures text with the embedded fonts. It keeps a document of
// its own that never gets a page, so choosing a font to measure with writes
// nothing into the PDF being drawn. Widths are proportional to the font
// size, so each word is measured once, at 1 pt, and every size tried while
// fitting is plain arithmetic.
type measurer struct {
	doc *fpdf.Fpdf
}

func newMeasurer() (measurer, error) {
	doc, err := newDocument(docOptions{})
	return measurer{doc}, err
}

// width returns the width of s in millimetres at 1 pt.
func (m measurer) width(s string, bold bool) float64 {
	style := ""
	if bold {
		style = "B"
	}
	m.doc.SetFont(family, style, 100)
	return m.doc.GetStringWidth(s) / 100
}

type word struct {
	text  string
	width float64 // mm at 1 pt
}

// fit lays out text (already checked with printable) in a box w × h mm,
// wrapping at spaces and shrinking from base down to min points until it
// fits. Line breaks in the text are kept. When it does not fit even at min,
// the result says so and holds the lines at min size; the caller reports it.
func (m measurer) fit(text string, bold bool, w, h, base, minSize float64) fitted {
	paragraphs := strings.Split(strings.ReplaceAll(text, "\t", " "), "\n")
	words := make([][]word, len(paragraphs))
	for i, p := range paragraphs {
		for _, f := range strings.Fields(p) {
			words[i] = append(words[i], word{f, m.width(f, bold)})
		}
	}
	space := m.width(" ", bold)
	var last fitted
	for size := base; size >= minSize-0.001; size -= 0.5 {
		last = wrap(words, space, w, size, false)
		if last.fits && last.height() <= h+0.01 {
			return last
		}
	}
	last = wrap(words, space, w, minSize, true)
	if last.broken && last.height() <= h+0.01 {
		last.fits = true // fits, though a word had to be broken: a warning, not an error
		return last
	}
	last.fits = false
	return last
}

// wrap fills lines greedily at the given size. A word wider than the line
// makes the layout not fit, unless breakWords allows cutting it with a hyphen.
func wrap(paragraphs [][]word, space, w, size float64, breakWords bool) fitted {
	out := fitted{size: size, fits: true}
	for _, p := range paragraphs {
		line, lineW := "", 0.0
		for _, wd := range p {
			ww := wd.width * size
			if ww > w {
				if !breakWords {
					out.fits = false
					return out
				}
				out.broken = true
				if line != "" {
					out.lines = append(out.lines, line)
				}
				pieces := breakWord(wd, size, w)
				out.lines = append(out.lines, pieces[:len(pieces)-1]...)
				line, lineW = pieces[len(pieces)-1], wd.width*size*float64(utf8.RuneCountInString(pieces[len(pieces)-1]))/float64(max(1, utf8.RuneCountInString(wd.text)))
				continue
			}
			switch {
			case line == "":
				line, lineW = wd.text, ww
			case lineW+space*size+ww <= w:
				line, lineW = line+" "+wd.text, lineW+space*size+ww
			default:
				out.lines = append(out.lines, line)
				line, lineW = wd.text, ww
			}
		}
		out.lines = append(out.lines, line) // an empty paragraph is an empty line
	}
	return out
}

// breakWord cuts a word into pieces that fit w, each but the last ending
// in a hyphen. Character widths are taken as the word's average: close
// enough for a last resort that preflight reports anyway.
func breakWord(wd word, size, w float64) []string {
	runes := []rune(wd.text)
	per := wd.width * size / float64(len(runes))
	n := max(1, int((w-per)/per)) // room for the hyphen
	var pieces []string
	for len(runes) > n {
		pieces = append(pieces, string(runes[:n])+"-")
		runes = runes[n:]
	}
	return append(pieces, string(runes))
}
