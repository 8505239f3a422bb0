package game_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// builder makes a hand-made workshop played with the default deck (scale
// 1–5 on every criterion, so the midpoint is 3): two teams, "Bord 1" with
// the blind raters Älgen (u1) and Räven (u2), and "Bord 2". Every rating
// it adds is a minute newer than the one before.
type builder struct {
	tb testing.TB
	f  *game.File
	n  int
}

func newBuilder(tb testing.TB) *builder {
	tb.Helper()
	w := newWorkshop(tb)
	w.Client, w.Sector = "Exempelbolaget Ab", "Handel"
	return &builder{tb: tb, f: &game.File{
		Workshop: *w,
		Teams: []game.Team{
			{ID: "t1", Name: "Bord 1", Position: 0},
			{ID: "t2", Name: "Bord 2", Position: 1},
		},
		Participants: []game.Participant{
			{ID: "u1", TeamID: "t1", Pseudonym: "Älgen", RealName: "Anna Andersson"},
			{ID: "u2", TeamID: "t1", Pseudonym: "Räven", RealName: "Bertil Berg"},
		},
		Paths: []game.Path{{ID: "a1", TeamID: "t1", Name: "Öppen redovisning"}},
	}}
}

// play lays a card: id, team, code, area.
func (b *builder) play(id, team, code, area string) *game.Play {
	pos := 0
	for _, p := range b.f.Plays {
		if p.TeamID == team && p.Area == area {
			pos++
		}
	}
	b.f.Plays = append(b.f.Plays, game.Play{ID: id, TeamID: team, Code: code, Area: area, Position: pos})
	return &b.f.Plays[len(b.f.Plays)-1]
}

// rate adds a rating, newer than every one before, and returns it.
func (b *builder) rate(play, criterion, rater string, value int) *game.Rating {
	b.n++
	b.f.Ratings = append(b.f.Ratings, game.Rating{
		ID: fmt.Sprintf("r%03d", b.n), PlayID: play, Criterion: criterion, Value: value, Rater: rater,
		At: time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC).Add(time.Duration(b.n) * time.Minute),
	})
	return &b.f.Ratings[len(b.f.Ratings)-1]
}

// rateAll gives the play the four values (desirability, usability,
// profitability, feasibility) from one rater.
func (b *builder) rateAll(play, rater string, d, u, p, f int) {
	b.rate(play, "desirability", rater, d)
	b.rate(play, "usability", rater, u)
	b.rate(play, "profitability", rater, p)
	b.rate(play, "feasibility", rater, f)
}

