package ui

import (
	"errors"
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"

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

// importWorkshop reads a workshop file (from another table's laptop) and
// merges it; importing the same file twice changes nothing.
func (s *WorkshopScreen) importWorkshop() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		sum, title, err := s.readWorkshopFile(path)
		if err != nil {
			dialog.ShowError(errors.New(sentence(problemText(err))), s.win)
			return
		}
		dialog.ShowInformation(lang.L("Imported"), fmt.Sprintf(lang.L("%q: %d added, %d updated, %d deleted, %d unchanged."),
			title, sum.Added, sum.Updated, sum.Deleted, sum.Unchanged), s.win)
	}, s.win)
	open.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	open.Show()
}

func (s *WorkshopScreen) readWorkshopFile(path string) (storage.WorkshopImportSummary, string, error) {
	r, err := os.Open(path)
	if err != nil {
		return storage.WorkshopImportSummary{}, "", err
	}
	defer r.Close()
	f, err := game.ReadFile(r)
	if err != nil {
		return storage.WorkshopImportSummary{}, "", err
	}
	sum, err := s.store.ImportWorkshop(s.ctx, f)
	if err != nil {
		return sum, f.Workshop.Title, err
	}
	s.Refresh(f.Workshop.ID)
	return sum, f.Workshop.Title, nil
}
