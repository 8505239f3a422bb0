package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"deckhand/storage"
	"deckhand/ui/decks"
	"deckhand/ui/kit"
	"deckhand/ui/print"
	"deckhand/ui/results"
	"deckhand/ui/room"
	"deckhand/ui/workshop"
)

// mainView is what the main window shows: the screens in tabs
// (mainScreens, screens.go), the menu and the keys. Every text is made when its widget is, so a change of
// the interface language builds it all again (rebuild).
type mainView struct {
	app   fyne.App
	win   fyne.Window
	store *storage.Store

	screens []screenTab // mainScreens: the tabs, in order
	// The screens by their types, for the wiring between them in
	// mainScreens (and for tests); the window itself uses only screens.
	decks    *decks.Screen
	printing *print.Screen
	workshop *workshop.Screen
	results  *results.Screen
	tabs     *container.AppTabs

	team     *teamLink   // the team folder and its line below the tabs
	settings fyne.Window // the Settings window while it is open
	sheet    fyne.Window // the keyboard shortcuts window while it is open
	room     *room.View  // the room view while it is open
	// roomToUI hands the room view's clock ticks to the UI goroutine: nil
	// is fyne.Do (a test passes its own).
	roomToUI func(func())

	actions viewActions
}

// viewActions are what the File menu does with the database and the
// window, which belong to the session around the view: list the backups,
// check the database, quit. A view made without them (in tests) leaves
// those items out, and Quit closes the window.
type viewActions struct {
	backups, check, quit func()
	// teamFolder chooses the database's team folder ("" stops sharing)
	// and opens it; nil in tests that leave the folder out.
	teamFolder func(dir string)
}

func newMainView(a fyne.App, w fyne.Window, store *storage.Store, actions viewActions) *mainView {
	m := &mainView{app: a, win: w, store: store, actions: actions, team: newTeamLink()}
	m.build()
	// The room view shows this window's workshop: it goes with it.
	w.SetOnClosed(m.closeRoom)
	return m
}

// build makes the screens, the tabs, the menu and the keys in the current
// interface language. The menu comes first, so that the content is laid
// out once, below it; and the Decks screen shows its deck once it is in
// the window at its size: filled before, its texts were shaped for sizes
// they never have (the card editor's wrapping fields, at their narrowest,
// took a line for every few letters).
func (m *mainView) build() {
	m.screens = mainScreens(m)
	m.tabs = m.newTabs()
	m.bindKeys()
	m.win.SetContent(container.NewBorder(nil, m.team.bar, nil, nil, m.tabs))
	m.showTeamLine()
	for _, st := range m.screens {
		if st.fill != nil {
			st.fill()
		}
	}
}

// bindKeys sets the menu and binds the key table for the screens made so
// far.
func (m *mainView) bindKeys() {
	rows := m.keyRows()
	m.win.SetMainMenu(m.mainMenu(rows))
	kit.BindKeys(m.win.Canvas(), rows)
}

// showTab brings a tab to the front (leaving the one shown as leaving it
// by mouse does), unless it is already there.
func (m *mainView) showTab(i int) {
	if m.tabs.SelectedIndex() != i {
		m.tabs.SelectIndex(i)
	}
}

// onScreen reports whether the tab showing a screen's content is in front.
func (m *mainView) onScreen(content func() fyne.CanvasObject) func() bool {
	return func() bool { return m.tabs.Selected() != nil && m.tabs.Selected().Content == content() }
}

// changeLanguage stores the interface language and builds the window again
// in it, after the card being edited is saved (or the person chose to
// discard it; cancelled runs when they keep editing instead).
func (m *mainView) changeLanguage(code string, cancelled func()) {
	m.leaveAll(func() {
		m.app.Preferences().SetString(kit.PrefLanguage, code)
		kit.SetLanguage(code)
		m.rebuild()
	}, cancelled)
}

// rebuild builds the window again, keeping what the person was at: the tab,
// the card being edited, on the board the workshop, team, selected card,
// round clock and undo history, and the room view open, following the new
// Workshop screen.
func (m *mainView) rebuild() {
	tab := m.tabs.SelectedIndex()
	old := m.screens
	m.build()
	// Each screen made before is made again and takes over from the old
	// one with the same key row, then the old ones stop what they ran (a
	// clock taken over has already been handed on).
	for i, st := range m.screens {
		for _, o := range old {
			if o.Screen != nil && o.action == st.action {
				m.makeScreen(i)
				m.screens[i].CarryOver(o.Screen)
			}
		}
	}
	for _, o := range old {
		if o.Screen != nil {
			o.Stop()
		}
	}
	m.showTab(tab)
	if m.settings != nil {
		m.settings.SetTitle(lang.L("Settings"))
		m.settings.SetContent(m.settingsContent())
	}
	if m.sheet != nil {
		m.sheet.SetTitle(lang.L("Keyboard shortcuts"))
		m.sheet.SetContent(m.sheetContent())
	}
	if m.room != nil {
		m.room.Rebuild()
		m.feedRoom()
	}
}

// newTabs puts the screens in tabs, an empty one for a screen not made
// yet. Bringing a tab to the front makes its screen, when it is not made
// yet; leaving a screen saves the card being edited; the screen that comes
// to the front is told (screenTab.shown).
func (m *mainView) newTabs() *container.AppTabs {
	items := make([]*container.TabItem, len(m.screens))
	for i, st := range m.screens {
		var content fyne.CanvasObject = container.NewStack()
		if st.Screen != nil {
			content = st.Content()
		}
		items[i] = container.NewTabItemWithIcon(st.title, st.icon, content)
	}
	// All at once: each tab appended refreshed the screens appended
	// before it again.
	tabs := container.NewAppTabs(items...)
	tabs.OnSelected = func(item *container.TabItem) {
		m.makeScreen(slices.Index(tabs.Items, item))
		m.leaveAll(func() {}, nil)
		// A field of the screen left behind must not take the keys typed
		// on the new one.
		m.win.Canvas().Unfocus()
		for _, st := range m.screens {
			if st.Screen != nil && st.Content() == item.Content && st.shown != nil {
				st.shown()
			}
		}
	}
	return tabs
}
