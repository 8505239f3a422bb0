package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// "results --all", written a workshop at a time, writes the bytes of the
// whole document made from every workshop's file at once, in both
// formats and with a filter.
func TestResultsAllWritesWhatTheWholeFilesGive(t *testing.T) {
	clearLocale(t, nil) // "," between cells
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "d.db")
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := storagetest.SeedDefaultDeck(s); err != nil {
		t.Fatal(err)
	}
	if err := storagetest.FillWorkshops(ctx, s, 8, 5, nil); err != nil {
		t.Fatal(err)
	}
	list, err := s.Workshops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	client := list[3].Client
	for _, filter := range []game.Filter{{}, {Client: client}} {
		var files []*game.File
		for _, w := range list {
			if filter.Match(&game.Workshop{Client: w.Client, Sector: w.Sector, Date: w.Date}) {
				f, err := s.Session(ctx, w.ID, false)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
		}
		var csv, doc bytes.Buffer
		if err := game.WriteResultsCSV(&csv, files, true, game.Comma); err != nil {
			t.Fatal(err)
		}
		whole := resultsAllJSON{Cards: game.Compare(files, filter)}
		for _, f := range files {
			whole.Workshops = append(whole.Workshops, game.Results(f).WithoutDeck())
		}
		if err := writeJSONTo(&doc, whole); err != nil {
			t.Fatal(err)
		}
		for format, want := range map[string]string{"csv": csv.String(), "json": doc.String()} {
			var out, errOut bytes.Buffer
			e := &env{ctx: ctx, stdout: &out, stderr: &errOut, store: s}
			if err := runResults(e, []string{"--all", "--format", format, "--client", filter.Client}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if out.String() != want {
				t.Errorf("--all --format %s --client %q writes %d bytes that differ from the whole document's %d", format, filter.Client, out.Len(), len(want))
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
