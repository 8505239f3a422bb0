package game_test

import (
	"slices"
	"testing"

	"deckhand/game"
)

// TestAxesAreThePerspectivesThenTheCriteria checks the axes a matrix
// offers, how a name finds one, and which score each picks of a play.
func TestAxesAreThePerspectivesThenTheCriteria(t *testing.T) {
	d := defaultDeck(t)
	keys := game.AxisKeys(d)
	if want := []string{"organisation", "customer", "desirability", "usability", "profitability", "feasibility"}; !slices.Equal(keys, want) {
		t.Errorf("AxisKeys = %v, want %v", keys, want)
	}
	for name, want := range map[string]string{"Customer": "customer", " feasibility ": "feasibility", "Önskvärdhet": "desirability",
		"toteutettavuus": "feasibility", "Usability": "usability"} {
		if got, ok := game.FindAxis(d, name); !ok || got != want {
			t.Errorf("FindAxis(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if got, ok := game.FindAxis(d, "price"); ok {
		t.Errorf("FindAxis(price) = %q; want none", got)
	}
	for axis, want := range map[string]string{"customer": "customer", "feasibility": "organisation", "desirability": "customer", "price": ""} {
		if got := game.AxisPerspective(d, axis); got != want {
			t.Errorf("AxisPerspective(%q) = %q, want %q", axis, got, want)
		}
	}
	p := game.PlayResult{Customer: game.Score{Mean: 4, Rated: true}, Organisation: game.Score{Mean: 2, Rated: true},
		Criteria: map[string]game.Score{"feasibility": {Mean: 1.5, Rated: true}}}
	for axis, want := range map[string]game.Score{"customer": p.Customer, "organisation": p.Organisation,
		"feasibility": {Mean: 1.5, Rated: true}, "usability": {}} {
		if got := p.AxisScore(axis); got != want {
			t.Errorf("AxisScore(%q) = %+v, want %+v", axis, got, want)
		}
	}
}
