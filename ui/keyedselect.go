package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// keyedSelect is a drop-down that shows names but is set and read by key:
// a card stores "collection", the person sees "Insamling".
type keyedSelect struct {
	*widget.Select
	keys   []string
	labels []string
}

// newKeyedSelect makes a drop-down; onChanged gets the chosen key.
func newKeyedSelect(onChanged func(key string)) *keyedSelect {
	k := &keyedSelect{}
	k.Select = &widget.Select{PlaceHolder: lang.L("(Select one)"), OnChanged: func(label string) {
		if onChanged != nil {
			onChanged(k.keyOf(label))
		}
	}}
	// The wrapper is what layouts hold, so it must be the widget Fyne looks
	// up: with the inner Select as its own base (as widget.NewSelect makes
	// it) a tapped drop-down finds no canvas to open on and the app crashes.
	k.Select.ExtendBaseWidget(k)
	return k
}

// setOptions replaces the choices, keeping the selected key when it is
// still one of them.
func (k *keyedSelect) setOptions(keys, labels []string) {
	current := k.Key()
	k.keys, k.labels = keys, labels
	k.Select.SetOptions(labels)
	k.setKeyQuietly(current)
}

func (k *keyedSelect) keyOf(label string) string {
	for i, l := range k.labels {
		if l == label {
			return k.keys[i]
		}
	}
	return ""
}

// Key returns the selected key, "" when nothing is selected.
func (k *keyedSelect) Key() string { return k.keyOf(k.Select.Selected) }

// SetKey selects the choice with the key (firing OnChanged).
func (k *keyedSelect) SetKey(key string) {
	for i, kk := range k.keys {
		if kk == key {
			k.Select.SetSelected(k.labels[i])
			return
		}
	}
	k.Select.ClearSelected()
}

func (k *keyedSelect) setKeyQuietly(key string) {
	fn := k.Select.OnChanged
	k.Select.OnChanged = nil
	k.SetKey(key)
	k.Select.OnChanged = fn
}

// TypedKey is part of fyne.Focusable: function keys (F1) go to the window
// rather than to the drop-down, which has no use for them, and in a dialog
// Enter and Esc go to the dialog.
func (k *keyedSelect) TypedKey(e *fyne.KeyEvent) {
	if !passDialogKey(k, e) {
		k.Select.TypedKey(e)
	}
}
