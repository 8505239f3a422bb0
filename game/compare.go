package game

import (
	"cmp"
	"slices"
	"strings"

	"deckhand/cards"
)

// Match reports whether a workshop passes the filter: the same client and
// sector as the filter's, in any case (cards.SameName: å, ä and ö fold as
// a to z do) and ignoring surrounding spaces, and a date from From to To,
// both days included. An empty field of the filter matches every workshop.
func (f Filter) Match(w *Workshop) bool { return f.matches(w.Client, w.Sector, w.Date) }

func (f Filter) matches(client, sector, date string) bool {
	switch {
	case !sameWord(f.Client, client), !sameWord(f.Sector, sector):
		return false
	case f.From != "" && date < f.From, f.To != "" && date > f.To:
		return false
	}
	return true
}

func sameWord(filter, value string) bool {
	filter = strings.TrimSpace(filter)
	return filter == "" || cards.SameName(filter, strings.TrimSpace(value))
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
// counts once. It is CompareCards of each file's CardsOf.
func Compare(files []*File, filter Filter) []CardSummary {
	var workshops []WorkshopCards
	for _, f := range files {
		if filter.Match(&f.Workshop) {
			workshops = append(workshops, CardsOf(f))
		}
	}
	return CompareCards(workshops, filter)
}

// CompareCards is Compare over workshops' cards read before (CardsOf), in
// memory: the comparison a filter changed on screen asks for again.
func CompareCards(workshops []WorkshopCards, filter Filter) []CardSummary {
	type acc struct {
		CardSummary
		newest *WorkshopCards
		last   int // the workshop last counted in Workshops, by index
	}
	byCode := map[string]*acc{}
	done := map[string]bool{}
	for i := range workshops {
		w := &workshops[i]
		if done[w.ID] || !filter.matches(w.Client, w.Sector, w.Date) {
			continue
		}
		done[w.ID] = true
		for _, p := range w.Plays {
			a := byCode[p.Code]
			if a == nil {
				a = &acc{CardSummary: CardSummary{Code: p.Code}, last: -1}
				byCode[p.Code] = a
			}
			a.Chosen++
			if a.last != i { // a workshop's plays come together, and each workshop once
				a.last = i
				a.Workshops++
			}
			if p.Rated {
				a.Rated++
				a.Customer += p.Customer
				a.Organisation += p.Organisation
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
		s.Title = a.newest.titles[code]
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
