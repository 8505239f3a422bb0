package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/storage"
)

// A participant seated on laptop 2 before laptop 1's erasure reached it,
// and that laptop 1 had not seen, is kept; the import that brings the
// erasure to laptop 2 says so, and how to erase it.
func TestWorkshopImportSaysWhatIsKeptBesideAnErasure(t *testing.T) {
	laptop1, laptop2, out := twoLaptops(t)
	if strings.Contains(out, "kept") {
		t.Fatalf("import on laptop 2: %s", out)
	}
	s, err := storage.Open(laptop2)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ws, err := s.Workshops(ctx)
	if err != nil || len(ws) != 1 {
		t.Fatalf("workshops on laptop 2: %v %v", ws, err)
	}
	f, err := s.Session(ctx, ws[0].ID, false)
	if err != nil {
		t.Fatal(err)
	}
	err = s.SaveParticipant(ctx, ws[0].ID, &game.Participant{TeamID: f.Teams[0].ID, Pseudonym: "Seated meanwhile"})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}

	if code, out, errOut := run(t, laptop1, "erase", "--workshop", exampleTitle); code != ExitOK {
		t.Fatalf("erase on laptop 1: %s %s", out, errOut)
	}
	file := filepath.Join(filepath.Dir(laptop1), "after.json")
	if code, out, errOut := run(t, laptop1, "workshop", "export", "--workshop", exampleTitle, "-o", file); code != ExitOK {
		t.Fatalf("export after the erasure: %s %s", out, errOut)
	}
	code, out, errOut := run(t, laptop2, "workshop", "import", file)
	if code != ExitOK {
		t.Fatalf("the erasure's import on laptop 2: %d %s %s", code, out, errOut)
	}
	want := "1 name or note was recorded on a laptop that had not yet received the erasure of "
	if !strings.Contains(out, want) || !strings.Contains(out, "deckhand erase --workshop") {
		t.Errorf("the import says:\n%s\nwant %q and how to erase again", out, want)
	}
}
