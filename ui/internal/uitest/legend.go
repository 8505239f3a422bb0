package uitest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"deckhand/game"
)

// DrawnRect is where an object shown in a window lies in it: a text as far
// as its letters reach, which may be beyond the size it was given.
func DrawnRect(o fyne.CanvasObject) game.Rect {
	p, s := fyne.CurrentApp().Driver().AbsolutePositionForObject(o), o.Size()
	if t, ok := o.(*canvas.Text); ok {
		s = s.Max(t.MinSize())
	}
	return game.Rect{X0: float64(p.X), Y0: float64(p.Y), X1: float64(p.X + s.Width), Y1: float64(p.Y + s.Height)}
}

// legendItem is a marker or a name that a legend draws, where it lies in
// the window.
type legendItem struct {
	what string
	at   game.Rect
}

// CheckLegend fails t unless the legend, shown in a window, draws one
// marker and one name per team of names, in their order, each name to the
// right of its marker; every one of them inside pane and none over
// another or over clear (the hint under the legend); and each name whole
// or cut short with an ellipsis, at least three letters of it left. It
// returns the box round all of them.
func CheckLegend(t *testing.T, legend fyne.CanvasObject, pane game.Rect, clear fyne.CanvasObject, names []string) game.Rect {
	t.Helper()
	var markers []game.Rect
	var texts []*canvas.Text
	Walk(legend, func(o fyne.CanvasObject) {
		if !o.Visible() || o.Size().IsZero() {
			return
		}
		switch o := o.(type) {
		case *canvas.Circle, *canvas.Raster:
			markers = append(markers, DrawnRect(o))
		case *canvas.Text:
			if o.Text != "" {
				texts = append(texts, o)
			}
		}
	})
	if len(names) == 0 || len(markers) != len(names) || len(texts) != len(names) {
		t.Fatalf("the legend of %d tables draws %d markers and %d names", len(names), len(markers), len(texts))
	}
	const slack = 0.5 // px of rounding
	inner := game.Rect{X0: pane.X0 - slack, Y0: pane.Y0 - slack, X1: pane.X1 + slack, Y1: pane.Y1 + slack}
	hint := DrawnRect(clear)
	var items []legendItem
	box := markers[0]
	for i, name := range names {
		text := texts[i].Text
		if !shownOrCut(name, text) {
			t.Errorf("table %q is named %q in the legend: neither whole nor cut short with an ellipsis", name, text)
		}
		mark, at := markers[i], DrawnRect(texts[i])
		if at.X0 < mark.X1-slack || at.Y1 < mark.Y0 || at.Y0 > mark.Y1 {
			t.Errorf("the name %q at %+v is not beside its marker at %+v", text, at, mark)
		}
		items = append(items, legendItem{"the marker of " + name, mark}, legendItem{"the name " + text, at})
		box = game.Rect{X0: min(box.X0, mark.X0), Y0: min(box.Y0, mark.Y0, at.Y0), X1: max(box.X1, at.X1), Y1: max(box.Y1, mark.Y1, at.Y1)}
	}
	for i, a := range items {
		if !a.at.Inside(inner) {
			t.Errorf("%s is drawn at %+v, outside its pane %+v", a.what, a.at, pane)
		}
		if a.at.Overlaps(hint) {
			t.Errorf("%s at %+v is drawn over the hint under the legend at %+v", a.what, a.at, hint)
		}
		for _, b := range items[i+1:] {
			if a.at.Overlaps(b.at) {
				t.Errorf("%s at %+v overlaps %s at %+v", a.what, a.at, b.what, b.at)
			}
		}
	}
	return box
}

// shownOrCut reports whether text is name whole, or its start (three
// letters at least) followed by an ellipsis.
func shownOrCut(name, text string) bool {
	if text == name {
		return true
	}
	start, cut := strings.CutSuffix(text, "…")
	start = strings.TrimSpace(start)
	return cut && utf8.RuneCountInString(start) >= 3 && strings.HasPrefix(name, start)
}
