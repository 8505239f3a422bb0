package cards_test

import (
	"bytes"
	"strings"
	"testing"

	"deckhand/assets"
	"deckhand/cards"
)

// The shipped deck is the first thing every facilitator sees: it must be
// valid, complete in all three languages, and cover the game as domain.md
// describes it.
func TestDefaultDeckIsCompleteInEveryLanguage(t *testing.T) {
	d, err := cards.ReadJSON(bytes.NewReader(assets.DefaultDeckJSON))
	if err != nil {
		t.Fatalf("default deck does not load: %v", err)
	}
	if got, want := strings.Join(d.Languages, ","), "sv,fi,en"; got != want {
		t.Errorf("languages = %s, want %s", got, want)
	}
	counts := map[string]int{}
	for _, c := range d.Cards {
		counts[c.Type]++
		for _, lang := range d.Languages {
			if strings.TrimSpace(c.Title[lang]) == "" || strings.TrimSpace(c.Body[lang]) == "" {
				t.Errorf("card %s has no title or body in %s", c.Code, lang)
			}
		}
	}
	if counts["routine"] < 36 || counts["interaction"] < 10 || counts["role"] < 5 || counts["blank"] < 1 {
		t.Errorf("card counts by type = %v; want about 40 routines, 12 interactions, 6 roles and some blanks", counts)
	}
	covered := map[string]bool{}
	for _, c := range d.Cards {
		if c.Type == "routine" {
			covered[c.Theme+"/"+c.Area+"/"+c.Level] = true
		}
	}
	for _, th := range d.Themes {
		for _, a := range d.Board.Areas {
			for _, l := range d.Levels {
				if !covered[th.Key+"/"+a.Key+"/"+l.Key] {
					t.Errorf("no routine card for theme %s, area %s, level %s", th.Key, a.Key, l.Key)
				}
			}
		}
	}
	for _, lang := range d.Languages {
		if !strings.Contains(d.Description[lang], "2021") {
			t.Errorf("description in %s does not say it is an example deck based on the 2021 method", lang)
		}
	}
	for _, ct := range d.CardTypes {
		for _, lang := range d.Languages {
			if !strings.Contains(ct.Back[lang], "2021") {
				t.Errorf("back of %s cards in %s does not say it is an example deck", ct.Key, lang)
			}
		}
	}
}

// DefaultDeck is the embedded deck, and each caller's copy is its own: a
// change to one does not reach the next caller.
func TestDefaultDeckGivesEachCallerACopy(t *testing.T) {
	a, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	read, err := cards.ReadJSON(bytes.NewReader(assets.DefaultDeckJSON))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Cards) != len(read.Cards) || a.Cards[0].Title["sv"] != read.Cards[0].Title["sv"] || a.Name != read.Name {
		t.Fatalf("DefaultDeck is %q with %d cards; the embedded deck is %q with %d", a.Name, len(a.Cards), read.Name, len(read.Cards))
	}
	a.Name = "changed"
	a.Cards[0].Title["sv"] = "ändrad"
	a.Cards = a.Cards[:1]
	b, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != read.Name || len(b.Cards) != len(read.Cards) || b.Cards[0].Title["sv"] != read.Cards[0].Title["sv"] {
		t.Errorf("a change to one caller's copy reached the next: %q, %d cards, first title %q", b.Name, len(b.Cards), b.Cards[0].Title["sv"])
	}
}
