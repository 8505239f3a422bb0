package game

import (
	"math"
	"strconv"
	"strings"
	"sync"
)

// Where the markers and labels of the desirability × feasibility matrix
// go, in the units of whoever draws it (millimetres in the report,
// pixels on screen), y pointing down. The report and the screen both
// draw what PlaceMatrix decides, so the promises hold on both: a marker
// and its label lie wholly inside the quadrant its scores fall in (a
// score at the midpoint is high, IsHigh), plays of one team with the
// same scores are one marker with a count, no label covers another label
// or a marker, a label that cannot sit beside its marker becomes a
// number there, with the full text in a key, and no marker is drawn
// further than MatrixReach from its scores: one that finds no room that
// near is left off and listed (MatrixPlan.Off), not drawn where it would
// mislead. The reach also bounds the work for each marker, so a crowded
// matrix takes time in proportion to its marks.

// Rect is an axis-aligned rectangle.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether two rectangles share more than an edge.
func (a Rect) Overlaps(b Rect) bool {
	return a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1
}

// Inside reports whether a lies within b (edges included).
func (a Rect) Inside(b Rect) bool {
	const eps = 1e-9
	return a.X0 >= b.X0-eps && a.Y0 >= b.Y0-eps && a.X1 <= b.X1+eps && a.Y1 <= b.Y1+eps
}

func (a Rect) grow(d float64) Rect { return Rect{a.X0 - d, a.Y0 - d, a.X1 + d, a.Y1 + d} }

// MatrixPoint is one rated play: its means on the two axes (X the
// organisation's, across; Y the customer's, up), the spread of the
// ratings and how many raters gave them, its label and its team.
type MatrixPoint struct {
	Label            string
	X, Y             float64
	XMin, XMax       float64
	YMin, YMax       float64
	XRaters, YRaters int
	Team             int
}

// MatrixFrame is where the matrix is drawn and how big its parts are.
type MatrixFrame struct {
	Plot     Rect    // the whole field
	XLo, XHi float64 // the scores at the left and right edges
	YLo, YHi float64 // the scores at the bottom and top edges
	Midpoint float64 // splits low from high (IsHigh)
	Radius   float64 // a marker reaches this far from its centre
	Gap      float64 // between a marker and its label, and round every label
	// Measure gives the width and height a label's text takes.
	Measure func(text string) (w, h float64)
	// Obstacles are kept clear of markers and labels (the quadrants' names).
	Obstacles []Rect
}

// MatrixMark is a marker as drawn: one play, or several of one team with
// the same scores (Count).
type MatrixMark struct {
	X, Y     float64 // the centre
	Team     int
	Points   []int // indexes of the MatrixPoints it stands for
	Count    int
	Quadrant string
	// Text is the label in full: the codes, and "×n" for a count.
	Text string
	// Key is the mark's number in the key, 0 when Text is beside it;
	// Label is what is drawn at LabelBox: Text, or the number.
	Key      int
	Label    string
	LabelBox Rect
	// Off is a mark with no room within MatrixReach of its scores: it is
	// not drawn (no place, no label) and MatrixPlan.Off lists it.
	Off bool
	// The spread bars, from the lowest to the highest rating, when more
	// than one rater rated the play and they differed.
	XBar, YBar       [2]float64
	HasXBar, HasYBar bool
	ValueX, ValueY   float64 // the scores
	IdealX, IdealY   float64 // where the scores alone would put it
}

// Extent is the square the marker is drawn within.
func (m MatrixMark) Extent(r float64) Rect { return Rect{m.X - r, m.Y - r, m.X + r, m.Y + r} }

// MatrixPlan is the matrix laid out.
type MatrixPlan struct {
	MidX, MidY float64         // the midpoint lines
	Quadrants  map[string]Rect // each quadrant's field
	Marks      []MatrixMark    // in the order of the points
	Key        []int           // indexes into Marks, in the order of their numbers
	Off        []int           // indexes into Marks of those left off, in their order
}

// MatrixReach is how far, in marker radii, a marker may be drawn from
// where its scores put it (about three quarters of a score point on the
// report): further, its place would mislead the reader, and searching
// the whole quadrant for room, as each mark of a crowded matrix would,
// makes it take the square of its marks.
const MatrixReach = 16

// PosX and PosY map scores to the frame.
func (f MatrixFrame) PosX(v float64) float64 {
	v = max(min(f.XLo, f.XHi), min(max(f.XLo, f.XHi), v))
	return f.Plot.X0 + (v-f.XLo)/(f.XHi-f.XLo)*(f.Plot.X1-f.Plot.X0)
}

func (f MatrixFrame) PosY(v float64) float64 {
	v = max(min(f.YLo, f.YHi), min(max(f.YLo, f.YHi), v))
	return f.Plot.Y1 - (v-f.YLo)/(f.YHi-f.YLo)*(f.Plot.Y1-f.Plot.Y0)
}

