// Package ui is Deckhand's desktop app, built with Fyne: one file per screen,
// custom widgets in ui/widgets. Screens are made by functions that take what
// they need (a store, a window), so tests drive them with fyne.io/fyne/v2/test
// and check what reached the database. Long work runs off the UI goroutine and
// comes back with fyne.Do.
package ui

import (
	"context"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

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
	// prefPrintLanguage is the language last chosen on the Print screen.
	prefPrintLanguage = "print.language"
	prefLastWorkshop  = "workshop.last"
)

// Opener opens a database the way the app does: creating it with the
// default deck the first time.
type Opener func(path string) (*storage.Store, error)

// startErrorContent says why the database at path cannot be opened and
// offers to open another file, start a new one, restore the newest sound
// backup or quit; opened gets the store once one is open.
func startErrorContent(a fyne.App, w fyne.Window, path string, cause error, open Opener, opened func(*storage.Store)) fyne.CanvasObject {
	msg := newLabel(sentence(errorText(cause)))
	try := func(s *storage.Store, err error) {
		if err != nil {
			msg.SetText(sentence(errorText(err)))
			return
		}
		opened(s)
	}
	other := widget.NewButton(lang.L("Open another database…"), func() {
		showFileDialog(w, dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				r.Close()
				try(open(r.URI().Path()))
			}
		}, w))
	})
	fresh := widget.NewButton(lang.L("Start a new database…"), func() {
		showFileDialog(w, dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err == nil && wc != nil {
				p := wc.URI().Path()
				wc.Close()
				os.Remove(p) // the dialog made an empty file; Open sets it up
				try(open(p))
			}
		}, w))
	})
	buttons := container.NewHBox(other, fresh)
	if errors.Is(cause, storage.ErrCorrupt) {
		// A restore replaces the file: only a damaged one. Over another
		// program's database, a pipe, a full disk or a file in use it
		// would destroy what is not ours, or mend nothing.
		// The newest backup may be damaged too; offer the newest sound one.
		if choice, err := storage.NewestSoundBackup(context.Background(), storage.BackupDir(path)); err == nil && choice.Found() {
			buttons.Add(widget.NewButton(fmt.Sprintf(lang.L("Restore the backup of %s"), when(choice.Backup.At)), func() {
				if _, err := storage.RestoreFile(choice.Backup.Path, path); err != nil {
					msg.SetText(sentence(errorText(err)))
					return
				}
				try(open(path))
			}))
		}
	}
	buttons.Add(widget.NewButton(lang.L("Quit"), a.Quit))
	return container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Deckhand cannot open its database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		buttons, nil, nil, msg)
}
