package workshop

import (
	"context"
	"strings"
	"testing"
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
