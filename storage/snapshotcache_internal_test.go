package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// The store keeps the deck snapshots of the few workshops read last, not
// of every workshop ever read: a pass over thousands would hold them all.
func TestSnapshotCacheHoldsTheWorkshopsReadLast(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "deckhand.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedDefaultDeck(ctx, d); err != nil {
		t.Fatal(err)
	}
	var last string
	for i := range snapshotsCached + 5 {
		w := &game.Workshop{Title: fmt.Sprintf("Workshop %d", i), Date: "2026-03-14", Language: "en", Deck: d.Clone()}
		if err := s.CreateWorkshop(ctx, w, []game.Team{{Name: "Tiger"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, w.ID, false); err != nil {
			t.Fatal(err)
		}
		last = w.ID
	}
	s.snapMu.Lock()
	held, lastHeld := len(s.snapshots), s.snapshots[last] != nil
	s.snapMu.Unlock()
	if held > snapshotsCached || !lastHeld {
		t.Errorf("the store holds %d snapshots (at most %d), the last read's: %v", held, snapshotsCached, lastHeld)
	}
}
