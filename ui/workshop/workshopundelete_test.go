package workshop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// recordStates are whether each record of a workshop is deleted, by kind
// and id, tombstones included, as the database holds them.
func recordStates(t *testing.T, f *uitest.Fixture, id string) map[string]bool {
	t.Helper()
	s, err := f.Store.Session(context.Background(), id, true)
	if err != nil {
		t.Fatalf("the workshop is not live: %v", err)
	}
	out := map[string]bool{}
	for _, r := range s.Teams {
		out["team "+r.ID] = r.Deleted
	}
	for _, r := range s.Participants {
		out["participant "+r.ID] = r.Deleted
	}
	for _, r := range s.Plays {
		out["play "+r.ID] = r.Deleted
	}
	for _, r := range s.Ratings {
		out["rating "+r.ID] = r.Deleted
	}
	for _, r := range s.Notes {
		out["note "+r.ID] = r.Deleted
	}
	return out
}

// fullWorkshop gives the fixture's workshop cards, a rating, a note and
// a participant, and one card taken off again.
func fullWorkshop(t *testing.T, f *uitest.Fixture, ws *Screen) {
	t.Helper()
	lay(t, f, ws, "R01", '1')
	gone := lay(t, f, ws, "R02", '1')
	ws.removePlay(gone.ID)
	ws.SelectPlay("")
	ws.Detail.NoteText.SetText("Ledningen vill ha en kvartalsrapport")
	ws.Detail.addNote()
	p := &game.Participant{TeamID: ws.TeamID, Pseudonym: "Uggla", Role: "nattrevisor"}
	if err := f.Store.SaveParticipant(context.Background(), ws.Session.Workshop.ID, p); err != nil {
		t.Fatal(err)
	}
	ws.reload()
}

// deleteShown deletes the workshop shown through its question and waits
// for the deletion to be done.
func deleteShown(t *testing.T, f *uitest.Fixture, ws *Screen, queue uitest.UIQueue) {
	t.Helper()
	ws.DeleteWorkshop()
	f.TapDialogButton("Delete")
	queue.Next(t, "the deletion")
}

// Ctrl+Z after deleting a workshop brings it back with every record as
// it was, and shows it; Ctrl+Y deletes it again.
func TestCtrlZBringsADeletedWorkshopBack(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	id := ws.Session.Workshop.ID
	fullWorkshop(t, f, ws)
	before := recordStates(t, f, id)
	queue := uitest.NewUIQueue()
	ws.ToUI = queue.Do

	deleteShown(t, f, ws, queue)
	if !strings.Contains(ws.saved.Text, "Ctrl+Z") {
		t.Errorf("after the deletion the status line says %q; want it to offer Ctrl+Z", ws.saved.Text)
	}
	f.TapDialogButton("Close")
	if ws.Session != nil {
		t.Fatal("the deleted workshop is still shown")
	}
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := recordStates(t, f, id); !reflect.DeepEqual(got, before) {
		t.Errorf("after Ctrl+Z the records are %v; want as before %v", got, before)
	}
	if ws.Session == nil || ws.Session.Workshop.ID != id || len(ws.Session.Plays) != 1 {
		t.Fatalf("after Ctrl+Z the screen does not show the workshop again")
	}
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	if _, err := f.Store.Session(context.Background(), id, false); !errors.Is(err, storage.ErrNotFound) || ws.Session != nil {
		t.Errorf("Ctrl+Y did not delete the workshop again: %v, shown %v", err, ws.Session != nil)
	}
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := recordStates(t, f, id); !reflect.DeepEqual(got, before) {
		t.Errorf("after Ctrl+Z again the records are %v; want as before %v", got, before)
	}
}

// The dialog after a deletion restores the workshop with one button, when
// another workshop was shown after it; Ctrl+Z in the code box of that one
// undoes its own change first, then the deletion.
func TestTheDeletedDialogRestoresAndCtrlZReachesTheDeletion(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	fullWorkshop(t, f, ws)
	before := recordStates(t, f, id)
	deck := f.Stored(f.DefaultDeckID())
	other := &game.Workshop{Title: "Andra", Date: "2026-03-11", Language: "sv", Deck: deck}
	if err := f.Store.CreateWorkshop(context.Background(), other, []game.Team{{Name: "Bord A"}}); err != nil {
		t.Fatal(err)
	}
	queue := uitest.NewUIQueue()
	ws.ToUI = queue.Do

	deleteShown(t, f, ws, queue)
	if ws.Session == nil || ws.Session.Workshop.ID != other.ID {
		t.Fatal("after the deletion the other workshop is not shown")
	}
	f.TapDialogButton("Restore")
	if got := recordStates(t, f, id); !reflect.DeepEqual(got, before) {
		t.Errorf("after Restore the records are %v; want as before %v", got, before)
	}
	if ws.Session == nil || ws.Session.Workshop.ID != id {
		t.Fatal("after Restore the workshop is not shown")
	}

	deleteShown(t, f, ws, queue)
	f.TapDialogButton("Close")
	lay(t, f, ws, "R05", '1')
	ws.Code.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	if n := len(f.Session(other.ID).Plays); n != 0 || ws.Session.Workshop.ID != other.ID {
		t.Fatalf("the first Ctrl+Z left %d cards on the other workshop", n)
	}
	ws.Code.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	if got := recordStates(t, f, id); !reflect.DeepEqual(got, before) || ws.Session.Workshop.ID != id {
		t.Errorf("the second Ctrl+Z left %v, shown %q; want the workshop back as before", got, ws.Session.Workshop.Title)
	}
}

