package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
)

// exportWorkshop writes the workshop shown to a workshop file, for another
// laptop or the facilitator.
func (s *WorkshopScreen) exportWorkshop() {
	if s.session == nil {
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := s.writeWorkshopFile(path); err != nil {
			dialog.ShowError(errors.New(sentence(problemText(err))), s.win)
			return
		}
		dialog.ShowInformation(lang.L("Exported"), fmt.Sprintf(lang.L("Wrote %s."), path), s.win)
	}, s.win)
	save.SetFileName(s.session.Workshop.Title + ".json")
	save.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	save.Show()
}

// writeWorkshopFile writes the workshop with its tombstones and without
// real names, atomically.
func (s *WorkshopScreen) writeWorkshopFile(path string) error {
	f, err := s.store.ExportWorkshop(s.ctx, s.session.Workshop.ID, false)
	if err != nil {
		return err
	}
	return storage.WriteFileAtomic(path, func(w io.Writer) error { return game.WriteFile(w, f) })
}

// importWorkshop merges a workshop file (from another table's laptop):
// it shows first what the file will add, change and remove, takes a backup,
// and then merges. Importing the same file twice changes nothing.
func (s *WorkshopScreen) importWorkshop() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		f, sum, err := s.previewWorkshopFile(path)
		if err != nil {
			dialog.ShowError(errors.New(sentence(problemText(err))), s.win)
			return
		}
		msg := fmt.Sprintf(lang.L("%q: the file adds %d records, updates %d and deletes %d; %d are already here. A backup is taken first. Merge it?"),
			f.Workshop.Title, sum.Added, sum.Updated, sum.Deleted, sum.Unchanged)
		dialog.ShowConfirm(lang.L("Merge a workshop file"), msg, func(ok bool) {
			if !ok {
				return
			}
			if _, _, err := s.mergeWorkshopFile(f); err != nil {
				dialog.ShowError(errors.New(sentence(problemText(err))), s.win)
			}
		}, s.win)
	}, s.win)
	open.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	open.Show()
}

// previewWorkshopFile reads a workshop file and counts what merging it
// would do.
func (s *WorkshopScreen) previewWorkshopFile(path string) (*game.File, storage.WorkshopImportSummary, error) {
	r, err := os.Open(path)
	if err != nil {
		return nil, storage.WorkshopImportSummary{}, err
	}
	defer r.Close()
	f, err := game.ReadFile(r)
	if err != nil {
		return nil, storage.WorkshopImportSummary{}, err
	}
	sum, err := s.store.PreviewImport(s.ctx, f)
	return f, sum, err
}

// mergeWorkshopFile backs up the database and merges the file.
func (s *WorkshopScreen) mergeWorkshopFile(f *game.File) (storage.WorkshopImportSummary, string, error) {
	backup, err := s.store.AutoBackup(s.ctx)
	if err != nil {
		return storage.WorkshopImportSummary{}, "", err
	}
	sum, err := s.store.ImportWorkshop(s.ctx, f)
	if err != nil {
		return sum, backup, err
	}
	s.Refresh(f.Workshop.ID)
	s.didSave(fmt.Sprintf(lang.L("merged %s"), f.Workshop.Title))
	return sum, backup, nil
}

// eraseWorkshop asks, then erases the workshop's personal data for real.
func (s *WorkshopScreen) eraseWorkshop() {
	if s.session == nil {
		return
	}
	notes := widget.NewCheck(lang.L("Erase the notes' texts too"), nil)
	text := widget.NewLabel(fmt.Sprintf(lang.L("Erase the names and pseudonyms of the participants of %q for good? The cards played and the ratings stay."), s.session.Workshop.Title))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Erase personal data"), lang.L("Erase"), lang.L("Cancel"), container.NewVBox(text, notes), func(ok bool) {
		if ok {
			s.erase(notes.Checked)
		}
	}, s.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

func (s *WorkshopScreen) erase(notesToo bool) {
	report, err := s.store.EraseWorkshop(s.ctx, s.session.Workshop.ID, notesToo)
	if err != nil {
		dialog.ShowError(errors.New(sentence(problemText(err))), s.win)
		return
	}
	msg := fmt.Sprintf(lang.L("Erased %d names and %d pseudonyms, and %d notes."), report.Names, report.Participants, report.Notes)
	if len(report.BackupsHolding) > 0 {
		msg += "\n" + fmt.Sprintf(lang.L("%d backups made before still hold the data; delete them too:"), len(report.BackupsHolding)) +
			"\n" + strings.Join(report.BackupsHolding, "\n")
	}
	if len(report.LeftoversHolding) > 0 {
		msg += "\n" + fmt.Sprintf(lang.L("%d temporary copies left by an interrupted backup or save could not be removed and may hold the data; delete them:"), len(report.LeftoversHolding)) +
			"\n" + strings.Join(report.LeftoversHolding, "\n")
	}
	s.reload()
	dialog.ShowInformation(lang.L("Erased"), msg, s.win)
}

// remindRetention asks to erase a workshop whose retention date has passed.
func (s *WorkshopScreen) remindRetention() {
	if s.session == nil || !s.session.Workshop.RetentionPassed(s.now()) {
		return
	}
	msg := fmt.Sprintf(lang.L("The data of %q was to be kept until %s. Erase its personal data now?"), s.session.Workshop.Title, s.session.Workshop.Retention)
	dialog.ShowConfirm(lang.L("Retention date passed"), msg, func(ok bool) {
		if ok {
			s.eraseWorkshop()
		}
	}, s.win)
}
