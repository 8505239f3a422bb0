package workshop

import (
	"slices"
	"strings"

	"deckhand/game"
)

// withRating is ratings, as the store lists a workshop's, with r added in
// its place: by time, then by id (storage's Session), so that the workshop
// shown after a rating is saved is the one the store would read.
func withRating(ratings []game.Rating, r game.Rating) []game.Rating {
	at, _ := slices.BinarySearchFunc(ratings, r, func(a, b game.Rating) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return slices.Insert(ratings, at, r)
}