// menuItems opens the ⋮ menu, runs shown while it is open (nil: nothing),
// closes it and gives its items.
func menuItems(t *testing.T, f *uitest.Fixture, ws *Screen, shown func()) []string {
	t.Helper()
	uitest.Walk(ws.top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.MoreVerticalIcon() {
			test.Tap(b)
		}
	})
	if shown != nil {
		shown()
	}
	var items []string
	uitest.Walk(f.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if text, ok := o.(*canvas.Text); ok {
			items = append(items, text.Text)
		}
	})
	f.Win.Canvas().Overlays().Top().Hide()
	f.Win.Canvas().Overlays().Remove(f.Win.Canvas().Overlays().Top())
	return items
}

// The Workshop menu lists the deleted workshops long after the deletion:
// each exports its deletion again, a file without its people, tables or
// notes, and restores it; one known here by a merged deletion alone says
// so and cannot be restored.
func TestDeletedWorkshopsAreListedToExportOrRestore(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	ctx := context.Background()
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	fullWorkshop(t, f, ws)
	before := recordStates(t, f, id)
	if items := menuItems(t, f, ws, nil); !slices.Contains(items, "Deleted workshops…") {
		t.Fatalf("the ⋮ menu has no Deleted workshops…: %q", items)
	}
	// A workshop of another laptop, of which only the deletion came here.
	other, ws2 := newWorkshopFixture(t)
	theirs := ws2.Session.Workshop.ID
	if err := other.Store.DeleteWorkshop(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	tomb, err := other.Store.ExportWorkshop(ctx, theirs, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Store.ImportWorkshop(ctx, tomb); err != nil {
		t.Fatal(err)
	}
	queue := uitest.NewUIQueue()
	ws.ToUI = queue.Do
	deleteShown(t, f, ws, queue)
	f.TapDialogButton("Close")

	d := ws.ShowDeletedWorkshops()
	text := f.DialogText()
	if d == nil || len(d.exports) != 2 || !strings.Contains(text, "Pilot, deleted") || !strings.Contains(text, "only its deletion") {
		t.Fatalf("the list of deleted workshops says %q", text)
	}
	restores := 0
	uitest.Walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*kit.DialogButton); ok && b.Text == "Restore" && !b.Disabled() {
			restores++
		}
	})
	if restores != 1 {
		t.Errorf("%d Restore buttons can be pressed; want only the one of the workshop that was here", restores)
	}

	path := filepath.Join(t.TempDir(), "deletion.json")
	d.exports[id].OnTapped()
	uitest.SaveNameField(t, c).SetText(path)
	f.TapDialogButton("Save")
	queue.Next(t, "the export")
	if !strings.Contains(f.DialogText(), path) {
		t.Fatalf("after saving the deletion the screen says %q", f.DialogText())
	}
	f.TapDialogButton("OK")
	written, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, private := range []string{"Bord 1", "Bord 2", "Uggla", "nattrevisor", "Ledningen vill ha en kvartalsrapport", "Acme Oy"} {
		if strings.Contains(string(written), private) {
			t.Errorf("the exported deletion holds %q", private)
		}
	}
	read, err := game.ReadFile(strings.NewReader(string(written)))
	if err != nil || !read.Workshop.Deleted || read.Workshop.ID != id {
		t.Fatalf("the exported deletion reads as %+v, %v", read, err)
	}

	d.restores[id].OnTapped()
	if got := recordStates(t, f, id); !reflect.DeepEqual(got, before) {
		t.Errorf("after Restore in the list the records are %v; want as before %v", got, before)
	}
	if ws.Session == nil || ws.Session.Workshop.ID != id || kit.OverlayShown(c) {
		t.Error("after Restore in the list the workshop is not shown")
	}
}
