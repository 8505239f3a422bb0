package workshop

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/kit"
)

// Deleting a workshop: a tombstone, which its file carries to the other
// laptops (storage writes a deleted workshop's file as its tombstone
// alone), so that a laptop that merges the file deletes it too. A backup
// is taken first, as before every destructive action. The deletion is an
// entry of the undo history: Ctrl+Z, or Restore in the dialog that follows,
// brings the workshop back; afterwards Deleted workshops… (deletedlist.go)
// restores it or exports its deletion again.

// ignoring makes a menu's action of a function that gives something back
// (the dialog it opened, for tests).
func ignoring[T any](fn func() T) func() { return func() { fn() } }

// deletedWorkshop is what the screen tells after a deletion: which
// workshop, and the backup taken before it.
type deletedWorkshop struct {
	id, title, backup string
	err               error
}

// DeleteWorkshop asks, naming the workshop, then deletes it after a backup.
func (s *Screen) DeleteWorkshop() *kit.KeyedDialog {
	if s.Session == nil || s.erasing != nil {
		return nil
	}
	w := s.Session.Workshop
	question := fmt.Sprintf(lang.L("Delete the workshop %q with everything recorded in it? A backup of the database is taken first. A laptop that merges this workshop's file afterwards deletes it too."), w.Title)
	d := kit.NewChoice(s.win, lang.L("Delete the workshop"), kit.Sentences(s.win, question), lang.L("Cancel"), lang.L("Delete"), func(yes bool) {
		if yes {
			s.deleteWorkshop(w.ID, w.Title)
		}
	})
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	return d
}

// deleteWorkshop backs up and deletes off the UI goroutine, behind a box,
// as the erasure does: a backup copies the whole database.
func (s *Screen) deleteWorkshop(id, title string) {
	if s.erasing != nil {
		return
	}
	s.erasing = kit.ShowWorking(s.win, lang.L("Backing up, then deleting the workshop…"))
	go func() {
		r := deletedWorkshop{id: id, title: title}
		if r.backup, r.err = s.store.AutoBackup(s.ctx); r.err == nil {
			r.err = s.store.DeleteWorkshop(s.ctx, id)
		}
		s.ToUI(func() {
			s.erasing.Hide()
			s.erasing = nil
			s.showDeleted(r)
		})
	}()
}

// showDeleted shows the next workshop and says what was deleted, offering
// to restore it and the file that carries the deletion to the other
// laptops. The deletion is the one entry of the history then, below what
// is done on the workshop shown next.
func (s *Screen) showDeleted(r deletedWorkshop) {
	if r.err != nil {
		kit.ShowError(s.win, fmt.Errorf(lang.L("The workshop was not deleted: %s"), kit.Sentence(kit.ProblemText(r.err))))
		return
	}
	s.closeWorkshop()
	s.hist.push(s.deletion(r.id, r.title))
	s.status(fmt.Sprintf(lang.L("Deleted the workshop %q; Ctrl+Z restores it"), r.title))
	msg := fmt.Sprintf(lang.L("The workshop %q is deleted; the backup taken before is %s. Restore, or Ctrl+Z on the board, brings it back. To delete it on the other laptops too, export its deletion to a file and merge the file there; Deleted workshops… in the ⋮ menu does either later too."), r.title, r.backup)
	d := kit.NewKeyedDialog(s.win, lang.L("Deleted"), kit.Sentences(s.win, msg), "", "", nil)
	export := kit.NewDialogButton(d, lang.L("Export the deletion…"), func() {
		d.Finish(true)
		s.exportDeletion(r.id, r.title)
	})
	export.Importance = widget.HighImportance
	d.Enter = export.OnTapped
	d.SetButtons([]fyne.CanvasObject{
		kit.NewDialogButton(d, lang.L("Close"), func() { d.Finish(false) }),
		kit.NewDialogButton(d, lang.L("Restore"), func() {
			d.Finish(false)
			s.Undo()
		}),
		export})
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
}

// deletion is the undo entry of a workshop's deletion. Undone, the
// workshop is restored and shown, its history starting again with the
// deletion to redo; redone, it is deleted again (the backup taken the
// first time holds it) and another is shown.
func (s *Screen) deletion(id, title string) action {
	var a action
	a = action{
		name: fmt.Sprintf(lang.L("the deletion of the workshop %q"), title),
		undo: func() error { return s.store.RestoreWorkshop(s.ctx, id) },
		redo: func() error { return s.store.DeleteWorkshop(s.ctx, id) },
		shows: func(undone bool) {
			if undone {
				s.Refresh(id)
				s.hist.undone = []action{a}
				return
			}
			s.closeWorkshop()
			s.hist.done = []action{a}
		},
	}
	return a
}

// exportDeletion asks where to write the file that carries a workshop's
// deletion to the other laptops, and writes it.
func (s *Screen) exportDeletion(id, title string) {
	kit.AskSavePath(s.win, s.store, title+".json", []string{".json"}, func(path string) { s.exportFile(id, path) })
}

// closeWorkshop shows another workshop after the one shown was deleted.
func (s *Screen) closeWorkshop() {
	s.Session = nil
	s.hist.clear()
	s.WorkshopSel.ClearSelected()
	s.TeamID, s.Selected = "", ""
	s.TeamSel.Options = nil
	s.TeamSel.Refresh()
	s.Refresh("")
}

// showMergedDeletion shows what is left after a merged file deleted a
// workshop: another one, if the deleted one was shown.
func (s *Screen) showMergedDeletion(r mergeResult) {
	if s.Session != nil && s.Session.Workshop.ID == r.deletedID {
		s.closeWorkshop()
	} else {
		s.Refresh("")
	}
	s.status(fmt.Sprintf(lang.L("The merged file deleted the workshop %q"), r.deleted))
}
