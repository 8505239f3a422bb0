package storage_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

// workshopsWithPlays makes two workshops of the deck and one of a copy of
// it, with plays and ratings, some of them deleted.
func workshopsWithPlays(t *testing.T, s *storage.Store, d *cards.Deck) {
	t.Helper()
	ctx := context.Background()
	w1, teams1 := newWorkshop(t, s, d, "First")
	r01 := play(teams1[0].ID, "R01", "collection", 1)
	mustSave(t, s.SavePlay(ctx, w1.ID, r01))
	mustSave(t, s.SavePlay(ctx, w1.ID, play(teams1[0].ID, "R03", "use", 2)))
	mustSave(t, s.SavePlay(ctx, w1.ID, play(teams1[1].ID, "R02", "collection", 1)))
	mustSave(t, s.AddRating(ctx, w1.ID, rating(r01.ID, "desirability", 4)))
	mustSave(t, s.AddRating(ctx, w1.ID, rating(r01.ID, "feasibility", 2)))
	w2, teams2 := newWorkshop(t, s, d, "Second")
	mustSave(t, s.SavePlay(ctx, w2.ID, play(teams2[0].ID, "r05", "collection", 1)))
	gone := play(teams2[0].ID, "R06", "development", 2)
	mustSave(t, s.SavePlay(ctx, w2.ID, gone))
	mustSave(t, s.AddRating(ctx, w2.ID, rating(gone.ID, "usability", 3)))
	mustSave(t, s.DeletePlay(ctx, gone.ID))
	other, err := s.CloneDeck(ctx, d.ID, "Another deck", "")
	mustSave(t, err)
	w3, teams3 := newWorkshop(t, s, other, "Of another deck")
	mustSave(t, s.SavePlay(ctx, w3.ID, play(teams3[0].ID, "R07", "development", 1)))
}

