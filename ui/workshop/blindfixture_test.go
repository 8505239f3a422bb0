package workshop

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// newBlindFixture is the Workshop screen with the window's keys bound, the
// named participants at the first table, and R07 placed there in the
// second area without a team rating, selected, for a blind round on it.
func newBlindFixture(t *testing.T, names ...string) (*uitest.Fixture, *Screen, map[string]*game.Participant) {
	t.Helper()
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	people := map[string]*game.Participant{}
	for _, name := range names {
		p := &game.Participant{TeamID: ws.TeamID, Pseudonym: name}
		if err := f.Store.SaveParticipant(context.Background(), ws.Session.Workshop.ID, p); err != nil {
			t.Fatal(err)
		}
		people[name] = p
	}
	ws.reload()
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R07")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "2")
	uitest.PressInWindow(c, fyne.KeyEscape) // no team rating
	return f, ws, people
}
