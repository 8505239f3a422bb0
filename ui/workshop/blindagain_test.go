package workshop

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// A second blind round on a card counts only the ratings made in it: it
// starts at "0 of 2 have rated", not at the first round's count.
func TestASecondBlindRoundStartsFromNone(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	id := ws.Session.Workshop.ID
	for _, name := range []string{"Ara", "Bo"} {
		if err := f.Store.SaveParticipant(context.Background(), id, &game.Participant{TeamID: ws.TeamID, Pseudonym: name}); err != nil {
			t.Fatal(err)
		}
	}
	ws.reload()
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R07")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "2")
	uitest.PressInWindow(c, fyne.KeyEscape)
	round := func() {
		pressShortcut(c, fyne.KeyB)
		for _, typed := range []string{"14352", "22215"} {
			uitest.TypeInWindow(c, typed)
		}
		pressShortcut(c, fyne.KeyR) // revealed
	}
	round()
	pressShortcut(c, fyne.KeyB) // the second round
	if said := screenText(f.Win); !strings.Contains(said, "0 of 2 have rated") {
		t.Errorf("the second round does not start from none:\n%s", said)
	}
	uitest.TypeInWindow(c, "13333")
	if said := screenText(f.Win); !strings.Contains(said, "1 of 2 have rated") {
		t.Errorf("after one participant of the second round:\n%s", said)
	}
}
