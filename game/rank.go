package game

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Rank sorts plays in place, best first, always in the same order for the
// same plays:
//
//  1. plays rated from both perspectives (PlayResult.Rated) come first,
//     then plays rated from one perspective only, then unrated plays;
//  2. within each group, by Customer.Mean + Organisation.Mean, highest
//     first (a half-rated play's sum has only one perspective, which is
//     why it is ranked in a group of its own);
//  3. then by Customer.Mean, highest first;
//  4. then by card code, then by play id, both ascending.
//
// Means are compared rounded to nine decimals, so two plays whose means
// are equal but were summed in another order tie as they should.
func Rank(plays []PlayResult) {
	// The order is found by index and then applied in place, cycle by
	// cycle: a PlayResult is large, and moving it at every step of the
	// sort costs more than comparing it.
	order := make([]int, len(plays)) // order[k]: the play that goes to k
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return comparePlays(&plays[a], &plays[b]) })
	for start := range order {
		if order[start] < 0 {
			continue // placed already
		}
		first := plays[start]
		at := start
		for order[at] != start {
			from := order[at]
			plays[at] = plays[from]
			order[at] = -1
			at = from
		}
		plays[at] = first
		order[at] = -1
	}
}

func comparePlays(a, b *PlayResult) int {
	if c := cmp.Compare(rankGroup(a), rankGroup(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(rounded(b.Customer.Mean+b.Organisation.Mean), rounded(a.Customer.Mean+a.Organisation.Mean)); c != 0 {
		return c
	}
	if c := cmp.Compare(rounded(b.Customer.Mean), rounded(a.Customer.Mean)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Play.Code, b.Play.Code); c != 0 {
		return c
	}
	return strings.Compare(a.Play.ID, b.Play.ID)
}

// rankGroup is 0 for a play rated from both perspectives, 1 for one rated
// from one, 2 for an unrated play.
func rankGroup(p *PlayResult) int {
	switch {
	case p.Rated():
		return 0
	case p.Customer.Rated || p.Organisation.Rated:
		return 1
	}
	return 2
}

func rounded(x float64) float64 { return math.Round(x*1e9) / 1e9 }

// ByTeam returns the workshop's plays by team name, each team's plays
// ranked (Rank). Two live teams with the same name share one list.
func (r *WorkshopResults) ByTeam() map[string][]PlayResult {
	return r.groupBy(func(p PlayResult) string { return p.Team })
}

// ByArea returns the workshop's plays by area key, each area's plays
// ranked (Rank).
func (r *WorkshopResults) ByArea() map[string][]PlayResult {
	return r.groupBy(func(p PlayResult) string { return p.Play.Area })
}

func (r *WorkshopResults) groupBy(key func(PlayResult) string) map[string][]PlayResult {
	out := map[string][]PlayResult{}
	for _, p := range r.Plays {
		out[key(p)] = append(out[key(p)], p)
	}
	for _, plays := range out {
		Rank(plays)
	}
	return out
}
