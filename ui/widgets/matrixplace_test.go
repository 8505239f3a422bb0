package widgets

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"deckhand/game"
)

// midpointPoints are six tables' cards exactly on the midpoint, one of
// them twice, and a card one person rated with two different criteria.
func midpointPoints() []MatrixPoint {
	var pts []MatrixPoint
	for team := range 6 {
		pts = append(pts, MatrixPoint{Label: fmt.Sprintf("R%02d", team+1), X: 3, Y: 3, XMin: 2, XMax: 4, YMin: 3, YMax: 3,
			XRaters: 3, YRaters: 3, Team: team})
	}
	return append(pts,
		MatrixPoint{Label: "R20", X: 3, Y: 3, XMin: 3, XMax: 3, YMin: 3, YMax: 3, XRaters: 1, YRaters: 1, Team: 0},
		MatrixPoint{Label: "R30", X: 2.5, Y: 3.5, XMin: 2, XMax: 3, YMin: 3, YMax: 4, XRaters: 1, YRaters: 1, Team: 1})
}

// workshopPoints are n plays of 8 tables as the report benchmark's
// workshop has them: each rated on two criteria a perspective by three
// people, so the means fall on sixths of the scale.
func workshopPoints(n int) []MatrixPoint {
	rng := rand.New(rand.NewPCG(1, 2))
	var pts []MatrixPoint
	for i := range n {
		p := MatrixPoint{Label: fmt.Sprintf("R%02d", 1+(i*7)%40), Team: i % 8, XRaters: 3, YRaters: 3}
		perspective := func() (mean, lo, hi float64) {
			level, sum := 1+rng.IntN(5), 0
			lo, hi = 5, 1
			for range 6 {
				v := max(1, min(5, level+rng.IntN(3)-1))
				sum += v
				lo, hi = min(lo, float64(v)), max(hi, float64(v))
			}
			return float64(sum) / 6, lo, hi
		}
		p.Y, p.YMin, p.YMax = perspective()
		p.X, p.XMin, p.XMax = perspective()
		pts = append(pts, p)
	}
	return pts
}

func objectRect(o fyne.CanvasObject) game.Rect {
	p, s := o.Position(), o.Size()
	if t, ok := o.(*canvas.Text); ok {
		s = t.MinSize()
	}
	return game.Rect{X0: float64(p.X), Y0: float64(p.Y), X1: float64(p.X + s.Width), Y1: float64(p.Y + s.Height)}
}

// keyRect is where an object of the key lies in the matrix: its content
// scrolls.
func keyRect(r *matrixRenderer, o fyne.CanvasObject) game.Rect {
	b, at := objectRect(o), r.keyScroll.Position().Add(r.keyContent.Position())
	return game.Rect{X0: b.X0 + float64(at.X), Y0: b.Y0 + float64(at.Y), X1: b.X1 + float64(at.X), Y1: b.Y1 + float64(at.Y)}
}

// inset is a rectangle less the rounding of float32 positions: at a
// Scale such as 1.7 neighbours placed edge to edge come back a hair over.
func inset(a game.Rect) game.Rect {
	const hair = 0.01
	return game.Rect{X0: a.X0 + hair, Y0: a.Y0 + hair, X1: a.X1 - hair, Y1: a.Y1 - hair}
}

func gapBetween(a, b game.Rect) float64 {
	dx := max(0, max(a.X0-b.X1, b.X0-a.X1))
	dy := max(0, max(a.Y0-b.Y1, b.Y0-a.Y1))
	return math.Hypot(dx, dy)
}

