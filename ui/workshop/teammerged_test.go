package workshop

import (
	"context"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
)

// Two laptops share a workshop through a team folder: a card laid on one,
// once the folder has merged its file on the other, is on the other's
// board at once, on the same table, and the status line there says what
// came and from which laptop. A card laid on a laptop tells the folder,
// so that it writes the workshop after its pause.
func TestACardLaidOnAnotherLaptopIsOnTheBoardOnceTheFolderMergedIt(t *testing.T) {
	ctx := context.Background()
	f1, ws1 := newWorkshopFixture(t)
	saves := 0
	ws1.OnSaved = func() { saves++ }
	id := ws1.Session.Workshop.ID
	f2, ws2 := newWorkshopFixture(t)
	file, err := f1.Store.ExportWorkshop(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f2.Store.ImportWorkshop(ctx, file); err != nil {
		t.Fatal(err)
	}
	ws2.Refresh(id)
	table := ws2.TeamID
	if ws1.TeamID != table {
		t.Fatalf("the two laptops show tables %s and %s; the test needs one", ws1.TeamID, table)
	}
	typeCode(ws1, "R07")
	ws1.TypedRune('1')
	if saves == 0 {
		t.Fatal("laying a card did not tell the team folder")
	}

	// What the folder does on the second laptop: merge the first's file.
	file, err = f1.Store.ExportWorkshop(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f2.Store.ImportWorkshop(ctx, file); err != nil {
		t.Fatal(err)
	}
	device, err := f1.Store.DeviceID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ui := uitest.NewUIQueue()
	ws2.ToUI = ui.Do
	ws2.TeamMerged([]string{id}, map[string]string{device: "Annas laptop"})
	ui.Next(t, "the merged workshop read")
	if ws2.TeamID != table {
		t.Errorf("after the merge the second laptop shows table %s; want %s, as before", ws2.TeamID, table)
	}
	laid := false
	for _, p := range ws2.Session.Plays {
		laid = laid || (p.Code == "R07" && p.TeamID == table)
	}
	if !laid {
		t.Fatalf("after the merge the second laptop's board has no R07: %+v", ws2.Session.Plays)
	}
	said := ws2.saved.Text
	for _, want := range []string{"Team folder", "1 card laid", "from Annas laptop"} {
		if !strings.Contains(said, want) {
			t.Errorf("the status line says %q; want it to hold %q", said, want)
		}
	}
}
