package decks

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// NewDeck asks for a name, client and languages, and makes an empty deck
// with the default deck's card types, themes, board and criteria. A name
// taken keeps the form, with the reason over it.
func (s *Screen) NewDeck() {
	name, client := kit.NewField(), kit.NewField()
	langs := kit.NewCheckRow([]string{"sv", "fi", "en"}, []string{"sv", "fi", "en"})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Client"), client),
		widget.NewFormItem(lang.L("Languages"), langs),
	}
	s.Editor.leave(func() {
		kit.ShowSaveForm(s.win, lang.L("New deck"), lang.L("Create"), items, func() error {
			return s.createDeck(name.Text, client.Text, langs.Ticked())
		})
		s.win.Canvas().Focus(name)
	}, nil)
}

// createDeck makes and stores an empty deck; the Decks screen then shows
// it. A refusal goes back to the form.
func (s *Screen) createDeck(name, client string, languages []string) error {
	if s.template == nil {
		return errors.New(lang.L("the default deck could not be read, so there is nothing to base a new deck on"))
	}
	d := s.template.Clone()
	d.Name, d.Client = strings.TrimSpace(name), strings.TrimSpace(client)
	d.Description = nil
	d.Languages = nil
	for _, code := range []string{"sv", "fi", "en"} { // keep a stable order
		if slices.Contains(languages, code) {
			d.Languages = append(d.Languages, code)
		}
	}
	if len(d.Languages) > 0 && !d.HasLanguage(d.DefaultLang) {
		d.DefaultLang = d.Languages[0]
	}
	if err := s.store.CreateDeck(s.ctx, d); err != nil {
		return err
	}
	s.ReloadDecks(d.ID)
	return nil
}

// CloneDeck copies the deck shown for a client, in the languages ticked
// (a Finnish-only client deck), with the default language chosen. A copy
// refused (no language, a name taken) keeps the form, with the reason
// over it.
func (s *Screen) CloneDeck() {
	if s.deck == nil {
		return
	}
	src := s.deck
	name, client := kit.NewField(), kit.NewField()
	name.SetText(fmt.Sprintf(lang.L("%s (copy)"), src.Name))
	langs, def := languageFields(src.Languages, src.Languages, src.DefaultLang)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Client"), client),
		widget.NewFormItem(lang.L("Languages"), langs),
		widget.NewFormItem(lang.L("Default language"), def),
	}
	s.Editor.leave(func() {
		kit.ShowSaveForm(s.win, fmt.Sprintf(lang.L("Clone %s for a client"), src.Name), lang.L("Clone"), items, func() error {
			return s.cloneDeckAs(src.ID, name.Text, client.Text, langs.Ticked(), def.Key())
		})
	}, nil)
}

// tickRow is a row of tick boxes (kit.NewCheckRow).
type tickRow interface {
	fyne.CanvasObject
	Ticked() []string
}

// languageFields are the tick boxes of a deck's languages, among options,
// and the drop-down of its default language.
func languageFields(options, ticked []string, def string) (tickRow, *kit.KeyedSelect) {
	names := make([]string, len(options))
	for i, code := range options {
		names[i] = cards.LanguageName(code)
	}
	sel := kit.NewKeyedSelect(nil)
	sel.SetOptions(options, names)
	sel.SetKeyQuietly(def)
	return kit.NewCheckRow(options, ticked), sel
}

// cloneDeckAs stores the copy and shows it; a refusal goes back to the form.
func (s *Screen) cloneDeckAs(id, name, client string, languages []string, def string) error {
	if len(languages) == 0 {
		return errors.New(lang.L("The copy needs at least one language; tick one and clone again."))
	}
	clone, err := s.store.CloneDeckIn(s.ctx, id, name, client, languages, def)
	if err != nil {
		return err
	}
	s.ReloadDecks(clone.ID)
	return nil
}

// EditDeck edits the deck's name, client, description, languages and
// default language. Details refused keep the form, with the reason over it.
func (s *Screen) EditDeck() {
	if s.deck == nil {
		return
	}
	d := s.deck
	descLang := s.Cards.cardLang()
	name, client, desc := kit.NewField(), kit.NewField(), kit.NewTextArea()
	name.SetText(d.Name)
	client.SetText(d.Client)
	desc.SetText(d.Description[descLang])
	desc.SetMinRowsVisible(5)
	options := slices.Clone(d.Languages)
	for _, code := range []string{"sv", "fi", "en"} {
		if !slices.Contains(options, code) {
			options = append(options, code)
		}
	}
	langs, def := languageFields(options, d.Languages, d.DefaultLang)
	shape := container.NewHBox()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Client"), client),
		widget.NewFormItem(fmt.Sprintf(lang.L("Description (%s)"), cards.LanguageName(descLang)), desc),
		widget.NewFormItem(lang.L("Languages"), langs),
		widget.NewFormItem(lang.L("Default language"), def),
		widget.NewFormItem(lang.L("Shape"), shape),
	}
	details := func() deckDetails {
		return deckDetails{name.Text, client.Text, descLang, desc.Text, langs.Ticked(), def.Key()}
	}
	form := kit.NewSaveForm(s.win, lang.L("Deck details"), lang.L("Save"), items, func() error { return s.saveDeckDetails(details()) })
	// The shape's dialogs open from here too: the details typed so far are
	// saved first when they changed, so nothing typed is lost: refused,
	// they stay in the form with the reason over it.
	for _, b := range []struct {
		label string
		open  func()
	}{{lang.L("Board areas…"), s.EditAreas}, {lang.L("Criteria…"), s.EditCriteria}, {lang.L("Card types…"), s.EditCardTypes}, {lang.L("Client's look…"), s.EditLook}} {
		var button *kit.DialogButton
		button = kit.NewDialogButton(form, b.label, func() {
			now := details()
			if !reflect.DeepEqual(now, deckDetails{d.Name, d.Client, descLang, d.Description[descLang], d.Languages, d.DefaultLang}) {
				if err := s.saveDeckDetails(now); err != nil {
					kit.ShowRefusal(s.win, err, button)
					return
				}
			}
			form.Finish(false)
			b.open()
		})
		shape.Add(button)
	}
	form.Resize(fyne.NewSize(560, 460))
	form.Show()
}

