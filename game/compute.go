package game

import (
	"slices"
	"strings"

	"deckhand/cards"
)

// Midpoint is the middle of the deck's rating scale, (min+max)/2, that
// splits low from high in the quadrants. When criteria have different
// scales the first criterion's scale is used; a deck without criteria has
// midpoint 0.
func Midpoint(d *cards.Deck) float64 {
	if d == nil || len(d.Criteria) == 0 {
		return 0
	}
	c := d.Criteria[0]
	return float64(c.Min+c.Max) / 2
}

// scoreTolerance absorbs the rounding of a mean of means, so that a
// perspective whose criteria average exactly to the midpoint counts as
// high even when the floating-point sum lands a hair below it.
const scoreTolerance = 1e-9

// IsHigh reports whether a mean counts as high against the midpoint: a
// mean at the midpoint is high (3 on a 1–5 scale is high, 2.75 is low).
func IsHigh(mean, midpoint float64) bool { return mean >= midpoint-scoreTolerance }

// QuadrantOf places a play on the desirability × feasibility matrix from
// its customer and organisation scores: a score at or above the midpoint
// is high (see IsHigh). It is "" unless both scores are rated.
func QuadrantOf(customer, organisation Score, midpoint float64) string {
	if !customer.Rated || !organisation.Rated {
		return ""
	}
	switch c, o := IsHigh(customer.Mean, midpoint), IsHigh(organisation.Mean, midpoint); {
	case c && o:
		return QuadrantDoNow
	case c:
		return QuadrantMakeFeasible
	case o:
		return QuadrantMakeDesirable
	}
	return QuadrantPark
}

// PlayTitle is what a play is called in the workshop's language: a blank
// card's own text, else the card's title in the workshop's language from
// the deck snapshot (falling back to the deck's default language), else
// the card's code when the snapshot lacks the card.
func (w *Workshop) PlayTitle(p Play) string { return w.PlayTitleIn(p, w.Language) }

// PlayTitleIn is PlayTitle in another language: the board and the room
// view name a play so, in the language they are shown in.
func (w *Workshop) PlayTitleIn(p Play, lang string) string {
	if w.Deck == nil {
		return firstNonEmpty(p.Text, p.Code)
	}
	c, ok := w.Card(p.Code)
	return w.titleOf(p, &c, ok, lang)
}

