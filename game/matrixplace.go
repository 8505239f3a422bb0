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
// same scores are one marker naming every card, a marker alone at its
// scores stands exactly on them, markers sharing a spot stand side by
// side round it no further than MatrixNudge, no label covers another
// label or a marker, a label that cannot sit beside its marker becomes a
// number there, with the full text in a key, and a marker with no room
// that near its scores is left off and listed (MatrixPlan.Off), not drawn
// where it would mislead. The nudge also bounds the work for each marker,
// so a crowded matrix takes time in proportion to its marks.

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
	// Text is the label in full: every code, "×n" after one laid n times.
	Text string
	// Key is the mark's number in the key, 0 when Text is beside it;
	// Label is what is drawn at LabelBox: Text, or the number.
	Key      int
	Label    string
	LabelBox Rect
	// Off is a mark with no room within MatrixNudge of its scores: it is
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
	// Groups are the marks that share a spot (several teams' at the same
	// scores), each the indexes of its marks, drawn round with Box so that
	// the reader sees one spot, not markers that stray from their scores.
	Groups []MatrixGroup
}

// MatrixGroup is the marks at one spot, side by side round it.
type MatrixGroup struct {
	Marks []int
	Box   Rect // round their markers, as placed
}

// MatrixNudge is how far, in marker radii, a marker may stand from its
// scores when it shares the spot with others (or one too near to tell
// apart): the group side by side round the spot, a small fraction of a
// score point (a score point is some twenty radii on the report). A
// marker alone at its scores stands exactly on them.
const MatrixNudge = 3.5

// MatrixReach is the outer bound, in marker radii, that no marker is ever
// drawn beyond from where its scores put it (about three quarters of a
// score point on the report); the placement keeps far within it
// (MatrixNudge), and the screens' tests hold every plan to it.
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
	anchors, left, groups := spotAnchors(f, p.Marks, p.Quadrants)
	p.Groups = groups
	// The markers first, each where its scores put it when that is free, so
	// that no label pushes a marker off its scores; then the labels.
	reserved := make([]bool, len(p.Marks))
	for i, m := range p.Marks {
		inner := innerOf(f, p.Quadrants[m.Quadrant])
		anchors[i] = [2]float64{max(inner.X0, min(inner.X1, anchors[i][0])), max(inner.Y0, min(inner.Y1, anchors[i][1]))}
		x, y, r := anchors[i][0], anchors[i][1], f.Radius
		if !occ.walledAt(x, y) && !occ.hits(Rect{x - r, y - r, x + r, y + r}.grow(f.Gap/4)) {
			occ.add(Rect{x - r, y - r, x + r, y + r})
			reserved[i] = true
		}
	}
	for i := range p.Marks {
		m := &p.Marks[i]
		tried[i] = placeMark(f, occ, p.Quadrants[m.Quadrant], m, anchors[i], reserved[i], left[i], len(p.Key)+1)
		switch {
		case m.Off:
			p.Off = append(p.Off, i)
			continue
		case m.Key > 0:
			p.Key = append(p.Key, i)
		}
		spreadBars(f, points, m)
	}
	for g := range p.Groups {
		box, any := Rect{}, false
		for _, i := range p.Groups[g].Marks {
			if m := p.Marks[i]; !m.Off {
				e := m.Extent(f.Radius)
				if !any {
					box, any = e, true
				}
				box = Rect{min(box.X0, e.X0), min(box.Y0, e.Y0), max(box.X1, e.X1), max(box.Y1, e.Y1)}
			}
		}
		p.Groups[g].Box = box.grow(f.Gap / 4)
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
		// Every code of the mark is in its text, so that a reader knows
		// which cards stand there; a card laid twice is counted ("R07 ×2").
		var codes []string
		times := map[string]int{}
		for _, j := range m.Points {
			c := points[j].Label
			if times[c] == 0 {
				codes = append(codes, c)
			}
			times[c]++
		}
		for k, c := range codes {
			if times[c] > 1 {
				codes[k] = c + " ×" + strconv.Itoa(times[c])
			}
		}
		m.Text = strings.Join(codes, ", ")
	}
	return marks
}