func playOf(tb testing.TB, r *game.WorkshopResults, id string) game.PlayResult {
	tb.Helper()
	for _, p := range r.Plays {
		if p.Play.ID == id {
			return p
		}
	}
	tb.Fatalf("play %s is not in the results", id)
	return game.PlayResult{}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func wantScore(t *testing.T, what string, got, want game.Score) {
	t.Helper()
	if got.Rated != want.Rated || !near(got.Mean, want.Mean) || got.Min != want.Min || got.Max != want.Max || got.Raters != want.Raters {
		t.Errorf("%s = %+v, want %+v", what, got, want)
	}
}

func TestResultsMeansAndSpreads(t *testing.T) {
	b := newBuilder(t)
	b.play("p1", "t1", "R01", "collection").PathID = "a1"
	// The team rates together, Älgen and Räven rate blind.
	b.rate("p1", "desirability", game.RaterTeam, 4)
	b.rate("p1", "desirability", "u1", 5)
	b.rate("p1", "desirability", "u2", 3)
	b.rate("p1", "usability", game.RaterTeam, 2)
	b.rate("p1", "usability", "u1", 2)
	b.rate("p1", "profitability", "u2", 1)
	b.rate("p1", "feasibility", game.RaterTeam, 5)
	b.rate("p1", "feasibility", "u1", 4)

	r := game.Results(b.f)
	if r.Midpoint != 3 {
		t.Errorf("Midpoint = %v, want 3", r.Midpoint)
	}
	p := playOf(t, r, "p1")
	wantScore(t, "desirability", p.Criteria["desirability"], game.Score{Mean: 4, Min: 3, Max: 5, Raters: 3, Rated: true})
	wantScore(t, "usability", p.Criteria["usability"], game.Score{Mean: 2, Min: 2, Max: 2, Raters: 2, Rated: true})
	wantScore(t, "profitability", p.Criteria["profitability"], game.Score{Mean: 1, Min: 1, Max: 1, Raters: 1, Rated: true})
	wantScore(t, "feasibility", p.Criteria["feasibility"], game.Score{Mean: 4.5, Min: 4, Max: 5, Raters: 2, Rated: true})
	// Customer: (4+2)/2 = 3, exactly the midpoint: high. Organisation:
	// (1+4.5)/2 = 2.75, just below it: low.
	wantScore(t, "customer", p.Customer, game.Score{Mean: 3, Min: 2, Max: 5, Raters: 3, Rated: true})
	wantScore(t, "organisation", p.Organisation, game.Score{Mean: 2.75, Min: 1, Max: 5, Raters: 2, Rated: true})
	if p.Quadrant != game.QuadrantMakeFeasible {
		t.Errorf("Quadrant = %q, want %q", p.Quadrant, game.QuadrantMakeFeasible)
	}
	if p.Team != "Bord 1" || p.Path != "Öppen redovisning" || p.Title != "Samla bara det som behövs" {
		t.Errorf("team %q, path %q, title %q", p.Team, p.Path, p.Title)
	}
	if len(p.Criteria) != 4 {
		t.Errorf("Criteria has %d entries, want one per criterion of the deck", len(p.Criteria))
	}
}

func TestQuadrantAtTheMidpoint(t *testing.T) {
	rated := func(mean float64) game.Score { return game.Score{Mean: mean, Rated: true} }
	tests := []struct {
		customer, organisation game.Score
		want                   string
	}{
		{rated(3), rated(3), game.QuadrantDoNow}, // at the midpoint: high
		{rated(2.75), rated(2.75), game.QuadrantPark},
		{rated(3.25), rated(2.75), game.QuadrantMakeFeasible},
		{rated(2.75), rated(3.25), game.QuadrantMakeDesirable},
		{rated(3), rated(2.999), game.QuadrantMakeFeasible},
		{rated(5), game.Score{}, ""}, // organisation not rated
		{game.Score{}, rated(5), ""},
		{game.Score{}, game.Score{}, ""},
	}
	for _, tt := range tests {
		if got := game.QuadrantOf(tt.customer, tt.organisation, 3); got != tt.want {
			t.Errorf("QuadrantOf(%v, %v) = %q, want %q", tt.customer.Mean, tt.organisation.Mean, got, tt.want)
		}
	}

	// The same through Results, with means of means: at (3.5 and 2.5),
	// just below (2.5 and 3 make 2.75) and just above (3.5 and 3 make 3.25).
	b := newBuilder(t)
	b.play("at", "t1", "R01", "collection")
	b.rate("at", "desirability", "u1", 3)
	b.rate("at", "desirability", "u2", 4)
	b.rate("at", "usability", "u1", 2)
	b.rate("at", "usability", "u2", 3)
	b.rate("at", "profitability", game.RaterTeam, 3)
	b.rate("at", "feasibility", game.RaterTeam, 3)
	b.play("below", "t1", "R02", "collection")
	b.rate("below", "desirability", "u1", 2)
	b.rate("below", "desirability", "u2", 3)
	b.rate("below", "usability", game.RaterTeam, 3)
	b.rate("below", "profitability", game.RaterTeam, 3)
	b.rate("below", "feasibility", game.RaterTeam, 2)
	b.rate("below", "feasibility", "u1", 3)
	b.play("above", "t1", "R03", "use")
	b.rate("above", "desirability", "u1", 3)
	b.rate("above", "desirability", "u2", 4)
	b.rate("above", "usability", game.RaterTeam, 3)
	b.rate("above", "profitability", game.RaterTeam, 2)
	b.rate("above", "feasibility", game.RaterTeam, 3)
	b.rate("above", "feasibility", "u1", 3)
	b.rate("above", "feasibility", "u2", 3)
	// Thirds: (3+3+4)/3 and (2+3+3)/3 average to 3, which floating-point
	// sums may land a hair below.
	b.play("thirds", "t2", "R04", "use")
	for i, v := range []int{3, 3, 4} {
		b.rate("thirds", "desirability", []string{game.RaterTeam, "u1", "u2"}[i], v)
	}
	for i, v := range []int{2, 3, 3} {
		b.rate("thirds", "usability", []string{game.RaterTeam, "u1", "u2"}[i], v)
	}
	b.rate("thirds", "feasibility", game.RaterTeam, 3)

	r := game.Results(b.f)
	for _, tt := range []struct {
		id                     string
		customer, organisation float64
		quadrant               string
	}{
		{"at", 3, 3, game.QuadrantDoNow},
		{"below", 2.75, 2.75, game.QuadrantPark},
		{"above", 3.25, 2.5, game.QuadrantMakeFeasible},
		{"thirds", 3, 3, game.QuadrantDoNow},
	} {
		p := playOf(t, r, tt.id)
		if !near(p.Customer.Mean, tt.customer) || !near(p.Organisation.Mean, tt.organisation) || p.Quadrant != tt.quadrant {
			t.Errorf("%s: customer %v, organisation %v, quadrant %q; want %v, %v, %q",
				tt.id, p.Customer.Mean, p.Organisation.Mean, p.Quadrant, tt.customer, tt.organisation, tt.quadrant)
		}
	}
}

func TestQuadrantToleratesRounding(t *testing.T) {
	// Four customer criteria whose means are 1, 3, 13/3 and 22/6 average
	// to exactly 3, but summed in floating point they give
	// 2.9999999999999996: still the midpoint, so still high.
	b := newBuilder(t)
	d := b.f.Workshop.Deck
	organisation := d.Criteria[3]
	d.Criteria = nil
	for _, key := range []string{"c1", "c2", "c3", "c4"} {
		d.Criteria = append(d.Criteria, cards.Criterion{Key: key, Name: cards.Text{"sv": key}, Perspective: cards.PerspectiveCustomer, Min: 1, Max: 5})
	}
	d.Criteria = append(d.Criteria, organisation)
	b.play("p", "t1", "R01", "collection")
	raters := []string{game.RaterTeam, "u1", "u2", "u3", "u4", "u5"}
	b.rate("p", "c1", game.RaterTeam, 1)
	b.rate("p", "c2", game.RaterTeam, 3)
	for i, v := range []int{5, 4, 4} {
		b.rate("p", "c3", raters[i], v)
	}
	for i, v := range []int{4, 4, 4, 4, 3, 3} {
		b.rate("p", "c4", raters[i], v)
	}
	b.rate("p", organisation.Key, game.RaterTeam, 3)
	p := playOf(t, game.Results(b.f), "p")
	if p.Customer.Mean >= 3 {
		t.Logf("customer mean summed to %v; the rounding this test is about did not happen", p.Customer.Mean)
	}
	if !near(p.Customer.Mean, 3) || p.Customer.Raters != 6 || p.Quadrant != game.QuadrantDoNow {
		t.Errorf("customer %+v, quadrant %q; want 3 from 6 raters, %q", p.Customer, p.Quadrant, game.QuadrantDoNow)
	}
}

func TestResultsMissingRatings(t *testing.T) {
	b := newBuilder(t)
	b.play("none", "t1", "R01", "collection")
	b.play("half", "t1", "R02", "collection")
	b.rate("half", "desirability", game.RaterTeam, 4)
	b.play("custonly", "t2", "R05", "use")
	b.rate("custonly", "desirability", game.RaterTeam, 5)
	b.rate("custonly", "usability", game.RaterTeam, 4)
	b.rate("custonly", "feasibility", game.RaterTeam, 2) // organisation half rated
	r := game.Results(b.f)

	none := playOf(t, r, "none")
	if none.Customer.Rated || none.Organisation.Rated || none.Quadrant != "" || none.Customer.Mean != 0 || none.Rated() {
		t.Errorf("an unrated play: %+v", none)
	}
	for key, s := range none.Criteria {
		if s.Rated || s.Raters != 0 {
			t.Errorf("unrated play's %s = %+v", key, s)
		}
	}
	half := playOf(t, r, "half")
	wantScore(t, "half-rated customer", half.Customer, game.Score{Mean: 4, Min: 4, Max: 4, Raters: 1, Rated: true})
	if half.Organisation.Rated || half.Quadrant != "" || half.Criteria["usability"].Rated {
		t.Errorf("a play rated on desirability only: %+v", half)
	}
	c := playOf(t, r, "custonly")
	wantScore(t, "customer", c.Customer, game.Score{Mean: 4.5, Min: 4, Max: 5, Raters: 1, Rated: true})
	wantScore(t, "organisation from feasibility alone", c.Organisation, game.Score{Mean: 2, Min: 2, Max: 2, Raters: 1, Rated: true})
	if c.Quadrant != game.QuadrantMakeFeasible {
		t.Errorf("quadrant = %q", c.Quadrant)
	}
}

func TestResultsNewestLiveRatingCounts(t *testing.T) {
	b := newBuilder(t)
	b.play("p1", "t1", "R01", "collection")
	b.rate("p1", "desirability", game.RaterTeam, 2)
	b.rate("p1", "desirability", game.RaterTeam, 5) // newer: counts
	b.rate("p1", "desirability", game.RaterTeam, 1).Deleted = true
	b.rate("p1", "usability", "u1", 1)
	newest := *b.rate("p1", "usability", "u1", 4) // counts, though listed first
	b.f.Ratings = slices.Insert(b.f.Ratings[:len(b.f.Ratings)-1], 0, newest)
	b.rate("p1", "profitability", "u2", 3).Deleted = true // the only one, deleted

	p := playOf(t, game.Results(b.f), "p1")
	wantScore(t, "desirability", p.Criteria["desirability"], game.Score{Mean: 5, Min: 5, Max: 5, Raters: 1, Rated: true})
	wantScore(t, "usability", p.Criteria["usability"], game.Score{Mean: 4, Min: 4, Max: 4, Raters: 1, Rated: true})
	if s := p.Criteria["profitability"]; s.Rated || s.Raters != 0 {
		t.Errorf("a deleted rating counted: %+v", s)
	}
	if n := len(game.CountedRatings(b.f)); n != 2 {
		t.Errorf("CountedRatings has %d, want 2", n)
	}
}

func TestResultsLeaveOutDeletedRecords(t *testing.T) {
	b := newBuilder(t)
	b.f.Teams = append(b.f.Teams, game.Team{ID: "t3", Name: "Borttaget bord", Position: 2, Deleted: true})
	b.f.Paths = append(b.f.Paths, game.Path{ID: "a2", TeamID: "t2", Name: "Struken väg", Deleted: true})
	b.play("live", "t2", "R01", "collection").PathID = "a2"
	b.rateAll("live", game.RaterTeam, 4, 4, 4, 4)
	b.play("gone", "t1", "R02", "collection").Deleted = true
	b.rateAll("gone", game.RaterTeam, 1, 1, 1, 1) // live ratings of a deleted play
	b.play("orphan", "t3", "R03", "use")          // a deleted team's play
	b.rateAll("orphan", game.RaterTeam, 1, 1, 1, 1)
	b.play("stray", "t9", "R04", "use") // a team the file does not hold
	// A participant deleted since still counts as a rater.
	b.f.Participants[1].Deleted = true
	b.rate("live", "desirability", "u2", 2)

	r := game.Results(b.f)
	if len(r.Plays) != 1 || r.Plays[0].Play.ID != "live" {
		t.Fatalf("plays = %v, want only the live play of a live team", r.Plays)
	}
	p := r.Plays[0]
	if p.Path != "" {
		t.Errorf("a deleted path's name %q shows", p.Path)
	}
	wantScore(t, "desirability", p.Criteria["desirability"], game.Score{Mean: 3, Min: 2, Max: 4, Raters: 2, Rated: true})
	if n := len(game.CountedRatings(b.f)); n != 5 {
		t.Errorf("CountedRatings has %d, want 5", n)
	}
	if r.Areas[0].Plays != 1 || r.Areas[1].Plays != 0 {
		t.Errorf("areas count deleted plays: %+v", r.Areas)
	}
}

func TestResultsTitlesInTheWorkshopsLanguage(t *testing.T) {
	b := newBuilder(t)
	b.play("p1", "t1", "R01", "collection")
	b.play("p2", "t2", "B01", "use").Text = "Kunden läser anteckningen i appen."
	b.play("p3", "t2", "R03", "use")
	r := game.Results(b.f)
	if got := playOf(t, r, "p2").Title; got != "Kunden läser anteckningen i appen." {
		t.Errorf("blank card's title = %q, want its own text", got)
	}
	b.f.Workshop.Language = "en"
	// A card the deck author left untranslated falls back to the default language.
	i := b.f.Workshop.Deck.CardByCode("R03")
	delete(b.f.Workshop.Deck.Cards[i].Title, "en")
	r = game.Results(b.f)
	if got := playOf(t, r, "p1").Title; got != "Collect only what is needed" {
		t.Errorf("English title = %q", got)
	}
	if got := playOf(t, r, "p3").Title; got != b.f.Workshop.Deck.Cards[i].Title["sv"] || got == "" {
		t.Errorf("untranslated title = %q, want the Swedish one", got)
	}
	if got := playOf(t, r, "p2"); got.Title != "Kunden läser anteckningen i appen." || got.Team != "Bord 2" {
		t.Errorf("blank card in English: %+v", got)
	}
}

// ranked makes a play result for ranking tests.
func ranked(id, code string, customer, organisation float64, custRated, orgRated bool) game.PlayResult {
	p := game.PlayResult{Play: game.Play{ID: id, Code: code}}
	if custRated {
		p.Customer = game.Score{Mean: customer, Rated: true}
	}
	if orgRated {
		p.Organisation = game.Score{Mean: organisation, Rated: true}
	}
	return p
}

func TestRankOrderAndTies(t *testing.T) {
	want := []game.PlayResult{
		ranked("b", "R01", 5, 3, true, true),            // sum 8, customer 5
		ranked("d", "R01", 5, 3, true, true),            // ties with b: by id
		ranked("c", "R02", 5, 3, true, true),            // ties with b and d: by code
		ranked("a", "R01", 4, 4, true, true),            // sum 8, customer 4
		ranked("t1", "R07", 1.0/3+2.0/3, 1, true, true), // sum 2 in another order...
		ranked("t2", "R08", 1, 2.0/3+1.0/3, true, true), // ...ties with it, then by customer: equal, then by code
		ranked("g", "R09", 1, 1, true, true),
		ranked("e", "R03", 5, 0, true, false), // one perspective only: after every play with both
		ranked("h", "R04", 0, 1, false, true),
		ranked("f", "R00", 0, 0, false, false), // unrated: last
		ranked("i", "R05", 0, 0, false, false),
	}
	ids := func(ps []game.PlayResult) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Play.ID)
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		plays := slices.Clone(want)
		rng.Shuffle(len(plays), func(i, j int) { plays[i], plays[j] = plays[j], plays[i] })
		game.Rank(plays)
		if !reflect.DeepEqual(ids(plays), ids(want)) {
			t.Fatalf("Rank = %v, want %v", ids(plays), ids(want))
		}
	}
}

