package decks

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"deckhand/cards"
)

// shapeEdit is what the shape dialog holds for one item until Save or
// Cancel: its fields as typed (texts by language), or its removal.
type shapeEdit struct {
	key, colour, prefix, perspective, lo, hi string
	names, texts                             map[string]string
	removed                                  bool
}

// stored is the item as the deck has it, in the form's terms; a new one
// starts empty (a criterion on the scale most criteria have).
func (f *ShapeForm) stored(key string) shapeEdit {
	var name, text cards.Text
	e := shapeEdit{perspective: cards.PerspectiveCustomer, lo: "1", hi: "5"}
	switch f.kind {
	case shapeAreas:
		if a, ok := f.deck.Area(key); ok {
			e.key, name, text, e.colour = key, a.Name, a.Question, a.Colour
		}
	case shapeCriteria:
		if i := criterionIndex(f.deck, key); i >= 0 {
			c := f.deck.Criteria[i]
			e.key, name, e.perspective, e.lo, e.hi = key, c.Name, c.Perspective, strconv.Itoa(c.Min), strconv.Itoa(c.Max)
		}
	case shapeCardTypes:
		if t, ok := f.deck.CardType(key); ok {
			e.key, name, text, e.colour, e.prefix = key, t.Name, t.Back, t.Colour, t.Prefix
		}
	}
	e.names, e.texts = map[string]string{}, map[string]string{}
	for code := range f.Names {
		e.names[code] = name[code]
	}
	for code := range f.Texts {
		e.texts[code] = text[code]
	}
	return e
}

// typed is what the fields hold now, for the item shown.
func (f *ShapeForm) typed() shapeEdit {
	e := shapeEdit{key: f.Key.Text, colour: f.Colour.Text, prefix: f.Prefix.Text, perspective: f.Perspective.Key(),
		lo: f.Min.Text, hi: f.Max.Text, names: map[string]string{}, texts: map[string]string{}, removed: f.pending[f.shown].removed}
	for code, field := range f.Names {
		e.names[code] = field.Text
	}
	for code, field := range f.Texts {
		e.texts[code] = field.Text
	}
	return e
}

// fill puts an item's values in the fields.
func (f *ShapeForm) fill(e shapeEdit) {
	f.Key.SetText(e.key)
	for code, field := range f.Names {
		field.SetText(e.names[code])
	}
	for code, field := range f.Texts {
		field.SetText(e.texts[code])
	}
	f.Colour.SetText(e.colour)
	f.Prefix.SetText(e.prefix)
	f.Perspective.SetKeyQuietly(e.perspective)
	f.Min.SetText(e.lo)
	f.Max.SetText(e.hi)
}

// keepTyped keeps what the fields hold as the shown item's pending edit,
// or forgets it when it is the item as the deck has it.
func (f *ShapeForm) keepTyped() {
	if e := f.typed(); reflect.DeepEqual(e, f.stored(f.shown)) {
		delete(f.pending, f.shown)
	} else {
		f.pending[f.shown] = e
	}
}

func criterionIndex(d *cards.Deck, key string) int {
	return slices.IndexFunc(d.Criteria, func(c cards.Criterion) bool { return c.Key == key })
}

// texts is old with the typed texts in the deck's languages, trimmed; an
// emptied field leaves no text in its language.
func texts(old cards.Text, typed map[string]string) cards.Text {
	t := old.Clone()
	if t == nil {
		t = cards.Text{}
	}
	for code, v := range typed {
		if v = strings.TrimSpace(v); v != "" {
			t[code] = v
		} else {
			delete(t, code)
		}
	}
	return t
}

// apply makes every pending change to d: each item edited in its place,
// each removed one gone, a new one added at the end. at is the key of the
// item whose values cannot be read (a scale in words).
func (f *ShapeForm) apply(d *cards.Deck) (at string, err error) {
	trim := strings.TrimSpace
	switch f.kind {
	case shapeAreas:
		d.Board.Areas, at, err = edited(d.Board.Areas, func(a cards.Area) string { return a.Key }, f.pending, func(a cards.Area, e shapeEdit) (cards.Area, error) {
			a.Key, a.Name, a.Question, a.Colour = trim(e.key), texts(a.Name, e.names), texts(a.Question, e.texts), trim(e.colour)
			return a, nil
		})
	case shapeCriteria:
		d.Criteria, at, err = edited(d.Criteria, func(c cards.Criterion) string { return c.Key }, f.pending, func(c cards.Criterion, e shapeEdit) (cards.Criterion, error) {
			lo, err1 := strconv.Atoi(trim(e.lo))
			hi, err2 := strconv.Atoi(trim(e.hi))
			if err1 != nil || err2 != nil {
				return c, errors.New(lang.L("The scale goes from a whole number to a whole number; write both in figures."))
			}
			c.Key, c.Name, c.Perspective, c.Min, c.Max = trim(e.key), texts(c.Name, e.names), e.perspective, lo, hi
			return c, nil
		})
	case shapeCardTypes:
		d.CardTypes, at, err = edited(d.CardTypes, func(t cards.CardType) string { return t.Key }, f.pending, func(t cards.CardType, e shapeEdit) (cards.CardType, error) {
			t.Key, t.Name, t.Back, t.Colour, t.Prefix = trim(e.key), texts(t.Name, e.names), texts(t.Back, e.texts), trim(e.colour), trim(e.prefix)
			return t, nil
		})
	}
	return at, err
}

// edited is items with the pending edits made by edit, in their order,
// the removed ones left out and a new one last; at is the key of the item
// edit refused.
func edited[T any](items []T, keyOf func(T) string, pending map[string]shapeEdit, edit func(T, shapeEdit) (T, error)) (out []T, at string, err error) {
	change := func(key string, item T) error {
		e, ok := pending[key]
		switch {
		case !ok:
			out = append(out, item)
		case !e.removed:
			changed, err := edit(item, e)
			if err != nil {
				return err
			}
			out = append(out, changed)
		}
		return nil
	}
	for _, item := range items {
		if err := change(keyOf(item), item); err != nil {
			return nil, keyOf(item), err
		}
	}
	if _, ok := pending[newItem]; ok {
		var fresh T
		if err := change(newItem, fresh); err != nil {
			return nil, newItem, err
		}
	}
	return out, "", nil
}
