package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Field is a text field for the screens, where the person types most of
// the time. Fyne hands a focused field every key and shortcut, and a field
// drops those it does not know, so without this the window's keys (F1,
// Ctrl+F, Ctrl+1…4, Alt+1…9, Ctrl+Shift+1…9) would stop working as soon as the cursor is in
// a field. A field passes them on to its window. A multi-line field leaves
// Tab to move to the next field rather than typing a tab into a card.
type Field struct {
	widget.Entry
	Self         fyne.CanvasObject // the widget the layouts hold: a wrapper's own, or the field
	EnterSubmits bool              // Enter submits a field of several lines too, rather than break the line
}

// NewField makes a one-line field.
func NewField() *Field {
	f := &Field{}
	f.Self = f
	f.ExtendBaseWidget(f)
	return f
}

// NewTextArea makes a field of several lines that wraps at words.
func NewTextArea() *Field {
	f := NewField()
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	return f
}

// AcceptsTab is part of fyne.Tabbable: Tab always moves to the next field.
func (f *Field) AcceptsTab() bool { return false }

// TypedKey is part of fyne.Focusable: function keys go to the window.
func (f *Field) TypedKey(e *fyne.KeyEvent) {
	if f.EnterSubmits && f.OnSubmitted != nil && (e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter) {
		f.OnSubmitted(f.Text)
		return
	}
	if !passFunctionKey(f.Self, e) {
		f.Entry.TypedKey(e)
	}
}

// passFunctionKey hands a function key (F1) typed on a focused widget to the
// window's key handler, which Fyne calls only while nothing has the focus,
// and Esc in a dialog to the dialog, which it cancels; it reports whether
// the key was one of those.
func passFunctionKey(o fyne.CanvasObject, e *fyne.KeyEvent) bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if e.Name == fyne.KeyEscape && OverlayShown(c) {
		return DialogKey(c, e)
	}
	if !isFunctionKey(e.Name) {
		return false
	}
	if c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(e)
	}
	return true
}

// TypedShortcut is part of fyne.Shortcutable: the window's shortcuts go to
// the window, the field's own (copy, undo, word moves) stay with it.
func (f *Field) TypedShortcut(sc fyne.Shortcut) {
	if isWindowShortcut(sc) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(f.Self).(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
		}
		return
	}
	f.Entry.TypedShortcut(sc)
}

// isWindowShortcut reports whether a shortcut means nothing to a text field:
// a letter, digit or sign with Ctrl, Alt or Super that Fyne did not already
// turn into copy, paste, undo and the like (those are not CustomShortcuts).
func isWindowShortcut(sc fyne.Shortcut) bool {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd,
		fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyInsert:
		return false // moving and deleting by words or lines, in the field
	}
	return true // Ctrl+PageUp and Ctrl+PageDown too: a field does nothing with them
}

func isFunctionKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}
