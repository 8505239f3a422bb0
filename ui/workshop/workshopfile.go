package workshop

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// ExportWorkshop writes the workshop shown to a workshop file, for another
// laptop or the facilitator.
func (s *Screen) ExportWorkshop() {
	if s.Session == nil {
		return
	}
	id := s.Session.Workshop.ID
	kit.AskSavePath(s.win, s.store, s.Session.Workshop.Title+".json", []string{".json"}, func(path string) { s.exportFile(id, path) })
}

// exportFile writes a workshop's file off the UI goroutine, behind a box
// that says so, and then says where it went: the store reads the whole
// workshop, and the file is synced to the disk before it counts as
// written, which takes long on a slow or synced folder.
func (s *Screen) exportFile(id, path string) {
	box := kit.ShowWorking(s.win, lang.L("Writing the workshop file…"))
	go func() {
		err := s.writeWorkshopFileOf(id, path)
		s.ToUI(func() {
			box.Hide()
			if err != nil {
				kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(err))))
				return
			}
			kit.ShowInformation(s.win, lang.L("Exported"), fmt.Sprintf(lang.L("Wrote %s."), path))
		})
	}()
}

// writeWorkshopFile writes the workshop shown with its tombstones and
// without real names, atomically.
func (s *Screen) writeWorkshopFile(path string) error {
	return s.writeWorkshopFileOf(s.Session.Workshop.ID, path)
}

// writeWorkshopFileOf writes a workshop so, a deleted one as its deletion.
func (s *Screen) writeWorkshopFileOf(id, path string) error {
	f, err := s.store.ExportWorkshop(s.ctx, id, false)
	if err != nil {
		return err
	}
	return storage.WriteFileAtomic(path, func(w io.Writer) error { return game.WriteFile(w, f) })
}

// eraseWorkshop asks, then erases the workshop's personal data for real.
func (s *Screen) eraseWorkshop() {
	if s.Session == nil || s.erasing != nil {
		return
	}
	notes := kit.NewKeyedCheck(lang.L("Erase the notes' texts too"), nil)
	text := widget.NewLabel(fmt.Sprintf(lang.L("Erase the names and pseudonyms of the participants of %q for good? The cards played and the ratings stay."), s.Session.Workshop.Title))
	text.Wrapping = fyne.TextWrapWord
	d := kit.NewChoice(s.win, lang.L("Erase personal data"), container.NewVBox(text, notes), lang.L("Cancel"), lang.L("Erase"), func(ok bool) {
		if ok {
			s.erase(notes.Checked)
		}
	})
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// erase erases the workshop's personal data off the UI goroutine: the
// store backs up, erases, vacuums and reads every backup to name those
// that still hold the data, which takes seconds on a big database. A box
// says so meanwhile; a second request while it runs is ignored.
func (s *Screen) erase(notesToo bool) {
	if s.Session == nil || s.erasing != nil {
		return
	}
	s.erasing = kit.ShowWorking(s.win, lang.L("Erasing personal data…"))
	id := s.Session.Workshop.ID
	go func() {
		report, err := s.store.EraseWorkshop(s.ctx, id, notesToo)
		s.ToUI(func() {
			s.erasing.Hide()
			s.erasing = nil
			s.showErased(report, err)
		})
	}()
}

// showErased says what an erasure erased and which copies still hold the
// data, and shows the workshop as it is now.
func (s *Screen) showErased(report storage.EraseReport, err error) {
	if err != nil {
		kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(err))))
		return
	}
	if s.OnSaved != nil {
		s.OnSaved() // the team folder writes an erasure at once
	}
	msg := fmt.Sprintf(lang.L("Erased %s and %s, and %s."), kit.Count(report.Names, "%d name", "%d names", report.Names),
		kit.Count(report.Participants, "%d pseudonym", "%d pseudonyms", report.Participants), kit.Count(report.Notes, "%d note", "%d notes", report.Notes))
	if len(report.BackupsHolding) > 0 {
		msg += "\n" + backupsHoldingText(len(report.BackupsHolding)) +
			"\n" + strings.Join(report.BackupsHolding, "\n")
	}
	if len(report.LeftoversHolding) > 0 {
		msg += "\n" + kit.Count(len(report.LeftoversHolding), "%d temporary copy left by an interrupted backup or save could not be removed and may hold the data; delete it:",
			"%d temporary copies left by an interrupted backup or save could not be removed and may hold the data; delete them:", len(report.LeftoversHolding)) +
			"\n" + strings.Join(report.LeftoversHolding, "\n")
	}
	s.reload()
	kit.ShowInformation(s.win, lang.L("Erased"), msg)
}

// RemindRetention asks to erase a workshop whose retention date has passed.
func (s *Screen) RemindRetention() {
	if s.Session == nil || !s.Session.Workshop.RetentionPassed(s.Now()) {
		return
	}
	msg := fmt.Sprintf(lang.L("The data of %q was to be kept until %s. Erase its personal data now?"), s.Session.Workshop.Title, s.Session.Workshop.Retention)
	kit.ShowConfirm(s.win, lang.L("Retention date passed"), msg, func(ok bool) {
		if ok {
			s.eraseWorkshop()
		}
	})
}
