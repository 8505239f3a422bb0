package workshop

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

const noTitle = "Give the workshop a title."

// titleSaysNoTitle reports whether the New workshop form shows, in red,
// that the workshop needs a title.
func titleSaysNoTitle(f *uitest.Fixture) bool {
	shown := false
	uitest.Walk(f.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.Text == noTitle && t.Visible() {
			shown = true
		}
	})
	return shown
}

// An untouched title is no mistake yet: the form says nothing under it
// (Create stays disabled). Typing in it and emptying it says it, and so
// does Enter with the title empty, in the title or in another field.
func TestNewWorkshopSaysATitleIsMissingOnlyOnceTouched(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	created := len(ws.workshops)
	ws.ShowNewWorkshopForm()
	create := uitest.FindButton(c.Overlays().Top(), "Create")
	if titleSaysNoTitle(f) {
		t.Error("the form says the title is missing before anything was typed")
	}
	if !create.Disabled() {
		t.Error("Create can be pressed with no title")
	}
	uitest.TypeInWindow(c, "P")
	if titleSaysNoTitle(f) || create.Disabled() {
		t.Errorf("with a title typed: says missing %v, Create disabled %v", titleSaysNoTitle(f), create.Disabled())
	}
	uitest.PressInWindow(c, fyne.KeyBackspace)
	if !titleSaysNoTitle(f) {
		t.Error("the title typed and emptied is not said to be missing")
	}
	if !create.Disabled() {
		t.Error("Create can be pressed after the title was emptied")
	}
	uitest.PressInWindow(c, fyne.KeyEscape)

	for _, where := range []string{"title", "client"} {
		form := ws.ShowNewWorkshopForm()
		if where == "client" {
			c.Focus(form.client)
		}
		uitest.PressInWindow(c, fyne.KeyReturn)
		if !titleSaysNoTitle(f) {
			t.Errorf("Enter in the %s with no title does not say the title is missing", where)
		}
		if c.Focused() != form.title {
			t.Errorf("after Enter in the %s with no title the focus is on %T, not the title", where, c.Focused())
		}
		ws.Refresh("")
		if len(ws.workshops) != created {
			t.Fatalf("Enter in the %s with no title made a workshop", where)
		}
		uitest.PressInWindow(c, fyne.KeyEscape)
	}
}

// With no deck shown on the Decks screen, a new workshop is proposed with
// the deck of the workshop used last.
func TestNewWorkshopProposesTheLastWorkshopsDeck(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	client := f.AddDeck("Zeta Oy routines")
	w := &game.Workshop{ID: cards.NewID(), Title: "Zeta pilot", Date: "2026-03-12", Language: "sv",
		DeckID: client.ID, DeckEdition: client.Edition, Deck: client}
	if err := f.Store.CreateWorkshop(context.Background(), w, []game.Team{{ID: cards.NewID(), Name: "Bord 1"}}); err != nil {
		t.Fatal(err)
	}
	ws.Refresh(w.ID)
	form := ws.ShowNewWorkshopForm()
	if got := form.Deck.Key(); got != client.ID {
		t.Errorf("the form proposes deck %q (%s); want the last workshop's %q", got, form.Deck.Selected, client.ID)
	}
	test.Tap(uitest.FindButton(f.Win.Canvas().Overlays().Top(), "Cancel"))
}
