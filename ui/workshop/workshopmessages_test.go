package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// In Finnish, a refusal by the game's rules on the Workshop screen is the
// Finnish sentence, naming what has no name ("path") in Finnish too.
func TestRuleRefusalIsShownInFinnish(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "R10")
	ws.TypedRune('1')
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	// A new development path without a name: the rule's sentence
	// names what has none ("path") in Finnish too.
	ws.Detail.NewPath(ws.Session.Plays[0])
	uitest.Walk(f.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*kit.Field); ok {
			e.SetText("  ")
		}
	})
	f.TapDialogButton("Luo")
	if want := "Polku on nimetön"; !strings.Contains(f.DialogText(), want) {
		t.Errorf("the refusal over the form reads %q, want %q", f.DialogText(), want)
	}
	if len(f.Session(ws.Session.Workshop.ID).Paths) != 0 {
		t.Error("a path without a name was saved")
	}
}
