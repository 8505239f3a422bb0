package decks

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// NewDeck asks for a name, client and languages, and makes an empty deck
// with the default deck's card types, themes, board and criteria.
func (s *Screen) NewDeck() {
	name, client := kit.NewField(), kit.NewField()
	langs := kit.NewCheckRow([]string{"sv", "fi", "en"}, []string{"sv", "fi", "en"})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Client"), client),
		widget.NewFormItem(lang.L("Languages"), langs),
	}
	s.Editor.leave(func() {
		s.showForm(lang.L("New deck"), lang.L("Create"), items, func() {
			s.createDeck(name.Text, client.Text, langs.Ticked())
		})
		s.win.Canvas().Focus(name)
	}, nil)
}

// createDeck makes and stores an empty deck; the Decks screen then shows it.
func (s *Screen) createDeck(name, client string, languages []string) {
	if s.template == nil {
		s.showError(fmt.Errorf("%s", lang.L("the default deck could not be read, so there is nothing to base a new deck on")))
		return
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
		s.showError(err)
		return
	}
	s.ReloadDecks(d.ID)
}

// CloneDeck copies the deck shown for a client.
func (s *Screen) CloneDeck() {
	if s.deck == nil {
		return
	}
	src := s.deck
	name, client := kit.NewField(), kit.NewField()
	name.SetText(fmt.Sprintf(lang.L("%s (copy)"), src.Name))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("Client"), client)}
	s.Editor.leave(func() {
		s.showForm(fmt.Sprintf(lang.L("Clone %s for a client"), src.Name), lang.L("Clone"), items, func() {
			s.cloneDeckAs(src.ID, name.Text, client.Text)
		})
	}, nil)
}

func (s *Screen) cloneDeckAs(id, name, client string) {
	clone, err := s.store.CloneDeck(s.ctx, id, name, client)
	if err != nil {
		s.showError(err)
		return
	}
	s.ReloadDecks(clone.ID)
}

// EditDeck edits the deck's name, client and description.
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
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Client"), client),
		widget.NewFormItem(fmt.Sprintf(lang.L("Description (%s)"), cards.LanguageName(descLang)), desc),
	}
	form := kit.NewForm(s.win, lang.L("Deck details"), lang.L("Save"), items, func(ok bool) {
		if ok {
			s.saveDeckDetails(name.Text, client.Text, descLang, desc.Text)
		}
	})
	form.Resize(fyne.NewSize(560, 360))
	form.Show()
}

func (s *Screen) saveDeckDetails(name, client, descLang, desc string) {
	next := s.deck.Clone()
	next.Name, next.Client = strings.TrimSpace(name), strings.TrimSpace(client)
	if next.Description == nil {
		next.Description = cards.Text{}
	}
	next.Description[descLang] = strings.TrimSpace(desc)
	if err := s.store.UpdateDeck(s.ctx, next); err != nil {
		s.showError(err)
		return
	}
	s.deck.Name, s.deck.Client, s.deck.Description = next.Name, next.Client, next.Description
	s.ReloadDecks(next.ID)
	s.refreshDeckInfo()
}

// deleteDeck deletes the deck shown after asking.
func (s *Screen) deleteDeck() {
	if s.deck == nil {
		return
	}
	d := s.deck
	msg := fmt.Sprintf(lang.L("Delete the deck %q with its %s?"), d.Name, kit.Counted(len(d.Cards), lang.L("1 card"), lang.L("%d cards")))
	s.Editor.leave(func() {
		kit.ShowConfirm(s.win, lang.L("Delete deck"), msg, func(ok bool) {
			if ok {
				s.deleteDeckNow(d.ID)
			}
		})
	}, nil)
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
	s.Editor.leave(func() {
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
	}, nil)
}

// deleteCard deletes the card being edited after asking.
func (s *Screen) deleteCard() {
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
		s.deck.Cards = slices.Delete(s.deck.Cards, i, i+1)
	}
	s.Editor.clear()
	s.refreshAfterCardChange()
}

// showForm shows a form dialog wide enough for names and runs onConfirm
// when the person confirms it.
func (s *Screen) showForm(title, confirm string, items []*widget.FormItem, onConfirm func()) {
	d := kit.NewForm(s.win, title, confirm, items, func(ok bool) {
		if ok {
			onConfirm()
		}
	})
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}
