package game

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// Rank, which puts the plays in order in place after sorting their
// places, leaves them as sorting the plays themselves would: every play
// once, in comparePlays' order, ties of scores broken by code and id.
func TestRankPutsEveryPlayInItsPlace(t *testing.T) {
	for n := range 60 {
		plays := randomlyRated(rand.New(rand.NewPCG(3, uint64(n))), n)
		want := slices.Clone(plays)
		slices.SortStableFunc(want, func(a, b PlayResult) int { return comparePlays(&a, &b) })
		Rank(plays)
		for i := range plays {
			if plays[i].Play.ID != want[i].Play.ID {
				t.Fatalf("%d plays: place %d holds %s, want %s", n, i, plays[i].Play.ID, want[i].Play.ID)
			}
		}
	}
}

// randomlyRated is n plays of three codes, each perspective rated or not
// and scored 0, 1 or 2, so that many tie on their scores.
func randomlyRated(rnd *rand.Rand, n int) []PlayResult {
	plays := make([]PlayResult, n)
	for i := range plays {
		plays[i] = PlayResult{
			Play:         Play{ID: "p" + strconv.Itoa(rnd.IntN(1000)) + "-" + strconv.Itoa(i), Code: "R0" + strconv.Itoa(rnd.IntN(3))},
			Customer:     Score{Mean: float64(rnd.IntN(3)), Rated: rnd.IntN(4) > 0},
			Organisation: Score{Mean: float64(rnd.IntN(3)), Rated: rnd.IntN(4) > 0},
		}
	}
	return plays
}
