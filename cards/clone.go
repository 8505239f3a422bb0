package cards

import "slices"

// Clone returns a deep copy of the deck: nothing in the copy shares memory
// with the original, so a client variant can be edited freely.
func (d *Deck) Clone() *Deck {
	c := *d
	c.Description = d.Description.Clone()
	c.Languages = slices.Clone(d.Languages)
	c.CardTypes = make([]CardType, len(d.CardTypes))
	for i, t := range d.CardTypes {
		t.Name, t.Back = t.Name.Clone(), t.Back.Clone()
		c.CardTypes[i] = t
	}
	c.Themes = cloneTerms(d.Themes)
	c.Levels = cloneTerms(d.Levels)
	c.Board.Areas = make([]Area, len(d.Board.Areas))
	for i, a := range d.Board.Areas {
		a.Name, a.Question = a.Name.Clone(), a.Question.Clone()
		c.Board.Areas[i] = a
	}
	c.Criteria = make([]Criterion, len(d.Criteria))
	for i, k := range d.Criteria {
		k.Name = k.Name.Clone()
		c.Criteria[i] = k
	}
	if d.Cards != nil {
		c.Cards = make([]Card, len(d.Cards))
		for i, card := range d.Cards {
			c.Cards[i] = card.Clone()
		}
	}
	return &c
}

func cloneTerms(terms []Term) []Term {
	out := make([]Term, len(terms))
	for i, t := range terms {
		t.Name = t.Name.Clone()
		out[i] = t
	}
	return out
}
