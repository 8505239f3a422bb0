package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"deckhand/game"
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
	// Screen is nil until the screen is made: only the Decks screen is
	// made before the window first shows the tabs; the others are made
	// when first needed (makeScreen), so that the start does not wait for
	// them. Its keys and menu count from then on: a screen with a key
	// row that acts Everywhere, or a menu, is made with the list.
	kit.Screen
	// newScreen makes the screen the first time it is needed; nil for one
	// made with the list.
	newScreen func() kit.Screen
	title     string        // the tab's text, in the interface's language
	icon      fyne.Resource // the tab's icon
	// action is that of the key row that brings it to the front, in
	// English as key rows keep it; the key is Ctrl with its place in the
	// list, and also any of also.
	action string
	also   []kit.Press
	// shown is what it does when its tab comes to the front; nil: nothing.
	shown func()
	// fill shows what the screen shows, once its content is in the window
	// at its size; nil when it shows it once made.
	fill func()
}

// mainScreens makes the main window's screens, in the order of their
// tabs, and wires what they tell each other: the deck chosen on Decks is
// the one Print shows and a new workshop proposes, Print's Fix leads to
// the card on Decks, Results shows the workshop open on the board, the room
// view follows the board and its round clock. The Decks screen, which
// the window opens on, is made at once and shows its deck once it is in
// the window (mainView.build); each of the others is made, and wired,
// when first needed. The fields of m it sets are that wiring's and the
// tests'; nothing else reaches a screen but through kit.Screen. A test
// may add to the list.
var mainScreens = func(m *mainView) []screenTab {
	m.decks = decks.New(m.app, m.win, m.store)
	return []screenTab{
		{Screen: m.decks, fill: m.decks.ShowLastDeck, title: lang.L("Decks"), icon: theme.FolderOpenIcon(), action: "Show the Decks screen"},
		{newScreen: m.newPrintScreen, title: lang.L("Print"), icon: theme.DocumentPrintIcon(), action: "Show the Print screen",
			also:  []kit.Press{{Key: fyne.KeyP, Mod: fyne.KeyModifierShortcutDefault}},
			shown: func() { m.printing.Refresh(m.decks.DeckID()) }},
		{newScreen: m.newWorkshopScreen, title: lang.L("Workshop"), icon: theme.GridIcon(), action: "Show the Workshop screen",
			shown: func() {
				m.workshop.Refresh("")
				m.workshop.FocusCode()
			}},
		{newScreen: m.newResultsScreen, title: lang.L("Results"), icon: theme.InfoIcon(), action: "Show the Results screen",
			shown: func() { m.results.Refresh(m.openWorkshopID()) }},
	}
}

// newPrintScreen makes the Print screen, whose Fix opens the card on the
// Decks screen.
func (m *mainView) newPrintScreen() kit.Screen {
	m.printing = print.New(m.app, m.win, m.store)
	m.printing.OnFixCard = func(deckID, code string) {
		m.showTab(0)
		m.decks.ShowCard(deckID, code)
	}
	return m.printing
}

// newWorkshopScreen makes the Workshop screen, which proposes the deck
// chosen on Decks for a new workshop and tells the room view what it
// shows and how its round clock stands.
func (m *mainView) newWorkshopScreen() kit.Screen {
	m.workshop = workshop.New(m.app, m.win, m.store)
	m.workshop.ShownDeck = m.decks.DeckID
	m.workshop.OnShown = func(f *game.File, teamID, blindPlay string) {
		m.roomShown(f, teamID, blindPlay)
		m.teamShown(f)
	}
	if m.team.folder != nil {
		m.workshop.OnSaved = m.team.folder.Changed
	}
	m.workshop.Timer.OnChange = m.clockToRoom
	return m.workshop
}

// newResultsScreen makes the Results screen.
func (m *mainView) newResultsScreen() kit.Screen {
	m.results = results.New(m.app, m.win, m.store)
	return m.results
}

// openWorkshopID is the workshop open on the board; "" when none is, or
// the Workshop screen is not made yet.
func (m *mainView) openWorkshopID() string {
	if m.workshop == nil {
		return ""
	}
	return m.workshop.OpenWorkshopID()
}

// makeScreen makes screen i when it is not made yet, puts it in its tab
// and binds the keys and the menus again, now with its rows.
func (m *mainView) makeScreen(i int) {
	st := &m.screens[i]
	if st.Screen != nil {
		return
	}
	st.Screen = st.newScreen()
	m.tabs.Items[i].Content = st.Content()
	if m.tabs.SelectedIndex() == i {
		m.tabs.Refresh()
	}
	m.bindKeys()
}

// makeAll makes every screen not made yet, for what needs them all: the
// shortcuts sheet lists every key, the room view follows the board.
func (m *mainView) makeAll() {
	for i := range m.screens {
		m.makeScreen(i)
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
		if st.Screen == nil {
			continue // its rows come with it (makeScreen)
		}
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
// (which may be nil) when the person keeps at it on one. A screen not made
// holds nothing.
func (m *mainView) leaveAll(then, cancelled func()) {
	next := then
	for i := len(m.screens) - 1; i >= 0; i-- {
		st, after := m.screens[i], next
		if st.Screen != nil {
			next = func() { st.Leave(after, cancelled) }
		}
	}
	next()
}

// stopAll ends what the screens run in the background.
func (m *mainView) stopAll() {
	for _, st := range m.screens {
		if st.Screen != nil {
			st.Stop()
		}
	}
}
