package workshop

import (
	"context"
	"slices"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// The workshop drop-down lists the newest first, and the workshops of one
// day by title in the interface language's order: in Swedish Å, Ä and Ö
// after Z.
func TestTheWorkshopDropDownIsInTheInterfaceLanguagesOrder(t *testing.T) {
	uitest.UseLanguage(t, "sv")
	f, ws := newWorkshopFixture(t) // "Pilot", on 2026-03-12
	deck := f.Stored(f.DefaultDeckID())
	for _, title := range []string{"Örebro", "Zeta Oy", "Åbo Akademi", "Aalto", "Ähtäri"} {
		w := &game.Workshop{ID: cards.NewID(), Title: title, Client: "Acme Oy", Date: "2026-03-12", Language: "sv",
			DeckID: deck.ID, DeckEdition: deck.Edition, Deck: deck}
		if err := f.Store.CreateWorkshop(context.Background(), w, []game.Team{{ID: cards.NewID(), Name: "Bord 1"}}); err != nil {
			t.Fatal(err)
		}
	}
	ws.Refresh("")
	var titles []string
	for _, label := range ws.WorkshopSel.Options {
		title, _, _ := strings.Cut(strings.TrimPrefix(label, "2026-03-12 "), " · ")
		titles = append(titles, title)
	}
	if want := []string{"Aalto", "Pilot", "Zeta Oy", "Åbo Akademi", "Ähtäri", "Örebro"}; !slices.Equal(titles, want) {
		t.Errorf("the drop-down lists %q, want %q", titles, want)
	}
}

// The New workshop form offers the decks in the interface language's
// order: in Finnish Å, Ä and Ö after Z.
func TestTheNewWorkshopsDecksAreInTheInterfaceLanguagesOrder(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	f, ws := newWorkshopFixture(t)
	for _, name := range []string{"Örebro", "Zeta Oy", "Ähtäri", "Åbo Akademi", "Aalto"} {
		f.AddDeck(name)
	}
	form := ws.ShowNewWorkshopForm()
	want := []string{"4K data routines", "Aalto", "Zeta Oy", "Åbo Akademi", "Ähtäri", "Örebro"}
	if got := form.Deck.Options; !slices.Equal(got, want) {
		t.Errorf("the form offers the decks %q, want %q", got, want)
	}
}
