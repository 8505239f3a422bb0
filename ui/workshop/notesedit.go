package workshop

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/kit"
)

// Correcting notes: a note is edited, moved to another card of its table
// (or to the table itself) and deleted from the detail pane, each an
// action of the screen's undo history. The kind of a new note is chosen
// by a prefix typed in the note field and goes back to Idea after each
// note and on another card.

// notePrefixes are the letters that, typed with a colon at the start of
// the note field, choose a kind: "q: …" is a quote.
var notePrefixes = map[string]string{
	"i": game.NoteIdea,
	"c": game.NoteConcern,
	"d": game.NoteDecision,
	"q": game.NoteQuote,
	"a": game.NoteAction,
}

// takeKindPrefix chooses the kind a prefix typed at the start of the note
// names and takes the prefix out of the field, and the space typed after it.
func (d *playDetail) takeKindPrefix(text string) {
	if d.prefixTaken && strings.HasPrefix(text, " ") {
		d.prefixTaken = false
		d.NoteText.SetText(strings.TrimLeft(text, " "))
		return
	}
	letter, rest, ok := strings.Cut(text, ":")
	kind, known := notePrefixes[strings.ToLower(letter)]
	d.prefixTaken = false
	if !ok || !known {
		return
	}
	d.NoteKind.SetKeyQuietly(kind)
	rest = strings.TrimLeft(rest, " ")
	d.NoteText.SetText(rest)
	d.prefixTaken = rest == ""
}

// kindHint says under the note field which prefix chooses which kind.
func kindHint() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("Start a note with q: for a quote, c: a concern, d: a decision, a: an action; it is an idea otherwise."))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// resetKindFor puts the kind back to Idea when the pane shows another card
// or table than it did: a kind chosen for one note is not carried to the
// next card's.
func (d *playDetail) resetKindFor(teamID, playID string) {
	if at := teamID + "/" + playID; at != d.kindAt || d.NoteKind.Key() == "" {
		d.kindAt = at
		d.NoteKind.SetKeyQuietly(game.NoteIdea)
	}
}

// noteRow is one note in the pane, with its buttons: edit (which also
// moves it to another card) and delete.
func (d *playDetail) noteRow(n game.Note) fyne.CanvasObject {
	l := widget.NewLabel(fmt.Sprintf("%s: %s", noteKindName(n.Kind), n.Text))
	l.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { d.s.EditNote(n.ID) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.s.DeleteNote(n.ID) })
	buttons := container.NewHBox(edit, del)
	return container.New(layout.NewBorderLayout(nil, nil, nil, buttons), l, buttons)
}

// shownNotes are the notes the detail pane lists now: the selected card's,
// or with none selected, the table's own.
func (s *Screen) shownNotes() []game.Note {
	var out []game.Note
	for _, n := range s.Session.Notes {
		if n.PlayID == s.Selected && (s.Selected != "" || n.TeamID == s.TeamID) {
			out = append(out, n)
		}
	}
	return out
}

// note is a live note of the workshop by id.
func (s *Screen) note(id string) (game.Note, bool) {
	for _, n := range s.Session.Notes {
		if n.ID == id {
			return n, true
		}
	}
	return game.Note{}, false
}

// newestShownNote is the id of the last note the pane lists, "" for none:
// the one a key edits or deletes.
func (s *Screen) newestShownNote() string {
	notes := s.shownNotes()
	if len(notes) == 0 {
		return ""
	}
	return notes[len(notes)-1].ID
}

// openForms are the correction forms opened last, each while or after it
// is shown, so that what opened one by a key can fill it in (tests).
type openForms struct {
	note        *noteForm
	details     *detailsForm
	tableName   *kit.Field
	participant *participantForm
	pathName    *kit.Field
}

// noteForm are the fields of the note being corrected.
type noteForm struct {
	Kind, On *kit.KeyedSelect
	Text     *kit.Field
	dialog   *kit.KeyedDialog
}

// EditNote opens a note to change its kind and text, or the card it is
// on (another card of its table, or the table); Save saves it as one
// action, which undo takes back. A refused note (emptied, too long)
// keeps the form, with the reason over it.
func (s *Screen) EditNote(id string) *noteForm {
	n, ok := s.note(id)
	if !ok {
		return nil
	}
	f := &noteForm{Kind: kit.NewKeyedSelect(nil), On: kit.NewKeyedSelect(nil), Text: kit.NewTextArea()}
	names := make([]string, len(game.NoteKinds))
	for i, k := range game.NoteKinds {
		names[i] = noteKindName(k)
	}
	f.Kind.SetOptions(game.NoteKinds, names)
	f.Kind.SetKeyQuietly(n.Kind)
	f.Text.SetText(n.Text)
	f.Text.SetMinRowsVisible(3)
	f.Text.EnterSubmits = true
	keys, labels := []string{""}, []string{s.teamName(n.TeamID)}
	board := game.BoardOf(s.Session.Plays, n.TeamID)
	for _, a := range s.Deck().Board.Areas {
		for _, p := range board[a.Key] {
			keys, labels = append(keys, p.ID), append(labels, s.playLabel(p))
		}
	}
	f.On.SetOptions(keys, labels)
	f.On.SetKeyQuietly(n.PlayID)
	f.dialog = kit.NewSaveForm(s.win, lang.L("Edit the note"), lang.L("Save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Kind"), f.Kind),
		widget.NewFormItem(lang.L("The note"), f.Text),
		widget.NewFormItem(lang.L("Belongs to"), f.On),
	}, func() error {
		after := n
		after.Kind, after.Text, after.PlayID = f.Kind.Key(), strings.TrimSpace(f.Text.Text), f.On.Key()
		if after.Kind == n.Kind && after.Text == n.Text && after.PlayID == n.PlayID {
			return nil
		}
		name := lang.L("an edited note")
		if after.PlayID != n.PlayID {
			name = fmt.Sprintf(lang.L("a note moved to %s"), f.On.Selected)
		}
		return s.changeNote(n, after, name)
	})
	f.Text.OnSubmitted = func(string) { f.dialog.Submit() }
	f.dialog.Resize(fyne.NewSize(520, f.dialog.MinSize().Height))
	f.dialog.Show()
	s.win.Canvas().Focus(f.Text)
	s.forms.note = f
	return f
}

// changeNote saves a corrected note so that undo puts the old one back;
// a refusal goes back to the form.
func (s *Screen) changeNote(before, after game.Note, name string) error {
	return s.try(action{
		name: name,
		redo: func() error { q := after; return s.store.SaveNote(s.ctx, s.Session.Workshop.ID, &q) },
		undo: func() error { q := before; return s.store.SaveNote(s.ctx, s.Session.Workshop.ID, &q) },
	})
}

// DeleteNote deletes a note (a tombstone); undo restores it.
func (s *Screen) DeleteNote(id string) {
	if _, ok := s.note(id); !ok {
		return
	}
	s.do(action{
		name: lang.L("the deletion of a note"),
		redo: func() error { return s.store.DeleteNote(s.ctx, id) },
		undo: func() error { return s.store.RestoreNote(s.ctx, id) },
	})
}

// teamName is the name of a table of the workshop shown.
func (s *Screen) teamName(id string) string {
	for _, t := range s.Session.Teams {
		if t.ID == id {
			return fmt.Sprintf(lang.L("The table: %s"), t.Name)
		}
	}
	return lang.L("The table")
}

// playLabel names a card on the board by its code and title (a blank
// card by the team's own routine).
func (s *Screen) playLabel(p game.Play) string {
	return p.Code + " " + s.Session.Workshop.PlayTitleIn(p, s.lang())
}
