package teamfolder

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// A database copied to a second laptop keeps the first one's device id, so
// both write the same file in the folder. Each must merge what the other
// put there before writing over it: both laptops end with both tables,
// and the status says that another laptop writes as this one.
func TestACopiedDatabaseLosesNothingOfTheOthersChanges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := newStore(t)
	id := newWorkshop(t, a, 7)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	copyDatabase(t, a, copyPath)
	b, err := storage.Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	da, _ := a.DeviceID(ctx)
	db, _ := b.DeviceID(ctx)
	if da != db {
		t.Fatalf("the copy has device %s, the original %s; the test needs one device id", db, da)
	}
	addTable(t, a, id, "Table typed on the first laptop")
	addTable(t, b, id, "Table typed on the copy")
	fa, fb := openFolder(t, a, dir, nil), openFolder(t, b, dir, nil)
	syncOnce(t, fa)
	syncOnce(t, fb)
	syncOnce(t, fa)
	for name, s := range map[string]*storage.Store{"first laptop": a, "copy": b} {
		f, err := s.Session(ctx, id, false)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, team := range f.Teams {
			names = append(names, team.Name)
		}
		got := strings.Join(names, ", ")
		for _, want := range []string{"Table typed on the first laptop", "Table typed on the copy"} {
			if !strings.Contains(got, want) {
				t.Errorf("the %s holds tables %s; want %q among them", name, got, want)
			}
		}
	}
	said := ""
	for _, p := range fb.Status().Problems {
		said += p.String()
	}
	if !strings.Contains(said, "another laptop writes as this one") {
		t.Errorf("the copy's status says %q; want it to say another laptop writes as this one", said)
	}
}

// copyDatabase copies s's database to path, as a person copying the file
// to a second laptop does: a checked copy, device id and all.
func copyDatabase(t *testing.T, s *storage.Store, path string) {
	t.Helper()
	if err := s.BackupTo(context.Background(), path); err != nil {
		t.Fatal(err)
	}
}

func addTable(t *testing.T, s *storage.Store, workshopID, name string) {
	t.Helper()
	if err := s.SaveTeam(context.Background(), workshopID, &game.Team{ID: cards.NewID(), Name: name, Position: 9}); err != nil {
		t.Fatal(err)
	}
}
