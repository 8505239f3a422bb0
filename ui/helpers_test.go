package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
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
	store := openSeeded(t, filepath.Join(t.TempDir(), "deckhand.db"))
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
		useLanguage(t, code)
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

// useLanguage sets the interface language for one test and English after it.
func useLanguage(t *testing.T, code string) {
	t.Helper()
	kit.SetLanguage(code)
	t.Cleanup(func() { kit.SetLanguage("en") })
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
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatalf("no dialog is shown; wanted to tap %q", text)
	}
	if b := findButton(top, text); b != nil {
		test.Tap(b)
		return
	}
	f.t.Fatalf("the dialog has no button %q", text)
}

// dialogText returns all label text in the dialog on top, "" when none.
func (f *fixture) dialogText() string {
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var out string
	walk(top, func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			out += l.Text + "\n"
		case *widget.RichText:
			out += l.String() + "\n"
		}
	})
	return out
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if db, isDialogs := o.(*kit.DialogButton); isDialogs {
			b, ok = &db.Button, true
		}
		if ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// walk visits o and everything inside it, including widgets' renderers.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// appendText types at the end of an entry, as a person does after clicking
// behind the text.
func appendText(e *kit.Field, text string) {
	e.CursorRow = len(strings.Split(e.Text, "\n")) - 1
	e.CursorColumn = len([]rune(e.Text[strings.LastIndex(e.Text, "\n")+1:]))
	test.Type(e, text)
}
