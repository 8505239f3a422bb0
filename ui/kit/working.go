package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// ShowWorking shows a box that says what is being done off the UI
// goroutine, with a moving bar, until the work hands its result back and
// hides it. It has no buttons: the work cannot be stopped half done, and
// while the box is up nothing behind it can be clicked, and the window's
// keys go nowhere (dialogkeys.go), so the work is not asked for twice.
func ShowWorking(win fyne.Window, what string) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(what, widget.NewProgressBarInfinite(), win)
	d.Show()
	return d
}
