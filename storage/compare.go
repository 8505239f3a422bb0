package storage

import (
	"reflect"
	"slices"
	"strings"

	"deckhand/cards"
)

// diffCards counts how next's cards differ from stored's, matching by code
// (cards.DiffCards). A card that only moved in the order counts as
// unchanged: removing one card must not report every card after it as
// updated.
func diffCards(stored, next *cards.Deck) ImportSummary {
	d := cards.DiffCards(stored, next)
	return ImportSummary{Added: len(d.Added), Updated: len(d.Changed), Removed: len(d.Removed), Unchanged: d.Unchanged}
}

// sameVocabulary reports whether two decks would print the same apart from
// their cards.
func sameVocabulary(a, b *cards.Deck) bool {
	x, y := a.Template(), b.Template()
	x.ID, y.ID = "", ""
	x.Name, y.Name = "", ""
	return reflect.DeepEqual(x, y)
}

// sameOrder reports whether both decks hold their cards in the same order:
// a card that only moved counts as unchanged, but the new order is saved.
func sameOrder(a, b *cards.Deck) bool {
	return slices.EqualFunc(a.Cards, b.Cards, func(x, y cards.Card) bool { return strings.EqualFold(x.Code, y.Code) })
}

// sameCard reports whether two cards hold the same content, ids aside.
func sameCard(a, b cards.Card) bool { return cards.SameContent(a, b) }
