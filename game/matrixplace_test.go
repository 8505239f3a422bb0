package game_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"deckhand/game"
)

// testFrame is a 1–5 matrix 100 units square, the midpoint at 3, with a
// label font 1.5 units a character and 3 high.
func testFrame() game.MatrixFrame {
	return game.MatrixFrame{Plot: game.Rect{X0: 10, Y0: 5, X1: 110, Y1: 105}, XLo: 0.7, XHi: 5.3, YLo: 0.7, YHi: 5.3,
		Midpoint: 3, Radius: 2, Gap: 0.6,
		Measure:   func(s string) (float64, float64) { return 1.5 * float64(len([]rune(s))), 3 },
		Obstacles: []game.Rect{{X0: 12, Y0: 7, X1: 40, Y1: 11}}}
}

// rectGap is the distance between two rectangles, 0 when they touch.
func rectGap(a, b game.Rect) float64 {
	dx := max(0, max(a.X0-b.X1, b.X0-a.X1))
	dy := max(0, max(a.Y0-b.Y1, b.Y0-a.Y1))
	return math.Hypot(dx, dy)
}

// CheckMatrixPlan fails t on every broken promise of PlaceMatrix; the
// report's and the screen's tests call it with what they drew.
func checkMatrixPlan(t *testing.T, f game.MatrixFrame, pts []game.MatrixPoint, p game.MatrixPlan) {
	t.Helper()
	seen := map[int]bool{}
	var off []int
	for i, m := range p.Marks {
		q := game.QuadrantAt(m.ValueX, m.ValueY, f.Midpoint)
		if m.Quadrant != q {
			t.Errorf("mark %d (%s) at %.2f/%.2f is in %q, its scores say %q", i, m.Text, m.ValueX, m.ValueY, m.Quadrant, q)
		}
		checkMarkPoints(t, pts, m, i, seen)
		for j, n := range p.Marks[:i] {
			if n.Team == m.Team && n.ValueX == m.ValueX && n.ValueY == m.ValueY {
				t.Errorf("marks %d and %d are the same team's at the same scores: one marker with a count", j, i)
			}
		}
		if m.Off {
			if m.Key != 0 || m.Label != "" || m.HasXBar || m.HasYBar {
				t.Errorf("mark %d (%s) is left off but has number %d, label %q or spread bars", i, m.Text, m.Key, m.Label)
			}
			off = append(off, i)
			continue
		}
		if d := fromScores(f, p, m); d > game.MatrixReach*f.Radius+1e-9 {
			t.Errorf("mark %d (%s) is drawn %.1f radii from its scores, beyond the reach of %d", i, m.Text, d/f.Radius, game.MatrixReach)
		}
		if !m.Extent(f.Radius).Inside(p.Quadrants[q]) {
			t.Errorf("mark %d (%s, %s) reaches out of its quadrant: %+v not in %+v", i, m.Text, q, m.Extent(f.Radius), p.Quadrants[q])
		}
		if !m.LabelBox.Inside(p.Quadrants[q]) {
			t.Errorf("label of %s reaches out of %s: %+v", m.Text, q, m.LabelBox)
		}
		if d := rectGap(m.LabelBox, m.Extent(f.Radius)); d > f.Gap+1e-9 {
			t.Errorf("label of %s is %.2f from its marker", m.Text, d)
		}
		for _, o := range f.Obstacles {
			if m.LabelBox.Overlaps(o) || m.Extent(f.Radius).Overlaps(o) {
				t.Errorf("%s covers an obstacle", m.Text)
			}
		}
		switch {
		case m.Key > 0:
			if m.Key > len(p.Key) || p.Key[m.Key-1] != i || m.Label != fmt.Sprint(m.Key) {
				t.Errorf("mark %d has number %d and label %q; the key lists %v", i, m.Key, m.Label, p.Key)
			}
		case m.Label != m.Text:
			t.Errorf("mark %d is labelled %q, not %q", i, m.Label, m.Text)
		}
		for _, n := range p.Marks[:i] {
			if n.Off {
				continue
			}
			if m.LabelBox.Overlaps(n.LabelBox) {
				t.Errorf("labels %q and %q overlap: %+v %+v", m.Label, n.Label, m.LabelBox, n.LabelBox)
			}
			if m.LabelBox.Overlaps(n.Extent(f.Radius)) || n.LabelBox.Overlaps(m.Extent(f.Radius)) {
				t.Errorf("the label of %s or %s covers the other's marker", m.Text, n.Text)
			}
			if m.Extent(f.Radius).Overlaps(n.Extent(f.Radius)) {
				t.Errorf("markers %s and %s overlap", m.Text, n.Text)
			}
		}
		wantX, wantY := false, false
		if m.Count == 1 {
			pt := pts[m.Points[0]]
			wantX, wantY = pt.XRaters > 1 && pt.XMin < pt.XMax, pt.YRaters > 1 && pt.YMin < pt.YMax
		}
		if m.HasXBar != wantX || m.HasYBar != wantY {
			t.Errorf("%s: spread bars %v/%v, want %v/%v", m.Text, m.HasXBar, m.HasYBar, wantX, wantY)
		}
	}
	if len(seen) != len(pts) {
		t.Errorf("%d of %d points are on the matrix", len(seen), len(pts))
	}
	if fmt.Sprint(off) != fmt.Sprint(p.Off) {
		t.Errorf("the marks left off are %v, the plan lists %v", off, p.Off)
	}
}

