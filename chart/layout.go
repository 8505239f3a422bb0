package chart

import (
	"math"
	"strconv"
	"strings"

	"deckhand/game"
	"deckhand/message"
)

// The chart's layout, in drawing units (a pixel of a PNG drawn at its
// Size): the title and the workshop over the matrix; the matrix square on
// the left with its axes' titles above and below it, as on the report's
// page; the teams' legend, the key to the numbered markers and the marks
// left off in a column on its right, where a slide has room for them.
const (
	margin     = 48
	titleSize  = 40
	headSize   = 22 // the workshop's title and date under the chart's
	axisSize   = 22
	tickSize   = 18
	tickRoom   = 44 // left of the plot, for the score scale
	side       = 820
	gutter     = 56 // between the plot and the column
	quadSize   = 24
	quadInset  = 12
	labelSize  = 19
	radius     = 10
	labelGap   = 3
	legendSize = 20
	listSize   = 17
	axisPad    = 0.35 // score units of room beyond the scale, so markers at its ends are whole
)

// draw lays the chart out from its source: the matrix first, since the
// column beside it is as wide as its longest line, and the chart's width
// follows from that; then the titles over both, first in the picture.
func (c *Chart) draw(s *source) {
	c.title = s.axes.Title()
	axisTop := margin + titleSize*0.8 + headSize*1.7 + axisSize*2
	x0 := float64(margin + tickRoom)
	plot := game.Rect{X0: x0, Y0: axisTop + axisSize*0.8, X1: x0 + side}
	plot.Y1 = plot.Y0 + side
	plan, bars := c.matrix(s, plot)
	c.plot, c.plan = plot, plan
	colX := plot.X1 + gutter
	colW := c.columnWidth(s, plan, bars, side)
	c.w = colX + colW + margin
	xTitle := c.fonts.ellipsis(s.axes.Across.Label()+" →", side+tickRoom, axisSize, true)
	bottom := plot.Y1 + tickSize*1.4 + axisSize*1.6
	c.text("axes", plot.X1, bottom, xTitle, axisSize, true, ink, anchorEnd)
	column := c.column(s, plan, bars, colX, colW, plot.Y0, plot.Y1)
	c.h = max(bottom+axisSize*0.3, column) + margin
	c.h = c.unrated(s, c.h-margin+listSize*1.2) + margin

	drawn := c.items
	c.items = nil
	y := float64(margin) + titleSize*0.8
	c.text("title", margin, y, c.fonts.ellipsis(c.title, c.w-2*margin, titleSize, true), titleSize, true, ink, anchorStart)
	head := s.heading
	if s.date != "" {
		head += " · " + s.date
	}
	c.text("title", margin, y+headSize*1.7, c.fonts.ellipsis(head, c.w-2*margin, headSize, false), headSize, false, grey, anchorStart)
	c.text("axes", x0, axisTop, c.fonts.ellipsis("↑ "+s.axes.Up.Label(), c.w-x0-margin, axisSize, true), axisSize, true, ink, anchorStart)
	c.items = append(c.items, drawn...)
}

// matrix draws the quadrants, the scale and the markers in plot, and
// returns the plan it drew and whether any spread was drawn.
func (c *Chart) matrix(s *source, plot game.Rect) (game.MatrixPlan, bool) {
	across, up := s.axes.Across, s.axes.Up
	frame := game.MatrixFrame{Plot: plot,
		XLo: across.Lo - axisPad, XHi: across.Hi + axisPad, YLo: up.Lo - axisPad, YHi: up.Hi + axisPad,
		Midpoint: s.midpoint, Radius: radius, Gap: labelGap,
		Measure: func(t string) (float64, float64) { return c.textWidth(t, labelSize, false), labelSize * 0.74 },
	}
	mx, my := frame.PosX(s.midpoint), frame.PosY(s.midpoint)
	frame.Obstacles = c.field(s, frame, mx, my)
	plan := game.PlaceMatrix(frame, s.points)
	return plan, c.marks(s, plan)
}

