package workshop

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/kit"
)

// deletedList is the list of the deleted workshops, each with the buttons
// that export its deletion again and restore it, by workshop id.
type deletedList struct {
	dlg               *kit.KeyedDialog
	exports, restores map[string]*kit.DialogButton
}

// ShowDeletedWorkshops lists the deleted workshops, the latest deleted
// first, long after the dialog that followed a deletion is closed: each
// one's deletion is exported again for a laptop that has not had it, or
// the workshop restored and shown. A workshop of which only the merged
// deletion is here cannot be restored here, and the list says so.
func (s *Screen) ShowDeletedWorkshops() *deletedList {
	list, err := s.store.DeletedWorkshops(s.ctx)
	if err != nil {
		kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(err))))
		return nil
	}
	d := &deletedList{exports: map[string]*kit.DialogButton{}, restores: map[string]*kit.DialogButton{}}
	rows := container.NewVBox()
	d.dlg = kit.NewCustom(s.win, lang.L("Deleted workshops"), lang.L("Close"), container.NewVScroll(rows))
	if len(list) == 0 {
		rows.Add(widget.NewLabel(lang.L("No workshop is deleted.")))
	}
	for _, w := range list {
		label := widget.NewLabel(fmt.Sprintf(lang.L("%s %s, deleted %s"), w.Date, w.Title, kit.When(w.Deleted)))
		label.Truncation = fyne.TextTruncateEllipsis
		export := kit.NewDialogButton(d.dlg, lang.L("Export the deletion…"), func() {
			d.dlg.Finish(false)
			s.exportDeletion(w.ID, w.Title)
		})
		restore := kit.NewDialogButton(d.dlg, lang.L("Restore"), func() {
			d.dlg.Finish(false)
			s.restoreDeleted(w.ID, w.Title)
		})
		if w.OnlyDeletion {
			restore.Disable()
			label.SetText(label.Text + " · " + lang.L("only its deletion is on this laptop"))
		}
		d.exports[w.ID], d.restores[w.ID] = export, restore
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(export, restore), label))
	}
	d.dlg.Resize(fyne.NewSize(680, 420))
	d.dlg.Show()
	return d
}

// restoreDeleted brings a deleted workshop back and shows it.
func (s *Screen) restoreDeleted(id, title string) {
	if err := s.store.RestoreWorkshop(s.ctx, id); err != nil {
		s.fail(err)
		return
	}
	s.Refresh(id)
	s.status(fmt.Sprintf(lang.L("Restored the workshop %q"), title))
}
