package game

import (
	"strings"

	"deckhand/cards"
)

// The axes a matrix of results can plot: either perspective's score (the
// mean of its criteria), or one criterion of the deck by its key. The
// Results screen offers them, the report and `deckhand report` take them
// by the same keys.
const (
	AxisCustomer     = cards.PerspectiveCustomer
	AxisOrganisation = cards.PerspectiveOrganisation
)

// AxisKeys lists the axes a matrix of deck d can plot, in the order a
// screen offers them: the organisation's score, the customer's, then each
// criterion in the deck's order.
func AxisKeys(d *cards.Deck) []string {
	keys := []string{AxisOrganisation, AxisCustomer}
	if d != nil {
		for _, c := range d.Criteria {
			keys = append(keys, c.Key)
		}
	}
	return keys
}

// FindAxis finds the axis that s names, in any case: a key of AxisKeys,
// or a criterion's name in one of the deck's languages. ok is false when
// s names none.
func FindAxis(d *cards.Deck, s string) (key string, ok bool) {
	s = strings.TrimSpace(s)
	for _, k := range AxisKeys(d) {
		if strings.EqualFold(k, s) {
			return k, true
		}
	}
	if d == nil {
		return "", false
	}
	for _, c := range d.Criteria {
		for _, name := range c.Name {
			if strings.EqualFold(strings.TrimSpace(name), s) {
				return c.Key, true
			}
		}
	}
	return "", false
}

// AxisPerspective is the perspective an axis of deck d measures: the
// perspective itself, or a criterion's; "" for an axis d does not have.
func AxisPerspective(d *cards.Deck, axis string) string {
	switch axis {
	case AxisCustomer, AxisOrganisation:
		return axis
	}
	if d != nil {
		for _, c := range d.Criteria {
			if c.Key == axis {
				return c.Perspective
			}
		}
	}
	return ""
}

// AxisScore is the play's score on an axis: a perspective's score, or a
// criterion's (not Rated when the play has none for it).
func (p PlayResult) AxisScore(axis string) Score {
	switch axis {
	case AxisCustomer:
		return p.Customer
	case AxisOrganisation:
		return p.Organisation
	}
	return p.Criteria[axis]
}
