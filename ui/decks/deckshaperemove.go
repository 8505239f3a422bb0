package decks

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// shapeRemoval is the row under a shape dialog's fields that removes the
// item shown. Remove… asks first, naming it and how many of the deck's
// cards use it; then the item is only marked: the drop-down and this row
// say it goes on Save, and Undo here keeps it, as Undo under the card list
// brings a deleted card back. Cancel keeps it too.
type shapeRemoval struct {
	win    fyne.Window
	row    *fyne.Container // holds Remove…, or the note and Undo
	Remove *kit.DialogButton
	Note   *widget.Label
	Undo   *kit.DialogButton
}

// make builds the row's buttons, which belong to the form's dialog, and
// shows the row for the item shown.
func (r *shapeRemoval) make(win fyne.Window, f *ShapeForm) {
	r.win = win
	r.Remove = kit.NewDialogButton(f.Dialog, lang.L("Remove…"), f.askRemove)
	r.Note = widget.NewLabel(lang.L("Removed when the deck is saved."))
	r.Note.Truncation = fyne.TextTruncateEllipsis
	r.Undo = kit.NewDialogButton(f.Dialog, lang.L("Undo"), func() { f.setRemoved(false) })
	r.show(f)
}

// show fills the row for the item shown, whose fields take typing unless
// it is to be removed.
func (r *shapeRemoval) show(f *ShapeForm) {
	if r.Remove == nil {
		return // the dialog is being made
	}
	removed := f.pending[f.shown].removed
	for _, w := range f.fields() {
		if removed {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if removed {
		r.row.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, r.Undo, r.Note)}
	} else {
		r.row.Objects = []fyne.CanvasObject{container.NewHBox(r.Remove)}
	}
	if f.shown == newItem {
		r.Remove.Disable() // a new one is not in the deck: Cancel drops it
	} else {
		r.Remove.Enable()
	}
	r.row.Refresh()
}

// fields are the form's fields for the item shown.
func (f *ShapeForm) fields() []fyne.Disableable {
	out := []fyne.Disableable{f.Key, f.Colour, f.Prefix, f.Perspective, f.Min, f.Max}
	for _, code := range f.deck.Languages {
		out = append(out, f.Names[code])
		if t, ok := f.Texts[code]; ok {
			out = append(out, t)
		}
	}
	return out
}

// askRemove asks before the item shown is marked for removal.
func (f *ShapeForm) askRemove() {
	kit.ShowConfirm(f.removal.win, lang.L("Remove from the deck"), f.removeQuestion(f.shown), func(yes bool) {
		if yes {
			f.setRemoved(true)
		}
	})
}

// removeQuestion names the item and, for an area or a card type, how many
// of the deck's cards use it: the deck saves only once none does.
func (f *ShapeForm) removeQuestion(key string) string {
	name := f.nameOf(key)
	using := func(uses func(cards.Card) bool) (n int) {
		for _, c := range f.deck.Cards {
			if uses(c) {
				n++
			}
		}
		return n
	}
	var q string
	switch f.kind {
	case shapeAreas:
		q = fmt.Sprintf(lang.L("Remove the area %s?"), name)
		if n := using(func(c cards.Card) bool { return c.Area == key }); n > 0 {
			q += " " + kit.Count(n, "%d card of this deck lies in it and must be moved to another area before the deck is saved.", "%d cards of this deck lie in it and must be moved to another area before the deck is saved.", n)
		}
	case shapeCriteria:
		q = fmt.Sprintf(lang.L("Remove the criterion %s?"), name)
	case shapeCardTypes:
		q = fmt.Sprintf(lang.L("Remove the card type %s?"), name)
		if n := using(func(c cards.Card) bool { return c.Type == key }); n > 0 {
			q += " " + kit.Count(n, "%d card of this deck is of this type and must be given another before the deck is saved.", "%d cards of this deck are of this type and must be given another before the deck is saved.", n)
		}
	}
	return q + " " + lang.L("It goes when the deck is saved; until then Undo keeps it.")
}

// setRemoved marks the item shown for removal on Save, or keeps it again,
// with what was typed for it.
func (f *ShapeForm) setRemoved(removed bool) {
	e := f.typed()
	e.removed = removed
	f.pending[f.shown] = e
	f.keepTyped() // kept again unchanged, it has nothing pending
	f.relabel()
	f.removal.show(f)
	f.removal.win.Canvas().Focus(f.Pick)
}
