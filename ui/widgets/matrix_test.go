package widgets

import (
	"maps"
	"math"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func testMatrix() *Matrix {
	m := NewMatrix(1, 5)
	m.XLabel, m.YLabel = "Organisation", "Customer"
	m.Quadrants = [4]string{"Do now", "Make feasible", "Make desirable", "Park"}
	m.Points = []MatrixPoint{
		{Label: "R01", X: 4.5, Y: 4.5, XMin: 4, XMax: 5, YMin: 4, YMax: 5, XRaters: 3, YRaters: 3, Team: 0},
		{Label: "R07", X: 2, Y: 4, XMin: 2, XMax: 2, YMin: 3, YMax: 5, XRaters: 2, YRaters: 2, Team: 1},
		{Label: "R26", X: 1.5, Y: 1.5, XMin: 1, XMax: 2, YMin: 1, YMax: 2, XRaters: 1, YRaters: 3, Team: 2},
	}
	return m
}

// The markup pins down what the matrix draws: four named quadrants, both
// scales, and each play's marker (by team: a circle, then the square and
// triangle as rasters), its code, and the spread only where several
// people rated and differed (R07 across: two raters who agreed; R26
// across: one rater).
func TestMatrixRendering(t *testing.T) {
	test.NewTempApp(t)
	m := testMatrix()
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(420, 360))
	test.AssertRendersToMarkup(t, "matrix.xml", w.Canvas())
}

func TestMatrixPlacesPlaysInTheirQuadrantsAndTaps(t *testing.T) {
	test.NewTempApp(t)
	m := testMatrix()
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(420, 360))
	p := m.plotArea(m.Size(), 0)
	mid := p.at(m, 3, 3)
	high, low := p.at(m, 4.5, 4.5), p.at(m, 1.5, 1.5)
	if !(high.X > mid.X && high.Y < mid.Y) || !(low.X < mid.X && low.Y > mid.Y) {
		t.Errorf("positions: high %v, low %v, midpoint %v", high, low, mid)
	}
	var tapped = -1
	m.OnTapped = func(i int) { tapped = i }
	at := p.at(m, 2, 4)
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(at.X+3, at.Y-2)})
	if tapped != 1 {
		t.Errorf("tap next to R07 chose %d", tapped)
	}
	tapped = -1
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(p.x+p.w-2, p.y+p.h-2)})
	if tapped != -1 {
		t.Errorf("a tap far from every play chose %d", tapped)
	}
}

// At a Scale the matrix draws its texts and markers that many times their
// size, as the room view's projector needs; the placement still keeps
// every marker in the plot.
func TestMatrixScaleDrawsLarger(t *testing.T) {
	test.NewTempApp(t)
	sizes := map[float32][2]float32{}
	for _, k := range []float32{0, 2} {
		m := testMatrix()
		m.Scale = k
		w := test.NewTempWindow(t, m)
		w.Resize(fyne.NewSize(840, 720))
		r := test.WidgetRenderer(m).(*matrixRenderer)
		sizes[k] = [2]float32{r.quadNames[0].TextSize, r.markers[0].Size().Width}
		p := m.plotArea(m.Size(), r.keyHeight)
		for _, mk := range m.plan.Marks {
			if mk.X < float64(p.x) || mk.X > float64(p.x+p.w) || mk.Y < float64(p.y) || mk.Y > float64(p.y+p.h) {
				t.Errorf("at scale %v a marker is at %.0f,%.0f, outside the plot %+v", k, mk.X, mk.Y, p)
			}
		}
	}
	if sizes[2][0] != 2*sizes[0][0] || sizes[2][1] != 2*sizes[0][1] {
		t.Errorf("at scale 2 the quadrant names and markers are %v; at 1 they are %v: want twice", sizes[2], sizes[0])
	}
}

// scaledTheme is the default theme with its sizes times a factor, as the
// room view's theme override has them.
type scaledTheme struct {
	fyne.Theme
	k float32
}

func (s scaledTheme) Size(n fyne.ThemeSizeName) float32 { return s.k * s.Theme.Size(n) }

// In the room view the matrix is drawn at its Scale inside a theme
// override that enlarges the widgets around it by as much: its texts are
// drawn, measured and placed at the Scale once, whether it is laid out by
// the override (the window resized) or refreshed from outside it, so its
// labels stay beside their markers and its key's rows are as high as
// their text.
func TestMatrixInsideAnEnlargedThemeIsScaledOnce(t *testing.T) {
	test.NewTempApp(t)
	m := testMatrix()
	m.KeyTitle, m.OffTitle = "Key", "Not on the matrix"
	m.Points, m.Scale = workshopPoints(200), 1.7
	w := test.NewTempWindow(t, container.NewThemeOverride(m, scaledTheme{theme.DefaultTheme(), 1.7}))
	w.Resize(fyne.NewSize(1366, 700))
	m.Refresh()
	w.Resize(fyne.NewSize(1366, 720))
	checkDrawnMatrix(t, m, m.Points)
	r := test.TempWidgetRenderer(t, m).(*matrixRenderer)
	want := 1.7 * fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameCaptionText)
	if got := r.quadNames[0].TextSize; math.Abs(float64(got-want)) > 0.01 {
		t.Errorf("the quadrants' names are drawn at %.1f, want %.1f", got, want)
	}
	listed, rows := slices.Concat(m.plan.Off, m.plan.Key), map[float32]bool{}
	for _, j := range listed {
		rows[r.keyTexts[j].Position().Y] = true
	}
	ys := slices.Sorted(maps.Keys(rows))
	if len(ys) < 2 {
		t.Fatalf("the key has %d rows: too few to see how far apart they are", len(ys))
	}
	if step, line := ys[1]-ys[0], r.keyTexts[listed[0]].MinSize().Height; step > line+m.px(3) {
		t.Errorf("the key's rows are %.1f px apart for a text %.1f px high", step, line)
	}
}
