package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyList is a list that passes function keys (F1) on to its window.
// Clicking a row gives a list the keyboard focus, and a plain list would
// keep F1 to itself, so the shortcuts sheet would not open after choosing a
// deck or a card.
type KeyList struct {
	widget.List
}

func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey is part of fyne.Focusable.
func (l *KeyList) TypedKey(e *fyne.KeyEvent) {
	if !passFunctionKey(l, e) {
		l.List.TypedKey(e)
	}
}
