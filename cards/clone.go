package cards

import "slices"

// Clone returns a deep copy of the deck: nothing in the copy shares memory
// with the original, so a client variant can be edited freely.
func (d *Deck) Clone() *Deck {
	c := *d
	c.Description = d.Description.Clone()
	c.Languages = slices.Clone(d.Languages)
	c.CardTypes = cloneEach(d.CardTypes, func(t CardType) CardType {
		t.Name, t.Back, t.Icon = t.Name.Clone(), t.Back.Clone(), slices.Clone(t.Icon)
		return t
	})
	c.Themes = cloneEach(d.Themes, cloneTerm)
	c.Levels = cloneEach(d.Levels, cloneTerm)
	c.Board.Areas = cloneEach(d.Board.Areas, func(a Area) Area {
		a.Name, a.Question = a.Name.Clone(), a.Question.Clone()
		return a
	})
	c.Criteria = cloneEach(d.Criteria, func(k Criterion) Criterion {
		k.Name = k.Name.Clone()
		return k
	})
	c.Look = d.Look.Clone()
	c.Cards = cloneEach(d.Cards, Card.Clone)
	return &c
}

func cloneTerm(t Term) Term {
	t.Name = t.Name.Clone()
	return t
}

// cloneEach copies a slice element by element; nil stays nil, so a clone
// compares equal to its original.
func cloneEach[T any](in []T, clone func(T) T) []T {
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = clone(v)
	}
	return out
}
