package ui

import (
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"

	"fyne.io/fyne/v2"
)

// In Finnish, the sentences that come from the core packages are shown in
// Finnish: a deck problem in the card editor, a refusal by the game's rules
// on the Workshop screen (a preflight issue on the Print screen:
// print/printmessages_test.go). Each is
// the widget's own text, with the data (a language's name, a criterion, a
// code, the character) left as it is.
func TestCoreMessagesAreShownInFinnish(t *testing.T) {
	t.Run("deck problem", func(t *testing.T) {
		uitest.UseLanguage(t, "fi")
		f := newFixture(t)
		s := f.screen
		f.selectCardByCode("R03")
		s.editor.titles["sv"].SetText("")
		if s.editor.SaveNow() {
			t.Fatal("a card without its Swedish title was saved")
		}
		if want := "Ei vielä tallennettu: otsikko kielellä Svenska on tyhjä"; s.editor.status.Text != want {
			t.Errorf("editor status = %q, want %q", s.editor.status.Text, want)
		}
	})

	t.Run("rule refusal", func(t *testing.T) {
		uitest.UseLanguage(t, "fi")
		f, ws := newWorkshopFixture(t)
		typeCode(ws, "R10")
		ws.TypedRune('1')
		ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		// A new development path without a name: the rule's sentence
		// names what has none ("path") in Finnish too.
		ws.detail.newPath(ws.session.Plays[0])
		uitest.Walk(f.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if e, ok := o.(*kit.Field); ok {
				e.SetText("  ")
			}
		})
		f.tapDialogButton("Luo")
		if want := "Ei tallennettu: Polku on nimetön"; ws.saved.Text != want {
			t.Errorf("saved = %q, want %q", ws.saved.Text, want)
		}
		if len(session(t, f, ws).Paths) != 0 {
			t.Error("a path without a name was saved")
		}
	})
}