// DeckUse counts the live plays and ratings of the live workshops made from
// the deck, by area, by the card type of the card played and by criterion,
// with how many workshops they are in; a deleted play and its rating, and a
// workshop of another deck, count for nothing.
func TestDeckUseCountsWhatWorkshopsOfTheDeckLogged(t *testing.T) {
	s, d := openTestStore(t)
	workshopsWithPlays(t, s, d)
	use, err := s.DeckUse(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := storage.DeckUse{
		Areas:     map[string]storage.KeyUse{"collection": {Count: 3, Workshops: 2}, "use": {Count: 1, Workshops: 1}},
		CardTypes: map[string]storage.KeyUse{"routine": {Count: 4, Workshops: 2}},
		Criteria:  map[string]storage.KeyUse{"desirability": {Count: 1, Workshops: 1}, "feasibility": {Count: 1, Workshops: 1}},
	}
	for _, c := range []struct {
		what      string
		got, want map[string]storage.KeyUse
	}{{"areas", use.Areas, want.Areas}, {"card types", use.CardTypes, want.CardTypes}, {"criteria", use.Criteria, want.Criteria}} {
		if len(c.got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
		for k, v := range c.want {
			if c.got[k] != v {
				t.Errorf("%s %s: %+v, want %+v", c.what, k, c.got[k], v)
			}
		}
	}
}

// The card type of a play is its card's in its own workshop's snapshot:
// two workshops of one deck, played with editions in which card R01 is of
// another type, count their plays of R01 under each one's own.
func TestDeckUseTakesEachPlaysCardTypeFromItsWorkshopsSnapshot(t *testing.T) {
	ctx := context.Background()
	s, d := openTestStore(t)
	first, teams1 := newWorkshop(t, s, d, "First")
	mustSave(t, s.SavePlay(ctx, first.ID, play(teams1[0].ID, "R01", "collection", 1)))
	mustSave(t, s.SavePlay(ctx, first.ID, play(teams1[0].ID, "R02", "collection", 2)))
	blank := d.Clone()
	blank.Edition++
	blank.Cards[blank.CardByCode("R01")].Type = "blank"
	second, teams2 := newWorkshop(t, s, blank, "Second")
	own := play(teams2[0].ID, "R01", "collection", 1)
	own.Text = "We ask the customer first"
	mustSave(t, s.SavePlay(ctx, second.ID, own))
	mustSave(t, s.SavePlay(ctx, second.ID, play(teams2[0].ID, "R02", "use", 2)))
	if second.DeckID != d.ID {
		t.Fatalf("the second workshop is of deck %s; want %s", second.DeckID, d.ID)
	}
	use, err := s.DeckUse(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]storage.KeyUse{"routine": {Count: 3, Workshops: 2}, "blank": {Count: 1, Workshops: 1}}
	if len(use.CardTypes) != len(want) || use.CardTypes["routine"] != want["routine"] || use.CardTypes["blank"] != want["blank"] {
		t.Errorf("card types used: %+v; want %+v", use.CardTypes, want)
	}
}

// Taking away an area, a card type or a criterion that workshops of the
// deck used is refused with a sentence that says what uses it, and changes
// nothing; giving a used one another key is taking it away. What nothing
// logged may go, and an import that would orphan plays is refused too.
func TestADeckChangeThatOrphansPlaysIsRefused(t *testing.T) {
	s, d := openTestStore(t)
	ctx := context.Background()
	workshopsWithPlays(t, s, d)
	before := mustDeck(t, s, d.ID)
	cases := []struct {
		name   string
		change func(*cards.Deck)
		says   string
	}{
		{"remove an area", func(n *cards.Deck) { n.Board.Areas = n.Board.Areas[1:] },
			"The area Insamling cannot be removed or given another key: workshops made from this deck have cards laid in it (cards: 3, workshops: 2)."},
		{"re-key a criterion", func(n *cards.Deck) { n.Criteria[0].Key = "wish" },
			"The criterion Önskvärdhet cannot be removed or given another key: workshops made from this deck have ratings on it (ratings: 1, workshops: 1)."},
		{"remove a card type", func(n *cards.Deck) { n.CardTypes = n.CardTypes[1:] },
			"The card type Datarutin cannot be removed or given another key: workshops made from this deck have cards of it laid (cards: 4, workshops: 2)."},
	}
	for _, c := range cases {
		next := before.Clone()
		c.change(next)
		err := s.UpdateDeck(ctx, next)
		if !errors.Is(err, storage.ErrInUse) || err.Error() != c.says {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.says)
		}
		if got := mustDeck(t, s, d.ID); !slices.EqualFunc(got.Board.Areas, before.Board.Areas, func(a, b cards.Area) bool { return a.Key == b.Key }) ||
			got.Criteria[0].Key != "desirability" || len(got.CardTypes) != len(before.CardTypes) {
			t.Errorf("%s: the refused change reached the database", c.name)
		}
	}
	unused := before.Clone()
	unused.Criteria = slices.DeleteFunc(unused.Criteria, func(c cards.Criterion) bool { return c.Key == "profitability" })
	if err := s.UpdateDeck(ctx, unused); err != nil {
		t.Fatalf("removing a criterion no rating uses: %v", err)
	}
	if got := mustDeck(t, s, d.ID); len(got.Criteria) != len(before.Criteria)-1 {
		t.Errorf("after removing profitability the deck has %d criteria", len(got.Criteria))
	}
	file := mustDeck(t, s, d.ID)
	file.Criteria = file.Criteria[1:]
	if _, err := s.ImportInto(ctx, d.ID, file); !errors.Is(err, storage.ErrInUse) {
		t.Errorf("an import orphaning ratings: %v, want a refusal", err)
	}
	if _, err := s.PreviewImportInto(ctx, d.ID, file); !errors.Is(err, storage.ErrInUse) {
		t.Errorf("the preview of an import orphaning ratings: %v, want a refusal", err)
	}
}

// A clone in some of the deck's languages holds text in those alone, with
// the default language chosen.
func TestCloneDeckInFinnishAlone(t *testing.T) {
	s, d := openTestStore(t)
	clone, err := s.CloneDeckIn(context.Background(), d.ID, "Asiakas", "Oy", []string{"fi"}, "fi")
	if err != nil {
		t.Fatal(err)
	}
	got := mustDeck(t, s, clone.ID)
	if !slices.Equal(got.Languages, []string{"fi"}) || got.DefaultLang != "fi" || len(got.Cards) != len(d.Cards) {
		t.Fatalf("clone: languages %v, default %s, %d cards", got.Languages, got.DefaultLang, len(got.Cards))
	}
	r01 := cardByCode(t, got, "R01")
	if len(r01.Title) != 1 || r01.Title["fi"] != cardByCode(t, d, "R01").Title["fi"] {
		t.Errorf("R01's titles in the clone: %v", r01.Title)
	}
	if a := got.Board.Areas[0]; len(a.Name) != 1 || a.Name["fi"] == "" {
		t.Errorf("the first area's names in the clone: %v", a.Name)
	}
}
