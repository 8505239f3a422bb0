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
	"deckhand/ui/kit"
)

// startError is what the window shows when the database cannot be opened:
// the reason, and buttons to open another file, start a new one, restore
// the newest sound backup or quit. Opening a database (which may migrate
// it), probing the backups and restoring one read and write whole files,
// so each runs off the UI goroutine; toUI brings its result back.
type startError struct {
	win    fyne.Window
	path   string
	open   Opener
	opened func(*storage.Store)
	toUI   func(func())

	msg     *widget.Label
	buttons *fyne.Container
	actions []*widget.Button // disabled while one runs
	working *fyne.Container  // says what runs, while it does
	busy    bool
	// stopProbe ends the look through the backups once a database is
	// open: the window shows the screens then.
	stopProbe context.CancelFunc
}

// startErrorContent says why the database at path cannot be opened and
// offers to open another file, start a new one, restore the newest sound
// backup or quit; opened gets the store once one is open.
func startErrorContent(a fyne.App, w fyne.Window, path string, cause error, open Opener, toUI func(func()), opened func(*storage.Store)) fyne.CanvasObject {
	e := &startError{win: w, path: path, open: open, opened: opened, toUI: toUI, msg: newLabel(kit.Sentence(kit.ErrorText(cause)))}
	other := widget.NewButton(lang.L("Open another database…"), func() {
		kit.ShowFileDialog(w, dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				r.Close()
				p := r.URI().Path()
				e.run(lang.L("Opening the database…"), func() (*storage.Store, error) { return open(p) })
			}
		}, w))
	})
	fresh := widget.NewButton(lang.L("Start a new database…"), func() {
		kit.ShowFileDialog(w, dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err == nil && wc != nil {
				p := wc.URI().Path()
				wc.Close()
				e.run(lang.L("Opening the database…"), func() (*storage.Store, error) {
					os.Remove(p) // the dialog made an empty file; Open sets it up
					return open(p)
				})
			}
		}, w))
	})
	e.actions = []*widget.Button{other, fresh}
	e.buttons = container.NewHBox(other, fresh)
	if errors.Is(cause, storage.ErrCorrupt) {
		// A restore replaces the file: only a damaged one. Over another
		// program's database, a pipe, a full disk or a file in use it
		// would destroy what is not ours, or mend nothing.
		e.probe()
	}
	e.buttons.Add(widget.NewButton(lang.L("Quit"), a.Quit))
	e.working = container.NewVBox()
	return container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle(lang.L("Deckhand cannot open its database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.working),
		e.buttons, nil, nil, e.msg)
}

// probe looks through the backups, off the UI goroutine, for the newest
// sound one (the newest may be damaged too) and offers to restore it. The
// place of its button says meanwhile that it is looking.
func (e *startError) probe() {
	looking := container.NewHBox(widget.NewLabel(lang.L("Looking for a sound backup…")), sizedBar())
	e.buttons.Add(looking)
	ctx, cancel := context.WithCancel(context.Background())
	e.stopProbe = cancel
	go func() {
		choice, err := storage.NewestSoundBackup(ctx, storage.BackupDir(e.path))
		e.toUI(func() {
			e.buttons.Remove(looking)
			if err != nil || !choice.Found() {
				return
			}
			restore := widget.NewButton(fmt.Sprintf(lang.L("Restore the backup of %s"), kit.When(choice.Backup.At)), func() {
				e.run(lang.L("Restoring the backup…"), func() (*storage.Store, error) {
					if _, err := storage.RestoreFile(choice.Backup.Path, e.path); err != nil {
						return nil, err
					}
					return e.open(e.path)
				})
			})
			if e.busy {
				restore.Disable()
			}
			e.actions = append(e.actions, restore)
			// Before Quit, where the search said it was looking.
			e.buttons.Objects = append(e.buttons.Objects[:len(e.buttons.Objects)-1], restore, e.buttons.Objects[len(e.buttons.Objects)-1])
			e.buttons.Refresh()
		})
	}()
}

// run does work that opens a database off the UI goroutine, saying what
// it does meanwhile with the buttons that would start another disabled,
// and then shows the screens on the store it opened, or why it could not.
func (e *startError) run(what string, work func() (*storage.Store, error)) {
	if e.busy {
		return
	}
	e.busy = true
	for _, b := range e.actions {
		b.Disable()
	}
	e.working.Objects = []fyne.CanvasObject{widget.NewLabel(what), sizedBar()}
	e.working.Refresh()
	go func() {
		s, err := work()
		e.toUI(func() {
			e.busy = false
			e.working.Objects = nil
			e.working.Refresh()
			for _, b := range e.actions {
				b.Enable()
			}
			if err != nil {
				e.msg.SetText(kit.Sentence(kit.ErrorText(err)))
				return
			}
			if e.stopProbe != nil {
				e.stopProbe()
			}
			e.opened(s)
		})
	}()
}

// sizedBar is a moving bar wide enough to be seen beside a sentence.
func sizedBar() fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewGridWrap(fyne.NewSize(240, bar.MinSize().Height), bar)
}
