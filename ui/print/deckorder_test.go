package print

import (
	"slices"
	"testing"

	"deckhand/ui/internal/uitest"
)

// The Print screen offers the decks in the interface language's order:
// in Swedish Å, Ä and Ö after Z.
func TestThePrintScreensDecksAreInTheInterfaceLanguagesOrder(t *testing.T) {
	uitest.UseLanguage(t, "sv")
	f, p := newPrintFixture(t)
	for _, name := range []string{"Örebro", "Zeta Oy", "Ähtäri", "Åbo Akademi", "Aalto"} {
		f.AddDeck(name)
	}
	p.Refresh(f.deckID)
	want := []string{"4K data routines", "Aalto", "Zeta Oy", "Åbo Akademi", "Ähtäri", "Örebro"}
	if got := p.deckSel.Options; !slices.Equal(got, want) {
		t.Errorf("the Print screen offers the decks %q, want %q", got, want)
	}
}
