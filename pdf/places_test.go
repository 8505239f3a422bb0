package pdf

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"deckhand/cards"
)

// longTextsDeck is the test deck's first cards with texts that do not fit
// their places on a poker card: a 12-character code, long Finnish names of
// a card type, an area, a level and a theme, and a Finnish body that only
// fits shrunk to 6 pt.
func longTextsDeck(t *testing.T) *cards.Deck {
	d := firstCards(testDeck(t), 3)
	d.Cards[0].Code = "WWWWWWWWWWWW"
	c := d.Cards[1]
	for i := range d.CardTypes {
		if d.CardTypes[i].Key == c.Type {
			d.CardTypes[i].Name["fi"] = "Tietosuojavaikutustenarviointitoimenpidekortti"
		}
	}
	for i := range d.Board.Areas {
		if d.Board.Areas[i].Key == c.Area {
			d.Board.Areas[i].Name["fi"] = "Asiakastietojärjestelmäkehittämisympäristöalue"
		}
	}
	for i := range d.Levels {
		if d.Levels[i].Key == c.Level {
			d.Levels[i].Name["fi"] = "Strategisenjohtamisenpäätöksentekotasonäkökulma"
		}
	}
	for i := range d.Themes {
		if d.Themes[i].Key == c.Theme {
			d.Themes[i].Name["fi"] = "Henkilötietojenkäsittelyperiaatteidentoteutumisenvarmistaminen"
		}
	}
	d.Cards[2].Body["fi"] = strings.Repeat("Asiakkaan tiedot säilytetään turvallisesti ja ne poistetaan ajallaan. ", 10)
	return d
}

func TestPreflightNamesTextsOutsideTheSafeZoneAndTooSmall(t *testing.T) {
	d := longTextsDeck(t)
	o := DefaultCardOptions()
	o.Lang = "fi"
	issues, err := Preflight(d, o)
	if err != nil {
		t.Fatal(err)
	}
	find := func(code string, sev Severity, words ...string) {
		t.Helper()
	next:
		for _, i := range issues {
			if i.Code != code || i.Severity != sev {
				continue
			}
			for _, w := range words {
				if !strings.Contains(i.Msg, w) {
					continue next
				}
			}
			return
		}
		t.Errorf("no %s for card %s saying %q in\n%v", sev, code, words, issues)
	}
	find("WWWWWWWWWWWW", Error, "the code (fi)", "prints over the card type name")
	c := d.Cards[1].Code
	// The type name is set flush right, so a long one runs into the code.
	find(c, Error, "the code (fi)", "prints over the card type name")
	for _, field := range []string{"area name", "level name", "theme name"} {
		find(c, Error, "the "+field+" (fi)", "outside the safe zone")
	}
	find(d.Cards[2].Code, Warning, "the text (fi)", "prints at 6", "below 7 pt")
	for _, i := range issues {
		if i.Code == d.Cards[2].Code && strings.Contains(i.Msg, "does not fit") {
			t.Errorf("the body fits at 6 pt, yet: %s", i.Msg)
		}
	}
	// The deck as shipped has no such problem in any of its languages.
	for _, lang := range []string{"en", "sv", "fi"} {
		o.Lang = lang
		issues, err := Preflight(testDeck(t), o)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range issues {
			if strings.Contains(i.Msg, "safe zone") || strings.Contains(i.Msg, "prints over") || strings.Contains(i.Msg, "below 7 pt") {
				t.Errorf("%s: %s", lang, i)
			}
		}
	}
}

// TestNoTextLeavesTheSafeZoneUnreported checks every line the PDF draws,
// at the positions the drawing code uses, against the safe zone: a line
// outside it must have a preflight message for its card and field.
func TestNoTextLeavesTheSafeZoneUnreported(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	size := CardSizes["poker"]
	safe := metricsFor(size.W, size.H, DefaultSafe).inset
	outside := 0
	for _, d := range []*cards.Deck{longTextsDeck(t), testDeck(t)} {
		for _, lang := range d.Languages {
			for _, c := range d.Cards {
				face, issues := layoutFront(m, d, c, lang, size, DefaultSafe)
				said := fmt.Sprint(issues)
				for _, r := range face.Texts {
					b := m.runBox(r)
					if b.x0 >= safe-0.01 && b.y0 >= safe-0.01 && b.x1 <= size.W-safe+0.01 && b.y1 <= size.H-safe+0.01 {
						continue
					}
					outside++
					if !strings.Contains(said, "the "+r.What.String()+" ("+d.Lang(lang)+") runs outside the safe zone") {
						t.Errorf("card %s (%s): %q at %.1f–%.1f mm leaves the safe zone unreported: %s", c.Code, lang, r.Text, b.x0, b.x1, said)
					}
				}
			}
		}
	}
	if outside == 0 {
		t.Error("no text left the safe zone: the long texts are not long enough to test anything")
	}
	// The same cards printed: the drawing code draws exactly these runs.
	if _, err := Cards(io.Discard, longTextsDeck(t), DefaultCardOptions()); err != nil {
		t.Fatal(err)
	}
}
