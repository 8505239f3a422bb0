package decks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"deckhand/ui/kit"
)

// Menu is the Deck menu: what is done to the deck or card shown. New card
// is its key row's item; the rest have no key.
func (s *Screen) Menu(item func(kit.MenuSlot) *fyne.MenuItem) *fyne.Menu {
	return fyne.NewMenu(lang.L("Deck"),
		item(kit.MenuNewCard),
		fyne.NewMenuItem(lang.L("Edit deck details…"), s.EditDeck),
		fyne.NewMenuItem(lang.L("Board areas…"), s.EditAreas),
		fyne.NewMenuItem(lang.L("Criteria…"), s.EditCriteria),
		fyne.NewMenuItem(lang.L("Card types…"), s.EditCardTypes),
		fyne.NewMenuItem(lang.L("Client's look…"), s.EditLook),
		fyne.NewMenuItem(lang.L("Clone deck for a client…"), s.CloneDeck),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Delete card…"), s.deleteCard),
		fyne.NewMenuItem(lang.L("Delete deck…"), s.deleteDeck),
	)
}

// Leave saves the card being edited, or asks before discarding it.
func (s *Screen) Leave(then, cancelled func()) { s.Editor.leave(then, cancelled) }

// CarryOver opens the card that was being edited on old, if any.
func (s *Screen) CarryOver(old kit.Screen) {
	o, ok := old.(*Screen)
	if !ok {
		return
	}
	if e := o.Editor; e.deck != nil && !e.IsNew && o.DeckID() != "" && e.card.Code != "" {
		s.ShowCard(o.DeckID(), e.card.Code)
	}
}

// Stop has nothing to stop: the editor saves when it is left.
func (s *Screen) Stop() {}
