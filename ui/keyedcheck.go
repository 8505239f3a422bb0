package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyedCheck is a tick box that answers the keys of the dialog it is in:
// Fyne's own check drops every key but Space, so once the person had
// ticked it from the keyboard, Enter and Esc did nothing until they moved
// the focus away. Space still ticks it; Enter is the dialog's main button
// and Esc cancels, while a dialog is shown.
type keyedCheck struct {
	widget.Check
}

// newKeyedCheck makes a tick box with a label, unticked.
func newKeyedCheck(label string, changed func(bool)) *keyedCheck {
	c := &keyedCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey is part of fyne.Focusable.
func (c *keyedCheck) TypedKey(e *fyne.KeyEvent) {
	if !passDialogKey(c, e) {
		c.Check.TypedKey(e)
	}
}

// passDialogKey hands Enter and Esc typed on a focused widget of a dialog
// to the dialog, and a function key to the window (passFunctionKey); it
// reports whether the key went there. Widgets that have no Enter of their
// own (a tick box, a radio choice, a drop-down) use it.
func passDialogKey(o fyne.CanvasObject, e *fyne.KeyEvent) bool {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		if c := fyne.CurrentApp().Driver().CanvasForObject(o); overlayShown(c) {
			dialogKey(c, e)
			return true
		}
	}
	return passFunctionKey(o, e)
}
