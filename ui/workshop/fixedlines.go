package workshop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fixedLines gives its one object the width it is given and the height of
// a set number of lines of text, whatever the text says: the prompt and the
// status line change with every key, and the board around them must not
// move under the mouse when they do.
type fixedLines struct{ lines int }

// linesHeight is the height of a label holding n lines of body text.
func linesHeight(n int) float32 {
	line := fyne.MeasureText("Ág", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	return float32(n)*line + float32(n-1)*theme.LineSpacing() + 2*theme.InnerPadding()
}

func (l fixedLines) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, linesHeight(l.lines))
}

func (l fixedLines) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// inLines holds a wrapping label in the height of lines lines; a longer
// text is clipped there and scrolls, never pushing the board aside.
func inLines(label *widget.Label, lines int) fyne.CanvasObject {
	label.Wrapping = fyne.TextWrapWord
	return container.New(fixedLines{lines: lines}, container.NewVScroll(label))
}
