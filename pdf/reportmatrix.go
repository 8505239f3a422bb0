package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"deckhand/cards"
	"deckhand/game"
)

// The report's desirability × feasibility matrix (the ranked table is in
// reporttable.go).

// teamColours tell the teams apart, always together with a marker shape,
// so no team is known by its colour alone. The first seven are the
// Okabe–Ito colours that colour-blind readers can tell apart.
var teamColours = []RGB{{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167}, {86, 180, 233}, {230, 159, 0}, {70, 70, 70}, {140, 86, 40}}

// markerKinds is the number of marker shapes: circle, square, triangle,
// diamond, triangle pointing down, hexagon, star, pentagon.
const markerKinds = 8

// marker is marker shape k centred at (cx, cy), about rad in radius,
// filled and edged.
func marker(k int, cx, cy, rad float64, fill, edge RGB) []posterItem {
	it := posterItem{kind: pkPolygon, fill: fill, stroke: edge, lw: 0.25, style: "FD"}
	regular := func(n int, start, rr float64) []Point {
		pts := make([]Point, n)
		for i := range pts {
			a := start + 2*math.Pi*float64(i)/float64(n)
			pts[i] = Point{cx + rr*math.Cos(a), cy + rr*math.Sin(a)}
		}
		return pts
	}
	up, down := -math.Pi/2, math.Pi/2
	switch k % markerKinds {
	case 0:
		it.kind, it.x, it.y, it.w, it.h = pkEllipse, cx-rad, cy-rad, 2*rad, 2*rad
	case 1:
		it.pts = regular(4, math.Pi/4, rad*1.2)
	case 2:
		it.pts = regular(3, up, rad*1.3)
		for i := range it.pts {
			it.pts[i].Y += rad * 0.2
		}
	case 3:
		it.pts = regular(4, up, rad*1.25)
	case 4:
		it.pts = regular(3, down, rad*1.3)
		for i := range it.pts {
			it.pts[i].Y -= rad * 0.2
		}
	case 5:
		it.pts = regular(6, 0, rad*1.1)
	case 6:
		outer, inner := regular(5, up, rad*1.4), regular(5, up+math.Pi/5, rad*0.6)
		for i := range outer {
			it.pts = append(it.pts, outer[i], inner[i])
		}
	case 7:
		it.pts = regular(5, up, rad*1.15)
	}
	return []posterItem{it}
}

// quadrantColours shade the matrix's four fields lightly and name them.
var quadrantColours = map[string]RGB{
	game.QuadrantDoNow:         {0, 125, 80},
	game.QuadrantMakeFeasible:  {0, 95, 160},
	game.QuadrantMakeDesirable: {175, 105, 0},
	game.QuadrantPark:          {105, 105, 105},
}

// quadrantName names a quadrant in the report's language.
func (r *report) quadrantName(q string) string {
	if w := r.word(q); w != "" {
		return w
	}
	return q
}

// box is a rectangle the labels on the matrix keep clear of.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlap(b box) float64 {
	w, h := min(a.x1, b.x1)-max(a.x0, b.x0), min(a.y1, b.y1)-max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func (a box) inside(b box) bool { return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1 }

// axis maps a score to millimetres along one side of the matrix.
type axis struct {
	lo, hi    float64
	at, along float64
	down      bool // the y axis: higher scores go up the page
}

const axisPad = 0.35 // score units of room beyond the scale, so dots at its ends are whole

func (a axis) pos(v float64) float64 {
	v = max(a.lo, min(a.hi, v))
	t := (v - a.lo + axisPad) / (a.hi - a.lo + 2*axisPad)
	if a.down {
		t = 1 - t
	}
	return a.at + t*a.along
}

// perspective gives the scale and the criteria names of a perspective.
func (r *report) perspective(view string) (lo, hi int, names []string) {
	lo, hi = math.MaxInt, math.MinInt
	var list []string
	for _, c := range r.d.Criteria {
		if c.Perspective == view {
			lo, hi = min(lo, c.Min), max(hi, c.Max)
			list = append(list, textIn(c.Name, r.d, r.lang))
		}
	}
	if lo >= hi {
		lo, hi = 1, 5
	}
	return lo, hi, list
}

// and joins names the way a sentence lists them: "A, B and C".
func (r *report) and(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + r.word("and") + names[len(names)-1]
}

// matrixDot is a rated play on the matrix.
type matrixDot struct {
	p      game.PlayResult
	t      reportTeam
	cx, cy float64
}

const (
	dotRadius = 1.55
	labelSize = 6.5
)

