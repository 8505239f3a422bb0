package cards_test

import (
	"reflect"
	"testing"

	"deckhand/cards"
)

// The preview of "replace the cards": a 3-card file against the 62-card
// default deck adds one card, changes one, keeps one and removes the 60
// the file lacks, naming each by code in the deck's order.
func TestDiffCardsCountsAndNamesCodes(t *testing.T) {
	deck := defaultDeck(t)
	if len(deck.Cards) != 62 {
		t.Fatalf("the default deck has %d cards", len(deck.Cards))
	}
	file := deck.Clone()
	file.Cards = []cards.Card{deck.Cards[2], deck.Cards[0], deck.Cards[1]} // the order does not count
	file.Cards[1].Title = file.Cards[1].Title.Clone()
	file.Cards[1].Title["sv"] += " (ny)"
	file.Cards[2].Code, file.Cards[2].ID = "R99", ""
	for i := range file.Cards {
		file.Cards[i].ID = "" // a file's cards have no ids of this deck
	}
	d := cards.DiffCards(deck, file)
	var removed []string
	for _, c := range deck.Cards[1:] {
		if c.Code != deck.Cards[2].Code {
			removed = append(removed, c.Code)
		}
	}
	if !reflect.DeepEqual(d.Added, []string{"R99"}) || !reflect.DeepEqual(d.Changed, []string{deck.Cards[0].Code}) ||
		d.Unchanged != 1 || !reflect.DeepEqual(d.Removed, removed) {
		t.Errorf("diff = added %v, changed %v, unchanged %d, removed %d %v", d.Added, d.Changed, d.Unchanged, len(d.Removed), d.Removed)
	}
	if len(d.Removed) != 60 {
		t.Errorf("removed %d, want 60", len(d.Removed))
	}
	// A code matches in any case; the same deck is no change at all.
	same := cards.DiffCards(deck, deck.Clone())
	if len(same.Added)+len(same.Changed)+len(same.Removed) != 0 || same.Unchanged != 62 {
		t.Errorf("a deck against itself: %+v", same)
	}
}