// checkMarkPoints fails t unless mark i stands for points of its team and
// scores, each on no other mark (seen), and counts them.
func checkMarkPoints(t *testing.T, pts []game.MatrixPoint, m game.MatrixMark, i int, seen map[int]bool) {
	t.Helper()
	if m.Count != len(m.Points) {
		t.Errorf("mark %d counts %d for %d points", i, m.Count, len(m.Points))
	}
	for _, j := range m.Points {
		if seen[j] {
			t.Errorf("point %d is on two marks", j)
		}
		seen[j] = true
		if pt := pts[j]; pt.Team != m.Team || pt.X != m.ValueX || pt.Y != m.ValueY {
			t.Errorf("point %d (%+v) is on mark %d of team %d at %v/%v", j, pt, i, m.Team, m.ValueX, m.ValueY)
		}
	}
}

// fromScores is how far a mark is drawn from where its scores put it, or
// from the nearest place there that keeps its marker in its quadrant.
func fromScores(f game.MatrixFrame, p game.MatrixPlan, m game.MatrixMark) float64 {
	q, in := p.Quadrants[m.Quadrant], f.Radius+f.Gap/2
	clamp := func(v, lo, hi float64) float64 {
		if lo > hi {
			return (lo + hi) / 2
		}
		return max(lo, min(hi, v))
	}
	x, y := clamp(m.IdealX, q.X0+in, q.X1-in), clamp(m.IdealY, q.Y0+in, q.Y1-in)
	return math.Hypot(m.X-x, m.Y-y)
}

