package workshop

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// An erasure that reaches this laptop in a merged file erases the data
// here, but not in this laptop's backups: the merge's result names those
// that hold it (the one the merge took first, one made after the workshop
// came), as the erase dialog does, and not the one made before it came.
func TestMergedErasureNamesTheBackupsHoldingTheData(t *testing.T) {
	ctx := context.Background()
	f1, ws1 := newWorkshopFixture(t)
	mustDo(t, f1.Store.SaveParticipant(ctx, ws1.Session.Workshop.ID,
		&game.Participant{TeamID: ws1.TeamID, Pseudonym: "Kvarnsten"}))
	f2, ws2, first := secondLaptop(t, ws1) // its first backup was taken before the workshop came
	if first.err != nil || f2.DialogText() != "" {
		t.Fatalf("the first merge: %v; it shows the dialog %q", first.err, f2.DialogText())
	}
	afterData, err := f2.Store.Backup(ctx, storage.BackupDir(f2.Store.Path()))
	mustDo(t, err)

	if _, err := f1.Store.EraseWorkshop(ctx, ws1.Session.Workshop.ID, false); err != nil {
		t.Fatal(err)
	}
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
	for _, want := range []string{"The file carried an erasure of this workshop's personal data; it is erased here now.",
		"2 backups made before still hold the data; delete them too:", r.backup, afterData} {
		if !strings.Contains(text, want) {
			t.Errorf("the merge's result lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, first.backup) {
		t.Errorf("the merge's result names %s, made before the workshop came:\n%s", first.backup, text)
	}
}

// secondLaptop is another laptop's Workshop screen, which has merged the
// file of ws1's workshop, and that merge's result.
func secondLaptop(t *testing.T, ws1 *Screen) (*uitest.Fixture, *Screen, mergeResult) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "before.json")
	mustDo(t, ws1.writeWorkshopFile(path))
	f2 := uitest.NewFixture(t)
	ws2 := New(f2.App, f2.Win, f2.Store)
	f2.Win.SetContent(ws2.Content())
	file, _, err := ws2.previewWorkshopFile(path)
	mustDo(t, err)
	r := ws2.merge(file)
	ws2.showMerge(r)
	return f2, ws2, r
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
