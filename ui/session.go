package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
	"deckhand/ui/kit"
)

// mainSession is the main window and the open database it shows. Restoring
// a backup closes the store (its file lock must go before the file is
// replaced), puts the backup in place and opens the file again; the
// session then builds the window's content anew on the new store, so every
// screen reads the restored data and none holds the closed store.
type mainSession struct {
	app   fyne.App
	win   fyne.Window
	open  Opener
	store *storage.Store

	view *mainView // the screens on the store; nil while none is open

	// backupEvery is how often the store is backed up while it is shown;
	// 0 takes no automatic backups (tests, which must not race a
	// background writer). stopBackups ends the goroutine that takes them.
	backupEvery time.Duration
	stopBackups chan struct{}

	// toUI hands work done off the UI goroutine back to it: fyne.Do in
	// the app (nil stands for it); a test runs it on its own goroutine.
	toUI func(func())
	// busy is set while the session's own disk work runs off the UI
	// goroutine (opening, a restore, Back up now, the check): another
	// request meanwhile is ignored, and none closes the store under it.
	busy bool
	// fonts is closed once Start has loaded the interface's fonts on a
	// goroutine of its own (loadFonts); nil when nothing loads them.
	fonts <-chan struct{}
}

// The first window's size fits a 1366×768 laptop screen, the smallest our
// users have, with the taskbar and title bar: at 800 pixels high the code
// box at the bottom of the Workshop screen was below the screen's edge.
const (
	defaultWindowWidth  = 1280
	defaultWindowHeight = 680
)

// newWindow makes the main window: its size from the last run, and a close
// (the window's, or Quit) that first saves what the card editor holds.
func (m *mainSession) newWindow() fyne.Window {
	w := m.app.NewWindow("Deckhand")
	p := m.app.Preferences()
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback(kit.PrefWindowWidth, defaultWindowWidth)),
		float32(p.FloatWithFallback(kit.PrefWindowHeight, defaultWindowHeight))))
	w.SetCloseIntercept(m.leave)
	w.SetMaster()
	return w
}

// leave closes the main window, which ends the app, after the card editor
// has saved (or the person chose to discard) what it holds.
func (m *mainSession) leave() {
	w, p := m.win, m.app.Preferences()
	closeWindow := func() {
		size := w.Canvas().Size()
		p.SetFloat(kit.PrefWindowWidth, float64(size.Width))
		p.SetFloat(kit.PrefWindowHeight, float64(size.Height))
		w.Close()
	}
	if m.view == nil {
		closeWindow()
		return
	}
	m.view.leaveAll(closeWindow, nil)
}

// build fills the main window with the screens on store (a mainView: the
// tabs, the menus and the keys). backupNow takes the first automatic
// backup at once (on start; not right after a restore, when the file is a
// copy of a backup already).
func (m *mainSession) build(store *storage.Store, backupNow bool) {
	m.store = store
	m.view = newMainView(m.app, m.win, store, viewActions{backups: m.showBackups, check: m.checkDatabase, quit: m.leave, teamFolder: m.chooseTeamFolder})
	m.openTeamFolder(store, m.view)
	if m.backupEvery > 0 {
		m.stopBackups = make(chan struct{})
		go keepBackups(m.win, store, m.backupEvery, backupNow, m.stopBackups)
	}
	time.AfterFunc(checkAfterScreens, func() { m.refuseIfDamaged(store) })
}

// checkAfterScreens is how long after the screens are made the check of a
// file opened for the window (storage.OpenCheckingLater) begins, unless a
// write asks for it first: by then the first frame is drawn (about 60 ms
// after, on the machine of docs/performance.md), and the check, which
// reads the whole file, does not take the second core from the drawing.
const checkAfterScreens = 250 * time.Millisecond

// refuseIfDamaged begins the check of store's file that may be left for
// after its open (storage.OpenCheckingLater), waits for it and, when the
// check finds the file
// damaged, puts in place of the screens what the start shows for a damaged
// file: the reason, and a backup to restore. Until then the store refuses
// every write, so nothing the screens showed meanwhile was saved.
func (m *mainSession) refuseIfDamaged(store *storage.Store) {
	err := store.Checked(context.Background())
	var refusal *storage.OpenError
	if !errors.As(err, &refusal) {
		return // passed, or the store was closed first
	}
	m.do(func() {
		if m.store != store {
			return // a restore or another file replaced it meanwhile
		}
		m.release()
		m.cannotOpen(store.Path(), err)
	})
}

// do runs fn on the UI goroutine, from work done off it.
func (m *mainSession) do(fn func()) {
	if m.toUI != nil {
		m.toUI(fn)
		return
	}
	fyne.Do(fn)
}

// release stops what works on the store in the background and closes it.
// The window's content still refers to the store: build or cannotOpen
// replaces it next.
func (m *mainSession) release() {
	if s := m.detach(); s != nil {
		s.Close()
	}
}

// detach stops what works on the store in the background and hands it
// over, once, to be closed; closing checkpoints the write-ahead log, so a
// restore does it off the UI goroutine.
func (m *mainSession) detach() *storage.Store {
	if m.stopBackups != nil {
		close(m.stopBackups)
		m.stopBackups = nil
	}
	if m.view != nil {
		// The team folder writes what it has not written yet, with the
		// store still open; a few files, so a brief wait here.
		m.view.closeTeam()
		m.view.stopAll()
	}
	s := m.store
	m.store = nil
	return s
}

// cannotOpen replaces the main window's content, when the database could
// not be opened again, with what the start window offers: the reason and
// the next steps.
func (m *mainSession) cannotOpen(path string, err error) {
	m.view = nil
	m.win.SetMainMenu(nil)
	m.win.SetContent(startErrorContent(m.app, m.win, path, err, m.open, m.do, func(s *storage.Store) { m.build(s, true) }))
}

// newLabel is a label that wraps, for sentences in dialogs.
func newLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
