package room

import (
	"fyne.io/fyne/v2"
)

// The room view is read from the back of a room: everything in it is
// drawn larger the larger its window, as a projector's screen is.

// refSize is the window at which the room view is drawn at refScale: a
// 1366×768 projector, the smallest in use, shows text at about 24 pixels.
var refSize = fyne.NewSize(1366, 768)

const refScale = 1.7

// scaleFor is the scale the window's size calls for, never below 1.
func scaleFor(size fyne.Size) float32 {
	return max(1, min(size.Width/refSize.Width, size.Height/refSize.Height)*refScale)
}

// scaleLayout fills the window with its one object and sets the room
// view's scale from the window's size, drawing it again when that changes:
// after this layout, not in it, since drawing again replaces the objects
// being laid out.
type scaleLayout struct{ v *View }

func (l *scaleLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if s := scaleFor(size); s != l.v.scale {
		l.v.scale = s
		fyne.Do(l.v.show)
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *scaleLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 240) }
