package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
)

// Start shows the window, opens the database at path and runs the app until
// the window is closed. When the database cannot be opened the window says
// why and offers the next step: open another file, start a new one, or
// restore a backup.
//
// The window maps first, empty, and everything else happens after: on the
// first turn of the event loop the window says that the database is being
// opened, which then happens off the UI goroutine (opening checks the
// file, and may back it up and migrate it, which takes seconds on a big
// database), and back on the UI goroutine the screens are built, which
// shapes a lot of text for the first time (the deck list, the first card
// in every language in the editor). Done before Show, that work kept the
// window from appearing for about half a second on a database of 50 decks
// and 100 workshops ("Start-up" in docs/performance.md). The empty content
// has no text, so not even a font is loaded before the window is on
// screen.
func Start(a fyne.App, path string, open Opener) {
	applySavedSettings(a)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	m := &mainSession{app: a, open: open, backupEvery: backupEvery, toUI: fyne.Do}
	m.win = m.newWindow()
	m.win.SetContent(container.NewStack()) // the theme's background until there is more to show
	m.win.Show()
	go fyne.Do(func() {
		fitToScreen(m.win)
		m.openInto(path)
	})
	a.Run()
	m.release()
}

// openInto opens the database at path off the UI goroutine, the window
// saying so meanwhile, and then fills the window with the screens on it,
// or, when it cannot be opened, with the reason and the next steps (which
// fill the same window once a database opens). The first automatic backup
// is taken after the screens are built, so that it does not compete with
// the window while it opens.
func (m *mainSession) openInto(path string) {
	if m.busy {
		return
	}
	m.busy = true
	m.win.SetContent(workingContent(lang.L("Opening the database…")))
	go func() {
		store, err := m.open(path)
		m.do(func() {
			m.busy = false
			if err != nil {
				m.cannotOpen(path, err)
			} else {
				m.build(store, true)
			}
		})
	}()
}

// workingContent fills the window while there is nothing else to show:
// what is being done, and a moving bar.
func workingContent(what string) fyne.CanvasObject {
	return container.NewCenter(container.NewVBox(widget.NewLabelWithStyle(what, fyne.TextAlignCenter, fyne.TextStyle{}), sizedBar()))
}
