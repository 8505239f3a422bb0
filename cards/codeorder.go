package cards

import "strings"

// PlaceByCode says where a new card with the given code goes among cards
// whose codes are listed in the deck's order: in code order among the
// cards of its letters, right after the last one with a lower number (R41
// after R40, not after the blank cards at the end), or right before the
// first of them when all have higher numbers. after is the index of the
// card it goes after, or -1; before, when after is -1, the index of the
// card it goes before, or -1. Both are -1 when no card has its letters, or
// its code has no number: it goes last. The store orders a new card so,
// and the Decks screen puts it in its list where the store did.
func PlaceByCode(codes []string, code string) (after, before int) {
	letters, number, ok := SplitCode(code)
	if !ok {
		return -1, -1
	}
	after, first := -1, -1
	for i, other := range codes {
		l, n, ok := SplitCode(other)
		if !ok || !strings.EqualFold(l, letters) {
			continue
		}
		if first < 0 {
			first = i
		}
		if n < number {
			after = i
		}
	}
	if after >= 0 {
		return after, -1
	}
	return -1, first
}
