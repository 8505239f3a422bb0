package hyphen

import (
	"strings"
	"sync"

	"deckhand/assets"
)

// A language's patterns file and its typesetting minimums, as the file's
// own header gives them.
var languages = map[string]struct {
	file        string
	left, right int
}{
	"fi": {"hyph-fi.tex", 2, 2},
	"sv": {"hyph-sv.tex", 2, 2},
	"en": {"hyph-en-us.tex", 2, 3},
}

var (
	loadOnce sync.Once
	loaded   map[string]*Patterns
)

// For returns the patterns of a language ("fi", "sv", "en", or a tag such
// as "sv-FI"), or nil for a language without them: its words then break
// only where the text says (soft hyphens).
func For(lang string) *Patterns {
	loadOnce.Do(func() {
		loaded = map[string]*Patterns{}
		for tag, l := range languages {
			data, err := assets.Hyphenation.ReadFile("hyphenation/" + l.file)
			if err != nil {
				panic("hyphen: " + err.Error()) // embedded at build time: cannot be missing
			}
			p, err := Parse(string(data), l.left, l.right)
			if err != nil {
				panic("hyphen: " + l.file + ": " + err.Error())
			}
			loaded[tag] = p
		}
		fixes, err := assets.Hyphenation.ReadFile("hyphenation/fixes.txt")
		if err != nil {
			panic("hyphen: " + err.Error())
		}
		for _, line := range strings.Split(string(fixes), "\n") {
			tag, fragment, ok := strings.Cut(strings.TrimSpace(line), " ")
			if ok && !strings.HasPrefix(tag, "#") && loaded[tag] != nil {
				loaded[tag].Fix(strings.TrimSpace(fragment))
			}
		}
	})
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	base, _, _ = strings.Cut(base, "_")
	return loaded[base]
}
