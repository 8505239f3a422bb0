package workshop

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/kit"
)

// paneParts are the widgets of the detail pane that every card shows,
// made once for a workshop's deck and language and filled in place for the
// card chosen. Made again for each card, they took most of a tap's time:
// every text measured and every radio and check icon coloured anew.
type paneParts struct {
	heading, body                                     *widget.Label
	ratingsHeading, notesHeading, interactionsHeading *widget.Label
	ratings                                           *widget.Form
	radios                                            []*kit.KeyedRadioGroup // the team's rating of each criterion, in the deck's order
	place                                             *widget.Form
	area, path, role                                  *kit.KeyedSelect
	pathKeys, pathNames                               []string // the choices of path, the table's
	interactions                                      *widget.CheckGroup
	codeOf                                            map[string]string // an interaction card's code by its label
	noteEntry, noteHint                               fyne.CanvasObject
	remove                                            *widget.Button
	notesShown                                        []game.Note // the notes noteRows were made for
	noteRows                                          []fyne.CanvasObject
}

// newPaneParts makes the pane's widgets for the workshop shown. Their
// handlers act on the card shown when they fire (playDetail.shown).
func (d *playDetail) newPaneParts() *paneParts {
	s := d.s
	deck := s.Deck()
	names := make([]string, len(game.NoteKinds))
	for i, k := range game.NoteKinds {
		names[i] = noteKindName(k)
	}
	d.NoteKind.SetOptions(game.NoteKinds, names)
	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), d.addNote)
	parts := &paneParts{
		heading:             kit.Heading(""),
		body:                widget.NewLabel(""),
		ratingsHeading:      kit.Heading(lang.L("Ratings (Enter, then number keys)")),
		notesHeading:        kit.Heading(lang.L("Notes")),
		interactionsHeading: kit.Heading(lang.L("Interaction")),
		area:                d.areaSelect(),
		path:                d.pathSelect(),
		role:                d.roleSelect(),
		// Kind, then text, then add, for Tab as on screen.
		noteEntry: container.New(layout.NewBorderLayout(nil, nil, d.NoteKind, add), d.NoteKind, d.NoteText, add),
		noteHint:  kindHint(),
		remove:    widget.NewButtonWithIcon(lang.L("Take the card off the board (Del)"), theme.DeleteIcon(), func() { s.removePlay(s.Selected) }),
	}
	parts.body.Wrapping = fyne.TextWrapWord
	parts.ratings, parts.radios = d.ratingsForm()
	addPath := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
		if p, ok := d.shown(); ok {
			d.NewPath(p)
		}
	})
	parts.place = widget.NewForm(
		widget.NewFormItem(lang.L("Area"), parts.area),
		widget.NewFormItem(lang.L("Path"), container.NewBorder(nil, nil, nil, addPath, parts.path)),
		widget.NewFormItem(lang.L("Customer's role"), parts.role),
	)
	parts.interactions, parts.codeOf = d.interactionGroup(deck)
	return parts
}

// ratingsForm offers the team's rating of each criterion as choices, one
// radio group per criterion in the deck's order.
func (d *playDetail) ratingsForm() (*widget.Form, []*kit.KeyedRadioGroup) {
	s := d.s
	deck := s.Deck()
	form := widget.NewForm()
	var radios []*kit.KeyedRadioGroup
	for _, k := range deck.Criteria {
		var values []string
		for v := k.Min; v <= k.Max; v++ {
			values = append(values, strconv.Itoa(v))
		}
		key := k.Key
		radio := kit.NewKeyedRadioGroup(values, func(v string) {
			p, ok := d.shown()
			if n, err := strconv.Atoi(v); ok && err == nil {
				s.rate(p.ID, key, n)
			}
		})
		radio.Horizontal = true
		// A rating is given again, never taken away by a click on it.
		radio.Required = true
		perspective := lang.L("customer")
		if k.Perspective == cards.PerspectiveOrganisation {
			perspective = lang.L("organisation")
		}
		form.Append(fmt.Sprintf("%s (%s)", k.Name.Or(s.lang(), deck.DefaultLang), perspective), radio)
		radios = append(radios, radio)
	}
	return form, radios
}

// areaSelect moves the card to another area (as Alt+number and Ctrl+Shift+number do).
func (d *playDetail) areaSelect() *kit.KeyedSelect {
	s := d.s
	deck := s.Deck()
	var keys, names []string
	for i, a := range deck.Board.Areas {
		keys, names = append(keys, strconv.Itoa(i)), append(names, fmt.Sprintf("%d %s", i+1, a.Name.Or(s.lang(), deck.DefaultLang)))
	}
	sel := kit.NewKeyedSelect(func(key string) {
		if i, err := strconv.Atoi(key); err == nil {
			s.MoveSelected(i)
		}
	})
	sel.SetOptions(keys, names)
	return sel
}

