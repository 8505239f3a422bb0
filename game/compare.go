package game

import (
	"cmp"
	"slices"
	"strings"
)

// Match reports whether a workshop passes the filter: the same client and
// sector as the filter's, in any case and ignoring surrounding spaces,
// and a date from From to To, both days included. An empty field of the
// filter matches every workshop.
func (f Filter) Match(w *Workshop) bool {
	switch {
	case !sameWord(f.Client, w.Client), !sameWord(f.Sector, w.Sector):
		return false
	case f.From != "" && w.Date < f.From, f.To != "" && w.Date > f.To:
		return false
	}
	return true
}

func sameWord(filter, value string) bool {
	filter = strings.TrimSpace(filter)
	return filter == "" || strings.EqualFold(filter, strings.TrimSpace(value))
}

// Compare summarises card codes across the workshops that pass the filter:
// for each code laid on a board, how many times it was chosen (live plays
// of live teams, as Results counts them), in how many workshops, how many
// of those plays are rated (PlayResult.Rated), and the mean customer and
// organisation scores over the rated plays (0 when none is). The list is
// sorted by Chosen, most first, then by code. A card's title is the one in
// the snapshot of the newest workshop it was chosen in (by date, then id),
// in that workshop's language; a blank card's title is the deck's title
// for it, not one team's own text. A workshop given twice (the same id)
// counts once.
func Compare(files []*File, filter Filter) []CardSummary {
	type acc struct {
		CardSummary
		newest *Workshop
		seen   map[string]bool
	}
	byCode := map[string]*acc{}
	done := map[string]bool{}
	for _, f := range files {
		w := &f.Workshop
		if done[w.ID] || !filter.Match(w) {
			continue
		}
		done[w.ID] = true
		for _, p := range Results(f).Plays {
			a := byCode[p.Play.Code]
			if a == nil {
				a = &acc{CardSummary: CardSummary{Code: p.Play.Code}, seen: map[string]bool{}}
				byCode[p.Play.Code] = a
			}
			a.Chosen++
			if !a.seen[w.ID] {
				a.seen[w.ID] = true
				a.Workshops++
			}
			if p.Rated() {
				a.Rated++
				a.Customer += p.Customer.Mean
				a.Organisation += p.Organisation.Mean
			}
			if a.newest == nil || w.Date > a.newest.Date || (w.Date == a.newest.Date && w.ID > a.newest.ID) {
				a.newest = w
			}
		}
	}
	out := make([]CardSummary, 0, len(byCode))
	for code, a := range byCode {
		s := a.CardSummary
		if s.Rated > 0 {
			s.Customer /= float64(s.Rated)
			s.Organisation /= float64(s.Rated)
		}
		s.Title = code
		if d := a.newest.Deck; d != nil {
			if c, ok := a.newest.Card(code); ok {
				s.Title = firstNonEmpty(c.Title.Or(a.newest.Language, d.DefaultLang), code)
			}
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(x, y CardSummary) int {
		if c := cmp.Compare(y.Chosen, x.Chosen); c != 0 {
			return c
		}
		return strings.Compare(x.Code, y.Code)
	})
	return out
}
