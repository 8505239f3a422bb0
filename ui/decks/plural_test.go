package decks

import (
	"context"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
)

// A deck of one card is said "1 card", "1 kortti", "1 kort": the number
// takes its form in each language, in the deck list and when it is deleted.
func TestOneCardIsSaidInTheSingular(t *testing.T) {
	for _, c := range []struct{ code, line, question string }{
		{"en", "1 card", "with its 1 card?"},
		{"fi", "1 kortti", "ja sen 1 kortti?"},
		{"sv", "1 kort", "med dess 1 kort?"},
	} {
		t.Run(c.code, func(t *testing.T) {
			uitest.UseLanguage(t, c.code)
			f := newFixture(t)
			d := f.stored(f.screen.DeckID()).Clone()
			d.ID, d.Name, d.Cards = "", "Tiny", d.Cards[:1]
			if err := f.store.CreateDeck(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			f.screen.ReloadDecks(d.ID)
			for _, sum := range f.decks() {
				if sum.ID == d.ID {
					if line := deckSummaryLine(sum); !strings.Contains(line, c.line) || strings.Contains(line, "1 cards") {
						t.Errorf("the deck list says %q; want %q", line, c.line)
					}
				}
			}
			f.screen.deleteDeck()
			if said := f.dialogText(); !strings.Contains(said, c.question) {
				t.Errorf("the question is %q; want it to end %q", said, c.question)
			}
		})
	}
}
