package ui

import (
	"context"
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
	screen *DecksScreen
	u      *uitest.Fixture
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	u := uitest.NewFixture(t)
	s := NewDecksScreen(u.App, u.Win, u.Store)
	s.editor.delay = time.Hour // tests save explicitly; no timer races
	u.Win.SetContent(s.Content())
	return &fixture{t: t, store: u.Store, win: u.Win, screen: s, u: u}
}

// newMainFixture builds the whole main window (the four tabs, the menu and
// the keys) on a real database holding the default deck and the example
// workshop, in the language code ("" leaves it as it is).
func newMainFixture(t *testing.T, code string) (*fixture, *mainView) {
	t.Helper()
	if code != "" {
		uitest.UseLanguage(t, code)
	}
	f := newFixture(t)
	f.u.ImportExample()
	m := newMainView(f.screen.app, f.win, f.store, viewActions{})
	m.decks.editor.delay = time.Hour
	return f, m
}

// stored re-reads a deck from the database: what the screen really saved.
func (f *fixture) stored(id string) *cards.Deck {
	f.t.Helper()
	d, err := f.store.Deck(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return d
}

func (f *fixture) decks() []storage.DeckSummary {
	f.t.Helper()
	ds, err := f.store.Decks(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return ds
}

// selectCardByCode selects a card in the card list as a person clicks it.
func (f *fixture) selectCardByCode(code string) {
	f.t.Helper()
	s := f.screen
	for row, i := range s.cards.shown {
		if s.deck.Cards[i].Code == code {
			s.cards.list.Select(row)
			return
		}
	}
	f.t.Fatalf("card %s is not in the list", code)
}

// tapDialogButton taps the button with the given text in the dialog on top.
func (f *fixture) tapDialogButton(text string) {
	f.t.Helper()
	uitest.TapDialogButton(f.t, f.win, text)
}

// dialogText returns all label text in the dialog on top, "" when none.
func (f *fixture) dialogText() string { return uitest.DialogText(f.win) }

func TestMain(m *testing.M) { uitest.Main(m) }
