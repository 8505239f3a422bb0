package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

func newRoutine(code string) cards.Card {
	return cards.Card{
		Code: code, Type: "routine", Theme: "governance", Area: "collection", Level: "operative", Copies: 2,
		Tags:  []string{"new"},
		Title: cards.Text{"sv": "Ny rutin", "fi": "Uusi rutiini", "en": "New routine"},
		Body:  cards.Text{"sv": "Text", "fi": "Teksti", "en": "Text"},
	}
}

// A new card lands in code order among the cards of its letters: R41
// after R40, not after the blank cards at the end of the deck; a code of
// letters no card has goes last.
func TestSaveCardAddsANewCardInCodeOrder(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	c := newRoutine("R41")
	if err := s.SaveCard(context.Background(), d.ID, &c); err != nil {
		t.Fatalf("SaveCard: %v", err)
	}
	if c.ID == "" {
		t.Fatal("SaveCard did not set the new card's id")
	}
	got := mustDeck(t, s, d.ID)
	if len(got.Cards) != defaultDeckCards+1 {
		t.Fatalf("%d cards, want %d", len(got.Cards), defaultDeckCards+1)
	}
	at := got.CardByCode("R41")
	if at < 0 || !reflect.DeepEqual(got.Cards[at], c) {
		t.Fatalf("R41 is at %d: %+v; want %+v", at, got.Cards[max(at, 0)], c)
	}
	if got.Cards[at-1].Code != "R40" || got.Cards[at+1].Code != "I01" {
		t.Errorf("R41 lies between %s and %s; want between R40 and I01", got.Cards[at-1].Code, got.Cards[at+1].Code)
	}
	// The cards after it kept their order, and a code of new letters goes last.
	z := newRoutine("Z01")
	if err := s.SaveCard(context.Background(), d.ID, &z); err != nil {
		t.Fatal(err)
	}
	got = mustDeck(t, s, d.ID)
	var codes []string
	for _, card := range got.Cards {
		codes = append(codes, card.Code)
	}
	want := append(append(append([]string{}, codesOf(d.Cards[:40])...), "R41"), append(codesOf(d.Cards[40:]), "Z01")...)
	if !reflect.DeepEqual(codes, want) {
		t.Errorf("the deck's order is\n%v\nwant\n%v", codes, want)
	}
	for _, old := range d.Cards {
		if old.ID == c.ID {
			t.Errorf("the new card got the id of %s", old.Code)
		}
	}
}

func TestSaveCardUpdatesTextsInAllLanguages(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	c := cardByCode(t, d, "R03")
	c.Title = cards.Text{"sv": "Ny titel", "fi": "Uusi otsikko", "en": "New title"}
	c.Body = cards.Text{"sv": "Ny text", "fi": "Uusi teksti"} // the English body removed
	c.Copies, c.Tags = 3, nil
	if err := s.SaveCard(context.Background(), d.ID, &c); err != nil {
		t.Fatalf("SaveCard: %v", err)
	}
	got := mustDeck(t, s, d.ID)
	if len(got.Cards) != defaultDeckCards {
		t.Errorf("%d cards, want %d: an update must not add a card", len(got.Cards), defaultDeckCards)
	}
	if i := got.CardByCode("R03"); i != 2 || !reflect.DeepEqual(got.Cards[i], c) {
		t.Errorf("R03 at %d:\n got %+v\nwant %+v at index 2", i, got.Cards[max(i, 0)], c)
	}
	db := rawDB(t, s.Path())
	if n := queryInt(t, db, "SELECT COUNT(*) FROM card_texts WHERE card_id = ? AND body <> ''", c.ID); n != 2 {
		t.Errorf("%d stored bodies, want 2", n)
	}
}

func TestSaveCardRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		card  func(t *testing.T, d *cards.Deck) cards.Card
		field string // the field the problem names
	}{
		{"another card's code, other case", func(t *testing.T, d *cards.Deck) cards.Card {
			c := cardByCode(t, d, "R01")
			c.Code, c.Title["sv"] = "r02", "Ändrad"
			return c
		}, "code"},
		{"new card with a taken code", func(*testing.T, *cards.Deck) cards.Card { return newRoutine("i01") }, "code"},
		{"empty Finnish title", func(t *testing.T, d *cards.Deck) cards.Card {
			c := cardByCode(t, d, "R01")
			c.Title["fi"], c.Title["sv"] = "  ", "Ändrad"
			return c
		}, "title_fi"},
		{"unknown type", func(t *testing.T, d *cards.Deck) cards.Card {
			c := cardByCode(t, d, "R01")
			c.Type = "poem"
			return c
		}, "type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d := openTestStore(t)
			db := rawDB(t, s.Path())
			rows := rowCounts(t, db)
			c := tt.card(t, d)
			err := s.SaveCard(context.Background(), d.ID, &c)
			if ps := requireProblems(t, err); len(ps) == 0 || ps[0].Field != tt.field {
				t.Errorf("problems %v; want one about %s", ps.Lines(), tt.field)
			}
			if got := mustDeck(t, s, d.ID); !reflect.DeepEqual(got, d) {
				t.Error("a refused SaveCard changed the deck")
			}
			if after := rowCounts(t, db); !reflect.DeepEqual(after, rows) {
				t.Errorf("rows before %v, after %v", rows, after)
			}
		})
	}
}

