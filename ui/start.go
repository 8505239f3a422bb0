package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
)

// Start shows the window, opens the database at path and runs the app until
// the window is closed. When the database cannot be opened the window says
// why and offers the next step: open another file, start a new one, or
// restore a backup.
//
// The window maps first, empty, and everything else happens beside it or
// after: the database is opened off the UI goroutine from the start, while
// the window is made (opening checks the file, and may back it up and
// migrate it, which takes seconds on a big database); a goroutine loads
// the fonts meanwhile, on the other core, and the window says that the
// database is being opened only if it still is after openingNoticeDelay;
// back on the UI goroutine the Decks screen is made and shown, and the
// other screens wait until they are first shown (mainScreens). Done before
// Show, that work kept the window from appearing for about half a second
// on a database of 50 decks and 100 workshops; building every screen
// before the Decks screen was drawn kept it off the screen for twice as
// long as it needs ("Start-up" in docs/performance.md). The empty content
// has no text, so not even a font is loaded before the window is on
// screen.
func Start(a fyne.App, path string, open Opener) {
	applySavedSettings(a)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	m := &mainSession{app: a, open: open, backupEvery: backupEvery, toUI: fyne.Do}
	m.win = m.newWindow()
	blank := container.NewStack() // the theme's background until there is more to show
	m.win.SetContent(blank)
	fonts := make(chan struct{})
	m.fonts = fonts
	go func() {
		loadFonts()
		close(fonts)
	}()
	m.startOpening(path)
	m.win.Show()
	go fyne.Do(func() {
		fitToScreen(m.win)
		// Most files open in a blink: the window says that one is being
		// opened only when it takes longer, rather than draw the words
		// for a frame on the way to the screens.
		time.AfterFunc(openingNoticeDelay, func() {
			m.waitForFonts()
			fyne.Do(func() {
				if m.win.Content() == blank {
					m.showOpening()
				}
			})
		})
	})
	a.Run()
	m.release()
}

// loadFonts loads the interface's fonts, regular and bold, by measuring a
// word in each: the first text measured in a style parses its font files
// and finds the system's fallback fonts (about 30 ms on the machine of
// docs/performance.md). Start runs it on a goroutine of its own while the
// window is made on the UI goroutine, which draws no text until it is
// done (waitForFonts): Fyne's faces are not safe to measure with from two
// goroutines at once, and the window's making measures nothing.
func loadFonts() {
	size := theme.Size(theme.SizeNameText)
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Deckhand", size, style)
	}
}

// openInto opens the database at path off the UI goroutine, the window
// saying so meanwhile, and then fills the window with the screens on it,
// or, when it cannot be opened, with the reason and the next steps (which
// fill the same window once a database opens).
func (m *mainSession) openInto(path string) {
	if m.startOpening(path) {
		m.showOpening()
	}
}

// startOpening opens the database at path off the UI goroutine and then,
// back on it, fills the window (openInto). It reports false, and opens
// nothing, while the session is busy with another. The first automatic
// backup waits until the window has drawn the screens (keepBackups), so
// that it does not compete with the window while it opens.
func (m *mainSession) startOpening(path string) bool {
	if m.busy {
		return false
	}
	m.busy = true
	go func() {
		store, err := m.open(path)
		m.waitForFonts()
		m.do(func() {
			m.busy = false
			if err != nil {
				m.cannotOpen(path, err)
			} else {
				m.build(store, true)
			}
		})
	}()
	return true
}

// waitForFonts waits, off the UI goroutine, until the fonts Start loads
// are loaded, so that the UI goroutine measures text only after that.
func (m *mainSession) waitForFonts() {
	if m.fonts != nil {
		<-m.fonts
	}
}

// openingNoticeDelay is how long the window stays blank on start while the
// database opens, before it says so.
const openingNoticeDelay = 300 * time.Millisecond

// showOpening says in the window that the database is being opened.
func (m *mainSession) showOpening() {
	m.win.SetContent(workingContent(lang.L("Opening the database…")))
}

// workingContent fills the window while there is nothing else to show:
// what is being done, and a moving bar.
func workingContent(what string) fyne.CanvasObject {
	return container.NewCenter(container.NewVBox(widget.NewLabelWithStyle(what, fyne.TextAlignCenter, fyne.TextStyle{}), sizedBar()))
}
