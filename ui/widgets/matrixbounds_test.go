package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"deckhand/game"
)

// drawnObject is an object the matrix draws, where it lies in the matrix
// and the scroll that clips it (nil when none does).
type drawnObject struct {
	o    fyne.CanvasObject
	at   game.Rect
	clip *container.Scroll
}

// drawnObjects walks what a matrix's renderer draws, into its containers
// and scrolls, with each visible object's place in the matrix.
func drawnObjects(objects []fyne.CanvasObject, offset fyne.Position, clip *container.Scroll) []drawnObject {
	var out []drawnObject
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		r := objectRect(o)
		at := game.Rect{X0: r.X0 + float64(offset.X), Y0: r.Y0 + float64(offset.Y), X1: r.X1 + float64(offset.X), Y1: r.Y1 + float64(offset.Y)}
		out = append(out, drawnObject{o: o, at: at, clip: clip})
		switch o := o.(type) {
		case *container.Scroll:
			out = append(out, drawnObjects([]fyne.CanvasObject{o.Content}, offset.Add(o.Position()), o)...) // the scroll moves its content by its offset
		case *fyne.Container:
			out = append(out, drawnObjects(o.Objects, offset.Add(o.Position()), clip)...)
		}
	}
	return out
}

// describe names a drawn object for a failure.
func describe(o fyne.CanvasObject) string {
	if t, ok := o.(*canvas.Text); ok {
		return fmt.Sprintf("text %q", t.Text)
	}
	return fmt.Sprintf("%T", o)
}

// checkDrawnInside fails t on anything the matrix draws outside its own
// size, except what a scroll inside it clips, and on a card listed under
// the plot that cannot be scrolled into view whole; it returns how many
// entries the key lists.
func checkDrawnInside(t *testing.T, m *Matrix) int {
	t.Helper()
	r := test.TempWidgetRenderer(t, m).(*matrixRenderer)
	bounds := game.Rect{X1: float64(m.Size().Width), Y1: float64(m.Size().Height)}
	const slack = 0.5 // px of rounding
	within := func(a, b game.Rect) bool {
		return a.Inside(game.Rect{X0: b.X0 - slack, Y0: b.Y0 - slack, X1: b.X1 + slack, Y1: b.Y1 + slack})
	}
	for _, d := range drawnObjects(r.Objects(), fyne.Position{}, nil) {
		if d.clip == nil && !within(d.at, bounds) {
			t.Errorf("%s is drawn at %+v, outside the matrix's %v", describe(d.o), d.at, m.Size())
		}
	}
	listed := map[fyne.CanvasObject]bool{r.keyTitle: true, r.offTitle: true}
	for _, kt := range r.keyTexts {
		listed[kt] = true
	}
	entries := 0
	for _, d := range drawnObjects(r.Objects(), fyne.Position{}, nil) {
		if !listed[d.o] {
			continue
		}
		if d.o != r.keyTitle && d.o != r.offTitle {
			entries++
		}
		if d.clip == nil {
			continue // inside the matrix, as checked above, or it has failed
		}
		// Scroll the entry to the top of its scroll, as far as it goes,
		// and see it there whole.
		s := d.clip
		s.ScrollToOffset(fyne.NewPos(0, float32(d.at.Y0)-s.Position().Y+s.Offset.Y))
		now := map[fyne.CanvasObject]game.Rect{}
		for _, e := range drawnObjects(r.Objects(), fyne.Position{}, nil) {
			now[e.o] = e.at
		}
		if view := now[s]; !within(now[d.o], view) {
			t.Errorf("%s, scrolled to, is at %+v, not whole in the key's view %+v", describe(d.o), now[d.o], view)
		}
		s.ScrollToTop()
	}
	return entries
}

// 8 tables of 25 and of 100 plays, on the Results screen's matrix at
// 1280×800 and 1024×700 and on the room view's, drawn large: nothing of
// the matrix is drawn outside it, over the screen's legend or hint or off
// the window, and every card under the plot, left off it or numbered,
// can be scrolled into view. Tapping a marker on the plot still chooses
// its card.
func TestMatrixDrawsNothingOutsideItself(t *testing.T) {
	for _, c := range []struct {
		plays int
		size  fyne.Size
		scale float32
	}{
		{200, fyne.NewSize(655, 560), 1}, {200, fyne.NewSize(590, 460), 1}, {200, fyne.NewSize(1350, 560), 1.7},
		{800, fyne.NewSize(655, 560), 1}, {800, fyne.NewSize(590, 460), 1}, {800, fyne.NewSize(1350, 560), 1.7},
	} {
		t.Run(fmt.Sprintf("%d-plays-%.0fx%.0f-scale-%.1f", c.plays, c.size.Width, c.size.Height, c.scale), func(t *testing.T) {
			m, w := crowdedMatrix(t, c.plays, c.scale, c.size)
			if entries, want := checkDrawnInside(t, m), len(m.plan.Off)+len(m.plan.Key); entries != want || want == 0 {
				t.Errorf("the key lists %d entries, want %d (%d left off the plot, %d numbered)", entries, want, len(m.plan.Off), len(m.plan.Key))
			}
			checkDrawnMatrix(t, m, m.Points)
			tapped := -1
			m.OnTapped = func(i int) { tapped = i }
			for _, mk := range m.plan.Marks {
				if mk.Off {
					continue
				}
				test.TapCanvas(w.Canvas(), fyne.NewPos(float32(mk.X), float32(mk.Y)).Add(m.Position()))
				if tapped != mk.Points[0] {
					t.Errorf("a tap on the marker of %s chose point %d, want %d", mk.Text, tapped, mk.Points[0])
				}
				break
			}
		})
	}
}

// The room view draws its matrix anew at every rating the note-taker
// saves: the key stays where the facilitator scrolled it to.
func TestMatrixKeyStaysScrolledWhenDrawnAnew(t *testing.T) {
	m, _ := crowdedMatrix(t, 200, 1, fyne.NewSize(655, 560))
	r := test.TempWidgetRenderer(t, m).(*matrixRenderer)
	r.keyScroll.ScrollToOffset(fyne.NewPos(0, 40))
	m.Refresh()
	if got := r.keyScroll.Offset.Y; got != 40 {
		t.Errorf("the key scrolled 40 px down is at %.0f after the matrix is drawn anew", got)
	}
	if got := r.keyContent.Position().Y; got != -40 {
		t.Errorf("the key's new entries are drawn from %.0f, not scrolled with it", got)
	}
}
