package ui

import (
	"image"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// importByKeys shows "Import 3 cards from client cards.json" for the deck
// shown, and lets keys choose in it through the window's real key path.
func importByKeys(t *testing.T) (f *fixture, deck *cards.Deck, path string, ui uitest.UIQueue) {
	t.Helper()
	f = newFixture(t)
	s := f.screen
	deck = f.stored(s.DeckID())
	file := deck.Clone()
	file.Cards = file.Cards[:3]
	file.Name = "Acme client deck"
	path = filepath.Join(t.TempDir(), "client cards.json")
	if err := exportDeckFile(file, path); err != nil {
		t.Fatal(err)
	}
	ui = uitest.NewUIQueue()
	s.toUI = ui.Do
	d, err := s.readDeckFile(path, s.template)
	s.askImport(path, d, err)
	if !strings.HasPrefix(f.dialogText(), "Import 3 cards") && f.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("no import dialog is shown")
	}
	return f, deck, path, ui
}

// Choosing "As a new deck" by keys (Shift+Tab from the name to the last
// choice, Up to the first, Space) leaves the focus on the choice, and Enter
// there imports the file as a new deck, as the Import button does.
func TestEnterOnTheImportChoiceImportsAsANewDeck(t *testing.T) {
	f, _, _, _ := importByKeys(t)
	c := f.win.Canvas()
	before := len(f.decks())
	c.FocusPrevious()
	uitest.PressInWindow(c, fyne.KeyUp)
	uitest.TypeInWindow(c, " ")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatalf("Enter on the choice left the dialog up:\n%s", f.dialogText())
	}
	decks := f.decks()
	if len(decks) != before+1 {
		t.Fatalf("after Enter there are %d decks, want %d", len(decks), before+1)
	}
	var made *cards.Deck
	for _, d := range decks {
		if d.Name == "Acme client deck" {
			made = f.stored(d.ID)
		}
	}
	if made == nil || len(made.Cards) != 3 {
		t.Fatalf("no new deck of 3 cards named Acme client deck among %+v", decks)
	}
}

// Choosing "Replace the cards of …" by keys and pressing Enter on it goes
// on to the replacement's preview, and replacing there leaves the 3 cards.
func TestEnterOnTheImportChoiceReplacesTheShownDeck(t *testing.T) {
	f, deck, _, ui := importByKeys(t)
	c := f.win.Canvas()
	before := len(f.decks())
	c.FocusPrevious()
	uitest.TypeInWindow(c, " ")
	uitest.PressInWindow(c, fyne.KeyReturn)
	ui.Next(t, "the preview")
	if text := f.dialogText(); !strings.Contains(text, "59 removed") {
		t.Fatalf("Enter on Replace did not lead to the preview; the screen says:\n%s", text)
	}
	f.tapDialogButton("Replace (removes 59)")
	ui.Next(t, "the replacement")
	if got := f.stored(deck.ID); len(got.Cards) != 3 {
		t.Errorf("after replacing the deck has %d cards, want 3", len(got.Cards))
	}
	if got := len(f.decks()); got != before {
		t.Errorf("replacing made %d decks of %d", got, before)
	}
}

// Esc on a choice of the import dialog cancels it: nothing is imported.
func TestEscOnTheImportChoiceCancels(t *testing.T) {
	f, deck, _, _ := importByKeys(t)
	c := f.win.Canvas()
	before := len(f.decks())
	c.FocusPrevious()
	uitest.TypeInWindow(c, " ")
	uitest.PressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc on the choice left the dialog up:\n%s", f.dialogText())
	}
	if got := len(f.decks()); got != before {
		t.Errorf("after Esc there are %d decks, want %d", got, before)
	}
	if got := f.stored(deck.ID); len(got.Cards) != len(deck.Cards) {
		t.Errorf("after Esc the deck has %d cards, want %d", len(got.Cards), len(deck.Cards))
	}
}

// The app's radio group draws as Fyne's, pixel for pixel: with a choice
// picked, with the focus on a choice, and disabled.
func TestKeyedRadioGroupLooksAsFynes(t *testing.T) {
	test.NewTempApp(t)
	options := []string{"As a new deck", `Replace the cards of "4K data routines"`}
	capture := func(g fyne.CanvasObject, state func(fyne.Canvas)) image.Image {
		w := test.NewTempWindow(t, container.NewVBox(g))
		w.Resize(fyne.NewSize(420, 120))
		state(w.Canvas())
		return w.Canvas().Capture()
	}
	states := map[string]func(fyne.Canvas, fyne.Disableable){
		"picked":   func(fyne.Canvas, fyne.Disableable) {},
		"focused":  func(c fyne.Canvas, _ fyne.Disableable) { c.FocusNext() },
		"disabled": func(_ fyne.Canvas, g fyne.Disableable) { g.Disable() },
	}
	for name, state := range states {
		theirs := widget.NewRadioGroup(options, nil)
		theirs.SetSelected(options[1])
		ours := kit.NewKeyedRadioGroup(options, nil)
		ours.SetSelected(options[1])
		a := capture(theirs, func(c fyne.Canvas) { state(c, theirs) })
		b := capture(ours, func(c fyne.Canvas) { state(c, ours) })
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the app's radio group is drawn unlike Fyne's", name)
		}
	}
}

// The row of tick boxes draws as Fyne's horizontal check group.
func TestCheckRowLooksAsFynesCheckGroup(t *testing.T) {
	test.NewTempApp(t)
	options, ticked := []string{"sv", "fi", "en"}, []string{"sv", "en"}
	capture := func(o fyne.CanvasObject) image.Image {
		w := test.NewTempWindow(t, container.NewVBox(o))
		w.Resize(fyne.NewSize(420, 80))
		return w.Canvas().Capture()
	}
	theirs := widget.NewCheckGroup(options, nil)
	theirs.Horizontal = true
	theirs.SetSelected(ticked)
	if !reflect.DeepEqual(capture(theirs), capture(kit.NewCheckRow(options, ticked))) {
		t.Error("the row of tick boxes is drawn unlike Fyne's check group")
	}
}

// In "New deck", unticking Finnish by keys (Tab to it, Space) and pressing
// Enter on the tick makes the deck, in Swedish and English; Esc on a tick
// cancels.
func TestEnterAndEscOnATickOfTheNewDeckDialog(t *testing.T) {
	f := newFixture(t)
	c := f.win.Canvas()
	before := len(f.decks())
	toFinnish := func() {
		f.screen.newDeck()
		uitest.TypeInWindow(c, "Zeta Oy")
		c.FocusNext() // the client
		c.FocusNext() // sv
		c.FocusNext() // fi
		uitest.TypeInWindow(c, " ")
	}
	toFinnish()
	uitest.PressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || len(f.decks()) != before {
		t.Fatalf("Esc on a tick: dialog up %v, %d decks of %d", c.Overlays().Top() != nil, len(f.decks()), before)
	}
	toFinnish()
	uitest.PressInWindow(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatalf("Enter on a tick left the dialog up:\n%s", f.dialogText())
	}
	var made *cards.Deck
	for _, d := range f.decks() {
		if d.Name == "Zeta Oy" {
			made = f.stored(d.ID)
		}
	}
	if made == nil || !reflect.DeepEqual(made.Languages, []string{"sv", "en"}) {
		t.Fatalf("Enter on the unticked Finnish made %+v; want a deck Zeta Oy in sv and en", made)
	}
}