// field draws the fields split at (mx, my), the grid and the scale, and
// when the axes are the customer's and the organisation's the quadrants'
// colours and names, as the report does; it returns the names' boxes for
// the markers and labels to keep clear of.
func (c *Chart) field(s *source, f game.MatrixFrame, mx, my float64) []game.Rect {
	p := f.Plot
	fields := []struct {
		q    string
		area game.Rect
	}{ // in reading order: top left, top right, bottom left, bottom right
		{s.axes.Field(false, true), game.Rect{X0: p.X0, Y0: p.Y0, X1: mx, Y1: my}},
		{s.axes.Field(true, true), game.Rect{X0: mx, Y0: p.Y0, X1: p.X1, Y1: my}},
		{s.axes.Field(false, false), game.Rect{X0: p.X0, Y0: my, X1: mx, Y1: p.Y1}},
		{s.axes.Field(true, false), game.Rect{X0: mx, Y0: my, X1: p.X1, Y1: p.Y1}},
	}
	quadrants := s.axes.Quadrants()
	for _, fl := range fields {
		q := fl.q
		if !quadrants {
			q = "" // a field, not a quadrant: grey
		}
		c.rect("fields", fl.area, colour(game.FieldFill(q)), nil, 0)
	}
	across, up := s.axes.Across, s.axes.Up
	for v := int(across.Lo); v <= int(across.Hi); v += tickStep(across) {
		x := f.PosX(float64(v))
		c.line("grid", x, p.Y0, x, p.Y1, white, 1.5, false)
		c.text("scale", x, p.Y1+tickSize*1.2, strconv.Itoa(v), tickSize, false, grey, anchorMiddle)
	}
	for v := int(up.Lo); v <= int(up.Hi); v += tickStep(up) {
		y := f.PosY(float64(v))
		c.line("grid", p.X0, y, p.X1, y, white, 1.5, false)
		c.text("scale", p.X0-8, y+tickSize*0.35, strconv.Itoa(v), tickSize, false, grey, anchorEnd)
	}
	c.add(item{group: "grid", id: "plot", kind: kindRect, x: p.X0, y: p.Y0, x2: p.X1, y2: p.Y1, stroke: colour(grey), lw: 1})
	c.line("grid", mx, p.Y0, mx, p.Y1, grey, 1.5, true)
	c.line("grid", p.X0, my, p.X1, my, grey, 1.5, true)
	var names []game.Rect
	if !quadrants {
		return names // the fields have no names: they are no quadrants of the game
	}
	for i, fl := range fields {
		name := s.word(fl.q)
		w, h := c.textWidth(name, quadSize, true), quadSize*0.75
		x, y := p.X0+quadInset, p.Y0+quadInset
		if i%2 == 1 {
			x = p.X1 - quadInset - w
		}
		if i >= 2 {
			y = p.Y1 - quadInset - h
		}
		// The right ones end at the edge, so that in a wider font (the
		// SVG's reader may lack Liberation Sans and Arial) they stay in.
		if i%2 == 1 {
			c.text("quadrant-names", p.X1-quadInset, y+h, name, quadSize, true, game.QuadrantColours[fl.q], anchorEnd)
		} else {
			c.text("quadrant-names", x, y+h, name, quadSize, true, game.QuadrantColours[fl.q], anchorStart)
		}
		names = append(names, game.Rect{X0: x - 2, Y0: y - 2, X1: x + w + 2, Y1: y + h + 2})
	}
	return names
}

// tickStep keeps a long scale to about ten ticks.
func tickStep(a game.MatrixAxis) int { return max(1, int(math.Ceil((a.Hi-a.Lo)/10))) }

// marks draws the spread bars, then each marker placed with its label,
// and reports whether any spread was drawn.
func (c *Chart) marks(s *source, plan game.MatrixPlan) (bars bool) {
	tint, lw := 0.3, 2.0
	if len(s.points) > 40 { // lighter, or the spread hides the markers
		tint, lw = 0.6, 1.2
	}
	const cap = 4
	for _, m := range plan.Marks {
		col, _ := game.TeamStyle(m.Team)
		col = col.Lighter(tint)
		if m.HasYBar {
			c.line("spread", m.X, m.YBar[0], m.X, m.YBar[1], col, lw, false)
			c.line("spread", m.X-cap, m.YBar[0], m.X+cap, m.YBar[0], col, lw, false)
			c.line("spread", m.X-cap, m.YBar[1], m.X+cap, m.YBar[1], col, lw, false)
		}
		if m.HasXBar {
			c.line("spread", m.XBar[0], m.Y, m.XBar[1], m.Y, col, lw, false)
			c.line("spread", m.XBar[0], m.Y-cap, m.XBar[0], m.Y+cap, col, lw, false)
			c.line("spread", m.XBar[1], m.Y-cap, m.XBar[1], m.Y+cap, col, lw, false)
		}
		bars = bars || m.HasXBar || m.HasYBar
	}
	// The markers that share a spot are framed together, as on the report.
	frame := game.RGB{R: 110, G: 110, B: 110}
	for _, g := range plan.Groups {
		c.rect("groups", g.Box, nil, &frame, 1.2)
	}
	for _, m := range plan.Marks {
		if m.Off {
			continue
		}
		col, shape := game.TeamStyle(m.Team)
		c.marker("markers", shape, m.X, m.Y, radius, col)
	}
	for _, m := range plan.Marks {
		if m.Off {
			continue
		}
		// Anchored on the marker's side, so that in a wider font a label
		// grows away from its marker, not over it.
		b := m.LabelBox
		switch {
		case b.X1 <= m.X-radius:
			c.text("labels", b.X1, b.Y1, m.Label, labelSize, false, ink, anchorEnd)
		case b.X0 >= m.X+radius:
			c.text("labels", b.X0, b.Y1, m.Label, labelSize, false, ink, anchorStart)
		default:
			c.text("labels", (b.X0+b.X1)/2, b.Y1, m.Label, labelSize, false, ink, anchorMiddle)
		}
	}
	return bars
}

// unrated lists under the chart, from y, the cards it cannot place, not
// rated on both its axes, as the report lists them under its matrix, so
// that a slide does not pass them over in silence; it returns where the
// list ends (y when every card is on the chart).
func (c *Chart) unrated(s *source, y float64) float64 {
	if len(s.unrated) == 0 {
		return y
	}
	y += listSize
	c.text("unrated", margin, y, s.say(message.Word("Not rated"))+":", listSize, true, ink, anchorStart)
	for _, line := range c.fonts.wrap(strings.Join(s.unrated, "; "), c.w-2*margin, listSize) {
		y += listSize * 1.45
		c.text("unrated", margin, y, line, listSize, false, ink, anchorStart)
	}
	return y + listSize*0.4
}
