package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"deckhand/ui/kit"
)

// The main window's screens are one list (mainScreens): the tabs, the
// Ctrl+digit keys that show them and what each does when it comes to the
// front are all derived from it, so a new screen is one entry here and a
// type with a Content. What screens tell each other (the deck chosen in
// Decks, the workshop open on the board) is wired where the list is made.

// screen is what the main view needs of a screen.
type screen interface {
	Content() fyne.CanvasObject
}

// screenTab is a screen in the list: its tab and its key.
type screenTab struct {
	screen
	title string        // the tab's text, in the interface's language
	icon  fyne.Resource // the tab's icon
	// action is that of the key row that brings it to the front, in
	// English as key rows keep it; the key is Ctrl with its place in the
	// list, and also any of also.
	action string
	also   []kit.Press
	// shown is what it does when its tab comes to the front; nil: nothing.
	shown func()
}

// mainScreens are the main window's screens, in the order of their tabs.
// A test may add to it.
var mainScreens = func(m *mainView) []screenTab {
	return []screenTab{
		{screen: m.decks, title: lang.L("Decks"), icon: theme.FolderOpenIcon(), action: "Show the Decks screen"},
		{screen: m.printing, title: lang.L("Print"), icon: theme.DocumentPrintIcon(), action: "Show the Print screen",
			also:  []kit.Press{{Key: fyne.KeyP, Mod: fyne.KeyModifierShortcutDefault}},
			shown: func() { m.printing.Refresh(m.decks.DeckID()) }},
		{screen: m.workshop, title: lang.L("Workshop"), icon: theme.GridIcon(), action: "Show the Workshop screen",
			shown: func() {
				m.workshop.Refresh("")
				m.workshop.FocusCode()
			}},
		{screen: m.results, title: lang.L("Results"), icon: theme.InfoIcon(), action: "Show the Results screen",
			shown: func() { m.results.Refresh(m.workshop.OpenWorkshopID()) }},
	}
}

// digitKeys are the keys of Ctrl+1 … Ctrl+9, for the first nine screens.
var digitKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// screenKeyRows are the rows that show each screen.
func (m *mainView) screenKeyRows() []kit.KeyRow {
	var rows []kit.KeyRow
	for i, st := range m.screens {
		var presses []kit.Press
		if i < len(digitKeys) {
			presses = append(presses, kit.Press{Key: digitKeys[i], Mod: fyne.KeyModifierShortcutDefault})
		}
		rows = append(rows, kit.KeyRow{Section: kit.SecEverywhere, Action: st.action, Presses: append(presses, st.also...),
			Run: func(int, rune) { m.showTab(i) }})
	}
	return rows
}
