package uitest

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/assets"
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
	file, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		f.T.Fatal(err)
	}
	if _, err := f.Store.ImportWorkshop(context.Background(), file); err != nil {
		f.T.Fatal(err)
	}
}

// TapDialogButton taps the button with the text in the dialog on top.
func (f *Fixture) TapDialogButton(text string) {
	f.T.Helper()
	TapDialogButton(f.T, f.Win, text)
}

// DialogText returns all label text in the dialog on top, "" when none.
func (f *Fixture) DialogText() string { return DialogText(f.Win) }