// Six teams' cards exactly on the midpoint are "do now": their markers
// and labels lie wholly in that quadrant, none hidden behind another.
func TestMatrixPlacesPointsOnTheMidpointInDoNow(t *testing.T) {
	f := testFrame()
	var pts []game.MatrixPoint
	for team := range 6 {
		pts = append(pts, game.MatrixPoint{Label: fmt.Sprintf("R%02d", team+1), X: 3, Y: 3, XMin: 2, XMax: 4, YMin: 3, YMax: 3,
			XRaters: 3, YRaters: 3, Team: team})
	}
	// The same team twice at the same scores: one marker with a count.
	pts = append(pts, game.MatrixPoint{Label: "R20", X: 3, Y: 3, Team: 0, XRaters: 1, YRaters: 1, XMin: 3, XMax: 3, YMin: 3, YMax: 3})
	// One rater whose two criteria differ: no spread bar.
	pts = append(pts, game.MatrixPoint{Label: "R30", X: 2.5, Y: 3, XMin: 2, XMax: 3, YMin: 3, YMax: 3, XRaters: 1, YRaters: 1, Team: 1})
	p := game.PlaceMatrix(f, pts)
	checkMatrixPlan(t, f, pts, p)
	if len(p.Marks) != 7 {
		t.Fatalf("%d marks, want 7 (R01 and R20 together)", len(p.Marks))
	}
	m0 := p.Marks[0]
	if m0.Count != 2 || m0.Text != "R01, R20" {
		t.Errorf("team 0 at the midpoint: count %d, %q", m0.Count, m0.Text)
	}
	for _, m := range p.Marks[:6] {
		if m.Quadrant != game.QuadrantDoNow || m.X-f.Radius < p.MidX || m.Y+f.Radius > p.MidY {
			t.Errorf("%s at %.2f,%.2f is not wholly in do now (lines at %.2f,%.2f)", m.Text, m.X, m.Y, p.MidX, p.MidY)
		}
	}
	if r30 := p.Marks[6]; r30.Quadrant != game.QuadrantMakeFeasible || r30.HasXBar || r30.HasYBar {
		t.Errorf("R30: %s, bars %v %v", r30.Quadrant, r30.HasXBar, r30.HasYBar)
	}
	if !p.Marks[1].HasXBar || p.Marks[1].HasYBar {
		t.Errorf("R02 rated 2–4 by three raters: bars %v %v", p.Marks[1].HasXBar, p.Marks[1].HasYBar)
	}
}

// crowdedFrame is the report's matrix, 160 units square.
func crowdedFrame() game.MatrixFrame {
	f := testFrame()
	f.Plot = game.Rect{X0: 20, Y0: 40, X1: 180, Y1: 200}
	f.Radius, f.Gap = 1.5, 0.5
	f.Measure = func(s string) (float64, float64) { return 1.2 * float64(len([]rune(s))), 2.3 }
	return f
}

// crowdedPoints are n plays of 8 teams on the sixths of a 1–5 scale, a
// tenth of them on the midpoint.
func crowdedPoints(n int) []game.MatrixPoint {
	rng := rand.New(rand.NewPCG(3, 4))
	var pts []game.MatrixPoint
	for i := range n {
		x, y := 1+float64(rng.IntN(25))/6, 1+float64(rng.IntN(25))/6
		if i%10 == 0 {
			x = 3
		}
		pts = append(pts, game.MatrixPoint{Label: fmt.Sprintf("R%02d", i%40), X: x, Y: y, XMin: x - 1, XMax: x + 1, YMin: y, YMax: y,
			XRaters: 1 + i%3, YRaters: 3, Team: i % 8})
	}
	return pts
}

// Crowded: 200 plays at the report's sizes; what does not fit beside its
// marker goes to the key.
func TestMatrixKeepsItsPromisesWhenCrowded(t *testing.T) {
	f, pts := crowdedFrame(), crowdedPoints(200)
	p := game.PlaceMatrix(f, pts)
	checkMatrixPlan(t, f, pts, p)
	if len(p.Key) == 0 || len(p.Key) == len(p.Marks) {
		t.Errorf("%d of %d marks in the key", len(p.Key), len(p.Marks))
	}
}

// Overcrowded: 800 plays on the same matrix. A mark with no room near its
// scores is left off and listed, not drawn far from them or over another;
// the rest keep every promise, and most marks are still drawn.
func TestMatrixLeavesOffWhatHasNoRoomNearItsScores(t *testing.T) {
	f, pts := crowdedFrame(), crowdedPoints(800)
	p := game.PlaceMatrix(f, pts)
	checkMatrixPlan(t, f, pts, p)
	if len(p.Off) == 0 || 2*len(p.Off) > len(p.Marks) {
		t.Errorf("%d of %d marks left off", len(p.Off), len(p.Marks))
	}
}

