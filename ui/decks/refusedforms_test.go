package decks

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// field is the field of the dialog on top that holds text.
func (f *fixture) field(text string) *kit.Field {
	f.t.Helper()
	return inDialog(f, func(e *kit.Field) bool { return e.Text == text })
}

// deckNamed is the id of the deck the database holds under name, "" for none.
func (f *fixture) deckNamed(name string) string {
	for _, d := range f.decks() {
		if d.Name == name {
			return d.ID
		}
	}
	return ""
}

// A new deck under a name another deck has is refused in its form, which
// keeps the name typed, with the focus in it; another name makes it.
func TestATakenNameKeepsTheNewDeckForm(t *testing.T) {
	f := newFixture(t)
	c := f.win.Canvas()
	f.screen.NewDeck()
	uitest.TypeInWindow(c, "4K data routines")
	uitest.PressInWindow(c, fyne.KeyReturn)
	f.u.Refused("New deck", "already exists; choose another name")
	name := f.field("4K data routines")
	if c.Focused() != name || len(f.decks()) != 1 {
		t.Fatalf("after the refusal the focus is on %T and the database holds %d decks", c.Focused(), len(f.decks()))
	}
	uitest.TypeInWindow(c, " for Acme")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if f.deckNamed("4K data routines for Acme") == "" || c.Overlays().Top() != nil {
		t.Errorf("after another name the decks are %+v", f.decks())
	}
}

// A copy under a name taken is refused in the Clone form, which keeps it.
func TestATakenNameKeepsTheCloneForm(t *testing.T) {
	f := newFixture(t)
	f.screen.CloneDeck()
	name := f.field("4K data routines (copy)")
	name.SetText("4K data routines")
	f.tapDialogButton("Clone")
	f.u.Refused("Clone 4K data routines for a client", "already exists; choose another name")
	if name.Text != "4K data routines" || len(f.decks()) != 1 {
		t.Fatalf("after the refusal the name reads %q and the database holds %d decks", name.Text, len(f.decks()))
	}
	name.SetText("Acme routines")
	f.tapDialogButton("Clone")
	if id := f.deckNamed("Acme routines"); id == "" || f.stored(id).Parent != f.deckNamed("4K data routines") {
		t.Errorf("after another name the decks are %+v", f.decks())
	}
}

// The deck's details under another deck's name are refused, by Save and
// by the shape's buttons, and the form stays with them; put right, the
// shape's button saves them and opens the areas.
func TestATakenNameKeepsTheDeckDetails(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	id := s.DeckID()
	f.u.AddDeck("Acme deck")
	s.EditDeck()
	name := f.field("4K data routines")
	name.SetText("Acme deck")
	f.tapDialogButton("Save")
	f.u.Refused("Deck details", "already exists; choose another name")
	f.tapDialogButton("Board areas…")
	f.u.Refused("Deck details", "already exists; choose another name")
	if name.Text != "Acme deck" || f.stored(id).Name != "4K data routines" {
		t.Fatalf("after the refusals the name reads %q, stored %q", name.Text, f.stored(id).Name)
	}
	name.SetText("4K data routines for Acme")
	f.tapDialogButton("Board areas…")
	if got := f.stored(id).Name; got != "4K data routines for Acme" || s.Shape == nil || s.Shape.kind != shapeAreas {
		t.Errorf("put right, the deck is named %q and the areas are not open:\n%s", got, f.dialogText())
	}
}

// A deck file imported as a new deck under the name of the deck it was
// exported from is refused in the Import form, which stays; under another
// name it is imported.
func TestATakenNameKeepsTheImportForm(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	path := filepath.Join(t.TempDir(), "client cards.json")
	if err := exportDeckFile(f.stored(s.DeckID()), path); err != nil {
		t.Fatal(err)
	}
	d, err := s.readDeckFile(path, s.template)
	s.askImport(path, d, err)
	name := f.field("4K data routines")
	f.tapDialogButton("Import")
	f.u.Refused(fmt.Sprintf("Import %d cards from client cards.json", len(d.Cards)), "already exists; choose another name")
	if name.Text != "4K data routines" || len(f.decks()) != 1 {
		t.Fatalf("after the refusal the name reads %q and the database holds %d decks", name.Text, len(f.decks()))
	}
	name.SetText("Client cards")
	f.tapDialogButton("Import")
	if id := f.deckNamed("Client cards"); id == "" || len(f.stored(id).Cards) != len(d.Cards) {
		t.Errorf("under another name the decks are %+v", f.decks())
	}
}
