package storage

import (
	"slices"
	"strings"

	"deckhand/cards"
)

// SortDecks puts a deck list in the alphabetical order of the language
// lang (cards.SortByName), as the app and the command line show it. Decks
// reads the list in an order that does not depend on a language, so the
// same database gives the same list; this sorts it for the person reading.
func SortDecks(decks []DeckSummary, lang string) {
	cards.SortByName(decks, lang, func(d DeckSummary) string { return d.Name })
}

// SortWorkshops puts a workshop list in the order it is shown: the newest
// date first, and the workshops of one day by title in the alphabetical
// order of the language lang (cards.NameOrder).
func SortWorkshops(list []WorkshopSummary, lang string) {
	byTitle := cards.NameOrder(lang)
	slices.SortStableFunc(list, func(a, b WorkshopSummary) int {
		if c := strings.Compare(b.Date, a.Date); c != 0 {
			return c
		}
		return byTitle(a.Title, b.Title)
	})
}