// deckDetails is what the details dialog holds when it is saved.
type deckDetails struct {
	name, client, descLang, desc string
	languages                    []string
	defaultLang                  string
}

// saveDeckDetails stores the details; the store checks them as an import
// is checked (a language the cards have no text in, or text in a language
// taken away, is refused), and the deck is shown anew in its languages.
func (s *Screen) saveDeckDetails(in deckDetails) error {
	next := s.deck.Clone()
	next.Name, next.Client = strings.TrimSpace(in.name), strings.TrimSpace(in.client)
	if next.Description == nil {
		next.Description = cards.Text{}
	}
	next.Description[in.descLang] = strings.TrimSpace(in.desc)
	if in.languages != nil || in.defaultLang != "" {
		next.Languages, next.DefaultLang = in.languages, in.defaultLang
	}
	if err := s.store.UpdateDeck(s.ctx, next); err != nil {
		return err
	}
	s.reopenDeck()
	return nil
}

// reopenDeck shows the deck anew from the store, after a change to its own
// fields: the editor's fields follow its languages, the lists its names.
func (s *Screen) reopenDeck() {
	id := s.deck.ID
	s.deck = nil
	s.ReloadDecks(id)
}

// deleteDeck deletes the deck shown after asking.
func (s *Screen) deleteDeck() {
	if s.deck == nil {
		return
	}
	s.whenWhole(func() { // the question counts the cards
		d := s.deck
		msg := fmt.Sprintf(lang.L("Delete the deck %q with its %s?"), d.Name, kit.Count(len(d.Cards), "%d card", "%d cards", len(d.Cards)))
		s.Editor.leave(func() {
			kit.ShowConfirm(s.win, lang.L("Delete deck"), msg, func(ok bool) {
				if ok {
					s.deleteDeckNow(d.ID)
				}
			})
		}, nil)
	})
}

func (s *Screen) deleteDeckNow(id string) {
	if err := s.store.DeleteDeck(s.ctx, id); err != nil {
		s.showError(err)
		return
	}
	s.deck = nil
	s.ReloadDecks("")
}

// NewCard starts a new card of the type filtered on (routine by default)
// with the next free code; it is saved once it is complete.
func (s *Screen) NewCard() {
	if s.deck == nil {
		return
	}
	s.whenWhole(func() { s.Editor.leave(s.startNewCard, nil) }) // the next free code is free among all the cards
}

// startNewCard opens the editor on a new card.
func (s *Screen) startNewCard() {
	typ := s.Cards.typ.Key()
	if typ == "" && len(s.deck.CardTypes) > 0 {
		typ = s.deck.CardTypes[0].Key
	}
	c := cards.Card{ID: cards.NewID(), Code: s.deck.NextCode(typ), Type: typ, Copies: 1, Title: cards.Text{}, Body: cards.Text{}}
	s.Cards.List.UnselectAll()
	s.Editor.edit(c, true)
	if first := s.deck.Languages; len(first) > 0 {
		s.win.Canvas().Focus(s.Editor.Titles[first[0]])
	}
}

// deleteCard deletes the card being edited after asking, once the store
// is done with its saves: one that came after the deletion would bring the
// card back.
func (s *Screen) deleteCard() {
	s.Editor.whenSaved(s.deleteCardSaved)
}

func (s *Screen) deleteCardSaved() {
	if s.deck == nil || s.Editor.card.ID == "" {
		return
	}
	c := s.Editor.card
	if s.Editor.IsNew {
		s.Editor.clear()
		return
	}
	msg := fmt.Sprintf(lang.L("Delete card %s, %q?"), c.Code, c.Title[s.Cards.cardLang()])
	kit.ShowConfirm(s.win, lang.L("Delete card"), msg, func(ok bool) {
		if ok {
			s.deleteCardNow(c.ID)
		}
	})
}

func (s *Screen) deleteCardNow(id string) {
	if err := s.store.DeleteCard(s.ctx, s.deck.ID, id); err != nil {
		s.showError(err)
		return
	}
	if i := indexOfCard(s.deck, id); i >= 0 {
		s.cardDeleted(deletedCard{deckID: s.deck.ID, cardID: id, code: s.deck.Cards[i].Code})
		s.deck.Cards = slices.Delete(s.deck.Cards, i, i+1)
	}
	s.Editor.clear()
	s.Cards.cardsChanged()
	s.refreshAfterCardChange()
}
