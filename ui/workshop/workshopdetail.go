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

// playDetail is the right-hand pane: the selected card's area, path, role,
// interaction cards, ratings and notes; with no card selected, the team's
// notes.
type playDetail struct {
	s        *Screen
	box      *fyne.Container
	NoteKind *kit.KeyedSelect
	NoteText *kit.Field
	kindAt   string // the table and card the kind was last chosen for (notesedit.go)
	// prefixTaken: a kind's prefix was just taken out of the empty field,
	// so a space typed next is the prefix's, not the note's.
	prefixTaken bool
}

func newPlayDetail(s *Screen) *playDetail {
	d := &playDetail{s: s, box: container.NewVBox()}
	d.NoteKind = kit.NewKeyedSelect(nil)
	d.NoteText = kit.NewField()
	d.NoteText.SetPlaceHolder(lang.L("Write a note, Enter saves"))
	d.NoteText.OnSubmitted = func(string) { d.addNote() }
	d.NoteText.OnChanged = d.takeKindPrefix
	return d
}

func (d *playDetail) content() fyne.CanvasObject { return container.NewVScroll(d.box) }

// SelectPlay selects a card on the board.
func (s *Screen) SelectPlay(id string) {
	s.Selected = id
	s.show()
}

func (d *playDetail) show() {
	s := d.s
	deck := s.Deck()
	names := make([]string, len(game.NoteKinds))
	for i, k := range game.NoteKinds {
		names[i] = noteKindName(k)
	}
	d.NoteKind.SetOptions(game.NoteKinds, names)
	d.box.RemoveAll()
	p, ok := s.Play(s.Selected)
	if !ok {
		s.Selected = ""
	}
	d.resetKindFor(s.TeamID, s.Selected)
	if !ok {
		d.box.Add(kit.Heading(lang.L("Team notes")))
		d.notes("")
		return
	}
	d.box.Add(kit.Heading(p.Code + " · " + s.Session.Workshop.PlayTitleIn(p, s.lang())))
	card, _ := s.Session.Workshop.Card(p.Code)
	if body := card.Body.Or(s.lang(), deck.DefaultLang); body != "" && p.Text == "" {
		l := widget.NewLabel(body)
		l.Wrapping = fyne.TextWrapWord
		d.box.Add(l)
	}
	// What the note-taker needs most comes first: ratings, then the card's
	// place and role, notes, and the long list of interaction cards last.
	d.box.Add(kit.Heading(lang.L("Ratings (Enter, then number keys)")))
	if s.hidesRatings(p.ID) {
		d.box.Add(d.blindRatings(p))
	} else {
		d.box.Add(d.ratings(p))
		if own := d.individualRatings(p); own != nil {
			d.box.Add(own)
		}
	}
	d.box.Add(widget.NewForm(
		widget.NewFormItem(lang.L("Area"), d.areaSelect(p)),
		widget.NewFormItem(lang.L("Path"), d.pathSelect(p)),
		widget.NewFormItem(lang.L("Customer's role"), d.roleSelect(p)),
	))
	d.box.Add(kit.Heading(lang.L("Notes")))
	d.notes(p.ID)
	d.box.Add(kit.Heading(lang.L("Interaction")))
	d.box.Add(d.interactions(p))
	d.box.Add(widget.NewButtonWithIcon(lang.L("Take the card off the board (Del)"), theme.DeleteIcon(), func() { s.removePlay(p.ID) }))
}

// areaSelect moves the card to another area (as Alt+number and Ctrl+Shift+number do).
func (d *playDetail) areaSelect(p game.Play) fyne.CanvasObject {
	s := d.s
	deck := s.Deck()
	var keys, names []string
	current := ""
	for i, a := range deck.Board.Areas {
		keys, names = append(keys, strconv.Itoa(i)), append(names, fmt.Sprintf("%d %s", i+1, a.Name.Or(s.lang(), deck.DefaultLang)))
		if a.Key == p.Area {
			current = keys[i]
		}
	}
	sel := kit.NewKeyedSelect(nil)
	sel.SetOptions(keys, names)
	sel.SetKeyQuietly(current)
	sel.Select.OnChanged = func(string) {
		if i, err := strconv.Atoi(sel.Key()); err == nil {
			s.MoveSelected(i)
		}
	}
	return sel
}

func (d *playDetail) pathSelect(p game.Play) fyne.CanvasObject {
	s := d.s
	keys, names := []string{""}, []string{"—"}
	for _, path := range s.Session.Paths {
		if path.TeamID == p.TeamID {
			keys, names = append(keys, path.ID), append(names, path.Name)
		}
	}
	sel := kit.NewKeyedSelect(nil)
	sel.SetOptions(keys, names)
	sel.SetKeyQuietly(p.PathID)
	sel.Select.OnChanged = func(string) {
		after := p
		after.PathID = sel.Key()
		s.changePlay(p, after, fmt.Sprintf(lang.L("put %s in a path"), p.Code))
	}
	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { d.NewPath(p) })
	return container.NewBorder(nil, nil, nil, add, sel)
}

