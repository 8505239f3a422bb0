package workshop

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/kit"
)

// playDetail is the right-hand pane: the selected card's area, path, role,
// interaction cards, ratings and notes; with no card selected, the team's
// notes. Its widgets are made once for a workshop (paneParts) and filled
// in place for the card shown, so that choosing or rating a card redraws
// only what changed.
type playDetail struct {
	s        *Screen
	box      *fyne.Container
	NoteKind *kit.KeyedSelect
	NoteText *kit.Field
	kindAt   string // the table and card the kind was last chosen for (notesedit.go)
	// prefixTaken: a kind's prefix was just taken out of the empty field,
	// so a space typed next is the prefix's, not the note's.
	prefixTaken bool
	parts       *paneParts // nil until a workshop is shown
	builtFor    string     // the workshop parts were made for
}

// newPlayDetail makes the pane, empty until a workshop is shown.
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

// show fills the pane with the selected card, or the team's notes.
func (d *playDetail) show() {
	s := d.s
	if d.builtFor != s.Session.Workshop.ID {
		d.parts = d.newPaneParts()
		d.builtFor = s.Session.Workshop.ID
	}
	parts := d.parts
	p, ok := s.Play(s.Selected)
	if !ok {
		s.Selected = ""
	}
	d.resetKindFor(s.TeamID, s.Selected)
	if !ok {
		setText(parts.heading, lang.L("Team notes"))
		setObjects(d.box, append([]fyne.CanvasObject{parts.heading}, d.notes()...))
		return
	}
	setText(parts.heading, p.Code+" · "+s.Session.Workshop.PlayTitleIn(p, s.lang()))
	objects := []fyne.CanvasObject{parts.heading}
	card, _ := s.Session.Workshop.Card(p.Code)
	if body := card.Body.Or(s.lang(), s.Deck().DefaultLang); body != "" && p.Text == "" {
		setText(parts.body, body)
		objects = append(objects, parts.body)
	}
	// What the note-taker needs most comes first: ratings, then the card's
	// place and role, notes, and the long list of interaction cards last.
	objects = append(objects, parts.ratingsHeading)
	if s.hidesRatings(p.ID) {
		objects = append(objects, d.blindRatings(p))
	} else {
		parts.fillRatings(s, p)
		objects = append(objects, parts.ratings)
		if own := d.individualRatings(p); own != nil {
			objects = append(objects, own)
		}
	}
	parts.fillPlace(s, p)
	objects = append(objects, parts.place, parts.notesHeading)
	objects = append(objects, d.notes()...)
	parts.fillInteractions(p)
	setObjects(d.box, append(objects, parts.interactionsHeading, parts.interactions, parts.remove))
}

// shown is the card the pane shows, for its widgets' handlers.
func (d *playDetail) shown() (game.Play, bool) { return d.s.Play(d.s.Selected) }

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

// notes are the pane's rows of the notes shown (the selected card's, or
// the team's own), then the field to add one and its hint. The rows are
// made again only when the notes shown change.
func (d *playDetail) notes() []fyne.CanvasObject {
	parts := d.parts
	shown := d.s.shownNotes()
	if !sameNotes(shown, parts.notesShown) {
		parts.notesShown, parts.noteRows = shown, nil
		for _, n := range shown {
			parts.noteRows = append(parts.noteRows, d.noteRow(n))
		}
	}
	return append(slices.Clone(parts.noteRows), parts.noteEntry, parts.noteHint)
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
