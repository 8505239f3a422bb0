package game_test

import (
	"testing"

	"deckhand/game"
	"deckhand/words"
)

// An axis is named in the language asked with what it is made of, the
// matrix titled up × across, and its fields are the quadrants only when
// one axis measures the customer and the other the organisation.
func TestTheMatrixIsNamedByItsAxes(t *testing.T) {
	d := defaultDeck(t)
	sv, fi := words.In("sv").Say, words.In("fi").Say
	up, across := game.AxisIn(d, game.AxisCustomer, "sv", sv), game.AxisIn(d, "feasibility", "sv", sv)
	if got, want := up.Label(), "Kundens perspektiv (Önskvärdhet, Användbarhet)"; got != want {
		t.Errorf("the customer's axis is labelled %q, want %q", got, want)
	}
	if got, want := across.Label(), "Genomförbarhet (organisationens perspektiv)"; got != want {
		t.Errorf("feasibility is labelled %q, want %q", got, want)
	}
	if across.Lo != 1 || across.Hi != 5 {
		t.Errorf("feasibility's scale is %v–%v", across.Lo, across.Hi)
	}
	axes := game.MatrixAxes{Across: across, Up: up}
	if got, want := axes.Title(), "Kundens perspektiv × genomförbarhet"; got != want {
		t.Errorf("the matrix is titled %q, want %q", got, want)
	}
	if !axes.Quadrants() || axes.Field(false, true) != game.QuadrantMakeFeasible {
		t.Errorf("customer up, feasibility across: quadrants %v, top left %q", axes.Quadrants(), axes.Field(false, true))
	}
	swapped := game.MatrixAxes{Across: up, Up: across}
	if swapped.Field(false, true) != game.QuadrantMakeDesirable {
		t.Errorf("the organisation up: top left is %q", swapped.Field(false, true))
	}
	oneSide := game.MatrixAxes{Across: game.AxisIn(d, "usability", "fi", fi), Up: game.AxisIn(d, "desirability", "fi", fi)}
	if oneSide.Quadrants() {
		t.Error("two of the customer's criteria make quadrants")
	}
	if got := words.In("de").Say(game.MatrixWord(game.QuadrantPark)); got != "Park" {
		t.Errorf("a language Deckhand does not speak gets %q", got)
	}
}