// Every team's colour stands out from white paper and the light theme and
// from the dark theme's background.
func TestTeamPaletteContrast(t *testing.T) {
	if got := game.Contrast(game.RGB{}, game.RGB{R: 255, G: 255, B: 255}); math.Abs(got-21) > 1e-9 {
		t.Fatalf("black on white = %.3f, want 21", got)
	}
	for i, c := range game.TeamPalette {
		for _, bg := range []game.RGB{game.LightBackground, game.DarkBackground} {
			if r := game.Contrast(c, bg); r < 3 {
				t.Errorf("colour %d %v against %v: %.2f:1, want at least 3:1", i, c, bg, r)
			}
		}
	}
	shapes := map[[2]int]bool{}
	for i := range 64 {
		c, s := game.TeamStyle(i)
		k := [2]int{int(c.R)<<16 | int(c.G)<<8 | int(c.B), s}
		if shapes[k] {
			t.Errorf("team %d looks like an earlier one", i)
		}
		shapes[k] = true
	}
	for s := range game.MarkerShapes {
		for _, pt := range game.ShapeOutline(s) {
			if math.Hypot(pt.X, pt.Y) > 1+1e-9 {
				t.Errorf("shape %d reaches %v, outside the unit circle", s, pt)
			}
		}
	}
}

// A marker stands on its scores on the axes' scale: alone at a spot,
// exactly there, whatever its label needs; sharing a spot with other
// teams' markers, the group stands round it, each a little off it
// (MatrixNudge radii at most, a fraction of half a score point).
func TestAMarkerStandsOnItsScores(t *testing.T) {
	f := testFrame()
	pts := []game.MatrixPoint{
		{Label: "R29", X: 1.5, Y: 4, Team: 0},
		{Label: "R17", X: 2, Y: 4, Team: 0},
		{Label: "B01", X: 2, Y: 4, Team: 1},
		{Label: "R15", X: 2, Y: 4, Team: 1},
		{Label: "R10", X: 2, Y: 4.2, Team: 1},
		{Label: "R19", X: 2, Y: 2, Team: 1},
		{Label: "R03", X: 4, Y: 2, Team: 0},
	}
	p := game.PlaceMatrix(f, pts)
	checkMatrixPlan(t, f, pts, p)
	at := map[string]game.MatrixMark{}
	for _, m := range p.Marks {
		if m.Off {
			t.Errorf("%s is left off", m.Text)
		}
		at[m.Text] = m
	}
	for _, code := range []string{"R29", "R19", "R03"} {
		m := at[code]
		if x, y := f.PosX(m.ValueX), f.PosY(m.ValueY); math.Abs(m.X-x) > 1e-9 || math.Abs(m.Y-y) > 1e-9 {
			t.Errorf("%s, alone at %v/%v, is drawn at %.2f,%.2f, not at %.2f,%.2f", code, m.ValueX, m.ValueY, m.X, m.Y, x, y)
		}
	}
	step := f.PosX(3) - f.PosX(2) // a score point across
	sx, sy := 0.0, 0.0
	for _, text := range []string{"R17", "B01, R15"} {
		m, ok := at[text]
		if !ok {
			t.Fatalf("no mark %q: %v", text, at)
		}
		d := math.Hypot(m.X-f.PosX(2), m.Y-f.PosY(4))
		if d > game.MatrixNudge*f.Radius+1e-9 || d >= step/4 {
			t.Errorf("%s is drawn %.2f from its spot (a score point is %.2f)", text, d, step)
		}
		sx, sy = sx+m.X/2, sy+m.Y/2
	}
	if math.Abs(sx-f.PosX(2)) > 1e-6 || math.Abs(sy-f.PosY(4)) > 1e-6 {
		t.Errorf("the group at 2/4 stands round %.2f,%.2f, not round its spot %.2f,%.2f", sx, sy, f.PosX(2), f.PosY(4))
	}
	if len(p.Groups) != 1 || len(p.Groups[0].Marks) != 2 {
		t.Errorf("the groups are %+v, want the two marks at 2/4", p.Groups)
	}
}