// NewPath asks for a name, makes a path for the team and puts the card in
// it. A name refused keeps the form, with the reason over it.
func (d *playDetail) NewPath(p game.Play) {
	s := d.s
	name := kit.NewField()
	name.SetText(fmt.Sprintf(lang.L("Path %d"), len(s.Session.Paths)+1))
	kit.ShowSaveForm(s.win, lang.L("New development path"), lang.L("Create"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), name)}, func() error {
			path := game.Path{ID: cards.NewID(), TeamID: p.TeamID, Name: name.Text, Position: len(s.Session.Paths)}
			if err := s.store.SavePath(s.ctx, s.Session.Workshop.ID, &path); err != nil {
				return err
			}
			after := p
			after.PathID = path.ID
			s.changePlay(p, after, fmt.Sprintf(lang.L("put %s in %s"), p.Code, path.Name))
			return nil
		})
	s.forms.pathName = name
}

func (d *playDetail) roleSelect(p game.Play) fyne.CanvasObject {
	s := d.s
	deck := s.Deck()
	keys, names := []string{""}, []string{"—"}
	for _, c := range deck.Cards {
		if c.Type == game.TypeRole {
			keys, names = append(keys, c.Code), append(names, c.Code+" "+c.Title.Or(s.lang(), deck.DefaultLang))
		}
	}
	sel := kit.NewKeyedSelect(nil)
	sel.SetOptions(keys, names)
	sel.SetKeyQuietly(p.Role)
	sel.Select.OnChanged = func(string) {
		after := p
		after.Role = sel.Key()
		s.changePlay(p, after, fmt.Sprintf(lang.L("linked a role to %s"), p.Code))
	}
	return sel
}

func (d *playDetail) interactions(p game.Play) fyne.CanvasObject {
	s := d.s
	deck := s.Deck()
	var labels []string
	codeOf := map[string]string{}
	for _, c := range deck.Cards {
		if c.Type == game.TypeInteraction {
			label := c.Code + " " + c.Title.Or(s.lang(), deck.DefaultLang)
			labels = append(labels, label)
			codeOf[label] = c.Code
		}
	}
	group := widget.NewCheckGroup(labels, nil)
	var selected []string
	for _, label := range labels {
		if slices.Contains(p.Interactions, codeOf[label]) {
			selected = append(selected, label)
		}
	}
	group.SetSelected(selected)
	group.OnChanged = func(chosen []string) {
		after := p
		after.Interactions = nil
		for _, label := range chosen {
			after.Interactions = append(after.Interactions, codeOf[label])
		}
		s.changePlay(p, after, fmt.Sprintf(lang.L("linked interaction to %s"), p.Code))
	}
	return group
}

// ratings shows the team's current rating of each criterion, as choices.
func (d *playDetail) ratings(p game.Play) fyne.CanvasObject {
	s := d.s
	deck := s.Deck()
	current := game.Current(s.Session.Ratings, p.ID, game.RaterTeam)
	form := widget.NewForm()
	for _, k := range deck.Criteria {
		var values []string
		for v := k.Min; v <= k.Max; v++ {
			values = append(values, strconv.Itoa(v))
		}
		radio := widget.NewRadioGroup(values, nil)
		radio.Horizontal = true
		if r, ok := current[k.Key]; ok {
			radio.SetSelected(strconv.Itoa(r.Value))
		}
		key := k.Key
		radio.OnChanged = func(v string) {
			if n, err := strconv.Atoi(v); err == nil {
				s.rate(p.ID, key, n)
			}
		}
		perspective := lang.L("customer")
		if k.Perspective == cards.PerspectiveOrganisation {
			perspective = lang.L("organisation")
		}
		form.Append(fmt.Sprintf("%s (%s)", k.Name.Or(s.lang(), deck.DefaultLang), perspective), radio)
	}
	return form
}

// notes lists the notes of a play (or the team's own, for "") and offers
// to add one.
func (d *playDetail) notes(playID string) {
	s := d.s
	for _, n := range s.shownNotes() {
		d.box.Add(d.noteRow(n))
	}
	add := widget.NewButtonWithIcon("", theme.ContentAddIcon(), d.addNote)
	// Kind, then text, then add, for Tab as on screen.
	d.box.Add(container.New(layout.NewBorderLayout(nil, nil, d.NoteKind, add), d.NoteKind, d.NoteText, add))
	d.box.Add(kindHint())
}

// addNote saves the typed note, of the chosen kind, on the selected card
// (or the team).
func (d *playDetail) addNote() {
	s := d.s
	if s.Session == nil || d.NoteText.Text == "" {
		return
	}
	n := game.Note{ID: cards.NewID(), TeamID: s.TeamID, PlayID: s.Selected, Kind: d.NoteKind.Key(), Text: d.NoteText.Text, At: s.Now().UTC()}
	if s.do(action{
		name: lang.L("a note"),
		redo: onceThenRestore(
			func() error { q := n; return s.store.SaveNote(s.ctx, s.Session.Workshop.ID, &q) },
			func() error { return s.store.RestoreNote(s.ctx, n.ID) }),
		undo: func() error { return s.store.DeleteNote(s.ctx, n.ID) },
	}) {
		d.NoteText.SetText("")
		d.NoteKind.SetKeyQuietly(game.NoteIdea) // the next note is an idea unless said otherwise
	}
}

func noteKindName(kind string) string {
	switch kind {
	case game.NoteIdea:
		return lang.L("Idea")
	case game.NoteConcern:
		return lang.L("Concern")
	case game.NoteDecision:
		return lang.L("Decision")
	case game.NoteQuote:
		return lang.L("Quote")
	case game.NoteAction:
		return lang.L("Action")
	}
	return kind
}
