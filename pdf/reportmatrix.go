package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"deckhand/game"
)

// The report's desirability × feasibility matrix (the ranked table is in
// reporttable.go).

// Each team's colour and marker shape come from game.TeamStyle, shared
// with the screen, so no team is known by its colour alone and a table
// looks the same on paper and in the app.

// marker is marker shape k centred at (cx, cy), reaching rad from it,
// filled and edged.
func marker(k int, cx, cy, rad float64, fill, edge RGB) []posterItem {
	it := posterItem{kind: pkPolygon, fill: fill, stroke: edge, lw: 0.25, style: "FD"}
	outline := game.ShapeOutline(k)
	if outline == nil {
		it.kind, it.x, it.y, it.w, it.h = pkEllipse, cx-rad, cy-rad, 2*rad, 2*rad
		return []posterItem{it}
	}
	for _, p := range outline {
		it.pts = append(it.pts, Point{cx + rad*p.X, cy + rad*p.Y})
	}
	return []posterItem{it}
}

// quadrantColour is the colour a quadrant is named in (game.QuadrantColours).
func quadrantColour(q string) RGB { return RGB(game.QuadrantColours[q]) }

// quadrantName names a quadrant in the report's language, as the screens
// name it.
func (r *report) quadrantName(q string) string { return r.say(game.QuadrantWord(q)) }

// box is a rectangle on the matrix page.
type box struct{ x0, y0, x1, y1 float64 }

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
	return strings.Join(names[:len(names)-1], ", ") + r.word(" and ") + names[len(names)-1]
}

// groupFrame is the colour of the frame round markers sharing a spot.
var groupFrame = RGB{110, 110, 110}

const (
	dotRadius = 1.7 // mm: every marker shape lies within it
	labelSize = 6.5
	labelGap  = 0.5 // mm between a marker and its label, and round labels
)

// matrix plots the plays on the axes chosen (r.up, r.across), under a
// title that names them.
func (r *report) matrix() {
	r.startPart(r.matrixTitle(), r.word("Each marker is a card a team laid and rated, placed by its scores on the two axes: the higher and the further right, the higher the score. A card on the midpoint line counts as high. The lines show the spread from the lowest to the highest value where several people rated the card. One team's cards with the same scores are one marker, labelled with every one of their codes; markers of several teams at the same scores stand side by side round them, framed together. Where a marker has a number beside it, the card is in the key below the matrix."))
	r.y += 2
	const tickW, legendRoom = 8.0, 34.0
	axisLabel := lineH(rpSmall+0.5) + 1.5
	side := min(r.cw-tickW, r.bott-r.y-2*axisLabel-5-legendRoom)
	if side < 90 {
		r.newPage()
		side = min(r.cw-tickW, r.bott-r.y-2*axisLabel-5-legendRoom)
	}
	x0 := r.left + tickW + (r.cw-tickW-side)/2
	yLabel := r.clean("↑ " + r.up.Label())
	r.line(r.ellipsis(yLabel, true, r.cw, rpSmall+0.5), x0-tickW+1, 0, r.y, 0, rpSmall+0.5, true, ink)
	y0 := r.y + axisLabel
	plot := box{x0, y0, x0 + side, y0 + side}
	xa := axis{lo: r.across.Lo, hi: r.across.Hi, at: x0, along: side}
	ya := axis{lo: r.up.Lo, hi: r.up.Hi, at: y0, along: side, down: true}
	r.matrixFrame = game.MatrixFrame{
		Plot: game.Rect{X0: plot.x0, Y0: plot.y0, X1: plot.x1, Y1: plot.y1},
		XLo:  xa.lo - axisPad, XHi: xa.hi + axisPad, YLo: ya.lo - axisPad, YHi: ya.hi + axisPad,
		Midpoint: r.res.Midpoint, Radius: dotRadius, Gap: labelGap,
		Measure: func(s string) (float64, float64) {
			return r.m.width(r.clean(s), false) * labelSize, labelSize * 0.74 * mmPerPt
		},
	}
	mx, my := r.matrixFrame.PosX(r.res.Midpoint), r.matrixFrame.PosY(r.res.Midpoint)
	r.matrixFrame.Obstacles = r.matrixField(plot, xa, ya, mx, my)
	r.y = y0 + side + 1
	xLabel := r.clean(r.across.Label() + " →")
	r.line(r.ellipsis(xLabel, true, r.cw, rpSmall+0.5), x0, side, r.y+3.8, 1, rpSmall+0.5, true, ink)
	bars := r.matrixDots()
	r.y += 3.8 + axisLabel + 3
	r.matrixLegend(bars)
	r.matrixKey()
	r.matrixOff()
	r.matrixUnrated()
}

