package pdf

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Size is a width and height in millimetres with a name.
type Size struct {
	Name string
	W, H float64
}

func (s Size) String() string {
	return fmt.Sprintf("%s (%g × %g mm)", s.Name, s.W, s.H)
}

// CardSizes are the standard card sizes, true to the millimetre: poker is
// 2.5 × 3.5 in, not the 63 × 88 some tools print.
var CardSizes = map[string]Size{
	"poker":  {"poker", 63.5, 88.9},
	"bridge": {"bridge", 57.15, 88.9},
	"mini":   {"mini", 44.45, 63.5},
	"euro":   {"euro", 59, 92},
	"tarot":  {"tarot", 70, 120},
	"square": {"square", 70, 70},
	"a7":     {"a7", 74, 105},
}

// Papers are the sheet and poster sizes, portrait.
var Papers = map[string]Size{
	"a4":     {"a4", 210, 297},
	"letter": {"letter", 215.9, 279.4},
	"a3":     {"a3", 297, 420},
	"a2":     {"a2", 420, 594},
	"a1":     {"a1", 594, 841},
	"a0":     {"a0", 841, 1189},
}

// Limits of a custom card size: smaller cannot hold a code, larger does not
// fit the largest office paper.
const (
	minCardMM = 20
	maxCardMM = 280
)

// ParseCardSize reads a card size: a name from CardSizes or "WxH" in mm.
func ParseCardSize(s string) (Size, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if size, ok := CardSizes[s]; ok {
		return size, nil
	}
	wStr, hStr, ok := strings.Cut(strings.ReplaceAll(s, "×", "x"), "x")
	w, errW := strconv.ParseFloat(strings.TrimSpace(wStr), 64)
	h, errH := strconv.ParseFloat(strings.TrimSpace(hStr), 64)
	if !ok || errW != nil || errH != nil {
		return Size{}, refusal("unknown card size %q; use %s or W×H in millimetres such as 63.5x88.9", s, strings.Join(names(CardSizes), ", "))
	}
	if w < minCardMM || h < minCardMM || w > maxCardMM || h > maxCardMM {
		return Size{}, refusal("card size %gx%g mm is outside %d–%d mm", w, h, minCardMM, maxCardMM)
	}
	return Size{Name: fmt.Sprintf("%gx%g", w, h), W: w, H: h}, nil
}

// ParsePaper reads a paper size name.
func ParsePaper(s string) (Size, error) {
	if p, ok := Papers[strings.ToLower(strings.TrimSpace(s))]; ok {
		return p, nil
	}
	return Size{}, refusal("unknown paper %q; use %s", s, strings.Join(names(Papers), ", "))
}

func names(m map[string]Size) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
