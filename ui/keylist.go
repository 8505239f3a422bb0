package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyList is a list that passes function keys (F1) on to its window.
// Clicking a row gives a list the keyboard focus, and a plain list would
// keep F1 to itself, so the shortcuts sheet would not open after choosing a
// deck or a card.
type keyList struct {
	widget.List
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey is part of fyne.Focusable.
func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	if !passFunctionKey(l, e) {
		l.List.TypedKey(e)
	}
}
