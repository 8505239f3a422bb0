package ui

import (
	"testing"
)

// A new workshop is proposed with the deck shown on the Decks screen: the
// client's deck the facilitator has just prepared, not the first deck.
func TestNewWorkshopProposesTheDeckShownOnTheDecksScreen(t *testing.T) {
	f, m := newMainFixture(t, "en")
	client := f.AddDeck("Zeta Oy routines")
	m.decks.ReloadDecks(client.ID)
	if m.decks.DeckID() != client.ID {
		t.Fatalf("the Decks screen shows %s, not the client's deck", m.decks.DeckID())
	}
	m.showTab(2)
	form := m.workshop.ShowNewWorkshopForm()
	if got := form.Deck.Key(); got != client.ID {
		t.Errorf("the form proposes deck %q (%s); want the Decks screen's %q", got, form.Deck.Selected, client.ID)
	}
	if got := form.Language.Key(); got == "" {
		t.Error("the proposed deck's languages are not offered")
	}
}
