package pdf

import (
	"strings"
	"sync"
	"unicode"
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

// measurer measures text with the embedded fonts. It uses a document of
// its own that never gets a page, so choosing a font to measure with writes
// nothing into the PDF being drawn. Widths are proportional to the font
// size, so each word is measured once, at 1 pt, and every size tried while
// fitting is plain arithmetic.
type measurer struct {
	doc *measuringDoc
}

// measuringDoc is the one document every measurer measures with. Making a
// document parses the fonts (fpdf also hashes each font's whole width
// table), which cost more than the rest of a preflight; one document made
// once, used under a lock, costs that once per run.
type measuringDoc struct {
	once sync.Once
	mu   sync.Mutex
	doc  *fpdf.Fpdf
	err  error
	// advances holds, for each style, every character's advance as fpdf
	// sums it for a text's width (in thousandths of the font size), read
	// from the document once: measuring a text is then a sum, without the
	// lock. unitSize is the size of 100 pt in millimetres, as fpdf scales
	// the sum, so that a width is the very number fpdf would give.
	advances [2]advanceTable
	unitSize float64
}

// advanceTable maps a character below U+10000 to its advance plus one; 0
// is a character it does not hold, which is measured through fpdf.
type advanceTable []uint16

var measuring measuringDoc

func newMeasurer() (measurer, error) {
	measuring.once.Do(func() {
		measuring.doc, measuring.err = newDocument(docOptions{measuring: true})
		if measuring.err == nil {
			measuring.readAdvances()
		}
	})
	return measurer{&measuring}, measuring.err
}

// readAdvances fills the advance tables with every character both fonts
// draw, each measured by fpdf on its own: fpdf's width of a text is the sum
// of its characters' advances.
func (md *measuringDoc) readAdvances() {
	for style, name := range []string{"", "B"} {
		md.doc.SetFont(family, name, 100)
		_, md.unitSize = md.doc.GetFontSize()
		table := make(advanceTable, 0x10000)
		var buf [utf8.UTFMax]byte
		for r := range fontCoverage() {
			if r < rune(len(table)) {
				if adv := md.doc.GetStringSymbolWidth(string(utf8.AppendRune(buf[:0], r))); adv < 0xffff {
					table[r] = uint16(adv + 1)
				}
			}
		}
		md.advances[style] = table
	}
}

// width returns the width of s in millimetres at 1 pt.
func (m measurer) width(s string, bold bool) float64 {
	style := 0
	if bold {
		style = 1
	}
	table, sum := m.doc.advances[style], 0
	for _, r := range s {
		if r >= rune(len(table)) || table[r] == 0 {
			return m.measure(s, bold)
		}
		sum += int(table[r]) - 1
	}
	// The same arithmetic as fpdf's GetStringWidth at 100 pt, over 100.
	return float64(sum) * m.doc.unitSize / 1000 / 100
}

// measure asks fpdf for the width of s in millimetres at 1 pt, for a text
// with a character the advance tables do not hold.
func (m measurer) measure(s string, bold bool) float64 {
	style := ""
	if bold {
		style = "B"
	}
	m.doc.mu.Lock()
	defer m.doc.mu.Unlock()
	m.doc.doc.SetFont(family, style, 100)
	w := m.doc.doc.GetStringWidth(s) / 100
	if m.doc.doc.Err() {
		// An fpdf error stays with its document, and every width after it
		// would be 0: measure with a new one instead.
		if doc, err := newDocument(docOptions{measuring: true}); err == nil {
			m.doc.doc = doc
			doc.SetFont(family, style, 100)
			w = doc.GetStringWidth(s) / 100
		}
	}
	return w
}

// Two characters steer line breaks: a soft hyphen (U+00AD) marks where a
// long word may break, and prints as a hyphen only at such a break; a
// no-break space (U+00A0, and the narrow U+202F and figure space U+2007)
// prints as a space but never breaks the line.
const softHyphen = "\u00ad"

// plain is a text as it prints when no line breaks at its soft hyphens.
func plain(s string) string { return strings.ReplaceAll(s, softHyphen, "") }

// breaksLine reports whether r is a space the line may break at.
func breaksLine(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

type word struct {
	text    string  // without soft hyphens
	width   float64 // mm at 1 pt
	hyphens []hyphenAt
}

// hyphenAt is a place where a word may break, from a soft hyphen in it.
type hyphenAt struct {
	at   int     // byte offset in text where the part after the break starts
	head float64 // width at 1 pt of text[:at]
}

// newWord measures a word and the places its soft hyphens allow a break.
func (m measurer) newWord(s string, bold bool) word {
	parts := strings.Split(s, softHyphen)
	wd := word{text: strings.Join(parts, "")}
	wd.width = m.width(wd.text, bold)
	at := 0
	for _, p := range parts[:len(parts)-1] {
		at += len(p)
		if at > 0 && at < len(wd.text) {
			wd.hyphens = append(wd.hyphens, hyphenAt{at: at, head: m.width(wd.text[:at], bold)})
		}
	}
	return wd
}

// split breaks the word at its last soft hyphen whose head and hyphen fit
// room (mm at 1 pt): the head with its hyphen, and the rest as a word.
func (wd word) split(room, hyphen float64) (string, word, bool) {
	for i := len(wd.hyphens) - 1; i >= 0; i-- {
		h := wd.hyphens[i]
		if h.head+hyphen <= room {
			rest := word{text: wd.text[h.at:], width: wd.width - h.head}
			for _, later := range wd.hyphens[i+1:] {
				rest.hyphens = append(rest.hyphens, hyphenAt{at: later.at - h.at, head: later.head - h.head})
			}
			return wd.text[:h.at] + "-", rest, true
		}
	}
	return "", wd, false
}

// fit lays out text (already checked with printable) in a box w × h mm,
// wrapping at spaces and at soft hyphens and shrinking from base down to
// min points until it fits. Line breaks in the text are kept. When it does
// not fit even at min, the result says so and holds the lines at min size;
// the caller reports it.
func (m measurer) fit(text string, bold bool, w, h, base, minSize float64) fitted {
	paragraphs := strings.Split(strings.ReplaceAll(text, "\t", " "), "\n")
	words := make([][]word, len(paragraphs))
	for i, p := range paragraphs {
		for _, f := range strings.FieldsFunc(p, breaksLine) {
			if plain(f) != "" {
				words[i] = append(words[i], m.newWord(f, bold))
			}
		}
	}
	ms := metricsOf{space: m.width(" ", bold), hyphen: m.width("-", bold)}
	var last fitted
	for size := base; size >= minSize-0.001; size -= 0.5 {
		last = wrap(words, ms, w, size, false)
		if last.fits && last.height() <= h+0.01 {
			return last
		}
	}
	last = wrap(words, ms, w, minSize, true)
	if last.broken && last.height() <= h+0.01 {
		last.fits = true // fits, though a word had to be broken: a warning, not an error
		return last
	}
	last.fits = false
	return last
}

// metricsOf are the widths at 1 pt that wrapping adds between and in words.
type metricsOf struct{ space, hyphen float64 }

// wrap fills lines greedily at the given size, breaking a word at a soft
// hyphen when the part before it fits the line. A word wider than the line
// makes the layout not fit, unless breakWords allows cutting it anywhere
// with a hyphen.
func wrap(paragraphs [][]word, ms metricsOf, w, size float64, breakWords bool) fitted {
	out := fitted{size: size, fits: true}
	for _, p := range paragraphs {
		line, lineW := "", 0.0
		for _, wd := range p {
			for {
				ww := wd.width * size
				room, sep := w, ""
				if line != "" {
					room, sep = w-lineW-ms.space*size, " "
				}
				if ww <= room {
					line, lineW = line+sep+wd.text, lineW+float64(len(sep))*ms.space*size+ww
					break
				}
				if head, rest, ok := wd.split(room/size, ms.hyphen); ok {
					out.lines = append(out.lines, line+sep+head)
					line, lineW, wd = "", 0, rest
					continue
				}
				if line != "" {
					out.lines = append(out.lines, line)
					line, lineW = "", 0
					continue
				}
				// A word wider than an empty line, with no soft hyphen that helps.
				if !breakWords {
					out.fits = false
					return out
				}
				out.broken = true
				pieces := breakWord(wd, size, w)
				out.lines = append(out.lines, pieces[:len(pieces)-1]...)
				tail := pieces[len(pieces)-1]
				line, lineW = tail, wd.width*size*float64(utf8.RuneCountInString(tail))/float64(max(1, utf8.RuneCountInString(wd.text)))
				break
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
