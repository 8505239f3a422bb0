package ui

import (
	"slices"

	"deckhand/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// keyRows are every key of the main window: those that show the screens,
// the window's own, and the screens' (screensKeyRows).
func (m *mainView) keyRows() []kit.KeyRow {
	ctrl := fyne.KeyModifierShortcutDefault
	rows := append(m.screenKeyRows(), []kit.KeyRow{
		{Section: kit.SecEverywhere, Action: "Settings…", Presses: []kit.Press{{Key: fyne.KeyComma, Mod: ctrl}}, Menu: kit.MenuSettings,
			Run: func(int, rune) { m.showSettings() }},
		{Section: kit.SecEverywhere, Action: "Keyboard shortcuts", Presses: []kit.Press{{Key: fyne.KeyF1, Mod: 0}}, Menu: kit.MenuShortcuts,
			Run: func(int, rune) { m.showSheet() }},
		// A key alone, so that it works from the code box without a word
		// typed there being lost; the room window takes F11 for full screen.
		{Section: kit.SecEverywhere, Action: "Room view", Presses: []kit.Press{{Key: fyne.KeyF11, Mod: 0}}, Menu: kit.MenuRoomView,
			Run: func(int, rune) { m.showRoom() }},
		// The facilitator at the laptop switches what the room sees without
		// going to the room's window, whose own key for it is M: Control on
		// every system, as Shift with a key alone is no shortcut to Fyne.
		{Section: kit.SecEverywhere, Action: "Room view: show the matrix or the board", Presses: []kit.Press{{Key: fyne.KeyF11, Mod: fyne.KeyModifierControl}},
			When: func() bool { return m.room != nil }, Run: func(int, rune) { m.room.Toggle() }},
		{Section: kit.SecEverywhere, Action: "Quit", Presses: []kit.Press{{Key: fyne.KeyQ, Mod: ctrl}}, Menu: kit.MenuQuit, Run: func(int, rune) { m.quit() }},
		// Fyne moves the focus itself; listed so that the sheet is complete.
		{Section: kit.SecEverywhere, Action: "Next field, previous field", Presses: []kit.Press{{Key: fyne.KeyTab, Mod: 0}, {Key: fyne.KeyTab, Mod: fyne.KeyModifierShift}}},
		{Section: kit.SecEverywhere, Action: "Close the shortcuts sheet or Settings", Presses: []kit.Press{{Key: fyne.KeyEscape, Mod: 0}}},
		// Every dialog answers these itself (kit/dialogkeys.go).
		{Section: kit.SecEverywhere, Action: "In a dialog: Enter is its main button, Esc cancels", Presses: []kit.Press{{Key: fyne.KeyReturn, Mod: 0}, {Key: fyne.KeyEscape, Mod: 0}}},
	}...)
	// On the board Ctrl+N makes a workshop and Ctrl+E exports it; from
	// every other screen they make a card and export the deck.
	return append(rows, m.screensKeyRows()...)
}

// menuRows finds, for each menu slot, the row that fills it
// (TestEveryMenuItemHasOneKeyRow holds that each has one).
func menuRows(rows []kit.KeyRow) map[kit.MenuSlot]kit.KeyRow {
	by := map[kit.MenuSlot]kit.KeyRow{}
	for _, r := range rows {
		if r.Menu != kit.NoMenu {
			by[r.Menu] = r
		}
	}
	return by
}

// menuItem is a menu item doing what a row does, showing the row's first
// key. The desktop driver runs a menu item's shortcut before the focused
// widget sees it, so these keys work in every field. A key another row
// uses too (Ctrl+N: a card on the Decks screen, a workshop on the Workshop
// screen) is left off the item: the menu would take it from every screen,
// and the table picks the row that acts where the person is.
func menuItem(r kit.KeyRow, rows []kit.KeyRow) *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L(r.Action), func() {
		if r.Active() {
			r.Run(0, 0)
		}
	})
	if len(r.Presses) > 0 && !sharedPress(r, rows) {
		// A key alone (F1) is only shown: Fyne passes no such key to menus.
		item.Shortcut = r.Presses[0].Shortcut()
	}
	return item
}

// sharedPress reports whether another row answers r's first key.
func sharedPress(r kit.KeyRow, rows []kit.KeyRow) bool {
	for _, o := range rows {
		if o.Action != r.Action && slices.Contains(o.Presses, r.Presses[0]) {
			return true
		}
	}
	return false
}

func (m *mainView) mainMenu(rows []kit.KeyRow) *fyne.MainMenu {
	slots := menuRows(rows)
	item := func(slot kit.MenuSlot) *fyne.MenuItem { return menuItem(slots[slot], rows) }
	file := fyne.NewMenu(lang.X("menu.file", "File"),
		item(kit.MenuNewDeck),
		item(kit.MenuImportDeck),
		item(kit.MenuExportDeck),
		fyne.NewMenuItemSeparator(),
	)
	if m.actions.backups != nil {
		file.Items = append(file.Items, fyne.NewMenuItem(lang.L("Backups…"), m.actions.backups))
	}
	if m.actions.check != nil {
		file.Items = append(file.Items, fyne.NewMenuItem(lang.L("Check the database"), m.actions.check))
	}
	quit := item(kit.MenuQuit)
	quit.IsQuit = true // Fyne's own Quit item would close without saving the card first
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), item(kit.MenuSettings), fyne.NewMenuItemSeparator(), quit)
	menus := []*fyne.Menu{file}
	for _, st := range m.screens {
		if st.Screen == nil {
			continue // its menu comes with it (makeScreen)
		}
		if menu := st.Menu(item); menu != nil {
			menus = append(menus, menu)
		}
	}
	view := fyne.NewMenu(lang.L("View"), item(kit.MenuRoomView))
	help := fyne.NewMenu(lang.L("Help"), item(kit.MenuShortcuts), aboutItem(m.app, m.win, m.store.Path()))
	return fyne.NewMainMenu(append(menus, view, help)...)
}

// quit closes the window as the session does (saving the card being edited
// first), or simply, for a view made alone.
func (m *mainView) quit() {
	if m.actions.quit != nil {
		m.actions.quit()
		return
	}
	m.win.Close()
}
