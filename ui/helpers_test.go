package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// fixture is a Decks screen on a real database file holding the default deck.
type fixture struct {
	t      *testing.T
	store  *storage.Store
	win    fyne.Window
	screen *DecksScreen
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	a := test.NewTempApp(t)
	store := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "deckhand.db"))
	t.Cleanup(func() { store.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	s := NewDecksScreen(a, w, store)
	s.editor.delay = time.Hour // tests save explicitly; no timer races
	w.SetContent(s.Content())
	return &fixture{t: t, store: store, win: w, screen: s}
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
	file, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.ImportWorkshop(context.Background(), file); err != nil {
		t.Fatal(err)
	}
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
