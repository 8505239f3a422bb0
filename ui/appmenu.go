package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// keyRows are every key of the main window: those that work everywhere,
// the Decks screen's and, while it is shown, the Workshop screen's.
func (m *mainView) keyRows() []keyRow {
	ctrl := fyne.KeyModifierShortcutDefault
	rows := append(m.screenKeyRows(), []keyRow{
		{section: secEverywhere, action: "Settings…", presses: []press{{fyne.KeyComma, ctrl}}, menu: menuSettings,
			run: func(int, rune) { m.showSettings() }},
		{section: secEverywhere, action: "Keyboard shortcuts", presses: []press{{fyne.KeyF1, 0}}, menu: menuShortcuts,
			run: func(int, rune) { m.showSheet() }},
		{section: secEverywhere, action: "Quit", presses: []press{{fyne.KeyQ, ctrl}}, menu: menuQuit, run: func(int, rune) { m.quit() }},
		// Fyne moves the focus itself; listed so that the sheet is complete.
		{section: secEverywhere, action: "Next field, previous field", presses: []press{{fyne.KeyTab, 0}, {fyne.KeyTab, fyne.KeyModifierShift}}},
		{section: secEverywhere, action: "Close the shortcuts sheet or Settings", presses: []press{{fyne.KeyEscape, 0}}},
		// Every dialog answers these itself (dialogkeys.go).
		{section: secEverywhere, action: "In a dialog: Enter is its main button, Esc cancels", presses: []press{{fyne.KeyReturn, 0}, {fyne.KeyEscape, 0}}},
	}...)
	// The Workshop screen's rows come before the Decks screen's, which work
	// from every screen: on the board Ctrl+N makes a workshop, Ctrl+E
	// exports it; elsewhere they make a card and export the deck.
	rows = append(rows, only(m.onScreen(m.workshop.Content), m.workshop.keyRows())...)
	return append(rows, m.decks.keyRows(func() { m.showTab(0) })...)
}

// menuSlot names an item of the main menu that a key row does too, so
// that the menu takes the row's action, key and handler from the row, the
// same as the bindings and the shortcuts sheet.
type menuSlot int

const (
	noMenu menuSlot = iota
	menuNewDeck
	menuImportDeck
	menuExportDeck
	menuSettings
	menuQuit
	menuNewCard
	menuShortcuts
	menuSlots // how many there are, plus one
)

// menuRows finds, for each menu slot, the row that fills it
// (TestEveryMenuItemHasOneKeyRow holds that each has one).
func menuRows(rows []keyRow) map[menuSlot]keyRow {
	by := map[menuSlot]keyRow{}
	for _, r := range rows {
		if r.menu != noMenu {
			by[r.menu] = r
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
func menuItem(r keyRow, rows []keyRow) *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L(r.action), func() {
		if r.active() {
			r.run(0, 0)
		}
	})
	if len(r.presses) > 0 && !sharedPress(r, rows) {
		// A key alone (F1) is only shown: Fyne passes no such key to menus.
		item.Shortcut = r.presses[0].shortcut()
	}
	return item
}

// sharedPress reports whether another row answers r's first key.
func sharedPress(r keyRow, rows []keyRow) bool {
	for _, o := range rows {
		if o.action != r.action && slices.Contains(o.presses, r.presses[0]) {
			return true
		}
	}
	return false
}

func (m *mainView) mainMenu(rows []keyRow) *fyne.MainMenu {
	s := m.decks
	slots := menuRows(rows)
	item := func(slot menuSlot) *fyne.MenuItem { return menuItem(slots[slot], rows) }
	file := fyne.NewMenu(lang.X("menu.file", "File"),
		item(menuNewDeck),
		item(menuImportDeck),
		item(menuExportDeck),
		fyne.NewMenuItemSeparator(),
	)
	if m.actions.backups != nil {
		file.Items = append(file.Items, fyne.NewMenuItem(lang.L("Backups…"), m.actions.backups))
	}
	if m.actions.check != nil {
		file.Items = append(file.Items, fyne.NewMenuItem(lang.L("Check the database"), m.actions.check))
	}
	quit := item(menuQuit)
	quit.IsQuit = true // Fyne's own Quit item would close without saving the card first
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), item(menuSettings), fyne.NewMenuItemSeparator(), quit)
	deck := fyne.NewMenu(lang.L("Deck"),
		item(menuNewCard),
		fyne.NewMenuItem(lang.L("Edit deck details…"), s.editDeck),
		fyne.NewMenuItem(lang.L("Clone deck for a client…"), s.cloneDeck),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Delete card…"), s.deleteCard),
		fyne.NewMenuItem(lang.L("Delete deck…"), s.deleteDeck),
	)
	help := fyne.NewMenu(lang.L("Help"), item(menuShortcuts), aboutItem(m.app, m.win, m.store.Path()))
	return fyne.NewMainMenu(file, deck, help)
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
