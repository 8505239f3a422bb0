// Package hyphen finds where a word may break at the end of a line, with
// Frank Liang's algorithm (the one TeX uses) and the hyph-utf8 patterns of
// Finnish, Swedish and American English, embedded in package assets with
// their licences. A pattern such as "1ba" or "a1b2c" scores the places
// between the letters it matches; a place with an odd best score is a
// legal break. Patterns are learnt from hyphenated word lists, so they
// find the syllable and compound boundaries a dictionary gives without
// holding the dictionary.
package hyphen

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Patterns is one language's patterns and exceptions, ready to use. It is
// only read after Parse, so one value serves any number of goroutines.
type Patterns struct {
	// scores maps a pattern's letters ('.' for the word's edge) to the
	// scores of the places before, between and after them.
	scores map[string][]uint8
	// exceptions maps a whole word to its breaks (rune offsets), for words
	// the patterns get wrong.
	exceptions map[string][]int
	// fixes are fragments whose breaks overrule the patterns' inside
	// them, in any word that holds them.
	fixes   []fragment
	longest int // runes in the longest pattern
	// left and right are the fewest letters a break leaves before and
	// after it: the language's typesetting minimums.
	left, right int
}

// Parse reads patterns in TeX's form: \patterns{...} and an optional
// \hyphenation{...} of exception words ("as-so-ciate"), with % comments.
func Parse(tex string, left, right int) (*Patterns, error) {
	p := &Patterns{scores: map[string][]uint8{}, exceptions: map[string][]int{}, left: left, right: right}
	var lines []string
	for _, line := range strings.Split(tex, "\n") {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		lines = append(lines, line)
	}
	text := strings.Join(lines, "\n")
	pats, ok := group(text, `\patterns{`)
	if !ok {
		return nil, fmt.Errorf("the hyphenation patterns have no \\patterns{…} group")
	}
	for _, pat := range strings.Fields(pats) {
		letters, scores := splitPattern(pat)
		if letters == "" {
			return nil, fmt.Errorf("the hyphenation pattern %q has no letters", pat)
		}
		p.scores[letters] = scores
		p.longest = max(p.longest, utf8.RuneCountInString(letters))
	}
	if exc, ok := group(text, `\hyphenation{`); ok {
		for _, w := range strings.Fields(exc) {
			word, breaks := unmark(w)
			p.exceptions[word] = breaks
		}
	}
	return p, nil
}

// fragment is a piece of a word with its breaks, as rune offsets in it.
type fragment struct {
	letters []rune
	breaks  []int
}

// Fix makes the breaks marked in a fragment ("kai-vos-auk") the only ones
// inside it, in every word that holds it: a correction where the patterns
// break a compound across its joint.
func (p *Patterns) Fix(marked string) {
	word, breaks := unmark(strings.ToLower(marked))
	p.fixes = append(p.fixes, fragment{letters: []rune(word), breaks: breaks})
}

// unmark turns "kai-vos" into "kaivos" and its breaks, [3].
func unmark(marked string) (string, []int) {
	var breaks []int
	n := 0
	for _, r := range marked {
		if r == '-' {
			breaks = append(breaks, n)
			continue
		}
		n++
	}
	return strings.ReplaceAll(marked, "-", ""), breaks
}

// fix applies the fixes to the breaks the patterns found in word.
func (p *Patterns) fix(word []rune, breaks []int) []int {
	for _, f := range p.fixes {
		for start := 0; start+len(f.letters) <= len(word); start++ {
			if !slices.Equal(word[start:start+len(f.letters)], f.letters) {
				continue
			}
			end := start + len(f.letters)
			breaks = slices.DeleteFunc(breaks, func(k int) bool { return k > start && k < end })
			for _, b := range f.breaks {
				breaks = append(breaks, start+b)
			}
		}
	}
	slices.Sort(breaks)
	return slices.Compact(breaks)
}

// group returns what stands between open and the next closing brace.
func group(text, open string) (string, bool) {
	i := strings.Index(text, open)
	if i < 0 {
		return "", false
	}
	rest := text[i+len(open):]
	j := strings.IndexByte(rest, '}')
	if j < 0 {
		return "", false
	}
	return rest[:j], true
}

// splitPattern turns "a1b2c" into its letters "abc" and the scores of the
// four places around them, [0 1 2 0].
func splitPattern(pat string) (string, []uint8) {
	var letters strings.Builder
	scores := []uint8{0}
	for _, r := range pat {
		if r >= '0' && r <= '9' {
			scores[len(scores)-1] = uint8(r - '0')
			continue
		}
		letters.WriteRune(r)
		scores = append(scores, 0)
	}
	return letters.String(), scores
}

// Breaks returns where word may break, as rune offsets: a break at k
// falls between the word's k-th and (k+1)-th letter. The word is taken as
// letters only; a word with anything else in it, or with more than one
// capital (an acronym such as "GDPR"), never breaks.
func (p *Patterns) Breaks(word string) []int {
	runes := []rune(word)
	n := len(runes)
	if n < p.left+p.right {
		return nil
	}
	capitals := 0
	lower := make([]rune, n)
	for i, r := range runes {
		if !unicode.IsLetter(r) {
			return nil
		}
		if unicode.IsUpper(r) {
			capitals++
		}
		lower[i] = unicode.ToLower(r)
	}
	if capitals > 1 {
		return nil
	}
	if breaks, ok := p.exceptions[string(lower)]; ok {
		return p.within(breaks, n)
	}
	// The word between edge marks, scored at each place between its runes:
	// score[i] is the place before padded[i].
	// Looked up as slices of one string, which allocate nothing.
	padded := "." + string(lower) + "."
	at := make([]int, 0, n+3) // byte offset of each rune, and the end
	for i := range padded {
		at = append(at, i)
	}
	at = append(at, len(padded))
	score := make([]uint8, len(at))
	for start := 0; start < len(at)-1; start++ {
		for end := start + 1; end < len(at) && end-start <= p.longest; end++ {
			s, ok := p.scores[padded[at[start]:at[end]]]
			if !ok {
				continue
			}
			for k, v := range s {
				score[start+k] = max(score[start+k], v)
			}
		}
	}
	var breaks []int
	for k := 1; k < n; k++ {
		if score[k+1]%2 == 1 { // the place before lower[k], after the leading edge mark
			breaks = append(breaks, k)
		}
	}
	return p.within(p.fix(lower, breaks), n)
}

// within keeps the breaks that leave the language's fewest letters on
// either side.
func (p *Patterns) within(breaks []int, n int) []int {
	var kept []int
	for _, k := range breaks {
		if k >= p.left && n-k >= p.right {
			kept = append(kept, k)
		}
	}
	return kept
}

// Minimums are the fewest letters a break leaves before and after it.
func (p *Patterns) Minimums() (left, right int) { return p.left, p.right }

// Hyphenate returns word with a hyphen at every break, for tests and
// reading: "asiakas" is "a-si-a-kas".
func (p *Patterns) Hyphenate(word string) string {
	runes := []rune(word)
	var b strings.Builder
	breaks := p.Breaks(word)
	for i, r := range runes {
		if len(breaks) > 0 && breaks[0] == i {
			b.WriteByte('-')
			breaks = breaks[1:]
		}
		b.WriteRune(r)
	}
	return b.String()
}
