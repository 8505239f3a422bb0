package chart

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"deckhand/assets"
	"deckhand/game"
)

// example is the example workshop and its results.
func example(t testing.TB) (*game.File, *game.WorkshopResults) {
	t.Helper()
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	return f, game.Results(f)
}

// crowded is the example workshop with n more cards, each rated by three
// people, all high on both sides, so that the "do now" quadrant has no room for every label, nor
// for every marker near its scores.
func crowded(t testing.TB, n int) (*game.File, *game.WorkshopResults) {
	t.Helper()
	f, _ := example(t)
	at := time.Date(2026, 3, 12, 11, 0, 0, 0, time.UTC)
	seed := uint32(1)
	for i := range n {
		p := game.Play{ID: fmt.Sprintf("crowd-%d", i), TeamID: f.Teams[i%2].ID, Code: fmt.Sprintf("X%02d", i), Area: f.Plays[0].Area, Position: 100 + i, Updated: at}
		f.Plays = append(f.Plays, p)
		for j, c := range f.Workshop.Deck.Criteria {
			for _, rater := range []string{"p1", "p2", "p3"} { // means in sixths of a point: few cards share one
				seed = seed*1664525 + 1013904223
				v := 3 + int(seed>>16)%3 // 3, 4 or 5: high
				f.Ratings = append(f.Ratings, game.Rating{ID: fmt.Sprintf("crowd-%d-%d-%s", i, j, rater), PlayID: p.ID, Criterion: c.Key,
					Value: v, Rater: rater, At: at, Updated: at})
			}
		}
	}
	return f, game.Results(f)
}

// drawn is the chart of f as o asks, failing the test when it cannot be.
func drawn(t testing.TB, f *game.File, res *game.WorkshopResults, o Options) *Chart {
	t.Helper()
	c, err := New(f, res, o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The title says what is plotted, in the language asked, as the report's
// matrix page does, and either axis can be any criterion (by its key or
// its name): the markers then stand at its scores.
func TestTheChartIsTitledByItsAxesInItsLanguage(t *testing.T) {
	f, res := example(t)
	for lang, want := range map[string]string{
		"fi": "Asiakkaan näkökulma × organisaation näkökulma",
		"sv": "Kundens perspektiv × organisationens perspektiv",
		"en": "Customer's view × organisation's view",
	} {
		if got := drawn(t, f, res, Options{Lang: lang}).Title(); got != want {
			t.Errorf("%s: the chart is titled %q, want %q", lang, got, want)
		}
	}
	c := drawn(t, f, res, Options{Lang: "fi", Across: "feasibility", Up: "Önskvärdhet"})
	if got, want := c.Title(), "Toivottavuus × toteutettavuus"; got != want {
		t.Errorf("on two criteria the chart is titled %q, want %q", got, want)
	}
	byCode := map[string]game.PlayResult{}
	for _, p := range res.Plays {
		byCode[p.Play.Code] = p
	}
	for _, m := range c.plan.Marks {
		p := byCode[m.Text[:3]]
		if m.ValueX != p.Criteria["feasibility"].Mean || m.ValueY != p.Criteria["desirability"].Mean {
			t.Errorf("%s stands at %v, %v; its feasibility is %v and desirability %v", m.Text, m.ValueX, m.ValueY,
				p.Criteria["feasibility"].Mean, p.Criteria["desirability"].Mean)
		}
	}
	if _, err := New(f, res, Options{Across: "cost"}); err == nil || err.Error() != `there is no axis "cost"; choose one of organisation, customer, desirability, usability, profitability, feasibility` {
		t.Errorf("an axis the deck has not is refused with %v", err)
	}
}
