package storage_test

import (
	"context"
	"reflect"
	"testing"

	"deckhand/cards"
)

// Before "replace the cards" removes anything, the preview names what the
// file would add, change and remove; it changes nothing. Updating without
// removing takes the file's cards and keeps the deck's others.
func TestPreviewImportIntoAndUpdateWithoutRemoving(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	file := defaultDeck(t)
	file.Cards = file.Cards[:3]
	file.Cards[1].Title["sv"] = "Ändrad titel"
	file.Cards = append(file.Cards, newRoutine("R41"))

	diff, err := s.PreviewImportInto(ctx, d.ID, file)
	if err != nil {
		t.Fatalf("PreviewImportInto: %v", err)
	}
	var removed []string
	for _, c := range d.Cards[3:] {
		removed = append(removed, c.Code)
	}
	if !reflect.DeepEqual(diff.Added, []string{"R41"}) || !reflect.DeepEqual(diff.Changed, []string{d.Cards[1].Code}) ||
		diff.Unchanged != 2 || !reflect.DeepEqual(diff.Removed, removed) {
		t.Errorf("preview = %+v", diff)
	}
	if got := mustDeck(t, s, d.ID); !reflect.DeepEqual(got, d) {
		t.Error("the preview changed the deck")
	}

	sum, err := s.UpdateInto(ctx, d.ID, file)
	if err != nil {
		t.Fatalf("UpdateInto: %v", err)
	}
	if sum.Added != 1 || sum.Updated != 1 || sum.Removed != 0 || sum.Unchanged != defaultDeckCards-1 {
		t.Errorf("update summary = %+v", sum)
	}
	got := mustDeck(t, s, d.ID)
	if len(got.Cards) != defaultDeckCards+1 {
		t.Fatalf("after the update the deck has %d cards, want %d", len(got.Cards), defaultDeckCards+1)
	}
	if c := cardByCode(t, got, d.Cards[1].Code); c.Title["sv"] != "Ändrad titel" || c.ID != d.Cards[1].ID {
		t.Errorf("the changed card = %+v", c)
	}
	for _, old := range d.Cards[3:] {
		if c := cardByCode(t, got, old.Code); c.ID != old.ID || !cards.SameContent(c, old) {
			t.Errorf("card %s was not kept as it was: %+v", old.Code, c)
		}
	}
}
