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
	ui     uitest.UIQueue // what the screen hands back to the UI goroutine
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	u := uitest.NewFixture(t)
	s := New(u.App, u.Win, u.Store)
	s.Editor.Delay = time.Hour // tests save explicitly; no timer races
	ui := uitest.NewUIQueue()
	s.toUI = ui.Do
	u.Win.SetContent(s.Content())
	s.ShowLastDeck()
	return &fixture{t: t, store: u.Store, win: u.Win, screen: s, u: u, ui: ui}
}

// saveCard saves the editor's form as Ctrl+S does and runs what its save,
// off the UI goroutine, hands back; it reports whether the form is then
// saved.
func (f *fixture) saveCard() bool {
	f.t.Helper()
	if !f.screen.Editor.SaveNow() {
		return false
	}
	f.settle()
	return !f.screen.Editor.dirty
}

// settle runs what comes back to the UI goroutine until the editor has no
// save in flight.
func (f *fixture) settle() {
	f.t.Helper()
	for f.screen.Editor.saves.busy() {
		f.ui.Next(f.t, "a card's save")
	}
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
