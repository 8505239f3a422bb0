package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"deckhand/ui/internal/uitest"
)

// Fix beside a preflight issue on the Print screen brings the Decks screen
// to the front with the card open in the editor: the wiring mainScreens
// makes between the two.
func TestFixOnThePrintScreenOpensTheCardOnDecks(t *testing.T) {
	f, m := newMainFixture(t, "en")
	ctx := context.Background()
	d := f.Stored(m.decks.DeckID())
	c := d.Cards[d.CardByCode("R05")].Clone()
	for lang := range c.Title {
		c.Title[lang] = "Dataportal 📊"
	}
	if err := f.Store.SaveCard(ctx, d.ID, &c); err != nil {
		t.Fatal(err)
	}
	m.decks.ShowCard(d.ID, "R01")
	m.showTab(1) // Print: preflight lists the card that cannot print
	fix := uitest.FindButton(m.printing.Content(), "Fix")
	if fix == nil {
		t.Fatal("the Print screen shows no Fix button")
	}
	test.Tap(fix)
	if m.tabs.SelectedIndex() != 0 || m.decks.Editor.Code.Text != "R05" {
		t.Errorf("after Fix the tab is %d and the editor shows %q; want Decks with R05", m.tabs.SelectedIndex(), m.decks.Editor.Code.Text)
	}
}
