package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// KeyedSelect is a drop-down that shows names but is set and read by key:
// a card stores "collection", the person sees "Insamling".
type KeyedSelect struct {
	*widget.Select
	keys   []string
	labels []string
}

// NewKeyedSelect makes a drop-down; onChanged gets the chosen key.
func NewKeyedSelect(onChanged func(key string)) *KeyedSelect {
	k := &KeyedSelect{}
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

// SetOptions replaces the choices, keeping the selected key when it is
// still one of them.
func (k *KeyedSelect) SetOptions(keys, labels []string) {
	current := k.Key()
	k.keys, k.labels = keys, labels
	k.Select.SetOptions(labels)
	k.SetKeyQuietly(current)
}

func (k *KeyedSelect) keyOf(label string) string {
	for i, l := range k.labels {
		if l == label {
			return k.keys[i]
		}
	}
	return ""
}

// Key returns the selected key, "" when nothing is selected.
func (k *KeyedSelect) Key() string { return k.keyOf(k.Select.Selected) }

// SetKey selects the choice with the key (firing OnChanged).
func (k *KeyedSelect) SetKey(key string) {
	for i, kk := range k.keys {
		if kk == key {
			k.Select.SetSelected(k.labels[i])
			return
		}
	}
	k.Select.ClearSelected()
}

func (k *KeyedSelect) SetKeyQuietly(key string) {
	fn := k.Select.OnChanged
	k.Select.OnChanged = nil
	k.SetKey(key)
	k.Select.OnChanged = fn
}

// ShowKey is SetKeyQuietly for a screen filled in place with what is
// stored: a drop-down that shows the key's choice already is not redrawn.
func (k *KeyedSelect) ShowKey(key string) {
	label := ""
	if i := slices.Index(k.keys, key); i >= 0 {
		label = k.labels[i]
	}
	if k.Select.Selected != label {
		k.SetKeyQuietly(key)
	}
}

// TypedKey is part of fyne.Focusable: function keys (F1) go to the window
// rather than to the drop-down, which has no use for them, and in a dialog
// Enter and Esc go to the dialog.
func (k *KeyedSelect) TypedKey(e *fyne.KeyEvent) {
	if !passDialogKey(k, e) {
		k.Select.TypedKey(e)
	}
}
