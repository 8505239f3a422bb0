package uitest

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// Fixture is a test app and window on a real database file holding the
// default deck: what a screen is made on.
type Fixture struct {
	T     *testing.T
	App   fyne.App
	Store *storage.Store
	Win   fyne.Window
}

// NewFixture makes the app, a 1280×800 window and the database, all
// removed after the test.
func NewFixture(t *testing.T) *Fixture {
	t.Helper()
	a := test.NewTempApp(t)
	store := OpenSeeded(t, filepath.Join(t.TempDir(), "deckhand.db"))
	t.Cleanup(func() { store.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	return &Fixture{T: t, App: a, Store: store, Win: w}
}

// ImportExample puts the example workshop in the database.
func (f *Fixture) ImportExample() {
	f.T.Helper()
	ImportExample(f.T, f.Store)
}

// ImportExample puts the example workshop in store.
func ImportExample(tb testing.TB, store *storage.Store) {
	tb.Helper()
	file, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := store.ImportWorkshop(context.Background(), file); err != nil {
		tb.Fatal(err)
	}
}

// TapDialogButton taps the button with the text in the dialog on top.
func (f *Fixture) TapDialogButton(text string) {
	f.T.Helper()
	TapDialogButton(f.T, f.Win, text)
}

// DialogText returns all label text in the dialog on top, "" when none.
func (f *Fixture) DialogText() string { return DialogText(f.Win) }

// Refused checks that a save in the form titled form was refused, saying
// reason over the form, and that OK leaves the form on top, to be
// corrected (kit.NewSaveForm).
func (f *Fixture) Refused(form, reason string) {
	f.T.Helper()
	if got := f.DialogText(); !strings.Contains(got, reason) {
		f.T.Fatalf("the refusal is not said: the top dialog reads %q, want %q", got, reason)
	}
	f.TapDialogButton("OK")
	if top := f.Win.Canvas().Overlays().Top(); top == nil || !HasText(WindowLabels(top), form) {
		f.T.Fatalf("after the refusal the form %q is gone, and what was typed with it; on top: %q", form, f.DialogText())
	}
}

// Stored re-reads a deck from the database: what a screen really saved.
func (f *Fixture) Stored(id string) *cards.Deck {
	f.T.Helper()
	d, err := f.Store.Deck(context.Background(), id)
	if err != nil {
		f.T.Fatal(err)
	}
	return d
}

// DefaultDeckID is the id of the deck the database was seeded with.
func (f *Fixture) DefaultDeckID() string {
	f.T.Helper()
	decks, err := f.Store.Decks(context.Background())
	if err != nil || len(decks) == 0 {
		f.T.Fatalf("decks = %v, %v", decks, err)
	}
	return decks[0].ID
}

// Session re-reads what the database holds for a workshop.
func (f *Fixture) Session(workshopID string) *game.File {
	f.T.Helper()
	s, err := f.Store.Session(context.Background(), workshopID, false)
	if err != nil {
		f.T.Fatal(err)
	}
	return s
}

// AddDeck stores a copy of the default deck under another name.
func (f *Fixture) AddDeck(name string) *cards.Deck {
	f.T.Helper()
	d := f.Stored(f.DefaultDeckID()).Clone()
	d.ID, d.Name = "", name
	if err := f.Store.CreateDeck(context.Background(), d); err != nil {
		f.T.Fatal(err)
	}
	return d
}

// Decks lists the decks the database holds.
func (f *Fixture) Decks() []storage.DeckSummary {
	f.T.Helper()
	ds, err := f.Store.Decks(context.Background())
	if err != nil {
		f.T.Fatal(err)
	}
	return ds
}
