package decks

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// inDialog finds the first widget of type T in the dialog on top.
func inDialog[T fyne.CanvasObject](f *fixture, match func(T) bool) T {
	f.t.Helper()
	var found T
	var ok bool
	uitest.Walk(f.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if w, is := o.(T); is && !ok && match(w) {
			found, ok = w, true
		}
	})
	if !ok {
		f.t.Fatalf("no such widget in the dialog:\n%s", f.dialogText())
	}
	return found
}

// A client's deck cloned in Finnish alone (Swedish and English unticked by
// keys, Finnish chosen as the default) asks for a new card's title in
// Finnish alone, and the card saves with nothing but Finnish.
func TestAFinnishOnlyCloneSavesANewCardInFinnishAlone(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	c := f.win.Canvas()
	s.CloneDeck()
	uitest.TypeInWindow(c, "Asiakaspakka")
	c.FocusNext() // the client
	uitest.TypeInWindow(c, "Asiakas Oy")
	c.FocusNext() // sv
	uitest.TypeInWindow(c, " ")
	c.FocusNext() // fi
	c.FocusNext() // en
	uitest.TypeInWindow(c, " ")
	inDialog(f, func(*kit.KeyedSelect) bool { return true }).SetKey("fi")
	f.tapDialogButton("Clone")
	if c.Overlays().Top() != nil {
		t.Fatalf("the clone was refused:\n%s", f.dialogText())
	}
	clone := f.stored(s.DeckID())
	if clone.Name != "Asiakaspakka" || !reflect.DeepEqual(clone.Languages, []string{"fi"}) || clone.DefaultLang != "fi" {
		t.Fatalf("clone %q in %v, default %s", clone.Name, clone.Languages, clone.DefaultLang)
	}
	s.NewCard()
	if got := slices.Sorted(func(yield func(string) bool) {
		for code := range s.Editor.Titles {
			yield(code)
		}
	}); !reflect.DeepEqual(got, []string{"fi"}) {
		t.Fatalf("the editor asks for titles in %v, want fi alone", got)
	}
	code := s.Editor.Code.Text
	uitest.TypeInWindow(c, "Uusi rutiini")
	if !f.saveCard() {
		t.Fatalf("the Finnish-only card was not saved: %s", s.Editor.status.Text)
	}
	stored := f.stored(clone.ID)
	i := stored.CardByCode(code)
	if i < 0 {
		t.Fatalf("card %s is not in the database", code)
	}
	if got := stored.Cards[i].Title; !reflect.DeepEqual(got, cards.Text{"fi": "Uusi rutiini"}) {
		t.Errorf("the new card's titles in the database: %v", got)
	}
}

// saveShape presses Enter in the shape dialog, as a person does, and runs
// what its save, off the UI goroutine, hands back.
func (f *fixture) saveShape() {
	f.t.Helper()
	f.offUI("the save of the deck's shape", f.screen.Shape.Dialog.Submit)
}

// offUI runs start, then the one thing it hands back to the UI goroutine.
func (f *fixture) offUI(what string, start func()) {
	f.t.Helper()
	ui := uitest.NewUIQueue()
	before := f.screen.toUI
	f.screen.toUI = ui.Do
	defer func() { f.screen.toUI = before }()
	start()
	ui.Next(f.t, what)
}

// An area renamed in Finnish and a criterion's scale widened, each saved
// with Enter in its dialog, read back from the database so.
func TestAnAreaRenamedAndACriterionsScaleChangedReadBack(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	c := f.win.Canvas()
	id := s.DeckID()
	s.EditAreas()
	if s.Shape.Pick.Key() != "collection" || s.Shape.Names["sv"].Text != "Insamling" {
		t.Fatalf("the areas dialog opens on %q named %q", s.Shape.Pick.Key(), s.Shape.Names["sv"].Text)
	}
	c.Focus(s.Shape.Names["fi"])
	s.Shape.Names["fi"].SetText("")
	uitest.TypeInWindow(c, "Tiedon keruu")
	f.saveShape()
	if c.Overlays().Top() != nil {
		t.Fatalf("the rename was refused:\n%s", f.dialogText())
	}
	if a, _ := f.stored(id).Area("collection"); a.Name["fi"] != "Tiedon keruu" || a.Name["sv"] != "Insamling" {
		t.Errorf("the area's names in the database: %v", a.Name)
	}

	s.EditCriteria()
	s.Shape.Pick.SetKey("feasibility")
	c.Focus(s.Shape.Max)
	s.Shape.Max.SetText("")
	uitest.TypeInWindow(c, "7")
	f.saveShape()
	if c.Overlays().Top() != nil {
		t.Fatalf("the scale change was refused:\n%s", f.dialogText())
	}
	got := f.stored(id).Criteria
	i := slices.IndexFunc(got, func(k cards.Criterion) bool { return k.Key == "feasibility" })
	if i < 0 || got[i].Min != 1 || got[i].Max != 7 {
		t.Errorf("feasibility in the database: %+v", got)
	}
}

// importExampleOf puts the example workshop in the database as a workshop
// made from the deck: the example's deck is the default deck.
func importExampleOf(t *testing.T, f *fixture, deckID string) {
	t.Helper()
	file, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	file.Workshop.DeckID = deckID
	if _, err := f.store.ImportWorkshop(context.Background(), file); err != nil {
		t.Fatal(err)
	}
}

