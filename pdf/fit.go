package pdf

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/hyphen"
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
//
// A measurer for a language also knows where that language's words may
// break (package hyphen); one without a language breaks words only at the
// text's own soft hyphens.
type measurer struct {
	doc     *measuringDoc
	hyphens *hyphen.Patterns
}

// in is the measurer for texts in lang.
func (m measurer) in(lang string) measurer {
	m.hyphens = hyphen.For(lang)
	return m
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
	return measurer{doc: &measuring}, measuring.err
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

// hyphenAt is a place where a word may break: a soft hyphen in it, a
// syllable or joint its language's patterns find, or just after a hyphen
// the word already has (a hard break, which adds no hyphen).
type hyphenAt struct {
	at   int     // byte offset in text where the part after the break starts
	head float64 // width at 1 pt of text[:at]
	hard bool
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

// hyphenated is the word with the breaks its language allows, for when
// the text does not fit without them. A word whose text marks its own
// breaks with soft hyphens keeps only those: the author chose them.
func (m measurer) hyphenated(wd word, bold bool) word {
	if len(wd.hyphens) > 0 {
		return wd
	}
	out := wd
	add := func(at int, hard bool) {
		if at > 0 && at < len(wd.text) {
			out.hyphens = append(out.hyphens, hyphenAt{at: at, head: m.width(wd.text[:at], bold), hard: hard})
		}
	}
	// Each run of letters breaks where the patterns allow; a hyphen between
	// two runs ("asiakas-data") is a break of its own when it leaves the
	// language's fewest letters on each side ("e-mail" stays whole).
	left, right := 2, 2
	if m.hyphens != nil {
		left, right = m.hyphens.Minimums()
	}
	type run struct{ start, end, letters int }
	var runs []run
	for i, r := range wd.text {
		if !unicode.IsLetter(r) {
			continue
		}
		if n := len(runs); n > 0 && runs[n-1].end == i {
			runs[n-1].end, runs[n-1].letters = i+utf8.RuneLen(r), runs[n-1].letters+1
		} else {
			runs = append(runs, run{i, i + utf8.RuneLen(r), 1})
		}
	}
	for i, rn := range runs {
		if i > 0 {
			between := wd.text[runs[i-1].end:rn.start]
			if (between == "-" || between == "\u2010") && runs[i-1].letters >= left && rn.letters >= right {
				add(rn.start, true)
			}
		}
		if m.hyphens == nil {
			continue
		}
		offset, k := rn.start, 0
		for _, b := range m.hyphens.Breaks(wd.text[rn.start:rn.end]) {
			for ; k < b; k++ {
				_, size := utf8.DecodeRuneInString(wd.text[offset:])
				offset += size
			}
			add(offset, false)
		}
	}
	return out
}

// split breaks the word at its last break whose head (and the hyphen it
// adds) fits room (mm at 1 pt): the head as printed, and the rest as a
// word.
func (wd word) split(room, hyphen float64) (string, word, bool) {
	for i := len(wd.hyphens) - 1; i >= 0; i-- {
		h := wd.hyphens[i]
		added, mark := hyphen, "-"
		if h.hard {
			added, mark = 0, ""
		}
		if h.head+added <= room {
			rest := word{text: wd.text[h.at:], width: wd.width - h.head}
			for _, later := range wd.hyphens[i+1:] {
				rest.hyphens = append(rest.hyphens, hyphenAt{at: later.at - h.at, head: later.head - h.head, hard: later.hard})
			}
			return wd.text[:h.at] + mark, rest, true
		}
	}
	return "", wd, false
}

// fit lays out text (already checked with printable) in a box w × h mm,
// wrapping at spaces and shrinking from base down to min points until it
// fits. At each size it first keeps words whole (breaking only at the
// text's soft hyphens), then hyphenates them where the language allows:
// a long compound breaks at a syllable before the whole text shrinks.
// Line breaks in the text are kept. When it does not fit even at min, the
// result says so and holds the lines at min size; the caller reports it.
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
	// The words' hyphenation is found the first time whole words do not
	// fit: most texts never need it.
	var hyphenated [][]word
	breaksMore := false
	hyphenate := func() {
		if hyphenated != nil {
			return
		}
		hyphenated = make([][]word, len(words))
		for i, p := range words {
			for _, wd := range p {
				hy := m.hyphenated(wd, bold)
				hyphenated[i] = append(hyphenated[i], hy)
				breaksMore = breaksMore || len(hy.hyphens) > len(wd.hyphens)
			}
		}
	}
	var last fitted
	for size := base; size >= minSize-0.001; size -= 0.5 {
		last = wrap(words, ms, w, size, false)
		if last.fits && last.height() <= h+0.01 {
			return last
		}
		if hyphenate(); breaksMore {
			if last = wrap(hyphenated, ms, w, size, false); last.fits && last.height() <= h+0.01 {
				return last
			}
		}
	}
	hyphenate()
	last = wrap(hyphenated, ms, w, minSize, true)
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
