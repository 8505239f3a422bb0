package workshop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// heldExport is a store whose ExportWorkshop waits until released, or
// gives up after a while and says so: a screen that called it on the UI
// goroutine would have stood still meanwhile.
type heldExport struct {
	Store
	release chan struct{}
	gaveUp  *atomic.Bool
}

func (h heldExport) ExportWorkshop(ctx context.Context, id string, includeNames bool) (*game.File, error) {
	select {
	case <-h.release:
	case <-time.After(3 * time.Second):
		h.gaveUp.Store(true)
	}
	return h.Store.ExportWorkshop(ctx, id, includeNames)
}

// Exporting the workshop file reads the workshop and writes the file off
// the UI goroutine, behind a box that says so; only then is it said where
// the file went.
func TestExportRunsOffTheUIGoroutine(t *testing.T) {
	f, shown := newWorkshopFixture(t)
	held := heldExport{Store: f.Store, release: make(chan struct{}), gaveUp: &atomic.Bool{}}
	ws := New(f.App, f.Win, held)
	ws.Refresh(shown.Session.Workshop.ID)
	f.Win.SetContent(ws.Content())
	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	path := filepath.Join(t.TempDir(), "pilot.json")

	ws.ExportWorkshop()
	uitest.SaveNameField(t, f.Win.Canvas()).SetText(path)
	f.TapDialogButton("Save")
	if held.gaveUp.Load() {
		t.Fatal("the export was read on the UI goroutine: the tap waited for it")
	}
	if said := f.DialogText(); !strings.Contains(said, "Writing the workshop file…") {
		t.Errorf("while the file is written the window says %q", said)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the file was there before the store had read the workshop")
	}
	close(held.release)
	ui.Next(t, "the workshop file written")
	if said := f.DialogText(); !strings.Contains(said, "Wrote "+path) {
		t.Errorf("after the export the window says %q", said)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), `"Pilot"`) {
		t.Errorf("the file holds %.80q, %v; want the workshop", b, err)
	}
}
