package pdf

import (
	"io"
	"strings"
	"testing"

	"deckhand/cards"
)

func TestPreflightReportsWhatWouldPrintWrong(t *testing.T) {
	d := troubledDeck(t)
	o := DefaultCardOptions()
	o.Lang = "sv"
	issues, err := Preflight(d, o)
	if err != nil {
		t.Fatal(err)
	}
	find := func(code string, sev Severity, words string) {
		t.Helper()
		for _, i := range issues {
			if i.Code == code && i.Severity == sev && strings.Contains(i.Msg, words) {
				return
			}
		}
		t.Errorf("no %s for %s mentioning %q in %v", sev, code, words, issues)
	}
	find(d.Cards[0].Code, Error, "does not fit")
	find(d.Cards[1].Code, Error, "cannot draw")
	find(d.Cards[3].Code, Warning, "broken with a hyphen")
	for _, i := range issues {
		if i.Code == d.Cards[4].Code && strings.Contains(i.Msg, "broken") {
			t.Errorf("the Swedish compound does not hyphenate at its syllables: %s", i.Msg)
		}
	}
	if !HasErrors(issues) {
		t.Error("HasErrors = false")
	}
	// The empty Finnish title is the deck's own problem: found by validation.
	find(d.Cards[2].Code, Error, "title in Suomi is empty")

	// Printing anyway works, with the same issues, and no panic on the emoji.
	res, err := Cards(io.Discard, d, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Issues) == 0 {
		t.Error("Cards reported no issues")
	}
}

func TestPreflightRefusesWhatCannotPrint(t *testing.T) {
	d := testDeck(t)
	cases := []struct {
		name string
		opts func(*CardOptions)
		want string
	}{
		{"unknown code", func(o *CardOptions) { o.Only = []string{"R99"} }, "no card"},
		{"card larger than paper", func(o *CardOptions) { o.Size = Size{"big", 250, 250} }, "does not fit"},
		{"bleed too large", func(o *CardOptions) { o.Bleed = 8 }, "bleed"},
		{"offset too large", func(o *CardOptions) { o.OffsetX = 30 }, "offset"},
		{"nothing to print", func(o *CardOptions) { o.Only = []string{"R01"} }, "nothing to print"},
	}
	d.Cards[0].Copies = 0
	for _, c := range cases {
		o := DefaultCardOptions()
		c.opts(&o)
		if _, err := Preflight(d, o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one mentioning %q", c.name, err, c.want)
		}
	}
}

func TestOnlyAndBlankChooseTheCards(t *testing.T) {
	d := testDeck(t)
	o := DefaultCardOptions()
	o.Only, o.Blank = []string{"r02", "I01"}, 3
	path, res := printCards(t, d, o)
	if res.Cards != 5 || res.Pages != 1 {
		t.Fatalf("printed %d cards on %d pages, want 5 on 1", res.Cards, res.Pages)
	}
	text := pageText(t, path, 1)
	if !strings.Contains(text, "R02") || !strings.Contains(text, "I01") || strings.Contains(text, "R01") {
		t.Errorf("page shows the wrong cards:\n%s", text)
	}
}

func TestCalibrationPageHasScalesAndACrossBehind(t *testing.T) {
	for _, lang := range []string{"sv", "fi", "en"} {
		var buf strings.Builder
		if err := Calibration(&buf, Papers["a4"], BacksDuplexLong, lang, fixedTime); err != nil {
			t.Fatal(err)
		}
		path := t.TempDir() + "/cal.pdf"
		writeFile(t, path, buf.String())
		pages, w, _ := pageInfo(t, path)
		if pages != 2 || !near(w, 210*ptPerMM) {
			t.Errorf("%s: %d pages of width %.1f pt, want 2 A4 pages", lang, pages, w)
		}
		front := pageText(t, path, 1)
		for _, want := range []string{"-20", "-10", "10", "20", "X", "Y", "100 %", printed(lang, "Duplex calibration")} {
			if !strings.Contains(front, want) || (strings.Contains(front, "%!") || strings.Contains(front, "string=")) {
				t.Errorf("%s: front lacks %q or holds a format error", lang, want)
			}
		}
		if back := pageText(t, path, 2); !strings.Contains(back, strings.Fields(printed(lang, "BACK – turn the sheet over sideways, as you turn a page of a book. If this reads upright, your printer flips as you chose: keep it. If it reads upside down, choose the other flip."))[0]) {
			t.Errorf("%s: back lacks its note:\n%s", lang, back)
		}
	}
}

// troubledDeck has a problem of every kind preflight finds, on the fronts
// (a text too long, a character the font lacks, a word too long for a
// line with nowhere to hyphenate it), on the backs (a back text too long) and in the deck itself (an
// empty title, a name too long for the footer), with copies of a card.
func troubledDeck(t *testing.T) *cards.Deck {
	d := firstCards(testDeck(t), 8)
	long := func(s string, n int) string { return strings.Repeat(s, n) }
	d.Cards[0].Body["sv"] = long("Mycket lång text som aldrig ryms på ett kort. ", 40)
	d.Cards[1].Title["sv"] = "Datastig 🚀 med kunden"
	d.Cards[2].Title["fi"] = ""
	// A serial number has no syllables to break at; a Swedish compound
	// of the same length has.
	d.Cards[3].Body["sv"] = "Kod: QX7Z9K4M8P3R5T1W6Y0B2C4D6F8G1H3J5L7N9Q2W4E6R8T0Y1U3I5O7P9A2S4D6F8"
	d.Cards[4].Body["sv"] = "Dataansvarsrapporteringsutvecklingsprogrammeringsverksamhetsstrategiplanering"
	d.Cards[4].Copies, d.Cards[5].Type = 3, "interaction"
	d.Name = "Kortlek med ett namn så långt att det inte ryms på kortets fot"
	for i := range d.CardTypes {
		d.CardTypes[i].Back = cards.Text{"sv": long("Baksidans text är alldeles för lång. ", 40)}
	}
	return d
}
