package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
	"deckhand/ui/kit"
)

// checkDatabase runs the database check and says what it found. When it
// finds damage it names the backup to restore, the newest sound one, with
// a button that restores it, so the facilitator need not work out which
// of the backups is the right one. The check reads every page of the
// database and probes the backups, so it runs off the UI goroutine behind
// a box that says so; asked again meanwhile, it is not run twice.
func (m *mainSession) checkDatabase() {
	if m.busy || m.store == nil {
		return
	}
	m.busy = true
	wait := kit.ShowWorking(m.win, lang.L("Checking the database…"))
	store := m.store
	go func() {
		report, err := store.Check(context.Background())
		m.do(func() {
			m.busy = false
			wait.Hide()
			m.showCheck(report, err)
		})
	}()
}

// showCheck says what the check found.
func (m *mainSession) showCheck(report storage.CheckReport, err error) {
	switch {
	case err != nil:
		kit.ShowError(m.win, errors.New(kit.Sentence(kit.ErrorText(err))))
	case report.OK:
		kit.ShowInformation(m.win, lang.L("Database check"), lang.L("The database is sound."))
	default:
		m.showCheckProblems(report)
	}
}

// showCheckProblems lists what the check found and what to do about it.
func (m *mainSession) showCheckProblems(report storage.CheckReport) dialog.Dialog {
	var lines []string
	for _, p := range report.Problems {
		lines = append(lines, kit.Sentence(kit.Say(p)))
	}
	box := container.NewVBox(newLabel(strings.Join(lines, "\n")), widget.NewSeparator())
	var d dialog.Dialog
	if report.ErasureUnfinished && len(report.Problems) == 1 {
		// Its sentence says what to do; a backup would bring the data back.
		d = kit.NewCustom(m.win, lang.L("Database check"), lang.L("Close"), box)
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
		return d
	}
	choice := report.Restore
	var skipped []string
	for _, b := range choice.Skipped {
		skipped = append(skipped, kit.When(b.At))
	}
	if choice.Found() {
		box.Add(newLabel(fmt.Sprintf(lang.L("Restore the newest sound backup, from %s: the database goes back to how it was then, and the current one is backed up first."), kit.When(choice.Backup.At))))
		if len(skipped) > 0 {
			box.Add(newLabel(fmt.Sprintf(lang.L("Newer backups that are damaged too were skipped: %s."), strings.Join(skipped, ", "))))
		}
		restore := widget.NewButton(lang.L("Restore this backup"), func() {
			d.Hide()
			m.askRestore(choice.Backup)
		})
		restore.Importance = widget.HighImportance
		box.Add(container.NewHBox(restore))
	} else {
		if len(skipped) > 0 {
			box.Add(newLabel(fmt.Sprintf(lang.L("Every backup is damaged too (%s), so there is none to restore."), strings.Join(skipped, ", "))))
		} else {
			box.Add(newLabel(lang.L("There is no backup to restore.")))
		}
		box.Add(newLabel(fmt.Sprintf(lang.L("Save each workshop with “%s” while the database can still be read, and keep a copy of the database file as it is."), lang.L("Export this workshop to a file…"))))
	}
	d = kit.NewCustom(m.win, lang.L("Database check"), lang.L("Close"), box)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return d
}
