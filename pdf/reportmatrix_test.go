package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"deckhand/game"
)

// matrixPages lays out the report up to and including the matrix and
// returns the matrix's pages.
func matrixPages(t *testing.T, f *game.File, res *game.WorkshopResults) (*report, []*posterCanvas) {
	t.Helper()
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	r := newReport(m, f, res, ReportOptions{Paper: Papers["a4"], Created: posterFixed})
	r.cover()
	r.summary()
	start := len(r.pages)
	r.matrix()
	return r, r.pages[start:]
}

// drawnMatrix is what the matrix page drew, read back from its items.
type drawnMatrix struct {
	plot    game.Rect
	midX    float64
	midY    float64
	markers []game.Rect  // the markers inside the field
	labels  []drawnLabel // the texts inside the field but the quadrants' names
	lines   []posterItem // the lines inside the field
	outside []posterItem // texts outside the field: the key, the legend
}

type drawnLabel struct {
	text string
	box  game.Rect
}

func itemBox(it posterItem) game.Rect {
	if it.kind == pkEllipse {
		return game.Rect{X0: it.x, Y0: it.y, X1: it.x + it.w, Y1: it.y + it.h}
	}
	b := game.Rect{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, p := range it.pts {
		b.X0, b.Y0, b.X1, b.Y1 = min(b.X0, p.X), min(b.Y0, p.Y), max(b.X1, p.X), max(b.Y1, p.Y)
	}
	return b
}

func readMatrix(t *testing.T, r *report, page *posterCanvas) drawnMatrix {
	t.Helper()
	var d drawnMatrix
	for _, it := range page.items {
		switch {
		case it.kind == pkRect && it.style == "D" && it.stroke == grey && it.lw == 0.3:
			d.plot = game.Rect{X0: it.x, Y0: it.y, X1: it.x + it.w, Y1: it.y + it.h}
		case it.kind == pkLine && it.dash && it.w == 0:
			d.midX = it.x
		case it.kind == pkLine && it.dash && it.h == 0:
			d.midY = it.y
		}
	}
	if d.plot.X1 == 0 || d.midX == 0 || d.midY == 0 {
		t.Fatal("the matrix page has no field or midpoint lines")
	}
	in := func(x, y float64) bool { return x > d.plot.X0 && x < d.plot.X1 && y > d.plot.Y0 && y < d.plot.Y1 }
	for _, it := range page.items {
		switch {
		case (it.kind == pkEllipse || it.kind == pkPolygon) && it.style == "FD" && it.stroke == white:
			if b := itemBox(it); in((b.X0+b.X1)/2, (b.Y0+b.Y1)/2) {
				d.markers = append(d.markers, b)
			}
		case it.kind == pkText && in(it.x, it.y) && !it.bold:
			w, h := r.m.width(it.text, false)*it.size, it.size*0.72*mmPerPt
			d.labels = append(d.labels, drawnLabel{it.text, game.Rect{X0: it.x, Y0: it.y - h, X1: it.x + w, Y1: it.y}})
		case it.kind == pkText:
			d.outside = append(d.outside, it)
		case it.kind == pkLine && in(it.x+it.w/2, it.y+it.h/2):
			d.lines = append(d.lines, it)
		}
	}
	return d
}

// side says on which side of a line a span lies: -1, 1, or 0 across it.
func side(lo, hi, at float64) int {
	const eps = 1e-6
	switch {
	case hi <= at+eps:
		return -1
	case lo >= at-eps:
		return 1
	}
	return 0
}

// checkDrawnMatrix fails on a marker or label drawn across a quadrant
// line or out of the field, and on labels covering each other or a marker.
func checkDrawnMatrix(t *testing.T, d drawnMatrix) {
	t.Helper()
	inPlot := func(b game.Rect) bool { return b.Inside(d.plot) }
	for _, b := range d.markers {
		if side(b.X0, b.X1, d.midX) == 0 || side(b.Y0, b.Y1, d.midY) == 0 || !inPlot(b) {
			t.Errorf("a marker at %.1f,%.1f is drawn across a quadrant line (%.1f, %.1f) or out of the field", b.X0, b.Y0, d.midX, d.midY)
		}
	}
	shrink := func(b game.Rect) game.Rect {
		return game.Rect{X0: b.X0 + 0.05, Y0: b.Y0 + 0.05, X1: b.X1 - 0.05, Y1: b.Y1 - 0.05}
	}
	for i, l := range d.labels {
		if side(l.box.X0, l.box.X1, d.midX) == 0 || side(l.box.Y0, l.box.Y1, d.midY) == 0 || !inPlot(l.box) {
			t.Errorf("label %q is drawn across a quadrant line or out of the field", l.text)
		}
		for _, o := range d.labels[:i] {
			if shrink(l.box).Overlaps(shrink(o.box)) {
				t.Errorf("labels %q and %q overlap", l.text, o.text)
			}
		}
		for _, m := range d.markers {
			if shrink(l.box).Overlaps(shrink(m)) {
				t.Errorf("label %q covers a marker", l.text)
			}
		}
	}
}

// checkReportPlan checks the plan the report drew against the plays: each
// mark in the quadrant of its scores, one mark per team and scores with
// the right count, labels beside their marks or numbered in the key, the
// marks left off not drawn but listed under their title, and the spread
// only for several raters.
func checkReportPlan(t *testing.T, r *report, d drawnMatrix, pages []*posterCanvas) {
	t.Helper()
	p, f := r.matrixPlan, r.matrixFrame
	if len(p.Marks)-len(p.Off) != len(d.markers) {
		t.Errorf("the plan has %d marks, %d of them left off; the page draws %d markers", len(p.Marks), len(p.Off), len(d.markers))
	}
	type spot struct {
		team   int
		cx, cy int64
	}
	want := map[spot]int{}
	for _, pl := range r.plays {
		if pl.Customer.Rated && pl.Organisation.Rated {
			want[spot{r.teamOf[pl.Play.TeamID], int64(math.Round(pl.Organisation.Mean * 1e6)), int64(math.Round(pl.Customer.Mean * 1e6))}]++
		}
	}
	if len(want) != len(p.Marks) {
		t.Errorf("%d teams' scores, %d marks", len(want), len(p.Marks))
	}
	var key []string
	for _, pg := range pages {
		for _, it := range pg.items {
			if it.kind == pkText {
				key = append(key, it.text)
			}
		}
	}
	allText := strings.Join(key, "\n")
	if title := r.clean(r.word("Not on the matrix: no room near their ratings")); len(p.Off) > 0 && !strings.Contains(allText, title) {
		t.Errorf("%d marks are left off the matrix, but no list is titled %q", len(p.Off), title)
	}
	for i, m := range p.Marks {
		pl := r.plays[r.matrixPlays[m.Points[0]]]
		if q := game.QuadrantOf(pl.Customer, pl.Organisation, r.res.Midpoint); m.Quadrant != q || pl.Quadrant != q {
			t.Errorf("%s is drawn in %q; its scores %.2f/%.2f are %q", m.Text, m.Quadrant, pl.Customer.Mean, pl.Organisation.Mean, q)
		}
		if m.Off {
			if entry := "\n" + oneLine(r.clean(m.Text+" ↑"+r.number(pl.Customer.Mean)+" →"+r.number(pl.Organisation.Mean))); !strings.Contains(allText, entry) {
				t.Errorf("%s is left off the matrix, but not listed with its scores (%q)", m.Text, entry)
			}
			continue
		}
		if !m.Extent(f.Radius).Inside(p.Quadrants[m.Quadrant]) || !m.LabelBox.Inside(p.Quadrants[m.Quadrant]) {
			t.Errorf("%s reaches out of %s", m.Text, m.Quadrant)
		}
		if c := want[spot{m.Team, int64(math.Round(m.ValueX * 1e6)), int64(math.Round(m.ValueY * 1e6))}]; c != m.Count {
			t.Errorf("%s stands for %d plays, %d have its team and scores", m.Text, m.Count, c)
		}
		if codes := strings.Split(m.Text, ", "); m.Count > 1 && len(codes) != m.Count && !strings.Contains(m.Text, "×") {
			t.Errorf("%s does not name each of its %d plays", m.Text, m.Count)
		}
		found := false
		for _, l := range d.labels {
			if l.text == m.Label && math.Abs(l.box.X0-m.LabelBox.X0) < 0.01 && math.Abs(l.box.Y1-m.LabelBox.Y1) < 0.01 {
				found = true
				if gap := rectGap(l.box, m.Extent(f.Radius)); gap > f.Gap+0.1 {
					t.Errorf("label %q is %.1f mm from its marker", l.text, gap)
				}
			}
		}
		if !found {
			t.Errorf("mark %d's label %q is not drawn at its place", i, m.Label)
		}
		if m.Key > 0 && !strings.Contains(allText, fmt.Sprintf("%d\n%s", m.Key, m.Text)) {
			t.Errorf("number %d (%s) is not in the key", m.Key, m.Text)
		}
		single := m.Count == 1 && pl.Customer.Raters == 1
		if single && m.HasYBar || m.Count == 1 && pl.Organisation.Raters == 1 && m.HasXBar {
			t.Errorf("%s has a spread bar from one rater", m.Text)
		}
	}
}

func rectGap(a, b game.Rect) float64 {
	dx := max(0, max(a.X0-b.X1, b.X0-a.X1))
	dy := max(0, max(a.Y0-b.Y1, b.Y0-a.Y1))
	return math.Hypot(dx, dy)
}

// checkedMatrixOf lays out the matrix of a workshop of 8 tables and n
// plays, fails t on every promise it breaks, and returns it.
func checkedMatrixOf(t *testing.T, n int) *report {
	f := bigWorkshop(t, 8, n)
	r, pages := matrixPages(t, f, game.Results(f))
	d := readMatrix(t, r, pages[0])
	checkDrawnMatrix(t, d)
	checkReportPlan(t, r, d, pages)
	return r
}

// The report benchmark's workshop: 8 tables, 200 plays.
func TestReportMatrixOf200Plays(t *testing.T) {
	if r := checkedMatrixOf(t, 200); len(r.matrixPlan.Key) == 0 {
		t.Log("no label went to the key")
	}
}

// The plays of a workshop of 8 tables of 100 do not all find room on
// the matrix near their scores: those that do not are listed under it,
// the rest drawn as always.
func TestReportMatrixOf800Plays(t *testing.T) {
	r := checkedMatrixOf(t, 800)
	if off, marks := len(r.matrixPlan.Off), len(r.matrixPlan.Marks); off == 0 || 2*off > marks {
		t.Errorf("%d of %d marks left off the matrix", off, marks)
	}
}

// Cards exactly on the midpoint are "do now", drawn wholly there; two
// plays of one table with the same scores are one marker counting 2; a
// single rater's two criteria draw no spread.
func TestReportMatrixOnTheMidpoint(t *testing.T) {
	f := bigWorkshop(t, 8, 16)
	res := &game.WorkshopResults{Workshop: f.Workshop, Midpoint: 3}
	three := game.Score{Mean: 3, Min: 3, Max: 3, Raters: 3, Rated: true}
	for i := range 6 {
		res.Plays = append(res.Plays, game.PlayResult{Play: f.Plays[i], Team: f.Teams[i].Name, Customer: three, Organisation: three})
	}
	res.Plays = append(res.Plays,
		game.PlayResult{Play: f.Plays[8], Team: f.Teams[0].Name, Customer: three, Organisation: three},
		game.PlayResult{Play: f.Plays[9], Team: f.Teams[1].Name, Customer: game.Score{Mean: 3.5, Min: 3, Max: 4, Raters: 1, Rated: true},
			Organisation: game.Score{Mean: 2.5, Min: 2, Max: 3, Raters: 1, Rated: true}})
	for i := range res.Plays {
		res.Plays[i].Quadrant = game.QuadrantOf(res.Plays[i].Customer, res.Plays[i].Organisation, 3)
	}
	r, pages := matrixPages(t, f, res)
	d := readMatrix(t, r, pages[0])
	checkDrawnMatrix(t, d)
	checkReportPlan(t, r, d, pages)
	if len(d.markers) != 7 {
		t.Errorf("%d markers, want 7: plays 0 and 8 of the first table are one", len(d.markers))
	}
	for _, b := range d.markers[:min(6, len(d.markers))] {
		if b.X0 < d.midX || b.Y1 > d.midY {
			t.Errorf("a midpoint card's marker %+v is not wholly in do now (lines at %.1f, %.1f)", b, d.midX, d.midY)
		}
	}
	// The two plays' marker names both their codes, beside it or in the key.
	both := f.Plays[0].Code + ", " + f.Plays[8].Code
	if m := r.matrixPlan.Marks[0]; m.Count != 2 || m.Text != both {
		t.Errorf("the first table's marker at the midpoint counts %d and says %q, want both codes %q", m.Count, m.Text, both)
	} else {
		named := false
		for _, l := range d.labels {
			named = named || l.text == both
		}
		for _, it := range d.outside {
			named = named || strings.Contains(it.text, both)
		}
		if !named {
			t.Errorf("the page does not name both cards %q", both)
		}
	}
	for _, l := range d.lines {
		if !l.dash && l.stroke != white {
			t.Errorf("a spread line is drawn (%+v): no play has several raters who differ", l)
		}
	}
}
