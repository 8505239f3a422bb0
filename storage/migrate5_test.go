package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// testdata/schema-4.db was made by the schema 4 build: a workshop with two
// cards on the board, each rated and with a note; a note deleted by
// itself; then the second card (R03) taken off the board, which in schema
// 4 marked its rating and note deleted too. Schema 5 gives them back their
// own state: live, and out of sight while the card is off the board, so
// that putting the card back brings them back.
// copyFixture copies a fixture of testdata into a fresh folder, where a
// test may migrate it.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "deckhand.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrationToSchema5GivesRatingsAndNotesTheirOwnState(t *testing.T) {
	ctx := context.Background()
	path := copyFixture(t, "schema-4.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 4 fixture): %v", err)
	}
	defer s.Close()
	list, err := s.Workshops(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("Workshops = %+v, %v; want the fixture's one", list, err)
	}
	id := list[0].ID

	all, err := s.Session(ctx, id, true)
	if err != nil {
		t.Fatal(err)
	}
	var offBoard string
	for _, p := range all.Plays {
		if p.Code == "R03" && p.Deleted {
			offBoard = p.ID
		}
	}
	if offBoard == "" {
		t.Fatalf("the fixture's R03 is not a deleted play: %+v", all.Plays)
	}
	for _, r := range all.Ratings {
		if r.Deleted {
			t.Errorf("rating %s of play %s is still marked deleted after the migration", r.ID, r.PlayID)
		}
		if r.Updated.IsZero() || r.Updated.Before(r.At) {
			t.Errorf("rating %s: updated_at %v, made %v; want its time of change filled in", r.ID, r.Updated, r.At)
		}
	}
	deletedNotes := map[string]bool{}
	for _, n := range all.Notes {
		deletedNotes[n.Text] = n.Deleted
	}
	if want := map[string]bool{"about R01": false, "about R03, taken off with it": false, "deleted by itself": true}; len(deletedNotes) != len(want) {
		t.Errorf("notes after the migration: %v; want %v", deletedNotes, want)
	} else {
		for text, deleted := range want {
			if deletedNotes[text] != deleted {
				t.Errorf("note %q: deleted=%v after the migration; want %v", text, deletedNotes[text], deleted)
			}
		}
	}

	live, err := s.Session(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(live.Ratings) != 1 || len(live.Notes) != 1 || live.Notes[0].Text != "about R01" {
		t.Errorf("live workshop: %d ratings, notes %+v; want only R01's rating and note in sight", len(live.Ratings), live.Notes)
	}
	if err := s.RestorePlay(ctx, offBoard); err != nil {
		t.Fatal(err)
	}
	live, err = s.Session(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(live.Ratings) != 2 || len(live.Notes) != 2 {
		t.Errorf("after putting R03 back: %d ratings and %d notes in sight; want 2 and 2 (its own came back, the note deleted by itself did not)", len(live.Ratings), len(live.Notes))
	}
}
