package decks

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// fixture is a Decks screen on a real database file holding the default deck.
type fixture struct {
	t      *testing.T
	store  *storage.Store
	win    fyne.Window
	screen *Screen
	u      *uitest.Fixture
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	u := uitest.NewFixture(t)
	s := New(u.App, u.Win, u.Store)
	s.Editor.Delay = time.Hour // tests save explicitly; no timer races
	u.Win.SetContent(s.Content())
	s.ShowLastDeck()
	return &fixture{t: t, store: u.Store, win: u.Win, screen: s, u: u}
}

// stored re-reads a deck from the database: what the screen really saved.
func (f *fixture) stored(id string) *cards.Deck { return f.u.Stored(id) }

func (f *fixture) decks() []storage.DeckSummary { return f.u.Decks() }

// selectCardByCode selects a card in the card list as a person clicks it.
func (f *fixture) selectCardByCode(code string) {
	f.t.Helper()
	s := f.screen
	for row, i := range s.Cards.shown {
		if s.deck.Cards[i].Code == code {
			s.Cards.List.Select(row)
			return
		}
	}
	f.t.Fatalf("card %s is not in the list", code)
}

// tapDialogButton taps the button with the given text in the dialog on top.
func (f *fixture) tapDialogButton(text string) {
	f.t.Helper()
	f.u.TapDialogButton(text)
}

// dialogText returns all label text in the dialog on top, "" when none.
func (f *fixture) dialogText() string { return f.u.DialogText() }