// spotAnchors is where each mark's centre is asked to be: its scores' spot,
// or, for marks that share a spot, a place in rows of two centred on it, one marker's width apart, so that the group
// stands round the spot and no marker of it hides another; a group on the
// edge of its quadrant (a spot on the midpoint) moves in as a whole. A
// label goes on its marker's outer side (side: -1 the left column's, +1
// the right's), out of the way of the group.
func spotAnchors(f MatrixFrame, marks []MatrixMark, quadrants map[string]Rect) ([][2]float64, []int, []MatrixGroup) {
	anchors, left := make([][2]float64, len(marks)), make([]int, len(marks))
	type spot struct{ x, y int64 }
	at := map[spot][]int{}
	var order []spot
	for i, m := range marks {
		anchors[i] = [2]float64{m.IdealX, m.IdealY}
		k := spot{int64(math.Round(m.ValueX * 1e6)), int64(math.Round(m.ValueY * 1e6))}
		if at[k] == nil {
			order = append(order, k)
		}
		at[k] = append(at[k], i)
	}
	pitch := 2*markerReach(f) + 1e-6
	var groups []MatrixGroup
	for _, k := range order {
		list := at[k]
		if len(list) < 2 {
			continue
		}
		cols := min(len(list), 2) // each marker with a free side for its label
		rows := (len(list) + cols - 1) / cols
		for j, i := range list {
			row, col := j/cols, j%cols
			inRow := min(cols, len(list)-row*cols)
			if inRow > 1 {
				left[i] = 2*col - 1
			}
			anchors[i][0] += (float64(col) - float64(inRow-1)/2) * pitch
			anchors[i][1] += (float64(row) - float64(rows-1)/2) * pitch
		}
		// Off an edge of its quadrant by a marker and a number's label, so
		// that the markers on that side have room for one.
		numW, _ := f.Measure("9")
		q, in := quadrants[marks[list[0]].Quadrant], f.Radius+1.5*f.Gap+numW
		for d := range 2 {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, i := range list {
				lo, hi = min(lo, anchors[i][d]), max(hi, anchors[i][d])
			}
			edge := [2][2]float64{{q.X0, q.X1}, {q.Y0, q.Y1}}[d]
			shift := max(0, edge[0]+in-lo) - max(0, hi-(edge[1]-in))
			for _, i := range list {
				anchors[i][d] += shift
			}
		}
		groups = append(groups, MatrixGroup{Marks: list})
	}
	return anchors, left, groups
}

// placeMark finds the mark's centre and its label. A marker whose place
// (anchor: its scores' spot, or its place in the group at a shared spot)
// is free stands there; one that would cover another marker moves as
// little as it must, at most MatrixNudge radii. Its label is the whole
// text beside it, else the number next in the key; a marker with no room
// for either so near its scores is left off. Each inside its quadrant q.
// It returns how many centres it tried.
func placeMark(f MatrixFrame, occ *occupancy, q Rect, m *MatrixMark, anchor [2]float64, reserved bool, side int, next int) (tried int) {
	r := f.Radius
	inner := innerOf(f, q)
	cx, cy := anchor[0], anchor[1]
	near := 0.0 // a marker whose place was free (reserved) does not move for its label
	if !reserved {
		near = MatrixNudge * r
	}
	tw, th := f.Measure(m.Text)
	try := func(limit float64, w, h float64) bool {
		found := false
		spiral(cx, cy, r, limit, func(x, y float64) bool {
			tried++
			if x < inner.X0 || x > inner.X1 || y < inner.Y0 || y > inner.Y1 {
				return true
			}
			ext := Rect{x - r, y - r, x + r, y + r}
			if !reserved && (occ.walledAt(x, y) || occ.hits(ext.grow(f.Gap/4))) {
				return true
			}
			if lb, ok := labelBeside(f, occ, q, ext, x, y, w, h, side); ok {
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
	} else if nw, nh := f.Measure(strconv.Itoa(next)); try(near, nw, nh) {
		m.Key, m.Label = next, strconv.Itoa(next)
	} else {
		m.Off = true
		return tried
	}
	if !reserved {
		occ.add(m.Extent(r))
	}
	occ.add(m.LabelBox)
	return tried
}

// innerOf is where in quadrant q a marker's centre may be for the marker
// to lie wholly inside it, off its lines.
func innerOf(f MatrixFrame, q Rect) Rect {
	r := f.Radius
	inner := Rect{q.X0 + r + f.Gap/2, q.Y0 + r + f.Gap/2, q.X1 - r - f.Gap/2, q.Y1 - r - f.Gap/2}
	if inner.X0 > inner.X1 {
		inner.X0, inner.X1 = (q.X0+q.X1)/2, (q.X0+q.X1)/2
	}
	if inner.Y0 > inner.Y1 {
		inner.Y0, inner.Y1 = (q.Y0+q.Y1)/2, (q.Y0+q.Y1)/2
	}
	return inner
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
// right, left, above, below, then the corners; of a marker in a group
// only on its outer side (side -1: the left, +1: the right) or above or
// below it.
func labelBeside(f MatrixFrame, occ *occupancy, q Rect, ext Rect, x, y, w, h float64, side int) (Rect, bool) {
	g := f.Gap
	sides := []Rect{
		{ext.X1 + g, y - h/2, ext.X1 + g + w, y + h/2},
		{ext.X0 - g - w, y - h/2, ext.X0 - g, y + h/2},
		{x - w/2, ext.Y0 - g - h, x + w/2, ext.Y0 - g},
		{x - w/2, ext.Y1 + g, x + w/2, ext.Y1 + g + h},
		{ext.X1, ext.Y0 - h, ext.X1 + w, ext.Y0},
		{ext.X1, ext.Y1, ext.X1 + w, ext.Y1 + h},
		{ext.X0 - w, ext.Y0 - h, ext.X0, ext.Y0},
		{ext.X0 - w, ext.Y1, ext.X0, ext.Y1 + h},
	}
	switch side {
	case -1:
		sides = []Rect{sides[1], sides[2], sides[3], sides[6], sides[7]}
	case 1:
		sides = []Rect{sides[0], sides[2], sides[3], sides[4], sides[5]}
	}
	for _, b := range sides {
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
