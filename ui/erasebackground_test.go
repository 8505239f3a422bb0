package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"deckhand/storage"
)

// Erasing runs off the UI goroutine: while it runs a box says so and
// another request is ignored; then the result is what it always said, and
// the workshop shown is the erased one.
func TestEraseRunsOffTheUIGoroutine(t *testing.T) {
	f := newFixture(t)
	ws := NewWorkshopScreen(f.screen.app, f.win, f.store)
	f.win.SetContent(ws.Content())
	tapButtonIn(t, ws.empty, "Open the example workshop")
	// What the same erasure of the same workshop reports, on another
	// database.
	f2 := newFixture(t)
	ws2 := NewWorkshopScreen(f2.screen.app, f2.win, f2.store)
	tapButtonIn(t, ws2.empty, "Open the example workshop")
	r, err := f2.store.EraseWorkshop(context.Background(), ws2.session.Workshop.ID, false) // the dialog leaves the notes unless asked
	if err != nil || r.Participants == 0 || len(r.BackupsHolding) == 0 {
		t.Fatalf("the erasure on the other database: %+v, %v", r, err)
	}
	want := fmt.Sprintf("Erased %d names and %d pseudonyms, and %d notes.", r.Names, r.Participants, r.Notes)
	ui := newUIQueue()
	ws.toUI = ui.do

	ws.eraseWorkshop()
	boxes := f.win.Canvas().Overlays()
	f.tapDialogButton("Erase")
	// The UI goroutine is back before the erasure is done.
	if got := f.dialogText(); !strings.Contains(got, "Erasing personal data…") {
		t.Fatalf("while erasing the window shows %q", got)
	}
	shown := len(boxes.List())
	ws.eraseWorkshop()
	ws.erase(true)
	if n := len(boxes.List()); n != shown || !strings.Contains(f.dialogText(), "Erasing personal data…") {
		t.Errorf("a second request while erasing showed %d boxes, want %d; on top: %q", n, shown, f.dialogText())
	}
	ui.next(t, "the erasure")
	ui.idle(t, "a second erasure")
	got := f.dialogText()
	holding := fmt.Sprintf("%d backups made before still hold the data; delete them too:", len(r.BackupsHolding))
	if len(r.BackupsHolding) == 1 {
		holding = "1 backup made before still holds the data; delete it too:"
	}
	for _, want := range []string{want, holding,
		storage.BackupDir(f.store.Path())} {
		if !strings.Contains(got, want) {
			t.Errorf("after the erasure the window says %q, want %q", got, want)
		}
	}
	if len(boxes.List()) != 1 {
		t.Errorf("%d boxes are shown after the erasure, want the result only", len(boxes.List()))
	}
	for _, p := range ws.session.Participants {
		if p.Pseudonym != "(erased)" {
			t.Errorf("the screen shows participant %s still called %q", p.ID, p.Pseudonym)
		}
	}
}