// checkDrawnMatrix reads back what the matrix drew and fails on a marker
// or label across a quadrant line, in the wrong quadrant, labels covering
// each other or a marker or far from every marker, a number missing from
// the key, equal points drawn twice, and spread from a single rater.
func checkDrawnMatrix(t *testing.T, m *Matrix, pts []MatrixPoint) {
	t.Helper()
	r := test.TempWidgetRenderer(t, m).(*matrixRenderer)
	mid := (m.Min + m.Max) / 2
	quadrantIndex := map[string]int{game.QuadrantDoNow: 0, game.QuadrantMakeFeasible: 1, game.QuadrantMakeDesirable: 2, game.QuadrantPark: 3}
	var quads [4]game.Rect
	for i, q := range r.quads {
		quads[i] = objectRect(q)
	}
	in := func(b game.Rect) int {
		for i, q := range quads {
			if b.Inside(q) {
				return i
			}
		}
		return -1
	}
	type spot struct {
		team int
		x, y float64
	}
	groups := map[spot]int{}
	var perQuadrant [4]int
	for _, p := range pts {
		k := spot{p.Team, p.X, p.Y}
		if groups[k] == 0 {
			perQuadrant[quadrantIndex[game.QuadrantAt(p.X, p.Y, mid)]]++
		}
		groups[k]++
	}
	leftOff := map[int]bool{} // the points of the marks left off: no spread drawn
	for _, j := range m.plan.Off {
		for _, i := range m.plan.Marks[j].Points {
			leftOff[i] = true
		}
	}
	wantBars := 0
	for i, p := range pts {
		if groups[spot{p.Team, p.X, p.Y}] == 1 && !leftOff[i] {
			if p.XRaters > 1 && p.XMin < p.XMax {
				wantBars++
			}
			if p.YRaters > 1 && p.YMin < p.YMax {
				wantBars++
			}
		}
	}
	var markers []game.Rect
	var drawn [4]int
	for _, o := range r.markers {
		if !o.Visible() {
			continue
		}
		b := objectRect(o)
		markers = append(markers, b)
		if q := in(b); q < 0 {
			t.Errorf("a marker at %+v is drawn across a quadrant line", b)
		} else {
			drawn[q]++
		}
	}
	off := checkLeftOff(t, r, quads[3].Y1)
	for _, j := range m.plan.Off {
		drawn[quadrantIndex[m.plan.Marks[j].Quadrant]]++
	}
	if len(markers)+off != len(groups) {
		t.Errorf("%d markers and %d left off for %d tables' distinct scores", len(markers), off, len(groups))
	}
	if drawn != perQuadrant {
		t.Errorf("markers drawn or left off per quadrant (do now, make feasible, make desirable, park) %v, the scores say %v", drawn, perQuadrant)
	}
	keyTexts := map[string]bool{}
	for _, tx := range r.keyTexts {
		if n, _, ok := strings.Cut(tx.Text, "  "); ok && tx.Visible() && keyRect(r, tx).Y0 > quads[3].Y1 {
			keyTexts[n] = true
		}
	}
	var labels []*canvas.Text
	for _, l := range r.labels {
		if !l.Visible() || l.Text == "" {
			continue
		}
		b := objectRect(l)
		q := in(b)
		if q < 0 {
			t.Errorf("label %q at %+v is drawn across a quadrant line", l.Text, b)
		}
		nearest, near := math.Inf(1), game.Rect{}
		for _, mk := range markers {
			if d := gapBetween(b, mk); d < nearest {
				nearest, near = d, mk
			}
			if inset(b).Overlaps(mk) {
				t.Errorf("label %q covers a marker: %+v %+v", l.Text, b, mk)
			}
		}
		if nearest > 4 || in(near) != q {
			t.Errorf("label %q is %.1f px from the nearest marker, or in another quadrant", l.Text, nearest)
		}
		for _, o := range labels {
			if inset(b).Overlaps(objectRect(o)) {
				t.Errorf("labels %q and %q overlap", l.Text, o.Text)
			}
		}
		if _, err := strconv.Atoi(l.Text); err == nil && !keyTexts[l.Text] {
			t.Errorf("marker number %s is not in the key", l.Text)
		}
		labels = append(labels, l)
	}
	bars := 0
	for _, l := range r.spreads {
		if l.Visible() {
			bars++
		}
	}
	if bars != wantBars {
		t.Errorf("%d spread bars drawn, want %d (one a perspective rated by several people who differ)", bars, wantBars)
	}
}

// checkLeftOff fails t unless every mark left off the matrix is neither
// drawn nor labelled there but listed under the plot's bottom, with its
// scores, under the title that says why; it returns how many there are.
func checkLeftOff(t *testing.T, r *matrixRenderer, bottom float64) int {
	t.Helper()
	plan := r.m.plan
	if len(plan.Off) > 0 && (!r.offTitle.Visible() || r.offTitle.Text != r.m.OffTitle || keyRect(r, r.offTitle).Y0 < bottom) {
		t.Errorf("%d marks are left off, but the title of their list %q (shown %v) is not under the plot", len(plan.Off), r.offTitle.Text, r.offTitle.Visible())
	}
	for _, j := range plan.Off {
		mk, entry := plan.Marks[j], r.keyTexts[j]
		if r.markers[j].Visible() || r.labels[j].Visible() {
			t.Errorf("%s is left off, but its marker or label is drawn", mk.Text)
		}
		want := fmt.Sprintf("%s  ↑%.1f →%.1f", mk.Text, mk.ValueY, mk.ValueX)
		if !entry.Visible() || entry.Text != want || keyRect(r, entry).Y0 < bottom || !r.keyMarks[j].Visible() {
			t.Errorf("%s is left off, but listed as %q (shown %v), not %q under the plot with its marker", mk.Text, entry.Text, entry.Visible(), want)
		}
	}
	return len(plan.Off)
}

