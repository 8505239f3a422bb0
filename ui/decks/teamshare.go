package decks

import (
	"slices"

	"fyne.io/fyne/v2/lang"
)

// The Decks screen's part in the team folder: whether the deck shown is
// shared to it, and the decks other laptops changed through it.

// showShared sets the Share box to the deck shown, as the deck list has
// it, without acting on it.
func (s *Screen) showShared() {
	s.Share.OnChanged = nil
	defer func() { s.Share.OnChanged = s.setShared }()
	s.Share.SetChecked(false)
	s.Share.Disable()
	if s.deck == nil {
		return
	}
	for _, d := range s.Decks {
		if d.ID == s.deck.ID {
			s.Share.SetChecked(d.Published)
			s.Share.Enable()
		}
	}
}

// setShared shares the deck shown to the team folder or stops sharing it,
// off the UI goroutine; a refusal is shown and the box put back.
func (s *Screen) setShared(on bool) {
	if s.deck == nil {
		return
	}
	id := s.deck.ID
	go func() {
		err := s.store.PublishDeck(s.ctx, id, on)
		s.toUI(func() {
			if err != nil {
				s.showError(err)
			}
			if s.deck != nil && s.deck.ID == id {
				s.ReloadDecks(id) // the list's "shared", and the box as stored
			}
			if err == nil {
				s.deckChangedHere()
			}
		})
	}()
}

// deckChangedHere tells the team folder that a deck changed here.
func (s *Screen) deckChangedHere() {
	if s.OnDeckChanged != nil {
		s.OnDeckChanged()
	}
}

// TeamMerged shows what the team folder's merge changed in the decks
// (ids): the deck list anew, and the deck shown read again, on the card
// that was open, unless the editor holds what is not saved yet, which
// the person keeps; that deck is read again when next opened.
func (s *Screen) TeamMerged(ids []string) {
	shown := ""
	if s.deck != nil {
		shown = s.deck.ID
	}
	if shown == "" || !slices.Contains(ids, shown) || s.Editor.dirty || s.Editor.IsNew || s.Editor.asking {
		s.ReloadDecks(shown)
		return
	}
	card := s.Editor.card.ID
	s.deck = nil
	s.ReloadDecks(shown)
	s.whenWhole(func() {
		if s.deck == nil || s.deck.ID != shown {
			return
		}
		if i := indexOfCard(s.deck, card); i >= 0 {
			s.Editor.edit(s.deck.Cards[i], false)
			s.Cards.selectCard(i)
		}
		s.Editor.status.SetText(lang.L("Updated from the team folder."))
	})
}
