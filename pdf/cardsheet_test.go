package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
)

// fixedTime makes PDFs reproducible in tests.
var fixedTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func testDeck(t testing.TB) *cards.Deck {
	t.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// firstCards keeps the first n cards of the deck, one copy each.
func firstCards(d *cards.Deck, n int) *cards.Deck {
	d.Cards = d.Cards[:n]
	for i := range d.Cards {
		d.Cards[i].Copies = 1
	}
	return d
}

// printCards prints to a file in a temporary folder and returns its path.
func printCards(t *testing.T, d *cards.Deck, o CardOptions) (string, CardsResult) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cards.pdf")
	var buf bytes.Buffer
	o.Created = fixedTime
	res, err := Cards(&buf, d, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, res
}

// poppler runs a poppler-utils tool and returns its output.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s is not installed (package poppler-utils; make test installs it)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// pageInfo returns the page count and the size of page 1 in points.
func pageInfo(t *testing.T, path string) (pages int, w, h float64) {
	t.Helper()
	for _, line := range strings.Split(poppler(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
		if v, ok := strings.CutPrefix(line, "Page size:"); ok {
			fmt.Sscanf(strings.TrimSpace(v), "%f x %f", &w, &h)
		}
	}
	return pages, w, h
}

func pageText(t *testing.T, path string, page int) string {
	p := strconv.Itoa(page)
	return poppler(t, "pdftotext", "-f", p, "-l", p, "-layout", path, "-")
}

const ptPerMM = 72 / 25.4

func TestCardSheetsPageSizeAndCount(t *testing.T) {
	cases := []struct {
		name    string
		cards   int
		opts    func(*CardOptions)
		pages   int
		perPage int
		w, h    float64 // page in mm
	}{
		{"poker A4 butted", 9, func(o *CardOptions) {}, 1, 9, 210, 297},
		{"poker A4 butted, one more", 10, func(o *CardOptions) {}, 2, 9, 210, 297},
		{"poker A4 gapped 3 mm bleed", 9, func(o *CardOptions) { o.Layout, o.Bleed = LayoutGapped, 3 }, 2, 8, 210, 297},
		{"poker Letter butted", 9, func(o *CardOptions) { o.Paper = Papers["letter"] }, 1, 9, 215.9, 279.4},
		{"poker Letter gapped", 12, func(o *CardOptions) { o.Paper, o.Layout, o.Bleed = Papers["letter"], LayoutGapped, 3 }, 2, 6, 215.9, 279.4},
		{"bridge A4", 10, func(o *CardOptions) { o.Size = CardSizes["bridge"] }, 1, 10, 210, 297},
		{"tarot A3", 8, func(o *CardOptions) { o.Size, o.Paper = CardSizes["tarot"], Papers["a3"] }, 1, 8, 297, 420},
		{"duplex doubles the pages", 10, func(o *CardOptions) { o.Backs = BacksDuplexLong }, 4, 9, 210, 297},
		{"backs on pages at the end", 10, func(o *CardOptions) { o.Backs = BacksPages }, 4, 9, 210, 297},
		{"print shop single", 3, func(o *CardOptions) { o.Layout, o.Bleed = LayoutSingle, 3 }, 3, 1, 69.5, 94.9},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := DefaultCardOptions()
			c.opts(&o)
			path, res := printCards(t, firstCards(testDeck(t), c.cards), o)
			pages, w, h := pageInfo(t, path)
			if pages != c.pages || res.Pages != c.pages {
				t.Errorf("pages = %d (result %d), want %d", pages, res.Pages, c.pages)
			}
			if !near(w, c.w*ptPerMM) || !near(h, c.h*ptPerMM) {
				t.Errorf("page size %.2f × %.2f pt, want %.2f × %.2f", w, h, c.w*ptPerMM, c.h*ptPerMM)
			}
			text := pageText(t, path, 1)
			if got := codesOn(text); got != min(c.perPage, c.cards) {
				t.Errorf("page 1 shows %d card codes, want %d:\n%s", got, min(c.perPage, c.cards), text)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 0.05 && b-a < 0.05 }

// codesOn counts the default deck's card codes (R01…) in a page's text.
func codesOn(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if len(f) == 3 && (f[0] == 'R' || f[0] == 'I' || f[0] == 'C' || f[0] == 'B') && f[1] >= '0' && f[1] <= '9' {
			n++
		}
	}
	return n
}

func TestCardSheetsEmbedTheFontAndKeepNordicText(t *testing.T) {
	d := testDeck(t)
	for _, lang := range []string{"sv", "fi"} {
		o := DefaultCardOptions()
		o.Lang, o.Backs = lang, BacksDuplexLong
		path, _ := printCards(t, d, o)
		fonts := poppler(t, "pdffonts", path)
		if strings.Count(strings.ToLower(fonts), "liberationsans") != 2 {
			t.Errorf("want Liberation Sans regular and bold:\n%s", fonts)
		}
		for _, line := range strings.Split(fonts, "\n")[2:] {
			if strings.TrimSpace(line) != "" && !strings.Contains(line, "yes") {
				t.Errorf("font not embedded: %s", line)
			}
		}
		text := pageText(t, path, 1)
		want := map[string][]string{"sv": {"Insamling", "Användning", "Samla bara det som"}, "fi": {"Keruu", "Käyttö", "Kerää vain tarpeellinen"}}[lang]
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: page 1 text lacks %q", lang, w)
			}
		}
		back := pageText(t, path, 2)
		if !strings.Contains(back, d.Name) || !strings.Contains(back, "2021") {
			t.Errorf("%s: backs lack the deck name or the example-deck note:\n%s", lang, back)
		}
	}
}

func TestPrintShopOutputSetsTrimAndBleedBoxes(t *testing.T) {
	o := DefaultCardOptions()
	o.Layout, o.Bleed = LayoutSingle, 3
	path, _ := printCards(t, firstCards(testDeck(t), 1), o)
	boxes := poppler(t, "pdfinfo", "-box", path)
	var trim, bleed [4]float64
	for _, line := range strings.Split(boxes, "\n") {
		if v, ok := strings.CutPrefix(line, "TrimBox:"); ok {
			fmt.Sscanf(strings.TrimSpace(v), "%f %f %f %f", &trim[0], &trim[1], &trim[2], &trim[3])
		}
		if v, ok := strings.CutPrefix(line, "BleedBox:"); ok {
			fmt.Sscanf(strings.TrimSpace(v), "%f %f %f %f", &bleed[0], &bleed[1], &bleed[2], &bleed[3])
		}
	}
	b := 3 * ptPerMM
	want := [4]float64{b, b, b + 63.5*ptPerMM, b + 88.9*ptPerMM}
	for i := range want {
		if !near(trim[i], want[i]) {
			t.Fatalf("TrimBox = %v, want %v\n%s", trim, want, boxes)
		}
	}
	if !near(bleed[0], 0) || !near(bleed[2], 69.5*ptPerMM) || !near(bleed[3], 94.9*ptPerMM) {
		t.Errorf("BleedBox = %v, want the whole page", bleed)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