// matrixField draws the fields split at (mx, my), grid and scale, and
// when the axes are the customer's and the organisation's the quadrants'
// colours and names; it returns the names' boxes for the markers and
// labels to keep clear of.
func (r *report) matrixField(plot box, xa, ya axis, mx, my float64) []game.Rect {
	fields := []struct {
		q    string
		area box
	}{
		{r.fieldQuadrant(false, true), box{plot.x0, plot.y0, mx, my}},
		{r.fieldQuadrant(true, true), box{mx, plot.y0, plot.x1, my}},
		{r.fieldQuadrant(false, false), box{plot.x0, my, mx, plot.y1}},
		{r.fieldQuadrant(true, false), box{mx, my, plot.x1, plot.y1}},
	}
	quadrants := r.quadrantsApply()
	for _, f := range fields {
		q := f.q
		if !quadrants {
			q = "" // a field, not a quadrant: grey
		}
		r.p.add(posterItem{kind: pkRect, x: f.area.x0, y: f.area.y0, w: f.area.x1 - f.area.x0, h: f.area.y1 - f.area.y0,
			fill: RGB(game.FieldFill(q)), style: "F"})
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
	var names []game.Rect
	if !quadrants {
		return names // the fields have no names: they are no quadrants of the game
	}
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
		r.p.text(x, y+h, size, true, quadrantColour(f.q), name)
		names = append(names, game.Rect{X0: x - 0.5, Y0: y - 0.5, X1: x + w + 0.5, Y1: y + h + 0.5})
	}
	return names
}

// matrixDots draws a marker per team and scores of the plays rated on
// both axes, where game.PlaceMatrix put them, with the spread and
// the label or key number, and reports whether any spread was drawn. A
// mark the placement left off is not drawn; matrixOff lists it.
func (r *report) matrixDots() (bars bool) {
	var points []game.MatrixPoint
	r.matrixPlays = nil
	for i, p := range r.plays {
		x, y := r.across.Score(p), r.up.Score(p)
		if !x.Rated || !y.Rated {
			continue
		}
		r.matrixPlays = append(r.matrixPlays, i)
		points = append(points, game.MatrixPoint{Label: p.Play.Code, X: x.Mean, Y: y.Mean,
			XMin: float64(x.Min), XMax: float64(x.Max), XRaters: x.Raters,
			YMin: float64(y.Min), YMax: float64(y.Max), YRaters: y.Raters,
			Team: r.teamOf[p.Play.TeamID]})
	}
	r.matrixPlan = game.PlaceMatrix(r.matrixFrame, points)
	tint, lw := 0.3, 0.35
	if len(points) > 40 { // lighter, or the spread hides the markers
		tint, lw = 0.6, 0.2
	}
	for _, m := range r.matrixPlan.Marks {
		c := posterTint(r.teams[m.Team].colour, tint)
		const cap = 0.9
		if m.HasYBar {
			y1, y2 := m.YBar[0], m.YBar[1]
			r.p.add(posterItem{kind: pkLine, x: m.X, y: y1, h: y2 - y1, stroke: c, lw: lw},
				posterItem{kind: pkLine, x: m.X - cap, y: y1, w: 2 * cap, stroke: c, lw: lw},
				posterItem{kind: pkLine, x: m.X - cap, y: y2, w: 2 * cap, stroke: c, lw: lw})
		}
		if m.HasXBar {
			x1, x2 := m.XBar[0], m.XBar[1]
			r.p.add(posterItem{kind: pkLine, x: x1, y: m.Y, w: x2 - x1, stroke: c, lw: lw},
				posterItem{kind: pkLine, x: x1, y: m.Y - cap, h: 2 * cap, stroke: c, lw: lw},
				posterItem{kind: pkLine, x: x2, y: m.Y - cap, h: 2 * cap, stroke: c, lw: lw})
		}
		bars = bars || m.HasXBar || m.HasYBar
	}
	// The markers that share a spot are framed together: one spot, not
	// markers that stray from their scores.
	for _, g := range r.matrixPlan.Groups {
		b := g.Box
		r.p.add(posterItem{kind: pkRect, x: b.X0, y: b.Y0, w: b.X1 - b.X0, h: b.Y1 - b.Y0, stroke: groupFrame, lw: 0.2, style: "D"})
	}
	for _, m := range r.matrixPlan.Marks {
		if m.Off {
			continue
		}
		t := r.teams[m.Team]
		r.p.add(marker(t.marker, m.X, m.Y, dotRadius, t.colour, white)...)
		r.p.text(m.LabelBox.X0, m.LabelBox.Y1, labelSize, false, ink, r.clean(m.Label))
	}
	return bars
}