func TestResultsRankedByTeamAndArea(t *testing.T) {
	b := newBuilder(t)
	b.play("p1", "t1", "R01", "collection")
	b.rateAll("p1", game.RaterTeam, 2, 2, 2, 2) // sum 4
	b.play("p2", "t1", "R02", "collection")
	b.rateAll("p2", game.RaterTeam, 5, 5, 4, 4) // sum 9
	b.play("p3", "t2", "R03", "use")
	b.rateAll("p3", game.RaterTeam, 4, 4, 4, 4) // sum 8
	b.play("p4", "t2", "R04", "use")            // unrated
	b.play("p5", "t2", "R05", "development")
	b.rateAll("p5", game.RaterTeam, 1, 1, 5, 5) // sum 6, make desirable
	r := game.Results(b.f)

	var order []string
	for _, p := range r.Plays {
		order = append(order, p.Play.ID)
	}
	if !slices.Equal(order, []string{"p2", "p3", "p5", "p1", "p4"}) {
		t.Errorf("ranked plays = %v", order)
	}
	byTeam := r.ByTeam()
	if len(byTeam) != 2 || len(byTeam["Bord 1"]) != 2 || byTeam["Bord 1"][0].Play.ID != "p2" ||
		len(byTeam["Bord 2"]) != 3 || byTeam["Bord 2"][0].Play.ID != "p3" || byTeam["Bord 2"][2].Play.ID != "p4" {
		t.Errorf("ByTeam = %v", byTeam)
	}
	if byArea := r.ByArea(); len(byArea["use"]) != 2 || byArea["use"][0].Play.ID != "p3" {
		t.Errorf("ByArea = %v", byArea)
	}

	want := []game.AreaSummary{
		{Area: "collection", Plays: 2, Rated: 2, Customer: 3.5, Organisation: 3},
		{Area: "use", Plays: 2, Rated: 1, Customer: 4, Organisation: 4},
		{Area: "communication"},
		{Area: "development", Plays: 1, Rated: 1, Customer: 1, Organisation: 5},
	}
	if !reflect.DeepEqual(r.Areas, want) {
		t.Errorf("Areas = %+v\nwant    %+v", r.Areas, want)
	}
	if q := playOf(t, r, "p5").Quadrant; q != game.QuadrantMakeDesirable {
		t.Errorf("p5 quadrant %q", q)
	}
}

