package workshop

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// Erasing runs off the UI goroutine: while it runs a box says so and
// another request is ignored; then the result is what it always said, and
// the workshop shown is the erased one.
func TestEraseRunsOffTheUIGoroutine(t *testing.T) {
	f := uitest.NewFixture(t)
	ws := New(f.App, f.Win, f.Store)
	f.Win.SetContent(ws.Content())
	uitest.TapButtonIn(t, ws.Empty, "Open the example workshop")
	// What the same erasure of the same workshop reports, on another
	// database.
	f2 := uitest.NewFixture(t)
	ws2 := New(f2.App, f2.Win, f2.Store)
	uitest.TapButtonIn(t, ws2.Empty, "Open the example workshop")
	r, err := f2.Store.EraseWorkshop(context.Background(), ws2.Session.Workshop.ID, false) // the dialog leaves the notes unless asked
	if err != nil || r.Participants == 0 || len(r.BackupsHolding) == 0 {
		t.Fatalf("the erasure on the other database: %+v, %v", r, err)
	}
	counted := func(n int, what string) string {
		if n == 1 {
			return "1 " + what
		}
		return fmt.Sprintf("%d %ss", n, what)
	}
	want := fmt.Sprintf("Erased %s and %s, and %s.", counted(r.Names, "name"), counted(r.Participants, "pseudonym"), counted(r.Notes, "note"))
	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do

	ws.eraseWorkshop()
	boxes := f.Win.Canvas().Overlays()
	f.TapDialogButton("Erase")
	// The UI goroutine is back before the erasure is done.
	if got := f.DialogText(); !strings.Contains(got, "Erasing personal data…") {
		t.Fatalf("while erasing the window shows %q", got)
	}
	shown := len(boxes.List())
	ws.eraseWorkshop()
	ws.erase(true)
	if n := len(boxes.List()); n != shown || !strings.Contains(f.DialogText(), "Erasing personal data…") {
		t.Errorf("a second request while erasing showed %d boxes, want %d; on top: %q", n, shown, f.DialogText())
	}
	ui.Next(t, "the erasure")
	ui.Idle(t, "a second erasure")
	got := f.DialogText()
	holding := fmt.Sprintf("%d backups made before still hold the data; delete them too:", len(r.BackupsHolding))
	if len(r.BackupsHolding) == 1 {
		holding = "1 backup made before still holds the data; delete it too:"
	}
	for _, want := range []string{want, holding,
		storage.BackupDir(f.Store.Path())} {
		if !strings.Contains(got, want) {
			t.Errorf("after the erasure the window says %q, want %q", got, want)
		}
	}
	if len(boxes.List()) != 1 {
		t.Errorf("%d boxes are shown after the erasure, want the result only", len(boxes.List()))
	}
	for _, p := range ws.Session.Participants {
		if p.Pseudonym != "(erased)" {
			t.Errorf("the screen shows participant %s still called %q", p.ID, p.Pseudonym)
		}
	}
}
