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

// shapeKind is the part of a deck's shape a dialog edits.
type shapeKind int

const (
	shapeAreas shapeKind = iota
	shapeCriteria
	shapeCardTypes
)

// newItem is the drop-down's key for an item not in the deck yet (deck
// keys are lowercase letters and digits, so it cannot be one of them).
const newItem = "+new"

// ShapeForm is the dialog that edits the areas, criteria or card types of
// the deck shown, one at a time: the drop-down picks one (or a new one)
// and the fields below show it. What is typed for an item, or its removal,
// is kept while another is picked (pending, shapeedit.go), and Save stores
// all of it at once as the store checks a deck, with the rules of an
// import and without orphaning what workshops logged; Cancel drops it.
type ShapeForm struct {
	kind        shapeKind
	deck        *cards.Deck
	cardLang    string // the language the drop-down names the items in
	Pick        *kit.KeyedSelect
	Key         *kit.Field
	Names       map[string]*kit.Field // per language of the deck
	Texts       map[string]*kit.Field // an area's question or a card type's back, per language
	Colour      *kit.Field
	Prefix      *kit.Field
	Perspective *kit.KeyedSelect
	Min, Max    *kit.Field
	Dialog      *kit.KeyedDialog
	removal     shapeRemoval

	shown   string               // the key of the item the fields show, "" before the first
	pending map[string]shapeEdit // by item key: what was typed for it or its removal
}

// EditAreas edits the board's areas: names, questions and colours.
func (s *Screen) EditAreas() { s.editShape(shapeAreas) }

// EditCriteria edits the rating criteria: names, perspective and scale.
func (s *Screen) EditCriteria() { s.editShape(shapeCriteria) }

// EditCardTypes edits the card types: names, colours, code prefixes and
// the text on their backs.
func (s *Screen) EditCardTypes() { s.editShape(shapeCardTypes) }

func (s *Screen) editShape(kind shapeKind) {
	if s.deck == nil {
		return
	}
	// Before a removal the dialog asks about the cards that use the item.
	s.whenWhole(func() { s.Editor.leave(func() { s.openShapeForm(kind) }, nil) })
}

// openShapeForm opens the dialog of one part of the deck's shape.
func (s *Screen) openShapeForm(kind shapeKind) {
	f := newShapeForm(kind, s.deck.Clone(), s.Cards.cardLang())
	title := []string{lang.L("Board areas"), lang.L("Criteria"), lang.L("Card types")}[kind]
	f.Dialog = kit.NewSaveFormLater(s.win, title, lang.L("Save"), f.items(), func(done func(error)) { s.saveShape(f, done) })
	f.removal.make(s.win, f)
	f.Dialog.Resize(fyne.NewSize(560, f.Dialog.MinSize().Height))
	f.Dialog.Show()
	s.Shape = f
}

func newShapeForm(kind shapeKind, d *cards.Deck, cardLang string) *ShapeForm {
	f := &ShapeForm{kind: kind, deck: d, cardLang: d.Lang(cardLang), Names: map[string]*kit.Field{}, Texts: map[string]*kit.Field{}, pending: map[string]shapeEdit{}}
	f.Key, f.Colour, f.Prefix, f.Min, f.Max = kit.NewField(), kit.NewField(), kit.NewField(), kit.NewField(), kit.NewField()
	f.Colour.SetPlaceHolder("#RRGGBB")
	for _, code := range d.Languages {
		f.Names[code] = kit.NewField()
		if kind != shapeCriteria {
			f.Texts[code] = kit.NewTextArea()
			f.Texts[code].SetMinRowsVisible(2)
		}
	}
	f.Perspective = kit.NewKeyedSelect(nil)
	f.Perspective.SetOptions([]string{cards.PerspectiveCustomer, cards.PerspectiveOrganisation}, []string{lang.L("Customer"), lang.L("Organisation")})
	f.removal.row = container.NewStack()
	f.Pick = kit.NewKeyedSelect(f.show)
	f.Pick.SetKey(f.relabel()[0])
	return f
}

