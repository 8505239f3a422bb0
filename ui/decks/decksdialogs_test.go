package decks

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/cards"
	"deckhand/ui/internal/uitest"
)

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

// In "New deck", unticking Finnish by keys (Tab to it, Space) and pressing
// Enter on the tick makes the deck, in Swedish and English; Esc on a tick
// cancels.
func TestEnterAndEscOnATickOfTheNewDeckDialog(t *testing.T) {
	f := newFixture(t)
	c := f.win.Canvas()
	before := len(f.decks())
	toFinnish := func() {
		f.screen.NewDeck()
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

// Tab goes through the card editor as a card is written: code, type,
// theme, area, level, copies, tags, then title and text in each language;
// a card's text does not keep Tab as a tab character.
func TestTabGoesThroughTheEditorInOrder(t *testing.T) {
	f := newFixture(t)
	e := f.screen.Editor
	f.selectCardByCode("R01")
	want := []fyne.Focusable{e.Code, e.typ, e.theme, e.area, e.level, e.copies, e.tags}
	for _, code := range e.deck.Languages {
		want = append(want, e.Titles[code], e.bodies[code])
		if e.bodies[code].AcceptsTab() {
			t.Errorf("the %s text takes Tab as a character; Tab must move to the next field", code)
		}
	}
	got := uitest.FocusOrder(f.win.Canvas(), e.Code)
	if len(got) < len(want) {
		t.Fatalf("Tab visits %d objects from the code, want at least %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("Tab stop %d is %T, want %T", i, got[i], w)
		}
	}
}

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
