package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/ui/internal/uitest"
)

// A second blind round on a card counts only the ratings made in it: it
// starts at "0 of 2 have rated", not at the first round's count.
func TestASecondBlindRoundStartsFromNone(t *testing.T) {
	f, _, _ := newBlindFixture(t, "Ara", "Bo")
	c := f.Win.Canvas()
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
	if said := screenText(f.Win); !strings.Contains(said, "1 of 2 has rated") {
		t.Errorf("after one participant of the second round:\n%s", said)
	}
}