// matrixLegend names the teams by marker and colour, and the spread line
// when one is drawn.
func (r *report) matrixLegend(bars bool) {
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
	if bars {
		spread := r.clean(r.word("spread (lowest–highest)"))
		item(8+r.m.width(spread, false)*size, func(x, y float64) {
			cy := y + size*0.42*mmPerPt
			r.p.add(posterItem{kind: pkLine, x: x, y: cy, w: 6, stroke: grey, lw: 0.35},
				posterItem{kind: pkLine, x: x, y: cy - 0.9, h: 1.8, stroke: grey, lw: 0.35},
				posterItem{kind: pkLine, x: x + 6, y: cy - 0.9, h: 1.8, stroke: grey, lw: 0.35})
			r.line(spread, x+7.6, 0, y, 0, size, false, ink)
		})
	}
	r.y += lh + 2
}

// matrixKey lists the numbered markers in columns: the number, the team's
// marker, the codes with their count, the team and both scores.
func (r *report) matrixKey() { r.matrixList("Key to the numbered markers", r.matrixPlan.Key) }

// matrixOff lists, as the key does but without numbers, the marks with
// no room on the matrix near their scores.
func (r *report) matrixOff() {
	r.matrixList("Not on the matrix: no room near their ratings", r.matrixPlan.Off)
}

// matrixList lists marks in columns under a title, given in English.
func (r *report) matrixList(title string, marks []int) {
	if len(marks) == 0 {
		return
	}
	const size, cols = rpSmall - 0.5, 3
	lh := lineH(size) + 0.6
	r.need(lineH(rpSmall+1) + lh)
	r.para(r.word(title), r.left, r.cw, rpSmall+1, true, ink)
	colW := r.cw / cols
	numW := r.m.width("000", true) * size
	for i, k := range marks {
		if i%cols == 0 {
			if i > 0 {
				r.y += lh
			}
			r.need(lh)
		}
		m := r.matrixPlan.Marks[k]
		t := r.teams[m.Team]
		pl := r.plays[r.matrixPlays[m.Points[0]]]
		x, base := r.left+float64(i%cols)*colW, r.y+size*0.8*mmPerPt
		if m.Key > 0 {
			num := strconv.Itoa(m.Key)
			r.p.text(x+numW-r.m.width(num, true)*size, base, size, true, ink, num)
		}
		r.p.add(marker(t.marker, x+numW+2, r.y+size*0.42*mmPerPt, dotRadius*0.8, t.colour, white)...)
		tx := x + numW + 4
		// ↑ and → as on the axes: the score up, the score across.
		text := r.clean(m.Text + "  ↑" + r.number(r.up.Score(pl).Mean) + " →" + r.number(r.across.Score(pl).Mean) + "  " + oneLine(t.name))
		r.p.text(tx, base, size, false, ink, r.ellipsis(text, false, colW-(tx-x)-1, size))
	}
	r.y += lh + 2
}

// matrixUnrated lists the plays the matrix cannot place: not rated on
// both of its axes.
func (r *report) matrixUnrated() {
	var items []string
	for _, p := range r.plays {
		up, across := r.up.Score(p).Rated, r.across.Score(p).Rated
		if up && across {
			continue
		}
		what := r.team(p.Play.TeamID).name
		switch {
		case up:
			what += "; " + r.onlyRated(r.up)
		case across:
			what += "; " + r.onlyRated(r.across)
		}
		items = append(items, fmt.Sprintf("%s %s (%s)", p.Play.Code, r.ellipsis(r.clean(r.title(p)), false, 60, rpSmall+0.5), what))
	}
	if len(items) == 0 {
		r.para(r.word("Every card is rated."), r.left, r.cw, rpSmall+0.5, false, grey)
		return
	}
	r.need(2 * lineH(rpSmall+1))
	r.para(r.word("Not rated")+":", r.left, r.cw, rpSmall+1, true, ink)
	r.para(strings.Join(items, "; "), r.left, r.cw, rpSmall+1, false, ink)
}
