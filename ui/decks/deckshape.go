package decks

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
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

// ShapeForm is the dialog that edits one area, criterion or card type of
// the deck shown at a time: the drop-down picks it (or a new one), the
// fields below show it, and Save stores the deck as the store checks it,
// with the rules of an import and without orphaning what workshops logged.
type ShapeForm struct {
	kind        shapeKind
	deck        *cards.Deck
	Pick        *kit.KeyedSelect
	Key         *kit.Field
	Names       map[string]*kit.Field // per language of the deck
	Texts       map[string]*kit.Field // an area's question or a card type's back, per language
	Colour      *kit.Field
	Prefix      *kit.Field
	Perspective *kit.KeyedSelect
	Min, Max    *kit.Field
	Remove      *kit.KeyedCheck
	Dialog      *kit.KeyedDialog
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
	s.Editor.leave(func() {
		f := newShapeForm(kind, s.deck.Clone(), s.Cards.cardLang())
		title := []string{lang.L("Board areas"), lang.L("Criteria"), lang.L("Card types")}[kind]
		f.Dialog = kit.NewForm(s.win, title, lang.L("Save"), f.items(), func(ok bool) {
			if ok {
				s.saveShape(f)
			}
		})
		f.Dialog.Resize(fyne.NewSize(560, f.Dialog.MinSize().Height))
		f.Dialog.Show()
		s.Shape = f
	}, nil)
}

func newShapeForm(kind shapeKind, d *cards.Deck, cardLang string) *ShapeForm {
	f := &ShapeForm{kind: kind, deck: d, Names: map[string]*kit.Field{}, Texts: map[string]*kit.Field{}}
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
	f.Remove = kit.NewKeyedCheck(lang.L("Remove it from the deck"), nil)
	keys, names := f.choices(d.Lang(cardLang))
	f.Pick = kit.NewKeyedSelect(f.show)
	f.Pick.SetOptions(keys, names)
	f.Pick.SetKey(keys[0])
	return f
}

// choices are the drop-down's items: the deck's, then a new one.
func (f *ShapeForm) choices(code string) (keys, names []string) {
	d := f.deck
	add := func(key string, name cards.Text) {
		keys, names = append(keys, key), append(names, fmt.Sprintf("%s (%s)", name.Or(code, d.DefaultLang), key))
	}
	newName := ""
	switch f.kind {
	case shapeAreas:
		for _, a := range d.Board.Areas {
			add(a.Key, a.Name)
		}
		newName = lang.L("New area")
	case shapeCriteria:
		for _, c := range d.Criteria {
			add(c.Key, c.Name)
		}
		newName = lang.L("New criterion")
	case shapeCardTypes:
		for _, t := range d.CardTypes {
			add(t.Key, t.Name)
		}
		newName = lang.L("New card type")
	}
	return append(keys, newItem), append(names, newName)
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
	return append(items, widget.NewFormItem("", f.Remove))
}

// show fills the fields with the item picked; a new one starts empty (a
// criterion on the scale most criteria have).
func (f *ShapeForm) show(key string) {
	var name, text cards.Text
	colour, prefix, perspective, lo, hi := "", "", cards.PerspectiveCustomer, "1", "5"
	if key == newItem {
		key = ""
	}
	switch f.kind {
	case shapeAreas:
		if a, ok := f.deck.Area(key); ok {
			name, text, colour = a.Name, a.Question, a.Colour
		}
	case shapeCriteria:
		if i := criterionIndex(f.deck, key); i >= 0 {
			c := f.deck.Criteria[i]
			name, perspective, lo, hi = c.Name, c.Perspective, strconv.Itoa(c.Min), strconv.Itoa(c.Max)
		}
	case shapeCardTypes:
		if t, ok := f.deck.CardType(key); ok {
			name, text, colour, prefix = t.Name, t.Back, t.Colour, t.Prefix
		}
	}
	f.Key.SetText(key)
	for code, field := range f.Names {
		field.SetText(name[code])
	}
	for code, field := range f.Texts {
		field.SetText(text[code])
	}
	f.Colour.SetText(colour)
	f.Prefix.SetText(prefix)
	f.Perspective.SetKeyQuietly(perspective)
	f.Min.SetText(lo)
	f.Max.SetText(hi)
	f.Remove.SetChecked(false)
}

