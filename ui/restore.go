package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"deckhand/storage"
	"deckhand/ui/kit"
)

// askRestore asks, in one sentence that says what happens to the work
// saved since, before the backup b replaces the database.
func (m *mainSession) askRestore(b storage.BackupInfo) {
	msg := fmt.Sprintf(lang.L("The current database is backed up first, then the decks, workshops, ratings and notes saved since %s are replaced by what the backup holds."), kit.When(b.At))
	if m.busy {
		return
	}
	d := kit.NewChoice(m.win, fmt.Sprintf(lang.L("Restore the backup of %s?"), kit.When(b.At)), kit.Sentences(m.win, msg), lang.L("Cancel"), lang.L("Restore"), func(ok bool) {
		if ok {
			m.restore(b)
		}
	})
	d.Show()
}

// restore puts the backup b in place of the database and shows what it
// holds. storage.RestoreFile backs up the database first and needs its
// lock, so the store is closed before and opened again after; the window's
// content is then built anew on the reopened store. When the restore is
// refused the same file is reopened unchanged, and the reason is shown.
// Checking the backup, copying it and opening the file again read and
// write whole databases, so all of it runs off the UI goroutine behind a
// box that says so; a second request meanwhile is ignored.
func (m *mainSession) restore(b storage.BackupInfo) {
	if m.busy || m.store == nil || m.view == nil {
		return
	}
	m.busy = true
	wait := kit.ShowWorking(m.win, lang.L("Restoring the backup…"))
	go func() {
		// A backup that would be refused is refused before anything is
		// closed, so the screens stay as they are.
		err := storage.CheckBackup(context.Background(), b.Path)
		m.do(func() {
			wait.Hide()
			if err != nil {
				m.busy = false
				m.showError(err)
				return
			}
			m.view.leaveAll(func() { m.replaceWith(b) }, func() { m.busy = false })
		})
	}()
}

// replaceWith closes the store, puts the sound backup b in its file's place
// and shows the file opened again, off the UI goroutine. The menu and the
// Settings window go meanwhile: they act on the screens of the store,
// which is closed, and the screens are built anew after.
func (m *mainSession) replaceWith(b storage.BackupInfo) {
	wait := kit.ShowWorking(m.win, lang.L("Restoring the backup…"))
	m.win.SetMainMenu(nil)
	if m.view.settings != nil {
		m.view.settings.Close()
	}
	m.view.closeRoom() // it follows the screens of the closed store
	path := m.store.Path()
	old := m.detach()
	go func() {
		old.Close()
		safety, restoreErr := storage.RestoreFile(b.Path, path)
		store, err := m.open(path)
		keptAt, kept := backupTime(path, safety)
		m.do(func() {
			m.busy = false
			wait.Hide()
			if err != nil {
				m.cannotOpen(path, err)
				return
			}
			m.build(store, false)
			if restoreErr != nil {
				m.showError(restoreErr)
				return
			}
			msg := fmt.Sprintf(lang.L("The database is back as it was on %s."), kit.When(b.At))
			if kept {
				msg += " " + fmt.Sprintf(lang.L("What it held until now is kept in the backup of %s."), kit.When(keptAt))
			}
			kit.ShowInformation(m.win, lang.L("Backup restored"), msg)
		})
	}()
}

// backupTime is the time of the backup at backupPath among the backups of
// the database at dbPath.
func backupTime(dbPath, backupPath string) (time.Time, bool) {
	if backupPath == "" {
		return time.Time{}, false
	}
	list, _ := storage.Backups(storage.BackupDir(dbPath))
	for _, b := range list {
		if b.Path == backupPath {
			return b.At, true
		}
	}
	return time.Time{}, false
}

// showError shows an error from storage as the sentence it is.
func (m *mainSession) showError(err error) {
	kit.ShowError(m.win, errors.New(kit.Sentence(kit.ErrorText(err))))
}