// relabel gives the drop-down the deck's items, then a new one, each
// marked when it is to be removed on Save; it returns their keys.
func (f *ShapeForm) relabel() []string {
	var keys []string
	newName := ""
	switch f.kind {
	case shapeAreas:
		for _, a := range f.deck.Board.Areas {
			keys = append(keys, a.Key)
		}
		newName = lang.L("New area")
	case shapeCriteria:
		for _, c := range f.deck.Criteria {
			keys = append(keys, c.Key)
		}
		newName = lang.L("New criterion")
	case shapeCardTypes:
		for _, t := range f.deck.CardTypes {
			keys = append(keys, t.Key)
		}
		newName = lang.L("New card type")
	}
	names := make([]string, len(keys))
	for i, key := range keys {
		names[i] = fmt.Sprintf("%s (%s)", f.nameOf(key), key)
		if f.pending[key].removed {
			names[i] = fmt.Sprintf(lang.L("%s: removed on Save"), names[i])
		}
	}
	keys, names = append(keys, newItem), append(names, newName)
	f.Pick.SetOptions(keys, names)
	return keys
}

// nameOf is an item's name as the deck has it, in the card language.
func (f *ShapeForm) nameOf(key string) string {
	return cards.Text(f.stored(key).names).Or(f.cardLang, f.deck.DefaultLang)
}

// items are the form's rows for the kind, the languages in the deck's order.
func (f *ShapeForm) items() []*widget.FormItem {
	pick := []string{lang.L("Area"), lang.L("Criterion"), lang.L("Card type")}[f.kind]
	items := []*widget.FormItem{widget.NewFormItem(pick, f.Pick), widget.NewFormItem(lang.L("Key"), f.Key)}
	for _, code := range f.deck.Languages {
		items = append(items, widget.NewFormItem(fmt.Sprintf(lang.L("Name (%s)"), cards.LanguageName(code)), f.Names[code]))
	}
	switch f.kind {
	case shapeAreas:
		for _, code := range f.deck.Languages {
			items = append(items, widget.NewFormItem(fmt.Sprintf(lang.L("Question (%s)"), cards.LanguageName(code)), f.Texts[code]))
		}
		items = append(items, widget.NewFormItem(lang.L("Colour"), f.Colour))
	case shapeCriteria:
		items = append(items, widget.NewFormItem(lang.L("Perspective"), f.Perspective),
			widget.NewFormItem(lang.L("Scale from"), f.Min), widget.NewFormItem(lang.L("Scale to"), f.Max))
	case shapeCardTypes:
		items = append(items, widget.NewFormItem(lang.L("Colour"), f.Colour), widget.NewFormItem(lang.L("Code prefix"), f.Prefix))
		for _, code := range f.deck.Languages {
			items = append(items, widget.NewFormItem(fmt.Sprintf(lang.L("Back (%s)"), cards.LanguageName(code)), f.Texts[code]))
		}
	}
	return append(items, widget.NewFormItem("", f.removal.row))
}

// show fills the fields with the item picked: as typed for it before, or
// as the deck has it; what the fields held goes to the item shown before.
func (f *ShapeForm) show(key string) {
	if f.shown != "" {
		f.keepTyped()
	}
	f.shown = key
	e, ok := f.pending[key]
	if !ok {
		e = f.stored(key)
	}
	f.fill(e)
	f.removal.show(f)
}

// saveShape stores the deck with every change the form holds, as one
// UpdateDeck. It runs off the UI goroutine, behind a box that says so:
// the store's check of what workshops logged reads all their plays and
// ratings. A refusal (a rule of the deck, or plays of workshops that would
// be orphaned) changes nothing and goes back to the form, which keeps all
// it holds; a scale in words shows its criterion.
func (s *Screen) saveShape(f *ShapeForm, done func(error)) {
	f.keepTyped()
	next := s.deck.Clone()
	if at, err := f.apply(next); err != nil {
		f.Pick.SetKey(at)
		done(err)
		return
	}
	s.saveDeck(next, done)
}

// saveDeck stores the deck's own fields off the UI goroutine, behind a
// working note, and opens the deck again once they are stored.
func (s *Screen) saveDeck(next *cards.Deck, done func(error)) {
	wait := kit.ShowWorking(s.win, lang.L("Saving the deck…"))
	go func() {
		err := s.store.UpdateDeck(s.ctx, next)
		s.toUI(func() {
			wait.Hide()
			done(err)
			if err == nil {
				s.reopenDeck()
			}
		})
	}()
}