// pathSelect puts the card in one of its table's paths.
func (d *playDetail) pathSelect() *kit.KeyedSelect {
	s := d.s
	return kit.NewKeyedSelect(func(key string) {
		if p, ok := d.shown(); ok {
			after := p
			after.PathID = key
			s.changePlay(p, after, fmt.Sprintf(lang.L("put %s in a path"), p.Code))
		}
	})
}

// roleSelect links one of the deck's customer's roles to the card.
func (d *playDetail) roleSelect() *kit.KeyedSelect {
	s := d.s
	deck := s.Deck()
	keys, names := []string{""}, []string{"—"}
	for _, c := range deck.Cards {
		if c.Type == game.TypeRole {
			keys, names = append(keys, c.Code), append(names, c.Code+" "+c.Title.Or(s.lang(), deck.DefaultLang))
		}
	}
	sel := kit.NewKeyedSelect(func(key string) {
		if p, ok := d.shown(); ok {
			after := p
			after.Role = key
			s.changePlay(p, after, fmt.Sprintf(lang.L("linked a role to %s"), p.Code))
		}
	})
	sel.SetOptions(keys, names)
	return sel
}

// interactionGroup links the deck's interaction cards to the card, and
// maps each of its labels to the card's code.
func (d *playDetail) interactionGroup(deck *cards.Deck) (*widget.CheckGroup, map[string]string) {
	s := d.s
	var labels []string
	codeOf := map[string]string{}
	for _, c := range deck.Cards {
		if c.Type == game.TypeInteraction {
			label := c.Code + " " + c.Title.Or(s.lang(), deck.DefaultLang)
			labels = append(labels, label)
			codeOf[label] = c.Code
		}
	}
	group := widget.NewCheckGroup(labels, func(chosen []string) {
		p, ok := d.shown()
		if !ok {
			return
		}
		after := p
		after.Interactions = nil
		for _, label := range chosen {
			after.Interactions = append(after.Interactions, codeOf[label])
		}
		s.changePlay(p, after, fmt.Sprintf(lang.L("linked interaction to %s"), p.Code))
	})
	return group, codeOf
}

// fillRatings shows the team's current rating of each criterion of p.
// Only a choice that changed is redrawn.
func (parts *paneParts) fillRatings(s *Screen, p game.Play) {
	current := game.Current(s.Session.Ratings, p.ID, game.RaterTeam)
	for i, k := range s.Deck().Criteria {
		want := ""
		if r, ok := current[k.Key]; ok {
			want = strconv.Itoa(r.Value)
		}
		// Set as a field, not by SetSelected: showing what is stored saves nothing.
		if radio := parts.radios[i]; radio.Selected != want {
			radio.Selected = want
			radio.Refresh()
		}
	}
}

// fillPlace shows p's area, path and role; the choice of path is the
// table's paths.
func (parts *paneParts) fillPlace(s *Screen, p game.Play) {
	area := ""
	for i, a := range s.Deck().Board.Areas {
		if a.Key == p.Area {
			area = strconv.Itoa(i)
		}
	}
	parts.area.ShowKey(area)
	keys, names := []string{""}, []string{"—"}
	for _, path := range s.Session.Paths {
		if path.TeamID == p.TeamID {
			keys, names = append(keys, path.ID), append(names, path.Name)
		}
	}
	if !slices.Equal(keys, parts.pathKeys) || !slices.Equal(names, parts.pathNames) {
		parts.pathKeys, parts.pathNames = keys, names
		parts.path.SetOptions(keys, names)
	}
	parts.path.ShowKey(p.PathID)
	parts.role.ShowKey(p.Role)
}

// fillInteractions ticks the interaction cards linked to p.
func (parts *paneParts) fillInteractions(p game.Play) {
	var want []string
	for _, label := range parts.interactions.Options {
		if slices.Contains(p.Interactions, parts.codeOf[label]) {
			want = append(want, label)
		}
	}
	if !slices.Equal(parts.interactions.Selected, want) {
		parts.interactions.Selected = want
		parts.interactions.Refresh()
	}
}

// sameNotes reports whether two lists of notes show the same: the same
// notes, of the same kinds and texts, in the same order.
func sameNotes(a, b []game.Note) bool {
	return slices.EqualFunc(a, b, func(x, y game.Note) bool {
		return x.ID == y.ID && x.Kind == y.Kind && x.Text == y.Text
	})
}