// QuadrantAt names the quadrant of a pair of scores (X organisation, Y
// customer) by the rule of QuadrantOf.
func QuadrantAt(x, y, midpoint float64) string {
	return QuadrantOf(Score{Mean: y, Rated: true}, Score{Mean: x, Rated: true}, midpoint)
}

// PlaceMatrix lays the points out in the frame. Earlier points are placed
// first, so they are the likelier to keep their label beside them.
func PlaceMatrix(f MatrixFrame, points []MatrixPoint) MatrixPlan {
	p, _ := placeMatrix(f, points)
	return p
}

// placeMatrix is PlaceMatrix, and how many places it tried for each mark:
// the tests hold that to a bound that does not grow with the marks.
func placeMatrix(f MatrixFrame, points []MatrixPoint) (MatrixPlan, []int) {
	p := MatrixPlan{MidX: f.PosX(f.Midpoint), MidY: f.PosY(f.Midpoint)}
	pl := f.Plot
	p.Quadrants = map[string]Rect{
		QuadrantDoNow:         {p.MidX, pl.Y0, pl.X1, p.MidY},
		QuadrantMakeFeasible:  {pl.X0, pl.Y0, p.MidX, p.MidY},
		QuadrantMakeDesirable: {p.MidX, p.MidY, pl.X1, pl.Y1},
		QuadrantPark:          {pl.X0, p.MidY, p.MidX, pl.Y1},
	}
	p.Marks = groupPoints(f, points)
	occ := newOccupancy(f.Plot, 4*f.Radius, markerReach(f))
	for _, o := range f.Obstacles {
		occ.add(o)
	}
	tried := make([]int, len(p.Marks))
	for i := range p.Marks {
		m := &p.Marks[i]
		tried[i] = placeMark(f, occ, p.Quadrants[m.Quadrant], m, len(p.Key)+1)
		switch {
		case m.Off:
			p.Off = append(p.Off, i)
			continue
		case m.Key > 0:
			p.Key = append(p.Key, i)
		}
		spreadBars(f, points, m)
	}
	return p, tried
}

// MatrixMarks are the marks PlaceMatrix would lay out in the frame, with
// their teams, points and texts but not yet placed: what a drawing needs
// to know before it knows its size, at a fraction of the placement's cost.
func MatrixMarks(f MatrixFrame, points []MatrixPoint) []MatrixMark { return groupPoints(f, points) }

