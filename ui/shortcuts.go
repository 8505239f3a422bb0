package ui

import (
	"fyne.io/fyne/v2"
)

// keyRows are the Decks screen's keys, for bindKeys, the menus and the
// shortcuts sheet. They work from every screen: show brings the Decks
// screen to the front first, so the new card or the search is seen. Saving
// now needs no screen: leaving the Decks screen has already saved.
func (s *DecksScreen) keyRows(show func()) []keyRow {
	ctrl := fyne.KeyModifierShortcutDefault
	shown := func(fn func()) func(int, rune) {
		return func(int, rune) {
			show()
			fn()
		}
	}
	return []keyRow{
		{section: secDecks, action: "New card", presses: []press{{fyne.KeyN, ctrl}}, menu: menuNewCard, run: shown(s.newCard)},
		{section: secDecks, action: "New deck…", presses: []press{{fyne.KeyN, ctrl | fyne.KeyModifierShift}}, menu: menuNewDeck, run: shown(s.newDeck)},
		{section: secDecks, action: "Search the cards", presses: []press{{fyne.KeyF, ctrl}},
			run: shown(func() { s.win.Canvas().Focus(s.cards.search) })},
		{section: secDecks, action: "Save the card now", presses: []press{{fyne.KeyS, ctrl}},
			run: func(int, rune) { s.editor.SaveNow() }},
		{section: secDecks, action: "Import deck…", presses: []press{{fyne.KeyI, ctrl}}, menu: menuImportDeck, run: shown(s.importDeck)},
		{section: secDecks, action: "Export deck…", presses: []press{{fyne.KeyE, ctrl}}, menu: menuExportDeck, run: shown(s.exportDeck)},
	}
}
