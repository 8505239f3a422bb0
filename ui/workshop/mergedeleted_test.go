package workshop

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
)

// A file that carries the deletion of a workshop this laptop never had
// deletes nothing here, and the merge does not say it deleted one: the
// screen keeps its own workshop and says what the file carried.
func TestAMergedDeletionOfAWorkshopNeverHereDeletesNothing(t *testing.T) {
	f1, ws1 := newWorkshopFixture(t)
	ctx := context.Background()
	id := ws1.Session.Workshop.ID
	if err := f1.Store.DeleteWorkshop(ctx, id); err != nil {
		t.Fatal(err)
	}
	file, err := f1.Store.ExportWorkshop(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	_, ws2 := newWorkshopFixture(t) // another laptop, with a workshop of its own
	own := ws2.Session.Workshop.ID
	r := ws2.merge(file)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.deleted != "" {
		t.Errorf("the merge says it deleted %q, a workshop this laptop never had", r.deleted)
	}
	ws2.showMerge(r)
	if ws2.Session == nil || ws2.Session.Workshop.ID != own {
		t.Error("after the merge the laptop's own workshop is not shown")
	}
	if !strings.Contains(ws2.saved.Text, "not live here") {
		t.Errorf("the status line says %q", ws2.saved.Text)
	}
}

// The question before merging a file that carries a workshop's deletion
// says that the merge deletes the whole workshop here, not only how many
// records it touches; an ordinary file is asked about by its counts.
func TestTheMergeQuestionSaysAFileDeletesTheWorkshop(t *testing.T) {
	f1, ws1 := newWorkshopFixture(t)
	ctx := context.Background()
	id := ws1.Session.Workshop.ID
	live := filepath.Join(t.TempDir(), "live.json")
	if err := ws1.writeWorkshopFileOf(id, live); err != nil {
		t.Fatal(err)
	}
	if err := f1.Store.DeleteWorkshop(ctx, id); err != nil {
		t.Fatal(err)
	}
	deletion := filepath.Join(t.TempDir(), "deletion.json")
	if err := ws1.writeWorkshopFileOf(id, deletion); err != nil {
		t.Fatal(err)
	}
	f2, ws2 := newWorkshopFixture(t)
	ui := uitest.NewUIQueue()
	ws2.ToUI = ui.Do
	for _, c := range []struct{ path, says string }{
		{live, "the file adds"},
		{deletion, "deletes the whole workshop here too"},
	} {
		ws2.askMerge(c.path)
		ui.Next(t, "the file read")
		if said := f2.DialogText(); !strings.Contains(said, c.says) {
			t.Errorf("merging %s the question reads %q; want it to say %q", filepath.Base(c.path), said, c.says)
		}
		f2.TapDialogButton("No")
	}
}