func criterionIndex(d *cards.Deck, key string) int {
	return slices.IndexFunc(d.Criteria, func(c cards.Criterion) bool { return c.Key == key })
}

// texts is old with the fields' texts in the deck's languages, trimmed;
// an emptied field leaves no text in its language.
func texts(old cards.Text, fields map[string]*kit.Field) cards.Text {
	t := old.Clone()
	if t == nil {
		t = cards.Text{}
	}
	for code, field := range fields {
		if v := strings.TrimSpace(field.Text); v != "" {
			t[code] = v
		} else {
			delete(t, code)
		}
	}
	return t
}

// apply makes the change the form holds to d: the item picked removed,
// replaced, or (a new one) added at the end.
func (f *ShapeForm) apply(d *cards.Deck) error {
	picked, key := f.Pick.Key(), strings.TrimSpace(f.Key.Text)
	remove := f.Remove.Checked
	colour, prefix := strings.TrimSpace(f.Colour.Text), strings.TrimSpace(f.Prefix.Text)
	switch f.kind {
	case shapeAreas:
		i := slices.IndexFunc(d.Board.Areas, func(a cards.Area) bool { return a.Key == picked })
		var a cards.Area
		if i >= 0 {
			a = d.Board.Areas[i]
		}
		a.Key, a.Name, a.Question, a.Colour = key, texts(a.Name, f.Names), texts(a.Question, f.Texts), colour
		d.Board.Areas = put(d.Board.Areas, i, a, remove)
	case shapeCriteria:
		lo, err1 := strconv.Atoi(strings.TrimSpace(f.Min.Text))
		hi, err2 := strconv.Atoi(strings.TrimSpace(f.Max.Text))
		if !remove && (err1 != nil || err2 != nil) {
			return fmt.Errorf("%s", lang.L("The scale goes from a whole number to a whole number; write both in figures."))
		}
		i := criterionIndex(d, picked)
		var c cards.Criterion
		if i >= 0 {
			c = d.Criteria[i]
		}
		c.Key, c.Name, c.Perspective, c.Min, c.Max = key, texts(c.Name, f.Names), f.Perspective.Key(), lo, hi
		d.Criteria = put(d.Criteria, i, c, remove)
	case shapeCardTypes:
		i := slices.IndexFunc(d.CardTypes, func(t cards.CardType) bool { return t.Key == picked })
		var t cards.CardType
		if i >= 0 {
			t = d.CardTypes[i]
		}
		t.Key, t.Name, t.Back, t.Colour, t.Prefix = key, texts(t.Name, f.Names), texts(t.Back, f.Texts), colour, prefix
		d.CardTypes = put(d.CardTypes, i, t, remove)
	}
	return nil
}

// put replaces the i-th item, removes it, or adds a new one (i < 0) last.
func put[T any](items []T, i int, item T, remove bool) []T {
	switch {
	case i < 0 && remove:
		return items
	case i < 0:
		return append(items, item)
	case remove:
		return slices.Delete(items, i, i+1)
	}
	items[i] = item
	return items
}

// saveShape stores the deck as the form changes it. A refusal (a rule of
// the deck, or plays of workshops that would be orphaned) is said in one
// sentence and changes nothing.
func (s *Screen) saveShape(f *ShapeForm) {
	next := s.deck.Clone()
	if err := f.apply(next); err != nil {
		s.showError(err)
		return
	}
	if err := s.store.UpdateDeck(s.ctx, next); err != nil {
		s.showError(err)
		return
	}
	s.reopenDeck()
}