func (r *report) matrix() {
	r.newPage()
	r.h1(r.word("matrix"))
	r.para(r.word("matrixIntro"), r.left, r.cw, rpSmall+0.5, false, grey)
	r.y += 2
	cLo, cHi, cNames := r.perspective(cards.PerspectiveCustomer)
	oLo, oHi, oNames := r.perspective(cards.PerspectiveOrganisation)
	const tickW, legendRoom = 8.0, 34.0
	axisLabel := lineH(rpSmall+0.5) + 1.5
	side := min(r.cw-tickW, r.bott-r.y-2*axisLabel-5-legendRoom)
	if side < 90 {
		r.newPage()
		side = min(r.cw-tickW, r.bott-r.y-2*axisLabel-5-legendRoom)
	}
	x0 := r.left + tickW + (r.cw-tickW-side)/2
	yLabel := r.clean("↑ " + sheetWord(cards.PerspectiveCustomer, r.lang) + " (" + strings.Join(cNames, ", ") + ")")
	r.line(r.ellipsis(yLabel, true, r.cw, rpSmall+0.5), x0-tickW+1, 0, r.y, 0, rpSmall+0.5, true, ink)
	y0 := r.y + axisLabel
	plot := box{x0, y0, x0 + side, y0 + side}
	xa := axis{lo: float64(oLo), hi: float64(oHi), at: x0, along: side}
	ya := axis{lo: float64(cLo), hi: float64(cHi), at: y0, along: side, down: true}
	obstacles := r.matrixField(plot, xa, ya)
	r.y = y0 + side + 1
	xLabel := r.clean(sheetWord(cards.PerspectiveOrganisation, r.lang) + " (" + strings.Join(oNames, ", ") + ") →")
	r.line(r.ellipsis(xLabel, true, r.cw, rpSmall+0.5), x0, side, r.y+3.8, 1, rpSmall+0.5, true, ink)
	r.matrixDots(plot, xa, ya, obstacles)
	r.y += 3.8 + axisLabel + 3
	r.matrixLegend()
	r.matrixUnrated()
}

// matrixField draws the quadrants, grid, scale and quadrant names, and
// returns the names' boxes for the labels to keep clear of.
func (r *report) matrixField(plot box, xa, ya axis) []box {
	mid := func(a axis) float64 {
		if m := r.res.Midpoint; m > a.lo && m < a.hi {
			return m
		}
		return (a.lo + a.hi) / 2
	}
	mx, my := xa.pos(mid(xa)), ya.pos(mid(ya))
	fields := []struct {
		q    string
		area box
	}{
		{game.QuadrantMakeFeasible, box{plot.x0, plot.y0, mx, my}},
		{game.QuadrantDoNow, box{mx, plot.y0, plot.x1, my}},
		{game.QuadrantPark, box{plot.x0, my, mx, plot.y1}},
		{game.QuadrantMakeDesirable, box{mx, my, plot.x1, plot.y1}},
	}
	for _, f := range fields {
		r.p.add(posterItem{kind: pkRect, x: f.area.x0, y: f.area.y0, w: f.area.x1 - f.area.x0, h: f.area.y1 - f.area.y0,
			fill: posterTint(quadrantColours[f.q], 0.9), style: "F"})
	}
	step := max(1, int(math.Ceil((xa.hi-xa.lo)/10)))
	for v := int(xa.lo); v <= int(xa.hi); v += step {
		x := xa.pos(float64(v))
		r.p.add(posterItem{kind: pkLine, x: x, y: plot.y0, h: plot.y1 - plot.y0, stroke: white, lw: 0.4})
		s := strconv.Itoa(v)
		r.line(s, x-r.m.width(s, false)*7.5/2, 0, plot.y1+0.8, 0, 7.5, false, grey)
	}
	step = max(1, int(math.Ceil((ya.hi-ya.lo)/10)))
	for v := int(ya.lo); v <= int(ya.hi); v += step {
		y := ya.pos(float64(v))
		r.p.add(posterItem{kind: pkLine, x: plot.x0, y: y, w: plot.x1 - plot.x0, stroke: white, lw: 0.4})
		s := strconv.Itoa(v)
		r.line(s, plot.x0-1.5-r.m.width(s, false)*7.5, 0, y-7.5*0.4*mmPerPt, 0, 7.5, false, grey)
	}
	r.p.add(posterItem{kind: pkRect, x: plot.x0, y: plot.y0, w: plot.x1 - plot.x0, h: plot.y1 - plot.y0, stroke: grey, lw: 0.3, style: "D"},
		posterItem{kind: pkLine, x: mx, y: plot.y0, h: plot.y1 - plot.y0, stroke: grey, lw: 0.35, dash: true},
		posterItem{kind: pkLine, x: plot.x0, y: my, w: plot.x1 - plot.x0, stroke: grey, lw: 0.35, dash: true})
	var names []box
	const size, inset = 10.0, 2.0
	for i, f := range fields {
		name := r.clean(r.quadrantName(f.q))
		w, h := r.m.width(name, true)*size, size*0.75*mmPerPt
		x, y := plot.x0+inset, plot.y0+inset
		if i%2 == 1 {
			x = plot.x1 - inset - w
		}
		if i >= 2 {
			y = plot.y1 - inset - h
		}
		r.p.text(x, y+h, size, true, quadrantColours[f.q], name)
		names = append(names, box{x - 0.5, y - 0.5, x + w + 0.5, y + h + 0.5})
	}
	return names
}

