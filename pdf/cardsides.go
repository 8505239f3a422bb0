package pdf

import (
	"cmp"
	"maps"
	"slices"

	"deckhand/cards"
)

// sideLayouts lays out the sides of a print's cards and collects what
// laying them out finds, for preflight and for the print alike. Copies of a
// card are consecutive in the print, so the face laid out last is kept for
// them, and one back per card type: memory does not grow with the deck.
type sideLayouts struct {
	print      *CardPrint
	lastFront  *cards.Card
	last       Face
	backs      map[string]Face
	found      issueSet // the plan's issues, then the fronts' as they are laid out
	backIssues map[string][]Issue
	backOrder  []string // the card types whose backs were laid out, in that order
}

func newSideLayouts(p *CardPrint) *sideLayouts {
	s := &sideLayouts{print: p, backs: map[string]Face{}, backIssues: map[string][]Issue{}}
	s.found.add(p.found...)
	return s
}

// front returns a card's face, laid out once for all its copies.
func (s *sideLayouts) front(c *cards.Card) Face {
	if c == s.lastFront {
		return s.last
	}
	f, issues := layoutFront(s.print.m, s.print.deck, *c, s.print.lang, s.print.opts.Size, s.print.opts.Safe)
	if s.print.opts.Proof {
		f = withProof(f, s.print.opts.Safe)
	}
	s.found.add(issues...)
	s.lastFront, s.last = c, f
	return f
}

// back returns the back of a card type, laid out once.
func (s *sideLayouts) back(typeKey string) Face {
	if f, ok := s.backs[typeKey]; ok {
		return f
	}
	f, issues := layoutBack(s.print.m, s.print.deck, typeKey, s.print.lang, s.print.opts.Size, s.print.opts.Safe)
	if s.print.opts.Proof {
		f = withProof(f, s.print.opts.Safe)
	}
	s.backs[typeKey] = f
	s.backIssues[typeKey] = issues
	s.backOrder = append(s.backOrder, typeKey)
	return f
}

// issues returns all that was found, each once, in preflight's order: the
// deck's and the sheet's, the fronts' in the order they print, then the
// backs' in the order of the deck's card types, a type the deck lacks last.
func (s *sideLayouts) issues() []Issue {
	rank := func(key string) int {
		if i := slices.IndexFunc(s.print.deck.CardTypes, func(t cards.CardType) bool { return t.Key == key }); i >= 0 {
			return i
		}
		return len(s.print.deck.CardTypes)
	}
	order := slices.Clone(s.backOrder)
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	all := issueSet{seen: maps.Clone(s.found.seen), list: slices.Clone(s.found.list)}
	for _, key := range order {
		all.add(s.backIssues[key]...)
	}
	return all.list
}
