package storage_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"deckhand/storage"
)

// changeCard makes one card change: a new title for R40.
func changeCard(t *testing.T, s *storage.Store, deckID string) {
	t.Helper()
	c := cardByCode(t, mustDeck(t, s, deckID), "R40")
	c.Title["en"] += "!"
	if err := s.SaveCard(context.Background(), deckID, &c); err != nil {
		t.Fatal(err)
	}
}

// printAndChange prints the deck and then changes a card, times times.
func printAndChange(t *testing.T, s *storage.Store, deckID string, times int) {
	t.Helper()
	for range times {
		if err := s.MarkPrinted(context.Background(), deckID); err != nil {
			t.Fatal(err)
		}
		changeCard(t, s, deckID)
	}
}

func TestEditionRule(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	deleted := cardByCode(t, d, "R07").ID
	steps := []struct {
		name    string
		do      func() error
		edition int
	}{
		{"save before any print", func() error { changeCard(t, s, d.ID); return nil }, 1},
		{"save again", func() error { changeCard(t, s, d.ID); return nil }, 1},
		{"print", func() error { return s.MarkPrinted(ctx, d.ID) }, 1},
		{"first save after the print", func() error { changeCard(t, s, d.ID); return nil }, 2},
		{"second save after the print", func() error { changeCard(t, s, d.ID); return nil }, 2},
		{"delete a card", func() error { return s.DeleteCard(ctx, d.ID, deleted) }, 2},
		{"print again", func() error { return s.MarkPrinted(ctx, d.ID) }, 2},
		{"save after the second print", func() error { changeCard(t, s, d.ID); return nil }, 3},
		{"print a third time", func() error { return s.MarkPrinted(ctx, d.ID) }, 3},
		{"restore a card after a print", func() error { return s.RestoreCard(ctx, d.ID, deleted) }, 4},
		{"print a fourth time", func() error { return s.MarkPrinted(ctx, d.ID) }, 4},
		{"delete a card after a print", func() error { return s.DeleteCard(ctx, d.ID, deleted) }, 5},
		{"print a fifth time", func() error { return s.MarkPrinted(ctx, d.ID) }, 5},
		{"update the deck after a print", func() error {
			deck := mustDeck(t, s, d.ID)
			deck.Description["en"] = "New back text."
			return s.UpdateDeck(ctx, deck)
		}, 6},
		{"update the deck again", func() error {
			deck := mustDeck(t, s, d.ID)
			deck.Description["en"] = "Newer back text."
			return s.UpdateDeck(ctx, deck)
		}, 6},
	}
	for i, step := range steps {
		ok := t.Run(fmt.Sprintf("%02d %s", i+1, step.name), func(t *testing.T) {
			if err := step.do(); err != nil {
				t.Fatal(err)
			}
			if got := mustDeck(t, s, d.ID).Edition; got != step.edition {
				t.Errorf("edition = %d, want %d", got, step.edition)
			}
			ds, err := s.Decks(ctx)
			if err != nil || len(ds) != 1 || ds[0].Edition != step.edition {
				t.Errorf("Decks = %+v, %v; want edition %d", ds, err, step.edition)
			}
		})
		if !ok {
			break // later steps depend on this one
		}
	}
	s.Close()
	db := rawDB(t, s.Path())
	if got := queryInt(t, db, "SELECT printed_edition FROM decks WHERE id = ?", d.ID); got != 5 {
		t.Errorf("printed_edition in the file = %d, want 5", got)
	}
}

func TestCloneStartsUnprinted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	printAndChange(t, s, d.ID, 1)
	if err := s.MarkPrinted(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	clone, err := s.CloneDeck(ctx, d.ID, "Kund AB", "Kund AB")
	if err != nil {
		t.Fatal(err)
	}
	changeCard(t, s, clone.ID)
	if got := mustDeck(t, s, clone.ID).Edition; got != 1 {
		t.Errorf("a change to a never printed clone gave edition %d, want 1", got)
	}
	if got := mustDeck(t, s, d.ID).Edition; got != 2 {
		t.Errorf("changing the clone moved the source to edition %d, want 2", got)
	}
}

func TestMarkPrintedUnknownDeck(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	if err := s.MarkPrinted(context.Background(), "no-such-deck"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("MarkPrinted(unknown) err = %v; want ErrNotFound", err)
	}
	if err := s.DeleteDeck(context.Background(), d.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkPrinted(context.Background(), d.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("MarkPrinted(deleted) err = %v; want ErrNotFound", err)
	}
}
