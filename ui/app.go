// Package ui is Deckhand's desktop app, built with Fyne: one file per screen,
// custom widgets in ui/widgets. Screens are made by functions that take what
// they need (a store, a window), so tests drive them with fyne.io/fyne/v2/test
// and check what reached the database. Long work runs off the UI goroutine and
// comes back with fyne.Do.
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

// AppID identifies Deckhand to the desktop (preferences, window grouping).
const AppID = "app.deckhand.desktop"

// Preference keys.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefLastDeck     = "decks.last"
	prefCardLanguage = "decks.language"
	prefLastWorkshop = "workshop.last"
)

// Opener opens a database the way the app does: creating it with the
// default deck the first time.
type Opener func(path string) (*storage.Store, error)

// Start opens the database at path and runs the app until its window is
// closed. When the database cannot be opened it says why and offers the
// next step: open another file, start a new one, or restore a backup.
func Start(a fyne.App, path string, open Opener) {
	applySavedSettings(a)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	var current *storage.Store
	show := func(s *storage.Store) {
		current = s
		mainWindow(a, s).Show()
	}
	if store, err := open(path); err != nil {
		startError(a, path, err, open, show).Show()
	} else {
		show(store)
	}
	a.Run()
	if current != nil {
		current.Close()
	}
}

// mainWindow builds the main window on an open store: the Decks, Print,
// Workshop and Results tabs.
func mainWindow(a fyne.App, store *storage.Store) fyne.Window {
	w := a.NewWindow("Deckhand")
	m := newMainView(a, w, store)
	go keepBackups(w, store)
	p := a.Preferences()
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWindowWidth, 1280)), float32(p.FloatWithFallback(prefWindowHeight, 800))))
	w.SetCloseIntercept(func() {
		m.decks.BeforeLeaving(func() {
			size := w.Canvas().Size()
			p.SetFloat(prefWindowWidth, float64(size.Width))
			p.SetFloat(prefWindowHeight, float64(size.Height))
			w.Close()
		})
	})
	w.SetMaster()
	return w
}

// startError is the window shown when the database cannot be opened: the
// reason in one sentence, and what the person can do next.
func startError(a fyne.App, path string, cause error, open Opener, show func(*storage.Store)) fyne.Window {
	w := a.NewWindow("Deckhand")
	msg := widget.NewLabel(sentence(cause.Error()))
	msg.Wrapping = fyne.TextWrapWord
	opened := func(s *storage.Store, err error) {
		if err != nil {
			msg.SetText(sentence(err.Error()))
			return
		}
		show(s)
		w.Close()
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
	// Not the master window: closing it after the main window opened must
	// not quit the app (closing it alone, the last window, still does).
	return w
}
