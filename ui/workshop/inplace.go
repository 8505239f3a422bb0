package workshop

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// The board and the detail pane are changed in place after a tap or a
// save: what shows the same is not redrawn, as redrawing a text measures
// it again and redrawing an icon colours and reads its SVG again.

// setText changes a label's text, redrawing it only when it changed.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// setObjects makes objects what box holds and lays them out, when they are
// not already: unlike Refresh, it does not redraw each of them, which
// would draw every widget of the pane again for the one that changed.
func setObjects(box *fyne.Container, objects []fyne.CanvasObject) {
	if slices.Equal(box.Objects, objects) {
		return
	}
	box.Objects = objects
	box.Layout.Layout(objects, box.Size())
	canvas.Refresh(box)
}
