package decks

import (
	"testing"

	"deckhand/ui/internal/uitest"
)

// In Finnish, the sentences that come from the core packages are shown in
// Finnish: a deck problem in the card editor, a refusal by the game's rules
// on the Workshop screen (workshop/workshopmessages_test.go), a preflight
// issue on the Print screen (print/printmessages_test.go). Each is
// the widget's own text, with the data (a language's name, a criterion, a
// code, the character) left as it is.
func TestCoreMessagesAreShownInFinnish(t *testing.T) {
	t.Run("deck problem", func(t *testing.T) {
		uitest.UseLanguage(t, "fi")
		f := newFixture(t)
		s := f.screen
		f.selectCardByCode("R03")
		s.Editor.Titles["sv"].SetText("")
		if f.saveCard() {
			t.Fatal("a card without its Swedish title was saved")
		}
		if want := "Ei vielä tallennettu: otsikko kielellä Svenska on tyhjä"; s.Editor.status.Text != want {
			t.Errorf("editor status = %q, want %q", s.Editor.status.Text, want)
		}
	})
}
