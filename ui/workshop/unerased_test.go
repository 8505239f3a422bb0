package workshop

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/ui/kit"
)

// A participant seated on this laptop before another laptop's erasure
// reached it, and which that laptop had not seen, is kept: the merge that
// brings the erasure says so, with the erasure's time and what to do.
func TestMergedErasureSaysWhatItKept(t *testing.T) {
	ctx := context.Background()
	f1, ws1 := newWorkshopFixture(t)
	mustDo(t, f1.Store.SaveParticipant(ctx, ws1.Session.Workshop.ID,
		&game.Participant{TeamID: ws1.TeamID, Pseudonym: "Erased later"}))
	f2, ws2, _ := secondLaptop(t, ws1)
	mustDo(t, f2.Store.SaveParticipant(ctx, ws1.Session.Workshop.ID,
		&game.Participant{TeamID: ws1.TeamID, Pseudonym: "Seated meanwhile"}))

	if _, err := f1.Store.EraseWorkshop(ctx, ws1.Session.Workshop.ID, false); err != nil {
		t.Fatal(err)
	}
	erasures, err := f1.Store.Erasures(ctx, ws1.Session.Workshop.ID)
	mustDo(t, err)
	after := filepath.Join(t.TempDir(), "after.json")
	mustDo(t, ws1.writeWorkshopFile(after))
	file, _, err := ws2.previewWorkshopFile(after)
	mustDo(t, err)
	r := ws2.merge(file)
	ws2.showMerge(r)
	if r.err != nil {
		t.Fatal(r.err)
	}
	text := f2.DialogText()
	for _, want := range []string{
		"1 name or note was recorded on a laptop that had not yet received the erasure of " + kit.When(erasures[0]) + ", and the erasing laptop had not seen it, so it is kept.",
		"If that was before the erasure, erase this workshop's personal data again.",
		"The file carried an erasure of this workshop's personal data; it is erased here now.",
		"1 backup made before still holds the data; delete it too:\n" + r.backup} {
		if !strings.Contains(text, want) {
			t.Errorf("the merge's result lacks %q:\n%s", want, text)
		}
	}
}
