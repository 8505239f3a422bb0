package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
	"deckhand/ui/kit"
)

// backupsView is File → Backups…: the database's backups, newest first,
// each with its time on the person's clock, its size and a Restore
// button, and a button that backs up now.
type backupsView struct {
	m      *mainSession
	dir    string
	rows   *fyne.Container
	dialog dialog.Dialog
	// listings counts the readings of the folder asked for: a reading
	// that comes back after a newer one was asked (the first, slow one
	// after Back up now's) is dropped, so the list never goes back.
	listings int
}

// backupTimeLayout shows the seconds too: a backup taken by hand and the
// one a restore keeps can fall in the same minute.
const backupTimeLayout = "2006-01-02 15:04:05"

func (m *mainSession) showBackups() {
	if m.busy || m.store == nil { // the store may be closed for a restore
		return
	}
	m.newBackupsView().dialog.Show()
}

func (m *mainSession) newBackupsView() *backupsView {
	v := &backupsView{m: m, dir: storage.BackupDir(m.store.Path()), rows: container.NewVBox()}
	// A synced folder may fetch each file's details before it can say
	// them, so the folder is read off the UI goroutine.
	v.rows.Add(widget.NewLabel(lang.L("Reading the backups…")))
	listing := v.nextListing()
	go func() {
		list, err := storage.Backups(v.dir)
		m.do(func() { v.fillFrom(listing, list, err) })
	}()
	where := newLabel(fmt.Sprintf(lang.L("Deckhand keeps copies of the database in %s: when it starts, every half hour, and before each import or restore. Older ones are thinned out."), v.dir))
	now := widget.NewButtonWithIcon(lang.L("Back up now"), theme.DocumentSaveIcon(), v.backUpNow)
	content := container.NewBorder(where, container.NewHBox(now), nil, nil, container.NewVScroll(v.rows))
	v.dialog = kit.NewCustom(m.win, lang.L("Backups"), lang.L("Close"), content)
	v.dialog.Resize(fyne.NewSize(640, 480))
	return v
}

// nextListing numbers a new reading of the folder.
func (v *backupsView) nextListing() int {
	v.listings++
	return v.listings
}

// fillFrom fills the list with the reading numbered listing, unless a
// newer one was asked for since.
func (v *backupsView) fillFrom(listing int, list []storage.BackupInfo, err error) {
	if listing == v.listings {
		v.fill(list, err)
	}
}

// fill lists the backups as storage.Backups read them from the folder.
func (v *backupsView) fill(list []storage.BackupInfo, err error) {
	v.rows.RemoveAll()
	switch {
	case err != nil:
		v.rows.Add(newLabel(kit.Sentence(kit.ErrorText(err))))
	case len(list) == 0:
		v.rows.Add(widget.NewLabel(lang.L("There are no backups yet.")))
	}
	for _, b := range list {
		restore := widget.NewButtonWithIcon(lang.L("Restore"), theme.HistoryIcon(), func() {
			v.dialog.Hide()
			v.m.askRestore(b)
		})
		made := widget.NewLabelWithStyle(b.At.Local().Format(backupTimeLayout), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		size := widget.NewLabelWithStyle(backupSize(b.Size), fyne.TextAlignTrailing, fyne.TextStyle{})
		v.rows.Add(container.NewBorder(nil, nil, made, restore, size))
	}
	v.rows.Refresh()
}

// backUpNow takes a checked backup, thins the old ones as the automatic
// backups do, and shows the list again. Backing up copies and checks the
// whole database, so it runs off the UI goroutine behind a box that says
// so, which also keeps a second click from starting another.
func (v *backupsView) backUpNow() {
	m := v.m
	if m.busy || m.store == nil {
		return
	}
	m.busy = true
	wait := kit.ShowWorking(m.win, lang.L("Backing up…"))
	store := m.store
	listing := v.nextListing()
	go func() {
		_, err := store.AutoBackup(context.Background())
		list, listErr := storage.Backups(v.dir)
		m.do(func() {
			m.busy = false
			wait.Hide()
			if err != nil {
				m.showError(err)
			}
			v.fillFrom(listing, list, listErr)
		})
	}()
}

// backupSize is a file's size in whole kilobytes or megabytes: enough to
// tell an empty database from one with workshops in it.
func backupSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf(lang.L("%d kB"), max(1, (n+1<<9)>>10))
	}
	return fmt.Sprintf(lang.L("%d MB"), (n+1<<19)>>20)
}
