package decks

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Enter in the search opens the one card it found; with several found it
// opens none.
func TestEnterInTheSearchOpensTheOnlyHit(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	f.selectCardByCode("R05")
	test.Type(s.Cards.Search, "R1")
	s.Cards.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.Editor.Code.Text != "R05" {
		t.Errorf("Enter with several hits opened %s", s.Editor.Code.Text)
	}
	s.Cards.Search.SetText("R17")
	s.Cards.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.Editor.Code.Text != "R17" {
		t.Errorf("Enter with the one hit R17 left the editor on %s", s.Editor.Code.Text)
	}
}