// groupPoints makes a mark of each team's plays with the same scores.
func groupPoints(f MatrixFrame, points []MatrixPoint) []MatrixMark {
	type key struct {
		team int
		x, y int64
	}
	at := map[key]int{}
	var marks []MatrixMark
	for i, pt := range points {
		k := key{pt.Team, int64(math.Round(pt.X * 1e6)), int64(math.Round(pt.Y * 1e6))}
		if j, ok := at[k]; ok {
			marks[j].Points = append(marks[j].Points, i)
			continue
		}
		at[k] = len(marks)
		marks = append(marks, MatrixMark{Team: pt.Team, Points: []int{i}, Quadrant: QuadrantAt(pt.X, pt.Y, f.Midpoint),
			ValueX: pt.X, ValueY: pt.Y, IdealX: f.PosX(pt.X), IdealY: f.PosY(pt.Y)})
	}
	for i := range marks {
		m := &marks[i]
		m.Count = len(m.Points)
		var codes []string
		for _, j := range m.Points {
			if c := points[j].Label; !containsString(codes, c) {
				codes = append(codes, c)
			}
		}
		m.Text = strings.Join(codes, ", ")
		if m.Count > 1 {
			m.Text += " ×" + strconv.Itoa(m.Count)
		}
	}
	return marks
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// placeMark finds the mark's centre and its label: as near its scores as
// there is room for the marker and its whole label; failing that, within
// MatrixReach, the marker with the number next in the key; failing that,
// the mark is left off. Each inside its quadrant q. It returns how many
// centres it tried.
func placeMark(f MatrixFrame, occ *occupancy, q Rect, m *MatrixMark, next int) (tried int) {
	r := f.Radius
	// The centres whose marker lies wholly inside the quadrant, off its lines.
	inner := Rect{q.X0 + r + f.Gap/2, q.Y0 + r + f.Gap/2, q.X1 - r - f.Gap/2, q.Y1 - r - f.Gap/2}
	if inner.X0 > inner.X1 {
		inner.X0, inner.X1 = (q.X0+q.X1)/2, (q.X0+q.X1)/2
	}
	if inner.Y0 > inner.Y1 {
		inner.Y0, inner.Y1 = (q.Y0+q.Y1)/2, (q.Y0+q.Y1)/2
	}
	cx, cy := max(inner.X0, min(inner.X1, m.IdealX)), max(inner.Y0, min(inner.Y1, m.IdealY))
	near := 5 * r // how far a marker may move to keep its label beside it
	tw, th := f.Measure(m.Text)
	try := func(limit float64, w, h float64) bool {
		found := false
		spiral(cx, cy, r, limit, func(x, y float64) bool {
			tried++
			if x < inner.X0 || x > inner.X1 || y < inner.Y0 || y > inner.Y1 {
				return true
			}
			ext := Rect{x - r, y - r, x + r, y + r}
			if occ.walledAt(x, y) || occ.hits(ext.grow(f.Gap/4)) {
				return true
			}
			if lb, ok := labelBeside(f, occ, q, ext, x, y, w, h); ok {
				m.X, m.Y, m.LabelBox = x, y, lb
				found = true
				return false
			}
			return true
		})
		return found
	}
	if try(near, tw, th) {
		m.Label = m.Text
	} else if nw, nh := f.Measure(strconv.Itoa(next)); try(MatrixReach*r, nw, nh) {
		m.Key, m.Label = next, strconv.Itoa(next)
	} else {
		m.Off = true
		return tried
	}
	occ.add(m.Extent(r))
	occ.add(m.LabelBox)
	return tried
}

// markerReach is how far a marker reaches from its centre, with the
// margin it keeps from the others (placeMark's ext.grow(f.Gap/4)).
func markerReach(f MatrixFrame) float64 { return f.Radius + f.Gap/4 }

// spiral calls at for the centre and then for points on rings round it,
// nearest first, until at returns false or the rings pass limit.
func spiral(cx, cy, r, limit float64, at func(x, y float64) bool) {
	if !at(cx, cy) {
		return
	}
	step := r * 0.7
	for ring := 1; float64(ring)*step <= limit; ring++ {
		d := float64(ring) * step
		for _, u := range ringDirections(ring) {
			if !at(cx+d*u[0], cy+d*u[1]) {
				return
			}
		}
	}
}

// ringDirections are the cosines and sines of a ring's 6·ring points,
// worked out once for every placement: a crowded matrix tries thousands
// of points for each marker.
func ringDirections(ring int) [][2]float64 {
	ringsMu.RLock()
	if ring < len(rings) {
		defer ringsMu.RUnlock()
		return rings[ring]
	}
	ringsMu.RUnlock()
	ringsMu.Lock()
	defer ringsMu.Unlock()
	for len(rings) <= ring {
		n := 6 * len(rings)
		dirs := make([][2]float64, n)
		for i := range n {
			a := 2 * math.Pi * float64(i) / float64(n)
			dirs[i] = [2]float64{math.Cos(a), math.Sin(a)}
		}
		rings = append(rings, dirs)
	}
	return rings[ring]
}

var (
	ringsMu sync.RWMutex
	rings   [][][2]float64 // by ring; ring 0 is the centre alone and has none
)

// labelBeside tries a label of w × h on each side of a marker at (x, y):
// right, left, above, below, then the corners.
func labelBeside(f MatrixFrame, occ *occupancy, q Rect, ext Rect, x, y, w, h float64) (Rect, bool) {
	g := f.Gap
	for _, b := range []Rect{
		{ext.X1 + g, y - h/2, ext.X1 + g + w, y + h/2},
		{ext.X0 - g - w, y - h/2, ext.X0 - g, y + h/2},
		{x - w/2, ext.Y0 - g - h, x + w/2, ext.Y0 - g},
		{x - w/2, ext.Y1 + g, x + w/2, ext.Y1 + g + h},
		{ext.X1, ext.Y0 - h, ext.X1 + w, ext.Y0},
		{ext.X1, ext.Y1, ext.X1 + w, ext.Y1 + h},
		{ext.X0 - w, ext.Y0 - h, ext.X0, ext.Y0},
		{ext.X0 - w, ext.Y1, ext.X0, ext.Y1 + h},
	} {
		if !b.Inside(Rect{q.X0 + g/2, q.Y0 + g/2, q.X1 - g/2, q.Y1 - g/2}) || occ.hits(b.grow(g/2)) {
			continue
		}
		return b, true
	}
	return Rect{}, false
}

// spreadBars gives a single play rated by more than one rater, who did
// not all agree, its spread through the marker.
func spreadBars(f MatrixFrame, points []MatrixPoint, m *MatrixMark) {
	if m.Count != 1 {
		return
	}
	pt := points[m.Points[0]]
	if pt.XRaters > 1 && pt.XMin < pt.XMax {
		m.XBar, m.HasXBar = [2]float64{f.PosX(pt.XMin), f.PosX(pt.XMax)}, true
	}
	if pt.YRaters > 1 && pt.YMin < pt.YMax {
		m.YBar, m.HasYBar = [2]float64{f.PosY(pt.YMax), f.PosY(pt.YMin)}, true
	}
}
