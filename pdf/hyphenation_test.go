package pdf

import (
	"slices"
	"strings"
	"testing"
)

// TestALongCompoundHyphenatesInsteadOfShrinking prints a card whose
// Finnish title is one 35-letter compound. Its lines break at syllables
// the dictionary allows, each with a hyphen, and the title keeps the size
// of a short title; without the language's patterns the whole title
// shrinks until the word fits one line.
func TestALongCompoundHyphenatesInsteadOfShrinking(t *testing.T) {
	const word = "Asiakastietojenkäsittelyperiaatteet"
	legal := []string{"A", "Asi", "Asia", "Asiakas", "Asiakastie", "Asiakastieto", "Asiakastietojen", "Asiakastietojenkä",
		"Asiakastietojenkäsit", "Asiakastietojenkäsitte", "Asiakastietojenkäsittely", "Asiakastietojenkäsittelype",
		"Asiakastietojenkäsittelyperi", "Asiakastietojenkäsittelyperiaat"}

	d := firstCards(testDeck(t), 2)
	d.Cards[0].Title["fi"] = word
	d.Cards[1].Title["fi"] = "Asiakas"
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	long, issues := layoutFront(m, d, d.Cards[0], "fi", DefaultCardOptions().Size, DefaultSafe)
	short, _ := layoutFront(m, d, d.Cards[1], "fi", DefaultCardOptions().Size, DefaultSafe)
	for _, i := range issues {
		t.Errorf("unexpected issue: %s", i)
	}
	title := titleRuns(long)
	if len(title) < 2 {
		t.Fatalf("the title is on %d line(s): %+v", len(title), title)
	}
	if title[0].Size != titleRuns(short)[0].Size {
		t.Errorf("the long title prints at %.1f pt, a short one at %.1f pt: it shrank", title[0].Size, titleRuns(short)[0].Size)
	}
	joined, head := "", ""
	for i, r := range title {
		if i < len(title)-1 {
			if !strings.HasSuffix(r.Text, "-") {
				t.Errorf("line %q does not end in a hyphen", r.Text)
			}
			head += strings.TrimSuffix(r.Text, "-")
			if !slices.Contains(legal, head) {
				t.Errorf("the title breaks after %q, not a syllable", head)
			}
		}
		joined += strings.TrimSuffix(r.Text, "-")
	}
	if joined != word {
		t.Errorf("the title's lines read %q", joined)
	}

	// The PDF holds the hyphenated lines as laid out.
	o := DefaultCardOptions()
	o.Lang = "fi"
	path, _ := printCards(t, d, o)
	text := pageText(t, path, 1)
	if !strings.Contains(text, title[0].Text) {
		t.Errorf("the printed page lacks the line %q:\n%s", title[0].Text, text)
	}

	// A measurer without the language keeps the word whole by shrinking it.
	inner := DefaultCardOptions().Size.W - 2*metricsFor(DefaultCardOptions().Size.W, DefaultCardOptions().Size.H, DefaultSafe).inset
	bare := m.fit(word, true, inner, 0.3*DefaultCardOptions().Size.H, title[0].Size, 7.5)
	with := m.in("fi").fit(word, true, inner, 0.3*DefaultCardOptions().Size.H, title[0].Size, 7.5)
	if !with.fits || with.broken || with.size != title[0].Size {
		t.Errorf("with Finnish patterns: %+v", with)
	}
	if bare.fits && !bare.broken && bare.size >= with.size {
		t.Errorf("without patterns the word fits whole at %.1f pt: the test shows nothing", bare.size)
	}
}

// TestWordsThatFitStayWhole lays out a Swedish title that fits its line
// whole: hyphenation never breaks a word that did not need it.
func TestWordsThatFitStayWhole(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	f := m.in("sv").fit("Kundpanel för datainsamling", true, 55, 30, 13, 7.5)
	for _, l := range f.lines {
		if strings.HasSuffix(l, "-") {
			t.Errorf("a line ends in a hyphen although every word fits: %q", f.lines)
		}
	}
	// A text hyphen is a break of its own, and adds no second hyphen.
	// In a line too narrow for "CRM-jär-", it breaks after "CRM-".
	w := (m.width("CRM-", true) + m.width("CRM-jär-", true)) / 2 * 9
	g := m.in("fi").fit("CRM-järjestelmädata", true, w, 30, 9, 9)
	if len(g.lines) < 2 || g.lines[0] != "CRM-" || g.broken {
		t.Errorf("CRM-järjestelmädata in %.1f mm: %q", w, g.lines)
	}
	// Not where it leaves a single letter: "e-" would read as a typo.
	for _, text := range []string{"e-postilista", "a\u2010b"} {
		wd := m.in("fi").hyphenated(m.newWord(text, false), false)
		for _, h := range wd.hyphens {
			if h.hard {
				t.Errorf("%q breaks after %q", text, text[:h.at])
			}
		}
	}
	if wd := m.in("fi").hyphenated(m.newWord("asiakas\u2010data", false), false); len(wd.hyphens) == 0 || !slices.ContainsFunc(wd.hyphens, func(h hyphenAt) bool { return h.hard }) {
		t.Errorf("asiakas‐data (U+2010) has no break after its hyphen: %+v", wd.hyphens)
	}
}

// titleRuns are the lines of the face's title.
func titleRuns(f Face) []TextRun {
	var runs []TextRun
	for _, r := range f.Texts {
		if r.What.Format == "title" {
			runs = append(runs, r)
		}
	}
	return runs
}