// titleOf is PlayTitleIn of a play whose card (ok: found in the deck) was
// looked up already.
func (w *Workshop) titleOf(p Play, c *cards.Card, ok bool, lang string) string {
	switch {
	case !ok:
		return firstNonEmpty(p.Text, p.Code)
	case c.Type == TypeBlank && p.Text != "":
		return p.Text
	}
	return firstNonEmpty(c.Title.Or(lang, w.Deck.DefaultLang), p.Text, p.Code)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// Results computes the results of one workshop from its records
// (domain.md, "Results"): every live play of a live team with its team's
// and path's names, its title (PlayTitle), a Score per criterion of the
// deck, the customer and organisation scores and the quadrant
// (QuadrantOf, against Midpoint), ranked by Rank; and a summary per board
// area in board order. f is not changed. How it counts:
//
//   - Only live records count: a deleted play, a play of a deleted team
//     (or of a team the file does not hold) and a deleted rating are left
//     out. A path that is deleted leaves its plays without a path name.
//   - For each play, criterion and rater the newest live rating counts
//     (Current); a criterion's Score is over the raters who rated it: the
//     team (RaterTeam) and each participant who rated blind count as one
//     rater each. A rating by a participant who was since deleted still
//     counts: removing a person's details does not change what was rated.
//   - A perspective's Score (Customer, Organisation) is the mean of the
//     means of its criteria that are rated; it is Rated as soon as one of
//     them is. Its Min and Max are the lowest Min and highest Max of those
//     criteria and its Raters the most raters any of them had. A play
//     whose customer side is only half rated thus still gets a customer
//     score, from the criterion that was rated.
//   - The quadrant needs both perspectives rated (else it is ""); a
//     perspective at or above the midpoint is high, below it low (IsHigh):
//     on a 1–5 scale 3 is high and 2.75 low.
//   - Ratings of a criterion the deck does not have are ignored.
//
// The result's Workshop shares f's deck snapshot.
func Results(f *File) *WorkshopResults {
	w := &f.Workshop
	res := &WorkshopResults{Workshop: f.Workshop, Midpoint: Midpoint(w.Deck), Plays: make([]PlayResult, 0, len(f.Plays))}
	var criteria []cards.Criterion
	if w.Deck != nil {
		criteria = w.Deck.Criteria
	}
	idx := indexFile(f)
	cardOf := w.cardFinder()
	var counted, ofOne []*Rating
	var customer, organisation []Score
	for _, p := range f.Plays {
		team, ok := idx.teams[p.TeamID]
		if p.Deleted || !ok {
			continue
		}
		pr := PlayResult{Play: p, Team: team.Name, Title: firstNonEmpty(p.Text, p.Code), Criteria: make(map[string]Score, len(criteria))}
		if w.Deck != nil {
			c, ok := cardOf(p.Code)
			pr.Title = w.titleOf(p, c, ok, w.Language)
		}
		if path, ok := idx.paths[p.PathID]; ok {
			pr.Path = path.Name
		}
		counted = countedOf(idx.ratings[p.ID], counted)
		customer, organisation = customer[:0], organisation[:0]
		for _, c := range criteria {
			ofOne = ofCriterion(counted, c.Key, ofOne)
			s := scoreOf(ofOne)
			pr.Criteria[c.Key] = s
			if !s.Rated {
				continue
			}
			switch c.Perspective {
			case cards.PerspectiveCustomer:
				customer = append(customer, s)
			case cards.PerspectiveOrganisation:
				organisation = append(organisation, s)
			}
		}
		pr.Customer, pr.Organisation = meanOfScores(customer), meanOfScores(organisation)
		pr.Quadrant = QuadrantOf(pr.Customer, pr.Organisation, res.Midpoint)
		res.Plays = append(res.Plays, pr)
	}
	Rank(res.Plays)
	res.Areas = summarizeAreas(w.Deck, res.Plays)
	return res
}

// fileIndex holds a file's live teams and paths by id, and its live
// ratings by play: pointers into the file, which must not change while
// the index is used.
type fileIndex struct {
	teams   map[string]*Team
	paths   map[string]*Path
	ratings map[string][]*Rating // by play id, in the file's order
}

func indexFile(f *File) fileIndex {
	idx := fileIndex{
		teams:   make(map[string]*Team, len(f.Teams)),
		paths:   make(map[string]*Path, len(f.Paths)),
		ratings: make(map[string][]*Rating, len(f.Plays)),
	}
	for i, t := range f.Teams {
		if !t.Deleted {
			idx.teams[t.ID] = &f.Teams[i]
		}
	}
	for i, p := range f.Paths {
		if !p.Deleted {
			idx.paths[p.ID] = &f.Paths[i]
		}
	}
	// Each play's ratings are a part of one array, counted out first,
	// instead of a slice of its own grown rating by rating.
	perPlay := make(map[string]int, len(f.Plays))
	live := 0
	for _, r := range f.Ratings {
		if !r.Deleted {
			perPlay[r.PlayID]++
			live++
		}
	}
	all := make([]*Rating, live)
	for play, n := range perPlay {
		idx.ratings[play], all = all[:0:n], all[n:]
	}
	for i, r := range f.Ratings {
		if !r.Deleted {
			idx.ratings[r.PlayID] = append(idx.ratings[r.PlayID], &f.Ratings[i])
		}
	}
	return idx
}

// cardFinder is Card for the workshop's plays, which look up the same few
// codes again and again: each code is looked up once. It needs the deck.
func (w *Workshop) cardFinder() func(code string) (*cards.Card, bool) {
	found := map[string]int{}
	return func(code string) (*cards.Card, bool) {
		i, ok := found[code]
		if !ok {
			i = w.Deck.CardByCode(strings.TrimSpace(code))
			found[code] = i
		}
		if i < 0 {
			return nil, false
		}
		return &w.Deck.Cards[i], true
	}
}

// countedOf returns, of one play's live ratings, those that count: for
// each rater and criterion the newest (as Current picks it), in no
// particular order. It reuses dst's array.
func countedOf(ratings []*Rating, dst []*Rating) []*Rating {
	dst = dst[:0]
	for _, r := range ratings {
		i := slices.IndexFunc(dst, func(c *Rating) bool { return c.Criterion == r.Criterion && c.Rater == r.Rater })
		switch {
		case i < 0:
			dst = append(dst, r)
		case replaces(r, dst[i]):
			dst[i] = r
		}
	}
	return dst
}

// ofCriterion returns those of countedOf's ratings that are of one
// criterion, in dst's array.
func ofCriterion(counted []*Rating, key string, dst []*Rating) []*Rating {
	dst = dst[:0]
	for _, r := range counted {
		if r.Criterion == key {
			dst = append(dst, r)
		}
	}
	return dst
}

// CountedRatings lists the ratings of the workshop that count (see
// Results): for each live play of a live team, criterion of the deck and
// rater, the newest live rating. They are in the order of the file's
// plays, then the deck's criteria, then by rater id.
func CountedRatings(f *File) []Rating {
	idx := indexFile(f)
	var out []Rating
	var counted, ofOne []*Rating
	for _, p := range f.Plays {
		if _, ok := idx.teams[p.TeamID]; p.Deleted || !ok || f.Workshop.Deck == nil {
			continue
		}
		counted = countedOf(idx.ratings[p.ID], counted)
		for _, c := range f.Workshop.Deck.Criteria {
			ofOne = ofCriterion(counted, c.Key, ofOne)
			slices.SortFunc(ofOne, func(a, b *Rating) int { return strings.Compare(a.Rater, b.Rater) })
			for _, r := range ofOne {
				out = append(out, *r)
			}
		}
	}
	return out
}

// RatingsCounted is how many ratings count in the results: as many as
// CountedRatings lists of the file they were computed from. It needs the
// deck (WithoutDeck's results count none).
func (r *WorkshopResults) RatingsCounted() int {
	if r.Workshop.Deck == nil {
		return 0
	}
	n := 0
	for _, p := range r.Plays {
		for _, c := range r.Workshop.Deck.Criteria {
			n += p.Criteria[c.Key].Raters
		}
	}
	return n
}

// scoreOf is the Score of one criterion from the ratings that count, one
// per rater.
func scoreOf(ratings []*Rating) Score {
	if len(ratings) == 0 {
		return Score{}
	}
	s := Score{Min: ratings[0].Value, Max: ratings[0].Value, Raters: len(ratings), Rated: true}
	sum := 0
	for _, r := range ratings {
		sum += r.Value
		s.Min, s.Max = min(s.Min, r.Value), max(s.Max, r.Value)
		if r.Rater == RaterTeam {
			s.Team = true
		} else {
			s.Participants++
		}
	}
	s.Mean = float64(sum) / float64(len(ratings))
	return s
}

// meanOfScores is a perspective's Score from its rated criteria's scores:
// the mean of their means, the lowest Min, the highest Max and the most
// raters; Team when the table rated one of them. It is not rated when no
// criterion is.
func meanOfScores(scores []Score) Score {
	if len(scores) == 0 {
		return Score{}
	}
	s := Score{Min: scores[0].Min, Max: scores[0].Max, Rated: true}
	sum := 0.0
	for _, c := range scores {
		sum += c.Mean
		s.Min, s.Max, s.Raters = min(s.Min, c.Min), max(s.Max, c.Max), max(s.Raters, c.Raters)
		s.Team, s.Participants = s.Team || c.Team, max(s.Participants, c.Participants)
	}
	s.Mean = sum / float64(len(scores))
	return s
}

// Rated reports whether both the customer and the organisation side of
// the play are rated, so it has a quadrant. Area summaries, rankings and
// comparisons count such plays as rated.
func (p PlayResult) Rated() bool { return p.Customer.Rated && p.Organisation.Rated }

// summarizeAreas counts the plays in each area of the board, in board
// order; an area no play lies in is listed with zeros. Plays in an area
// the board does not have (which the rules refuse) get a summary of their
// own after the board's areas, by key. Customer and Organisation are the
// means over the area's rated plays (PlayResult.Rated), 0 when none is.
func summarizeAreas(d *cards.Deck, plays []PlayResult) []AreaSummary {
	var keys []string
	if d != nil {
		for _, a := range d.Board.Areas {
			keys = append(keys, a.Key)
		}
	}
	var extra []string
	for _, p := range plays {
		if !slices.Contains(keys, p.Play.Area) && !slices.Contains(extra, p.Play.Area) {
			extra = append(extra, p.Play.Area)
		}
	}
	slices.Sort(extra)
	keys = append(keys, extra...)
	out := make([]AreaSummary, len(keys))
	for i, key := range keys {
		a := AreaSummary{Area: key}
		for _, p := range plays {
			if p.Play.Area != key {
				continue
			}
			a.Plays++
			if p.Rated() {
				a.Rated++
				a.Customer += p.Customer.Mean
				a.Organisation += p.Organisation.Mean
			}
		}
		if a.Rated > 0 {
			a.Customer /= float64(a.Rated)
			a.Organisation /= float64(a.Rated)
		}
		out[i] = a
	}
	return out
}
