package storage_test

import (
	"context"
	"testing"
	"time"

	"deckhand/cards"
)

// Every write of a deck or its cards stamps what it changed with this
// laptop's device and a stamp later than every one before, and leaves
// what it did not change as it was: a card's save, delete, restore and
// an import's change and removal, the deck's fields, a clone's cards.
func TestEveryDeckWriteIsStampedByThisLaptop(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	export := func(id string) *cards.SharedDeck {
		t.Helper()
		f, err := s.ExportSharedDeck(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	latest := func(f *cards.SharedDeck) time.Time {
		l := f.Deck.Updated
		for _, c := range f.Cards {
			if c.Updated.After(l) {
				l = c.Updated
			}
		}
		return l
	}
	byCode := func(f *cards.SharedDeck, code string) cards.SharedCard {
		for _, c := range f.Cards {
			if c.Code == code {
				return c
			}
		}
		t.Fatalf("no card %s", code)
		return cards.SharedCard{}
	}
	f := export(d.ID)
	for _, c := range f.Cards {
		if c.Device != f.Device || c.PlacedBy != f.Device {
			t.Fatalf("a seeded card is stamped by %s, placed by %s; want this laptop, %s", c.Device, c.PlacedBy, f.Device)
		}
	}
	check := func(what string, before *cards.SharedDeck, changed ...string) *cards.SharedDeck {
		t.Helper()
		after := export(d.ID)
		for _, code := range changed {
			c := byCode(after, code)
			if c.Device != after.Device || !c.Updated.After(latest(before)) {
				t.Errorf("%s: card %s is stamped %v by %s; want after %v, by this laptop", what, code, c.Updated, c.Device, latest(before))
			}
		}
		return after
	}
	saveTitle(t, &deckLaptop{s: s, deck: d.ID}, "R01", "Saved")
	f = check("SaveCard", f, "R01")
	r02 := byCode(f, "R02")
	if err := s.DeleteCard(ctx, d.ID, r02.ID); err != nil {
		t.Fatal(err)
	}
	f = check("DeleteCard", f, "R02")
	if c := byCode(f, "R02"); !c.Deleted {
		t.Errorf("the deleted card is %+v", c)
	}
	if err := s.RestoreCard(ctx, d.ID, r02.ID); err != nil {
		t.Fatal(err)
	}
	f = check("RestoreCard", f, "R02")
	r04 := byCode(f, "R04")
	file := mustDeck(t, s, d.ID)
	file.Cards[2].Title["en"] = "Imported"
	file.Cards = append(file.Cards[:4], file.Cards[5:]...) // without R05
	if _, err := s.ImportInto(ctx, d.ID, file); err != nil {
		t.Fatal(err)
	}
	f = check("ImportInto", f, "R03", "R05")
	if c := byCode(f, "R04"); !c.Updated.Equal(r04.Updated) || c.Device != r04.Device {
		t.Errorf("an import stamped the unchanged card R04 (%v, was %v)", c.Updated, r04.Updated)
	}
	deckStamp := f.Deck.Updated
	deck := mustDeck(t, s, d.ID)
	if err := s.UpdateDeck(ctx, deck); err != nil {
		t.Fatal(err)
	}
	if again := export(d.ID); !again.Deck.Updated.Equal(deckStamp) {
		t.Errorf("an UpdateDeck that changed no field moved the deck's stamp from %v to %v", deckStamp, again.Deck.Updated)
	}
	deck.Client = "Acme"
	if err := s.UpdateDeck(ctx, deck); err != nil {
		t.Fatal(err)
	}
	if again := export(d.ID); !again.Deck.Updated.After(latest(f)) || again.Deck.Device != again.Device {
		t.Errorf("UpdateDeck stamped the deck %v by %s; want after %v, by this laptop", again.Deck.Updated, again.Deck.Device, latest(f))
	}
	clone, err := s.CloneDeck(ctx, d.ID, "Clone", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range export(clone.ID).Cards {
		if c.Device != f.Device || !c.Updated.After(latest(f)) {
			t.Fatalf("a cloned card is stamped %v by %s", c.Updated, c.Device)
		}
	}
}