// crowdedMatrix is the matrix of a workshop of plays, 8 tables', at scale,
// in a window of size, with its key titled.
func crowdedMatrix(t *testing.T, plays int, scale float32, size fyne.Size) (*Matrix, fyne.Window) {
	test.NewTempApp(t)
	m := testMatrix()
	m.KeyTitle, m.OffTitle = "Key to the numbered markers", "Not on the matrix: no room near their ratings"
	m.Points, m.Scale = workshopPoints(plays), scale
	w := test.NewTempWindow(t, m)
	w.Resize(size)
	return m, w
}

func TestMatrixKeepsMidpointCardsInDoNow(t *testing.T) {
	test.NewTempApp(t)
	m := testMatrix()
	m.Points = midpointPoints()
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(420, 360))
	checkDrawnMatrix(t, m, m.Points)
}

func TestMatrixOf200PlaysIsReadable(t *testing.T) {
	test.NewTempApp(t)
	m := testMatrix()
	m.Points = workshopPoints(200)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(760, 640))
	checkDrawnMatrix(t, m, m.Points)
}

// 400 plays of 8 tables on the Results screen's matrix: the key under the
// plot takes no more than a third of the height, however long, so the
// plot keeps room for many marks; those with no room at their scores
// (markers stand on them, a group sharing a spot only a little off it)
// are listed first under it, not drawn away from them.
func TestMatrixOf400PlaysKeepsItsPlot(t *testing.T) {
	m, _ := crowdedMatrix(t, 400, 1, fyne.NewSize(660, 630))
	checkDrawnMatrix(t, m, m.Points)
	r := test.TempWidgetRenderer(t, m).(*matrixRenderer)
	if full, plot := m.plotArea(m.Size(), 0).h, m.plotArea(m.Size(), r.keyHeight).h; plot < full-m.Size().Height/3-1 {
		t.Errorf("the plot is %.0f px high of the %.0f it has without a key: the key took more than a third", plot, full)
	}
	if off := len(m.plan.Off); off == 0 || 3*off > 2*len(m.plan.Marks) {
		t.Errorf("%d of %d marks left off", off, len(m.plan.Marks))
	}
	if r.offTitle.Position().Y > r.keyTitle.Position().Y {
		t.Error("the marks left off are listed after the numbered ones; nowhere else shows them")
	}
	tapped := -1
	m.OnTapped = func(i int) { tapped = i }
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(1, 1)}) // the corner, far from every marker drawn
	if tapped >= 0 {
		t.Errorf("a tap in the corner chose point %d (%s), which is not drawn there", tapped, m.Points[tapped].Label)
	}
}

// Every team's marker is drawn in its own colour, the shapes drawn as
// rasters included (they came out white and vanished on a light theme).
func TestMatrixMarkersKeepTheirColour(t *testing.T) {
	for team := range 8 {
		want := TeamColour(team)
		_, shape := game.TeamStyle(team)
		var got color.Color
		switch o := markerObject(shape, want).(type) {
		case *canvas.Circle:
			got = o.FillColor
		case *canvas.Raster:
			got = o.Generator(24, 24).At(12, 12)
		}
		r, g, b, a := got.RGBA()
		wr, wg, wb, _ := want.RGBA()
		if r != wr || g != wg || b != wb || a != 0xffff {
			t.Errorf("team %d's marker (shape %d) is drawn %v, want %v", team, shape, got, want)
		}
	}
}

// The backgrounds the palette is checked against are the themes' own, so
// every team's colour stands out at least 3:1 on the screen as it is.
func TestTeamColoursStandOutOnBothThemes(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		r, g, b, _ := theme.DefaultTheme().Color(theme.ColorNameBackground, v).RGBA()
		bg := game.RGB{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)}
		for team := range 8 {
			c := TeamColour(team)
			if got := game.Contrast(game.RGB{R: c.R, G: c.G, B: c.B}, bg); got < 3 {
				t.Errorf("team %d's colour %v on the theme background %v (variant %d): %.2f:1, want at least 3:1", team, c, bg, v, got)
			}
		}
	}
}
