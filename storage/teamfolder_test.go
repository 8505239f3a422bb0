package storage_test

import (
	"context"
	"path/filepath"
	"testing"
)

// A workshop's signature moves with every change that changes its file:
// a save, a delete, an erasure (which marks Erased), and a merge that
// brings something new; a merge that brings nothing leaves it, and so
// does a change to another workshop.
func TestWorkshopChangesMoveWithTheFile(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "deckhand.db"))
	w, teams := newWorkshop(t, s, defaultDeck(t), "Signatures")
	other, _ := newWorkshop(t, s, defaultDeck(t), "Other")
	before, _ := s.WorkshopChanges(ctx)
	count, _ := s.ChangeCount(ctx)
	if again, _ := s.ChangeCount(ctx); again != count {
		t.Fatalf("ChangeCount moved with no change: %d, %d", count, again)
	}
	p := play(teams[0].ID, "R01", "collection", 0)
	if err := s.SavePlay(ctx, w.ID, p); err != nil {
		t.Fatal(err)
	}
	after, _ := s.WorkshopChanges(ctx)
	if moved, _ := s.ChangeCount(ctx); moved == count {
		t.Fatal("ChangeCount did not move with a save")
	}
	if after[w.ID] == before[w.ID] || after[w.ID].Rows != before[w.ID].Rows+1 {
		t.Fatalf("a play laid: %+v then %+v; want one row more", before[w.ID], after[w.ID])
	}
	if after[other.ID] != before[other.ID] {
		t.Fatal("the other workshop's signature moved")
	}
	if err := s.DeletePlay(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	deleted, _ := s.WorkshopChanges(ctx)
	if deleted[w.ID] == after[w.ID] || !deleted[w.ID].Erased.IsZero() {
		t.Fatalf("a play taken off: %+v then %+v", after[w.ID], deleted[w.ID])
	}
	// A merge of the workshop's own file brings nothing.
	f, err := s.ExportWorkshop(ctx, w.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportWorkshop(ctx, f); err != nil {
		t.Fatal(err)
	}
	if merged, _ := s.WorkshopChanges(ctx); merged[w.ID] != deleted[w.ID] {
		t.Fatalf("a merge that brought nothing moved the signature: %+v then %+v", deleted[w.ID], merged[w.ID])
	}
	if _, err := s.EraseWorkshop(ctx, w.ID, false); err != nil {
		t.Fatal(err)
	}
	erased, _ := s.WorkshopChanges(ctx)
	if erased[w.ID].Erased.IsZero() || erased[w.ID] == deleted[w.ID] {
		t.Fatalf("after an erasure: %+v; want Erased set", erased[w.ID])
	}
	if err := s.DeleteWorkshop(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if gone, _ := s.WorkshopChanges(ctx); gone[other.ID] == erased[other.ID] {
		t.Fatal("a deleted workshop's signature did not move: its tombstone must be written")
	}
}
