package pdf

import (
	"encoding/binary"
	"errors"
	"strings"
	"sync"
	"unicode"

	"deckhand/assets"
	"deckhand/cards"
)

// The font can draw only the characters in its character map, and gofpdf
// indexes a width table by rune, so a rune past that table (emoji, most
// characters above U+FFFF) makes it panic. Every text is checked against the
// font's own map before it reaches gofpdf.

// replacement stands in for a character the font cannot draw. Preflight
// reports every such character, so the replacement is never a surprise.
const replacement = '?'

var (
	coverageOnce sync.Once
	coverage     map[rune]bool
	coverageErr  error
	// coveredBelow10000 is coverage as bits for the characters below
	// U+10000, where every deck's text is: every character of every text is
	// tested, and a bit is quicker to find than a map entry.
	coveredBelow10000 [0x10000 / 64]uint64
)

// fontCovers reports whether both embedded fonts can draw r.
func fontCovers(r rune) bool {
	if r >= 0 && r < 0x10000 {
		fontCoverage()
		return coveredBelow10000[r/64]&(1<<(r%64)) != 0
	}
	return fontCoverage()[r]
}

// fontCoverage is the set of characters both embedded fonts can draw,
// read from their character maps once.
func fontCoverage() map[rune]bool {
	coverageOnce.Do(func() {
		regular, err1 := cmapRunes(assets.FontRegular)
		bold, err2 := cmapRunes(assets.FontBold)
		coverageErr = errors.Join(err1, err2)
		coverage = map[rune]bool{}
		for r := range regular {
			if bold[r] {
				coverage[r] = true
				if r >= 0 && r < 0x10000 {
					coveredBelow10000[r/64] |= 1 << (r % 64)
				}
			}
		}
	})
	return coverage
}

// printable returns s in normal form C (so a decomposed "a" + diaeresis,
// as pasted from macOS or a PDF, prints as the one letter "ä") with every
// character the font cannot draw replaced, and the characters that were
// replaced. Line breaks and tabs pass through for the text layout to
// handle; other control characters are replaced.
func printable(s string) (string, []rune) {
	s = cards.NFC(s)
	var bad []rune
	clean := true
	for _, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if !fontCovers(r) || unicode.IsControl(r) {
			clean = false
			bad = append(bad, r)
		}
	}
	if clean {
		return s, nil
	}
	var b strings.Builder
	for _, r := range s {
		if r != '\n' && r != '\t' && (!fontCovers(r) || unicode.IsControl(r)) {
			r = replacement
		}
		b.WriteRune(r)
	}
	return b.String(), bad
}

// cmapRunes reads the set of characters a TrueType font maps to glyphs,
// from its cmap table (formats 4 and 12, Unicode encodings).
func cmapRunes(font []byte) (map[rune]bool, error) {
	table, err := findTable(font, "cmap")
	if err != nil {
		return nil, err
	}
	if len(table) < 4 {
		return nil, errors.New("font: cmap too short")
	}
	n := int(binary.BigEndian.Uint16(table[2:]))
	runes := map[rune]bool{}
	for i := 0; i < n; i++ {
		rec := 4 + i*8
		if rec+8 > len(table) {
			break
		}
		platform := binary.BigEndian.Uint16(table[rec:])
		encoding := binary.BigEndian.Uint16(table[rec+2:])
		offset := int(binary.BigEndian.Uint32(table[rec+4:]))
		unicodeMap := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		if !unicodeMap || offset+2 > len(table) {
			continue
		}
		switch binary.BigEndian.Uint16(table[offset:]) {
		case 4:
			readFormat4(table[offset:], runes)
		case 12:
			readFormat12(table[offset:], runes)
		}
	}
	if len(runes) == 0 {
		return nil, errors.New("font: no Unicode character map")
	}
	return runes, nil
}

func findTable(font []byte, tag string) ([]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("font: too short")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + i*16
		if rec+16 > len(font) {
			break
		}
		if string(font[rec:rec+4]) == tag {
			off := int(binary.BigEndian.Uint32(font[rec+8:]))
			length := int(binary.BigEndian.Uint32(font[rec+12:]))
			if off+length > len(font) {
				return nil, errors.New("font: table out of range")
			}
			return font[off : off+length], nil
		}
	}
	return nil, errors.New("font: no " + tag + " table")
}

// readFormat4 reads segments of 16-bit characters. A character is drawable
// when its segment maps it to a glyph other than 0 (.notdef).
func readFormat4(t []byte, runes map[rune]bool) {
	if len(t) < 14 {
		return
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends, starts := 14, 16+segs*2
	deltas, rangeOffs := starts+segs*2, starts+segs*4
	if rangeOffs+segs*2 > len(t) {
		return
	}
	for s := 0; s < segs; s++ {
		end := int(binary.BigEndian.Uint16(t[ends+s*2:]))
		start := int(binary.BigEndian.Uint16(t[starts+s*2:]))
		delta := int(binary.BigEndian.Uint16(t[deltas+s*2:]))
		ro := int(binary.BigEndian.Uint16(t[rangeOffs+s*2:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			glyph := 0
			if ro == 0 {
				glyph = (c + delta) & 0xFFFF
			} else {
				at := rangeOffs + s*2 + ro + (c-start)*2
				if at+2 <= len(t) {
					if g := int(binary.BigEndian.Uint16(t[at:])); g != 0 {
						glyph = (g + delta) & 0xFFFF
					}
				}
			}
			if glyph != 0 {
				runes[rune(c)] = true
			}
		}
	}
}

// readFormat12 reads groups of characters beyond 16 bits. gofpdf cannot
// draw those, so they are recorded only to be refused consistently.
func readFormat12(t []byte, runes map[rune]bool) {
	if len(t) < 16 {
		return
	}
	groups := int(binary.BigEndian.Uint32(t[12:]))
	for g := 0; g < groups; g++ {
		at := 16 + g*12
		if at+12 > len(t) {
			return
		}
		start := rune(binary.BigEndian.Uint32(t[at:]))
		end := rune(binary.BigEndian.Uint32(t[at+4:]))
		for c := start; c <= end && c <= 0xFFFF; c++ {
			runes[c] = true
		}
	}
}
