package decks

import (
	"fyne.io/fyne/v2"

	"deckhand/ui/kit"
)

// KeyRows are the Decks screen's keys, for kit.BindKeys, the menus and the
// shortcuts sheet. They work from every screen: show brings the Decks
// screen to the front first, so the new card or the search is seen. Saving
// now needs no screen: leaving the Decks screen has already saved. Undoing
// a card's deletion acts on the Decks screen alone.
func (s *Screen) KeyRows(show func()) []kit.KeyRow {
	ctrl := fyne.KeyModifierShortcutDefault
	shown := func(fn func()) func(int, rune) {
		return func(int, rune) {
			show()
			fn()
		}
	}
	rows := []kit.KeyRow{
		{Section: kit.SecDecks, Action: "New card", Presses: []kit.Press{{Key: fyne.KeyN, Mod: ctrl}}, Menu: kit.MenuNewCard, Run: shown(s.NewCard)},
		{Section: kit.SecDecks, Action: "New deck…", Presses: []kit.Press{{Key: fyne.KeyN, Mod: ctrl | fyne.KeyModifierShift}}, Menu: kit.MenuNewDeck, Run: shown(s.NewDeck)},
		{Section: kit.SecDecks, Action: "Search the cards", Presses: []kit.Press{{Key: fyne.KeyF, Mod: ctrl}},
			Run: shown(func() { s.win.Canvas().Focus(s.Cards.Search) })},
		{Section: kit.SecDecks, Action: "Save the card now", Presses: []kit.Press{{Key: fyne.KeyS, Mod: ctrl}},
			Run: func(int, rune) { s.Editor.SaveNow() }},
		{Section: kit.SecDecks, Action: "Import deck…", Presses: []kit.Press{{Key: fyne.KeyI, Mod: ctrl}}, Menu: kit.MenuImportDeck, Run: shown(s.ImportDeck)},
		{Section: kit.SecDecks, Action: "Export deck…", Presses: []kit.Press{{Key: fyne.KeyE, Mod: ctrl}}, Menu: kit.MenuExportDeck, Run: shown(s.exportDeck)},
	}
	for i := range rows {
		rows[i].Everywhere = true
	}
	// Undo acts only on the Decks screen, where the note of the deletion is
	// seen; the Workshop screen's Ctrl+Z is its board's.
	return append(rows, kit.KeyRow{Section: kit.SecDecks, Action: "Undo the card deletion", Presses: []kit.Press{{Key: fyne.KeyZ, Mod: ctrl}},
		When: s.CanUndoDelete, Run: func(int, rune) { s.UndoDelete() }})
}
