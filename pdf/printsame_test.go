package pdf

import (
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"deckhand/cards"
)

// Every word of a few card prints, with its box as poppler reads it, is
// kept in testdata/printed: a change to how cards are laid out or drawn
// that moves, adds or loses a word on paper fails here. Set
// DECKHAND_WRITE_PRINTED=1 to write the files again after a change meant
// to move text.

// printedCase is one print whose words are kept.
type printedCase struct {
	name  string
	codes []string // the deck's cards to print, once each
	opts  func(o *CardOptions)
}

var printedCases = []printedCase{
	{"default", []string{"R01", "R21", "I01", "C01"}, func(o *CardOptions) { o.Blank = 1 }},
	{"duplex-long-bleed-gapped-en", []string{"R02", "I02", "C02"}, func(o *CardOptions) {
		o.Backs, o.Bleed, o.Layout, o.Lang, o.OffsetX, o.OffsetY = BacksDuplexLong, 3, LayoutGapped, "en", 1.5, -0.5
	}},
	{"duplex-short-mini-fi", []string{"R03", "I03", "C03", "B01"}, func(o *CardOptions) {
		o.Backs, o.Size, o.Lang, o.OffsetX = BacksDuplexShort, CardSizes["mini"], "fi", 0.5
	}},
	{"single-back-pages", []string{"R04", "I04"}, func(o *CardOptions) {
		o.Backs, o.Layout, o.Bleed, o.Size = BacksPages, LayoutSingle, 2, CardSizes["tarot"]
	}},
}

func TestCardPrintsKeepEveryWordInItsPlace(t *testing.T) {
	posterNeedPoppler(t)
	for _, c := range printedCases {
		t.Run(c.name, func(t *testing.T) {
			d := testDeck(t)
			picked := d.Cards[:0:0]
			for _, code := range c.codes {
				card := d.Cards[d.CardByCode(code)]
				card.Copies = 1
				picked = append(picked, card)
			}
			d.Cards = picked
			o := DefaultCardOptions()
			o.Created = fixedTime
			c.opts(&o)
			got := printedWords(t, d, o, c.name)
			path := filepath.Join("testdata", "printed", c.name+".txt")
			if os.Getenv("DECKHAND_WRITE_PRINTED") != "" {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("the words of the print moved:\n%s", firstDifference(string(want), got))
			}
		})
	}
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>`)
)

// printedWords prints d and returns its pages and words, one a line, with
// their boxes in points as pdftotext -bbox reads them.
func printedWords(t *testing.T, d *cards.Deck, o CardOptions, name string) string {
	t.Helper()
	path := posterWrite(t, name+".pdf", func(w io.Writer) error {
		_, err := Cards(w, d, o)
		return err
	})
	var out strings.Builder
	for _, line := range strings.Split(posterRun(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-"), "\n") {
		if m := bboxPage.FindStringSubmatch(line); m != nil {
			fmt.Fprintf(&out, "page %s × %s\n", m[1], m[2])
		} else if m := bboxWord.FindStringSubmatch(line); m != nil {
			fmt.Fprintf(&out, "%s %s %s %s %s\n", m[1], m[2], m[3], m[4], html.UnescapeString(m[5]))
		}
	}
	return out.String()
}

// firstDifference shows the first line where two texts differ, by number.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	line := func(lines []string) string {
		if i < len(lines) {
			return lines[i]
		}
		return "(the end)"
	}
	return fmt.Sprintf("line %d: want %q\n         got  %q", i+1, line(w), line(g))
}
