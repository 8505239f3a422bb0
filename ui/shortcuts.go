package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// addShortcuts binds the keyboard shortcuts of the Decks screen: Ctrl+N a
// new card, Ctrl+F search, Ctrl+S save the card now, Ctrl+I import, Ctrl+E export.
func addShortcuts(w fyne.Window, s *DecksScreen) {
	bind := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	bind(fyne.KeyN, fyne.KeyModifierShortcutDefault, s.newCard)
	bind(fyne.KeyN, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, s.newDeck)
	bind(fyne.KeyF, fyne.KeyModifierShortcutDefault, func() { w.Canvas().Focus(s.cards.search) })
	bind(fyne.KeyS, fyne.KeyModifierShortcutDefault, func() { s.editor.SaveNow() })
	bind(fyne.KeyI, fyne.KeyModifierShortcutDefault, s.importDeck)
	bind(fyne.KeyE, fyne.KeyModifierShortcutDefault, s.exportDeck)
}