func TestSaveCardRetriedWithTheSameIDIsOneCard(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	c := newRoutine("R41")
	c.ID = cards.NewID() // made by the caller before the first try
	retry := c.Clone()
	if err := s.SaveCard(ctx, d.ID, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCard(ctx, d.ID, &retry); err != nil {
		t.Fatalf("retried SaveCard: %v", err)
	}
	if retry.ID != c.ID {
		t.Errorf("the retry got id %s, want %s", retry.ID, c.ID)
	}
	got := mustDeck(t, s, d.ID)
	if at := got.CardByCode("R41"); len(got.Cards) != defaultDeckCards+1 || at < 0 || got.Cards[at].ID != c.ID || got.Cards[at+1].Code != "I01" {
		t.Errorf("%d cards after a retried save, want %d with the new card once, after R40", len(got.Cards), defaultDeckCards+1)
	}
	db := rawDB(t, s.Path())
	if n := queryInt(t, db, "SELECT COUNT(*) FROM cards WHERE code = 'R41'"); n != 1 {
		t.Errorf("%d rows for R41, want 1", n)
	}
}

func TestDeleteAndRestoreCard(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	c := cardByCode(t, d, "R05")
	if err := s.DeleteCard(ctx, d.ID, c.ID); err != nil {
		t.Fatalf("DeleteCard: %v", err)
	}
	if got := mustDeck(t, s, d.ID); len(got.Cards) != defaultDeckCards-1 || got.CardByCode("R05") >= 0 {
		t.Errorf("after DeleteCard the deck has %d cards, R05 at %d", len(got.Cards), got.CardByCode("R05"))
	}
	db := rawDB(t, s.Path())
	if n := queryInt(t, db, "SELECT COUNT(*) FROM cards WHERE id = ? AND deleted_at IS NOT NULL", c.ID); n != 1 {
		t.Error("the deleted card's row is not a tombstone")
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM card_texts WHERE card_id = ?", c.ID); n != 3 {
		t.Errorf("the tombstone has %d texts, want 3", n)
	}

	notFound := []struct {
		name string
		op   func() error
	}{
		{"delete again", func() error { return s.DeleteCard(ctx, d.ID, c.ID) }},
		{"delete unknown", func() error { return s.DeleteCard(ctx, d.ID, "no-such-card") }},
		{"delete from another deck", func() error { return s.DeleteCard(ctx, "no-such-deck", d.Cards[0].ID) }},
		{"restore a live card", func() error { return s.RestoreCard(ctx, d.ID, d.Cards[0].ID) }},
		{"restore into another deck", func() error { return s.RestoreCard(ctx, "no-such-deck", c.ID) }},
	}
	for _, tt := range notFound {
		if err := tt.op(); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("%s: err = %v; want ErrNotFound", tt.name, err)
		}
	}

	if err := s.RestoreCard(ctx, d.ID, c.ID); err != nil {
		t.Fatalf("RestoreCard: %v", err)
	}
	if got := mustDeck(t, s, d.ID); !reflect.DeepEqual(got.Cards, d.Cards) {
		t.Error("after RestoreCard the cards differ from before the delete")
	}
}

func TestRestoreCardRefusedWhenCodeTaken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	old := cardByCode(t, d, "R05")
	if err := s.DeleteCard(ctx, d.ID, old.ID); err != nil {
		t.Fatal(err)
	}
	taker := newRoutine("r05")
	if err := s.SaveCard(ctx, d.ID, &taker); err != nil {
		t.Fatalf("SaveCard(code of a deleted card): %v", err)
	}
	if err := s.RestoreCard(ctx, d.ID, old.ID); !errors.Is(err, storage.ErrNameTaken) {
		t.Errorf("RestoreCard err = %v; want ErrNameTaken", err)
	}
	got := mustDeck(t, s, d.ID)
	if i := got.CardByCode("R05"); i < 0 || got.Cards[i].ID != taker.ID {
		t.Error("the card that took the code is gone")
	}
	db := rawDB(t, s.Path())
	if n := queryInt(t, db, "SELECT COUNT(*) FROM cards WHERE id = ? AND deleted_at IS NOT NULL", old.ID); n != 1 {
		t.Error("the refused card was restored")
	}
}

func codesOf(cs []cards.Card) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Code)
	}
	return out
}
