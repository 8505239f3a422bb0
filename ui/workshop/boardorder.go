package workshop

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/lang"

	"deckhand/game"
)

// A card's place among the cards of its area is its Position: the order
// the board, the room view and the report show them in. Moving a card
// there (Alt+Up and Alt+Down, or a drag within its area) saves the cards
// whose place changed, as one action of the undo history.

// MoveSelectedBy moves the selected card step places down its area (up
// when step is negative).
func (s *Screen) MoveSelectedBy(step int) {
	p, ok := s.Play(s.Selected)
	if !ok {
		return
	}
	row := game.BoardOf(s.Session.Plays, p.TeamID)[p.Area]
	from := slices.IndexFunc(row, func(q game.Play) bool { return q.ID == p.ID })
	s.moveWithinArea(p.ID, from+step)
}

// moveWithinArea puts a card at index to among the other cards of its
// area, numbering their places afresh from 0.
func (s *Screen) moveWithinArea(id string, to int) {
	p, ok := s.Play(id)
	if !ok {
		return
	}
	row := game.BoardOf(s.Session.Plays, p.TeamID)[p.Area]
	from := slices.IndexFunc(row, func(q game.Play) bool { return q.ID == id })
	rest := slices.Delete(slices.Clone(row), from, from+1)
	to = min(max(to, 0), len(rest))
	if to == from {
		return
	}
	var before, after []game.Play
	for i, q := range slices.Insert(rest, to, p) {
		if q.Position != i {
			before = append(before, q)
			q.Position = i
			after = append(after, q)
		}
	}
	name := fmt.Sprintf(lang.L("moved %s down"), p.Code)
	if to < from {
		name = fmt.Sprintf(lang.L("moved %s up"), p.Code)
	}
	s.do(action{name: name, redo: s.savePlays(after), undo: s.savePlays(before)})
}

// savePlays saves plays one after another.
func (s *Screen) savePlays(plays []game.Play) func() error {
	return func() error {
		for _, p := range plays {
			q := p
			if err := s.store.SavePlay(s.ctx, s.Session.Workshop.ID, &q); err != nil {
				return err
			}
		}
		return nil
	}
}