// matrixDots places a dot per play rated from both perspectives, with
// its spread and its code. Dots with the same scores sit in a ring round
// their point; labels move away from dots and each other.
func (r *report) matrixDots(plot box, xa, ya axis, obstacles []box) {
	var dots []matrixDot
	at := map[[2]int64][]int{}
	var keys [][2]int64
	for _, p := range r.plays {
		if !p.Customer.Rated || !p.Organisation.Rated {
			continue
		}
		d := matrixDot{p: p, t: r.team(p.Play.TeamID), cx: xa.pos(p.Organisation.Mean), cy: ya.pos(p.Customer.Mean)}
		key := [2]int64{int64(math.Round(d.cx * 20)), int64(math.Round(d.cy * 20))}
		if _, ok := at[key]; !ok {
			keys = append(keys, key)
		}
		at[key] = append(at[key], len(dots))
		dots = append(dots, d)
	}
	for _, key := range keys {
		group := at[key]
		if len(group) < 2 {
			continue
		}
		ring := max(dotRadius*1.9, float64(len(group))*dotRadius*2.4/(2*math.Pi))
		for i, di := range group {
			a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(group))
			dots[di].cx += ring * math.Cos(a)
			dots[di].cy += ring * math.Sin(a)
		}
	}
	tint, lw := 0.3, 0.35
	if len(dots) > 40 { // lighter, or the spread hides the dots
		tint, lw = 0.6, 0.2
	}
	for _, d := range dots {
		r.spreadBars(d, xa, ya, tint, lw)
	}
	for _, d := range dots {
		r.p.add(marker(d.t.marker, d.cx, d.cy, dotRadius, d.t.colour, white)...)
		obstacles = append(obstacles, box{d.cx - dotRadius, d.cy - dotRadius, d.cx + dotRadius, d.cy + dotRadius})
	}
	for _, d := range dots {
		obstacles = append(obstacles, r.dotLabel(d, plot, obstacles))
	}
}

// spreadBars draw the lowest to highest value of each perspective through a dot.
func (r *report) spreadBars(d matrixDot, xa, ya axis, tint, lw float64) {
	c := posterTint(d.t.colour, tint)
	const cap = 0.9
	if s := d.p.Customer; s.Min < s.Max {
		y1, y2 := ya.pos(float64(s.Max)), ya.pos(float64(s.Min))
		r.p.add(posterItem{kind: pkLine, x: d.cx, y: y1, h: y2 - y1, stroke: c, lw: lw},
			posterItem{kind: pkLine, x: d.cx - cap, y: y1, w: 2 * cap, stroke: c, lw: lw},
			posterItem{kind: pkLine, x: d.cx - cap, y: y2, w: 2 * cap, stroke: c, lw: lw})
	}
	if s := d.p.Organisation; s.Min < s.Max {
		x1, x2 := xa.pos(float64(s.Min)), xa.pos(float64(s.Max))
		r.p.add(posterItem{kind: pkLine, x: x1, y: d.cy, w: x2 - x1, stroke: c, lw: lw},
			posterItem{kind: pkLine, x: x1, y: d.cy - cap, h: 2 * cap, stroke: c, lw: lw},
			posterItem{kind: pkLine, x: x2, y: d.cy - cap, h: 2 * cap, stroke: c, lw: lw})
	}
}

