package ui

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
func titleSaysNoTitle(f *fixture) bool {
	shown := false
	uitest.Walk(f.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
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
	c := f.win.Canvas()
	created := len(ws.workshops)
	ws.showNewWorkshopForm()
	create := uitest.FindButton(c.Overlays().Top(), "Create")
	if titleSaysNoTitle(f) {
		t.Error("the form says the title is missing before anything was typed")
	}
	if !create.Disabled() {
		t.Error("Create can be pressed with no title")
	}
	typeInWindow(c, "P")
	if titleSaysNoTitle(f) || create.Disabled() {
		t.Errorf("with a title typed: says missing %v, Create disabled %v", titleSaysNoTitle(f), create.Disabled())
	}
	pressInWindow(c, fyne.KeyBackspace)
	if !titleSaysNoTitle(f) {
		t.Error("the title typed and emptied is not said to be missing")
	}
	if !create.Disabled() {
		t.Error("Create can be pressed after the title was emptied")
	}
	pressInWindow(c, fyne.KeyEscape)

	for _, where := range []string{"title", "client"} {
		form := ws.showNewWorkshopForm()
		if where == "client" {
			c.Focus(form.client)
		}
		pressInWindow(c, fyne.KeyReturn)
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
		pressInWindow(c, fyne.KeyEscape)
	}
}

// addDeck stores a copy of the default deck under another name.
func addDeck(t *testing.T, f *fixture, name string) *cards.Deck {
	t.Helper()
	d := f.stored(f.screen.DeckID()).Clone()
	d.ID, d.Name = "", name
	if err := f.store.CreateDeck(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// A new workshop is proposed with the deck shown on the Decks screen: the
// client's deck the facilitator has just prepared, not the first deck.
func TestNewWorkshopProposesTheDeckShownOnTheDecksScreen(t *testing.T) {
	f, m := newMainFixture(t, "en")
	client := addDeck(t, f, "Zeta Oy routines")
	m.decks.reloadDecks(client.ID)
	if m.decks.DeckID() != client.ID {
		t.Fatalf("the Decks screen shows %s, not the client's deck", m.decks.DeckID())
	}
	m.showTab(2)
	form := m.workshop.showNewWorkshopForm()
	if got := form.deck.Key(); got != client.ID {
		t.Errorf("the form proposes deck %q (%s); want the Decks screen's %q", got, form.deck.Selected, client.ID)
	}
	if got := form.language.Key(); got == "" {
		t.Error("the proposed deck's languages are not offered")
	}
}

// With no deck shown on the Decks screen, a new workshop is proposed with
// the deck of the workshop used last.
func TestNewWorkshopProposesTheLastWorkshopsDeck(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	client := addDeck(t, f, "Zeta Oy routines")
	w := &game.Workshop{ID: cards.NewID(), Title: "Zeta pilot", Date: "2026-03-12", Language: "sv",
		DeckID: client.ID, DeckEdition: client.Edition, Deck: client}
	if err := f.store.CreateWorkshop(context.Background(), w, []game.Team{{ID: cards.NewID(), Name: "Bord 1"}}); err != nil {
		t.Fatal(err)
	}
	ws.Refresh(w.ID)
	form := ws.showNewWorkshopForm()
	if got := form.deck.Key(); got != client.ID {
		t.Errorf("the form proposes deck %q (%s); want the last workshop's %q", got, form.deck.Selected, client.ID)
	}
	test.Tap(uitest.FindButton(f.win.Canvas().Overlays().Top(), "Cancel"))
}
