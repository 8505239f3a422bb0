package cards_test

import (
	"testing"

	"deckhand/cards"
)

// A new card goes among the cards of its letters, in any case, by number:
// after the last lower one, before the first when all are higher; a code
// with letters no card has, or without a number, goes last.
func TestPlaceByCode(t *testing.T) {
	codes := []string{"R01", "R03", "R07", "I01", "I02", "B01", "R2a", "X-1"}
	tests := []struct {
		code          string
		after, before int
	}{
		{"R02", 0, -1},  // after R01
		{"r05", 1, -1},  // after R03: letters in any case
		{"R008", 2, -1}, // after R07: 008 is 8
		{"I00", -1, 3},  // before I01
		{"R00", -1, 0},  // before R01
		{"B02", 5, -1},
		{"Z01", -1, -1}, // no card has Z
		{"R", -1, -1},   // no number
		{"X-2", 7, -1},  // letters X-
	}
	for _, tt := range tests {
		if after, before := cards.PlaceByCode(codes, tt.code); after != tt.after || before != tt.before {
			t.Errorf("PlaceByCode(%s) = %d, %d; want %d, %d", tt.code, after, before, tt.after, tt.before)
		}
	}
}