// dotLabel puts a dot's code where it covers the least: beside the dot
// when there is room, further out with a thin leader line when not.
func (r *report) dotLabel(d matrixDot, plot box, obstacles []box) box {
	code := r.clean(d.p.Play.Code)
	tw, th := r.m.width(code, false)*labelSize, labelSize*0.74*mmPerPt
	sign := func(v float64) float64 {
		switch {
		case v > 0:
			return 1
		case v < 0:
			return -1
		}
		return 0
	}
	dirs := [][2]float64{{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {0.75, -0.75}, {0.75, 0.75}, {-0.75, -0.75}, {-0.75, 0.75}}
	best, bestCost, bestRing := box{}, math.Inf(1), 0
search:
	for ring := 0; ring < 4; ring++ {
		dist := dotRadius + 0.5 + float64(ring)*2.6
		for _, dir := range dirs {
			cx := d.cx + dir[0]*dist + sign(dir[0])*tw/2
			cy := d.cy + dir[1]*dist + sign(dir[1])*th/2
			b := box{cx - tw/2, cy - th/2, cx + tw/2, cy + th/2}
			if !b.inside(plot) {
				continue
			}
			cost := 0.0
			for _, o := range obstacles {
				cost += o.overlap(b)
			}
			if cost < bestCost {
				best, bestCost, bestRing = b, cost, ring
			}
			if cost == 0 {
				break search
			}
		}
	}
	if math.IsInf(bestCost, 1) {
		best = box{d.cx + dotRadius + 0.5, d.cy - th/2, d.cx + dotRadius + 0.5 + tw, d.cy + th/2}
	}
	if bestRing > 0 {
		nx, ny := max(best.x0, min(best.x1, d.cx)), max(best.y0, min(best.y1, d.cy))
		dx, dy := nx-d.cx, ny-d.cy
		if l := math.Hypot(dx, dy); l > dotRadius {
			r.p.add(posterItem{kind: pkLine, x: d.cx + dx/l*dotRadius, y: d.cy + dy/l*dotRadius, w: dx - dx/l*dotRadius, h: dy - dy/l*dotRadius, stroke: grey, lw: 0.15})
		}
	}
	r.p.text(best.x0, best.y1, labelSize, false, ink, code)
	return box{best.x0 - 0.3, best.y0 - 0.3, best.x1 + 0.3, best.y1 + 0.3}
}

// matrixLegend names the teams by marker and colour, and the spread line.
func (r *report) matrixLegend() {
	const size = rpSmall + 0.5
	lh := lineH(size) + 1.2
	x := r.left
	r.need(lh)
	item := func(w float64, draw func(x, y float64)) {
		if x > r.left && x+w > r.left+r.cw {
			x = r.left
			r.y += lh
			r.need(lh)
		}
		draw(x, r.y)
		x += w + 5
	}
	for _, t := range r.teams {
		name := r.ellipsis(r.clean(t.name), false, r.cw-6, size)
		item(5+r.m.width(name, false)*size, func(x, y float64) {
			r.p.add(marker(t.marker, x+1.8, y+size*0.42*mmPerPt, dotRadius, t.colour, white)...)
			r.line(name, x+4.6, 0, y, 0, size, false, ink)
		})
	}
	spread := r.clean(r.word("spread"))
	item(8+r.m.width(spread, false)*size, func(x, y float64) {
		cy := y + size*0.42*mmPerPt
		r.p.add(posterItem{kind: pkLine, x: x, y: cy, w: 6, stroke: grey, lw: 0.35},
			posterItem{kind: pkLine, x: x, y: cy - 0.9, h: 1.8, stroke: grey, lw: 0.35},
			posterItem{kind: pkLine, x: x + 6, y: cy - 0.9, h: 1.8, stroke: grey, lw: 0.35})
		r.line(spread, x+7.6, 0, y, 0, size, false, ink)
	})
	r.y += lh + 2
}

// matrixUnrated lists the plays the matrix cannot place.
func (r *report) matrixUnrated() {
	var items []string
	for _, p := range r.plays {
		if p.Customer.Rated && p.Organisation.Rated {
			continue
		}
		what := r.team(p.Play.TeamID).name
		switch {
		case p.Customer.Rated:
			what += "; " + r.word("onlyCustomer")
		case p.Organisation.Rated:
			what += "; " + r.word("onlyOrg")
		}
		items = append(items, fmt.Sprintf("%s %s (%s)", p.Play.Code, r.ellipsis(r.clean(r.title(p)), false, 60, rpSmall+0.5), what))
	}
	if len(items) == 0 {
		r.para(r.word("allRated"), r.left, r.cw, rpSmall+0.5, false, grey)
		return
	}
	r.need(2 * lineH(rpSmall+1))
	r.para(r.word("notRated")+":", r.left, r.cw, rpSmall+1, true, ink)
	r.para(strings.Join(items, "; "), r.left, r.cw, rpSmall+1, false, ink)
}
