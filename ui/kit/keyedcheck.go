package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// KeyedCheck is a tick box that answers the keys of the dialog it is in:
// Fyne's own check drops every key but Space, so once the person had
// ticked it from the keyboard, Enter and Esc did nothing until they moved
// the focus away. Space still ticks it; Enter is the dialog's main button
// and Esc cancels, while a dialog is shown.
type KeyedCheck struct {
	widget.Check
}

// NewKeyedCheck makes a tick box with a label, unticked.
func NewKeyedCheck(label string, changed func(bool)) *KeyedCheck {
	c := &KeyedCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey is part of fyne.Focusable.
func (c *KeyedCheck) TypedKey(e *fyne.KeyEvent) {
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
		if c := fyne.CurrentApp().Driver().CanvasForObject(o); OverlayShown(c) {
			DialogKey(c, e)
			return true
		}
	}
	return passFunctionKey(o, e)
}

// checkRow is tick boxes side by side, each as wide as the widest, as a
// horizontal widget.CheckGroup lays them out (whose own boxes are Fyne's,
// and so deaf to the dialog's keys).
type checkRow struct {
	widget.BaseWidget
	checks []*KeyedCheck
}

// NewCheckRow makes a row of tick boxes, those in ticked ticked.
func NewCheckRow(options, ticked []string) *checkRow {
	r := &checkRow{}
	for _, o := range options {
		c := NewKeyedCheck(o, nil)
		c.Checked = slices.Contains(ticked, o)
		r.checks = append(r.checks, c)
	}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *checkRow) CreateRenderer() fyne.WidgetRenderer {
	row := container.New(sameWidthRow{})
	for _, c := range r.checks {
		row.Add(c)
	}
	return widget.NewSimpleRenderer(row)
}

// Ticked are the options ticked, in the row's order.
func (r *checkRow) Ticked() []string {
	var out []string
	for _, c := range r.checks {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}

// sameWidthRow lays objects out in a row, each as wide as the widest.
type sameWidthRow struct{}

func (sameWidthRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	return fyne.NewSize(w*float32(len(objects)), h)
}

func (l sameWidthRow) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	size := l.MinSize(objects)
	cell := fyne.NewSize(size.Width/float32(max(len(objects), 1)), size.Height)
	for i, o := range objects {
		o.Resize(cell)
		o.Move(fyne.NewPos(float32(i)*cell.Width, 0))
	}
}