func TestResultsOfAnEmptyWorkshop(t *testing.T) {
	r := game.Results(newBuilder(t).f)
	if r.Plays == nil || len(r.Plays) != 0 || len(r.Areas) != 4 || r.Workshop.Title == "" {
		t.Errorf("empty workshop: %+v", r)
	}
	// A workshop without a deck snapshot gives plays without scores, not a panic.
	f := &game.File{Teams: []game.Team{{ID: "t1", Name: "A"}}, Plays: []game.Play{{ID: "p", TeamID: "t1", Code: "R01", Area: "x"}}}
	if r := game.Results(f); len(r.Plays) != 1 || r.Plays[0].Title != "R01" || r.Midpoint != 0 {
		t.Errorf("no deck: %+v", r)
	}
}

// BenchmarkResults200 computes a workshop of 8 teams with 200 plays, each
// rated by its team and two participants on every criterion, some
// ratings changed once.
func BenchmarkResults200(b *testing.B) {
	bl := newBuilder(b)
	bl.f.Teams, bl.f.Participants = nil, nil
	for t := range 8 {
		team := fmt.Sprintf("t%d", t)
		bl.f.Teams = append(bl.f.Teams, game.Team{ID: team, Name: fmt.Sprintf("Bord %d", t+1), Position: t})
		for u := range 2 {
			bl.f.Participants = append(bl.f.Participants, game.Participant{ID: fmt.Sprintf("%s-u%d", team, u), TeamID: team, Pseudonym: fmt.Sprintf("Djur %d-%d", t, u)})
		}
	}
	areas := []string{"collection", "use", "communication", "development"}
	for i := range 200 {
		team := fmt.Sprintf("t%d", i%8)
		id := fmt.Sprintf("p%03d", i)
		bl.play(id, team, fmt.Sprintf("R%02d", i%40+1), areas[i%4])
		for j, rater := range []string{game.RaterTeam, team + "-u0", team + "-u1"} {
			bl.rateAll(id, rater, 1+(i+j)%5, 1+(i*3+j)%5, 1+(i*7+j)%5, 1+(i+2*j)%5)
		}
		if i%5 == 0 {
			bl.rate(id, "desirability", game.RaterTeam, 3)
		}
	}
	if r := game.Results(bl.f); len(r.Plays) != 200 || !r.Plays[199].Rated() {
		b.Fatalf("benchmark workshop: %d plays", len(r.Plays))
	}
	b.ReportAllocs()
	for b.Loop() {
		game.Results(bl.f)
	}
}

// A score tells the table's own rating from its participants' blind ones:
// whether the table rated and how many participants did, of a criterion
// and of a perspective.
func TestAScoreSaysWhoRatedIt(t *testing.T) {
	b := newBuilder(t)
	b.play("p1", "t1", "R01", "collection")
	b.rate("p1", "desirability", game.RaterTeam, 4)
	b.rate("p1", "desirability", "u1", 5)
	b.rate("p1", "desirability", "u2", 3)
	b.rate("p1", "usability", game.RaterTeam, 2)
	b.rate("p1", "profitability", "u2", 1)
	p := playOf(t, game.Results(b.f), "p1")
	for _, c := range []struct {
		what         string
		s            game.Score
		team         bool
		participants int
	}{
		{"desirability", p.Criteria["desirability"], true, 2},
		{"usability", p.Criteria["usability"], true, 0},
		{"profitability", p.Criteria["profitability"], false, 1},
		{"customer", p.Customer, true, 2},
		{"organisation", p.Organisation, false, 1},
	} {
		if c.s.Team != c.team || c.s.Participants != c.participants {
			t.Errorf("%s: team %v, %d participants; want %v, %d", c.what, c.s.Team, c.s.Participants, c.team, c.participants)
		}
	}
}