// Removing an area or re-keying a criterion that the example workshop's
// plays and ratings use is refused with the sentence that says why, and
// the database's deck stays as it was; a bad scale is refused in its
// sentence. Each time the dialog stays, with what it holds.
func TestAChangeOrphaningTheExampleWorkshopsPlaysIsRefused(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	id := s.DeckID()
	importExampleOf(t, f, id)
	before := f.stored(id)

	s.EditAreas()
	f.tapDialogButton("Remove…")
	f.tapDialogButton("Yes")
	f.saveShape()
	f.u.Refused("Board areas", "The area Insamling cannot be removed or given another key: workshops made from this deck have cards laid in it (cards: 4, workshops: 1).")
	if !s.Shape.pending["collection"].removed {
		t.Error("after the refusal the area is no longer to be removed")
	}
	f.tapDialogButton("Cancel")

	s.EditCriteria()
	s.Shape.Pick.SetKey("desirability")
	s.Shape.Key.SetText("wish")
	f.saveShape()
	f.u.Refused("Criteria", "The criterion Önskvärdhet cannot be removed or given another key: workshops made from this deck have ratings on it (ratings: ")
	if s.Shape.Key.Text != "wish" {
		t.Errorf("after the refusal the key reads %q", s.Shape.Key.Text)
	}
	f.tapDialogButton("Cancel")

	s.EditCriteria()
	s.Shape.Pick.SetKey("feasibility")
	s.Shape.Max.SetText("five")
	s.Shape.Pick.SetKey("desirability")
	s.Shape.Dialog.Submit()
	f.u.Refused("Criteria", "The scale goes from a whole number to a whole number; write both in figures.")
	if s.Shape.Pick.Key() != "feasibility" || s.Shape.Max.Text != "five" {
		t.Errorf("the refused scale shows %s to %q; want feasibility's five", s.Shape.Pick.Key(), s.Shape.Max.Text)
	}
	f.tapDialogButton("Cancel")

	after := f.stored(id)
	if !reflect.DeepEqual(after.Board, before.Board) || !reflect.DeepEqual(after.Criteria, before.Criteria) || after.Edition != before.Edition {
		t.Errorf("a refused change reached the database:\nboard %+v\ncriteria %+v", after.Board, after.Criteria)
	}
}

// A deleted card comes back with Undo under the card list, and another
// with Ctrl+Z right after its deletion, as the same cards they were.
func TestADeletedCardIsRestoredAndADeletionUndone(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	c := f.win.Canvas()
	kit.BindKeys(c, s.KeyRows(func() {}))
	id := s.DeckID()
	before := f.stored(id)
	deleteByMenu := func(code string) {
		f.selectCardByCode(code)
		s.deleteCard()
		f.tapDialogButton("Yes")
		if f.stored(id).CardByCode(code) >= 0 {
			t.Fatalf("card %s is still in the database after Delete card", code)
		}
	}
	deleteByMenu("R01")
	if !s.Undo.box.Visible() || s.Undo.Note.Text != "Card R01 was deleted; Undo or Ctrl+Z brings it back." {
		t.Fatalf("after the deletion the screen says %q (shown %v)", s.Undo.Note.Text, s.Undo.box.Visible())
	}
	test.Tap(s.Undo.Button)
	got := f.stored(id)
	if i := got.CardByCode("R01"); i < 0 || got.Cards[i].ID != before.Cards[before.CardByCode("R01")].ID {
		t.Fatalf("Undo did not bring R01 back as it was")
	}
	if s.Undo.box.Visible() || s.Editor.card.Code != "R01" {
		t.Errorf("after Undo: note shown %v, editor on %q", s.Undo.box.Visible(), s.Editor.card.Code)
	}

	deleteByMenu("R02")
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	got = f.stored(id)
	if i := got.CardByCode("R02"); i < 0 || !reflect.DeepEqual(got.Cards[i], before.Cards[before.CardByCode("R02")]) {
		t.Fatalf("Ctrl+Z did not bring R02 back as it was")
	}
	if len(got.Cards) != len(before.Cards) {
		t.Errorf("after both undos the deck has %d cards, want %d", len(got.Cards), len(before.Cards))
	}
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{}) // nothing left to undo
	if len(f.stored(id).Cards) != len(before.Cards) {
		t.Error("a second Ctrl+Z changed the deck")
	}
}

// The card types' dialog opens from the deck's details (the client typed
// there saved first), and a type's code prefix and back text changed there
// read back from the database.
func TestCardTypesFromTheDeckDetails(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	c := f.win.Canvas()
	id := s.DeckID()
	s.EditDeck()
	c.FocusNext() // the client
	uitest.TypeInWindow(c, "Acme Oy")
	f.tapDialogButton("Card types…")
	if got := f.stored(id).Client; got != "Acme Oy" {
		t.Errorf("the client typed before opening the card types is %q in the database", got)
	}
	if s.Shape == nil || s.Shape.kind != shapeCardTypes || !strings.Contains(f.dialogText(), "Card types") {
		t.Fatalf("the details did not lead to the card types:\n%s", f.dialogText())
	}
	s.Shape.Pick.SetKey("interaction")
	s.Shape.Prefix.SetText("K")
	s.Shape.Texts["en"].SetText("Talk to the customer")
	f.saveShape()
	typ, _ := f.stored(id).CardType("interaction")
	if typ.Prefix != "K" || typ.Back["en"] != "Talk to the customer" || typ.Back["sv"] == "" {
		t.Errorf("the interaction type in the database: %+v", typ)
	}
	if s.deck.NextCode("interaction") != "K01" {
		t.Errorf("a new interaction card would be %s", s.deck.NextCode("interaction"))
	}
}
