package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"deckhand/ui/decks"
	"deckhand/ui/kit"
	"deckhand/ui/print"
	"deckhand/ui/results"
	"deckhand/ui/workshop"
)

// The main window's screens are one list (mainScreens): the tabs, the
// Ctrl+digit keys that show them, what each does when it comes to the
// front, the key table and the menus are all derived from it, so a new
// screen is one entry here and a type that is a kit.Screen.

// screenTab is a screen in the list: its tab and its key.
type screenTab struct {
	kit.Screen
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

// mainScreens makes the main window's screens, in the order of their
// tabs, and wires what they tell each other: the deck chosen on Decks is
// the one Print shows and a new workshop proposes, Print's Fix leads to
// the card on Decks, Results shows the workshop open on the board, the room
// view follows the board and its round clock. The
// fields of m it sets are that wiring's and the tests'; nothing else
// reaches a screen but through kit.Screen. A test may add to the list.
var mainScreens = func(m *mainView) []screenTab {
	m.decks = decks.New(m.app, m.win, m.store)
	m.printing = print.New(m.app, m.win, m.store)
	m.workshop = workshop.New(m.app, m.win, m.store)
	m.results = results.New(m.app, m.win, m.store)
	m.workshop.ShownDeck = m.decks.DeckID
	m.workshop.OnShown = m.roomShown
	m.workshop.Timer.OnChange = m.clockToRoom
	m.printing.OnFixCard = func(deckID, code string) {
		m.showTab(0)
		m.decks.ShowCard(deckID, code)
	}
	return []screenTab{
		{Screen: m.decks, title: lang.L("Decks"), icon: theme.FolderOpenIcon(), action: "Show the Decks screen"},
		{Screen: m.printing, title: lang.L("Print"), icon: theme.DocumentPrintIcon(), action: "Show the Print screen",
			also:  []kit.Press{{Key: fyne.KeyP, Mod: fyne.KeyModifierShortcutDefault}},
			shown: func() { m.printing.Refresh(m.decks.DeckID()) }},
		{Screen: m.workshop, title: lang.L("Workshop"), icon: theme.GridIcon(), action: "Show the Workshop screen",
			shown: func() {
				m.workshop.Refresh("")
				m.workshop.FocusCode()
			}},
		{Screen: m.results, title: lang.L("Results"), icon: theme.InfoIcon(), action: "Show the Results screen",
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

// screensKeyRows are the screens' own rows: those acting only while their
// screen is in front first, so that a key two screens use (Ctrl+N) is the
// one of the screen the person is on, then those acting everywhere.
func (m *mainView) screensKeyRows() []kit.KeyRow {
	var onTop, everywhere []kit.KeyRow
	for i, st := range m.screens {
		for _, r := range st.KeyRows(func() { m.showTab(i) }) {
			if r.Everywhere {
				everywhere = append(everywhere, r)
				continue
			}
			onTop = append(onTop, kit.Only(m.onScreen(st.Content), []kit.KeyRow{r})...)
		}
	}
	return append(onTop, everywhere...)
}

// leaveAll runs then once every screen has saved what it holds; cancelled
// (which may be nil) when the person keeps at it on one.
func (m *mainView) leaveAll(then, cancelled func()) {
	next := then
	for i := len(m.screens) - 1; i >= 0; i-- {
		st, after := m.screens[i], next
		next = func() { st.Leave(after, cancelled) }
	}
	next()
}

// stopAll ends what the screens run in the background.
func (m *mainView) stopAll() {
	for _, st := range m.screens {
		st.Stop()
	}
}
