package ui

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
	"deckhand/storage"
)

// Start shows the window, opens the database at path and runs the app until
// the window is closed. When the database cannot be opened the window says
// why and offers the next step: open another file, start a new one, or
// restore a backup.
//
// The window maps first, empty, and everything else happens on the first
// turn of the event loop: opening and checking the database, and building
// the screens, which shapes a lot of text for the first time (the deck
// list, the first card in every language in the editor). Done before Show,
// that work kept the window from appearing for about half a second on a
// database of 50 decks and 100 workshops ("Start-up" in
// docs/performance.md). The empty content has no text, so not even a font is
// loaded before the window is on screen.
func Start(a fyne.App, path string, open Opener) {
	loadTranslations()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Deckhand")
	w.Resize(mainWindowSize(a))
	w.SetContent(container.NewStack()) // the theme's background until there is more to show
	w.SetMaster()
	w.Show()
	var current *storage.Store
	go fyne.Do(func() {
		openInto(a, w, path, open, func(s *storage.Store) { current = s })
	})
	a.Run()
	if current != nil {
		current.Close()
	}
}

// openInto opens the database at path and fills w with the main screens, or,
// when it cannot be opened, with the reason and the next steps. opened
// learns every store the window comes to work on.
func openInto(a fyne.App, w fyne.Window, path string, open Opener, opened func(*storage.Store)) {
	show := func(s *storage.Store) {
		opened(s)
		w.Resize(mainWindowSize(a))
		fillMainWindow(a, w, s)
	}
	if store, err := open(path); err != nil {
		showStartError(a, w, path, err, open, show)
	} else {
		show(store)
	}
}

// mainWindowSize is the size the window had when it was last closed.
func mainWindowSize(a fyne.App) fyne.Size {
	p := a.Preferences()
	return fyne.NewSize(float32(p.FloatWithFallback(prefWindowWidth, 1280)), float32(p.FloatWithFallback(prefWindowHeight, 800)))
}

// fillMainWindow builds the main window's tabs (Decks, Print, Workshop and
// Results), menu and keys on an open store, then starts the backups: the
// one taken on start waits until here so that it does not compete with the
// window for the processor and the database connection while it opens.
func fillMainWindow(a fyne.App, w fyne.Window, store *storage.Store) {
	screen := NewDecksScreen(a, w, store)
	printing := NewPrintScreen(a, w, store)
	workshop := NewWorkshopScreen(a, w, store)
	results := NewResultsScreen(a, w, store)
	tabs := newMainTabs(screen, printing, workshop, results)
	w.SetMainMenu(mainMenu(screen, func() { checkDatabase(w, store) }, aboutItem(a, w, store.Path())))
	w.SetContent(tabs) // after the menu bar, so the tabs are laid out once
	addShortcuts(w, screen)
	addWorkshopKeys(w, tabs, workshop)
	p := a.Preferences()
	w.SetCloseIntercept(func() {
		screen.BeforeLeaving(func() {
			size := w.Canvas().Size()
			p.SetFloat(prefWindowWidth, float64(size.Width))
			p.SetFloat(prefWindowHeight, float64(size.Height))
			w.Close()
		})
	})
	go keepBackups(w, store)
}

// showStartError is what the window shows when the database cannot be
// opened: the reason in one sentence, and what the person can do next. A
// database that opens from here (another file, a new one, the restored
// backup) goes to show, which fills the same window with the screens.
func showStartError(a fyne.App, w fyne.Window, path string, cause error, open Opener, show func(*storage.Store)) {
	msg := widget.NewLabel(sentence(cause.Error()))
	msg.Wrapping = fyne.TextWrapWord
	opened := func(s *storage.Store, err error) {
		if err != nil {
			msg.SetText(sentence(err.Error()))
			return
		}
		show(s)
	}
	other := widget.NewButton(lang.L("Open another database…"), func() {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				r.Close()
				opened(open(r.URI().Path()))
			}
		}, w)
	})
	fresh := widget.NewButton(lang.L("Start a new database…"), func() {
		dialog.ShowFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err == nil && wc != nil {
				p := wc.URI().Path()
				wc.Close()
				os.Remove(p) // the dialog made an empty file; Open sets it up
				opened(open(p))
			}
		}, w)
	})
	buttons := container.NewHBox(other, fresh)
	if backups, err := storage.Backups(storage.BackupDir(path)); err == nil && len(backups) > 0 && !errors.Is(cause, storage.ErrLocked) {
		newest := backups[0]
		buttons.Add(widget.NewButton(fmt.Sprintf(lang.L("Restore the backup of %s"), newest.At.Local().Format("2006-01-02 15:04")), func() {
			if _, err := storage.RestoreFile(newest.Path, path); err != nil {
				msg.SetText(sentence(err.Error()))
				return
			}
			opened(open(path))
		}))
	}
	buttons.Add(widget.NewButton(lang.L("Quit"), a.Quit))
	w.SetContent(container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Deckhand cannot open its database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		buttons, nil, nil, msg))
	w.Resize(fyne.NewSize(640, 240))
}
