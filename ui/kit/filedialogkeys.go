package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's file and folder dialogs answer the keyboard as the app's own
// dialogs do (dialogkeys.go): Esc cancels, Enter is the main button, and
// nothing typed reaches the screen behind. Fyne gives them none of this:
// its dialog has no key handling, and in the save dialog its name entry
// has the focus and drops Esc, while the window hears no key a focused
// widget gets. So every file dialog is shown by ShowFileDialog, which
// takes it for shown (DialogKey then gives it Esc and Enter while nothing
// has the focus) and, in a save dialog, puts a field of the app's own
// where Fyne's name entry was: Esc there cancels and Enter saves. Fyne's
// entry stays, hidden, with the field's text in it, because Fyne reads the
// name from it and enables Save by it.

// FileDialogKeys is a Fyne file dialog that is on screen, for DialogKey.
type FileDialogKeys struct {
	fd   *dialog.FileDialog
	main *widget.Button // the dialog's Open or Save, nil if not found
	Name *widget.Entry  // a save dialog's own name entry, nil in an open dialog
}

// Submit is what Enter does while nothing in the dialog has the focus: its
// main button, when it may be pressed (a file is chosen, a name typed).
func (k *FileDialogKeys) Submit() {
	if k.main != nil && !k.main.Disabled() {
		k.main.OnTapped()
	}
}

// Dismiss is what Esc does: the dialog's Cancel, whose callback hears nil.
func (k *FileDialogKeys) Dismiss() { k.fd.Dismiss() }

// ShowFileDialog shows a file or folder dialog of Fyne's that answers Esc
// and Enter (see above). In a save dialog it returns Fyne's own name entry,
// which holds what was typed; nil in an open dialog, or when the dialog is
// not built as this expects and so is shown as Fyne made it.
func ShowFileDialog(win fyne.Window, fd *dialog.FileDialog) *widget.Entry {
	return showKeyedFileDialog(win, fd, true)
}

// ShowFolderDialog shows a folder dialog of Fyne's that answers Esc (see
// above). Enter does nothing there: Fyne's Choose takes the folder shown,
// which the person may not have meant yet.
func ShowFolderDialog(win fyne.Window, fd *dialog.FileDialog) {
	showKeyedFileDialog(win, fd, false)
}

// showKeyedFileDialog shows fd; enter tells whether Enter may press its
// main button.
func showKeyedFileDialog(win fyne.Window, fd *dialog.FileDialog, enter bool) *widget.Entry {
	fd.Show()
	c := win.Canvas()
	popup := c.Overlays().Top()
	if popup == nil {
		return nil // shown by the system rather than in the window
	}
	k := &FileDialogKeys{fd: fd}
	ShownDialogs[popup] = k
	giveBack := lendDialogKeys(c)
	fd.SetOnClosed(func() {
		delete(ShownDialogs, popup)
		giveBack()
	})
	eachObject(popup, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && enter && b.Importance == widget.HighImportance && k.main == nil {
			k.main = b
		}
	})
	entry, ok := c.Focused().(*widget.Entry) // Fyne focuses a save dialog's name entry
	if !ok {
		return nil
	}
	var scroll *container.Scroll
	eachObject(popup, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok && s.Content == entry {
			scroll = s
		}
	})
	if scroll == nil {
		return entry
	}
	k.Name = entry
	name := NewField()
	name.SetPlaceHolder(entry.PlaceHolder)
	name.SetText(entry.Text)
	name.OnChanged = func(s string) { entry.SetText(s) } // Fyne's OnChanged enables Save
	fyneChanged := entry.OnChanged
	entry.OnChanged = func(s string) {
		if fyneChanged != nil {
			fyneChanged(s)
		}
		name.SetText(s) // a file chosen in the list; nothing when it came from the field
	}
	name.OnSubmitted = func(s string) {
		if s != "" && entry.OnSubmitted != nil {
			entry.OnSubmitted(s) // Fyne's Save, which it would take with no name too
		}
	}
	scroll.Content = name
	scroll.Refresh()
	c.Focus(name)
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
	return entry
}

// eachObject visits o and what the containers of Fyne's dialogs hold.
func eachObject(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, in := range x.Objects {
			eachObject(in, visit)
		}
	case *widget.PopUp:
		eachObject(x.Content, visit)
	case *container.Scroll:
		eachObject(x.Content, visit)
	case *container.Split:
		eachObject(x.Leading, visit)
		eachObject(x.Trailing, visit)
	}
}
