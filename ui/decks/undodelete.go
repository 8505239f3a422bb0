package decks

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// deletedCard is the card deleted last, which Undo (or Ctrl+Z) brings
// back while its deck is shown: the store keeps it as a tombstone.
type deletedCard struct {
	deckID, cardID, code string
}

// undoBar is the line under the card list that says a card was deleted,
// with its Undo; hidden while there is nothing to undo.
type undoBar struct {
	Note   *widget.Label
	Button *widget.Button
	box    *fyne.Container
}

func newUndoBar(undo func()) *undoBar {
	b := &undoBar{Note: widget.NewLabel(""), Button: widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), undo)}
	b.Note.Truncation = fyne.TextTruncateEllipsis
	b.box = container.NewBorder(nil, nil, nil, b.Button, b.Note)
	b.box.Hide()
	return b
}

// cardDeleted remembers the card for Undo and says it was deleted.
func (s *Screen) cardDeleted(d deletedCard) {
	s.undo = &d
	s.Undo.Note.SetText(fmt.Sprintf(lang.L("Card %s was deleted; Undo or Ctrl+Z brings it back."), d.code))
	s.Undo.box.Show()
	s.cardsPane.Refresh()
}

// forgetDeletion drops what Undo would bring back.
func (s *Screen) forgetDeletion() {
	s.undo = nil
	s.Undo.Note.SetText("")
	s.Undo.box.Hide()
	s.cardsPane.Refresh()
}

// CanUndoDelete reports whether a deleted card can be brought back now.
func (s *Screen) CanUndoDelete() bool {
	return s.undo != nil && s.deck != nil && s.deck.ID == s.undo.deckID
}

// UndoDelete restores the card deleted last and opens it in the editor.
func (s *Screen) UndoDelete() {
	if !s.CanUndoDelete() {
		return
	}
	d := *s.undo
	s.Editor.leave(func() {
		if err := s.store.RestoreCard(s.ctx, d.deckID, d.cardID); err != nil {
			s.showError(err)
			return
		}
		s.forgetDeletion()
		s.reopenDeck()
		if s.deck == nil {
			return
		}
		s.whenWhole(func() { s.openCard(d.code) })
	}, nil)
}
