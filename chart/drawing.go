package chart

import "deckhand/game"

// A chart is a list of shapes and texts in drawing units, y pointing down:
// the SVG writes them as elements, the PNG rasterizes them scaled to its
// width. Each belongs to a group (the SVG's
// <g id="…">), so that a person editing the picture finds the quadrants,
// the markers or the key as one piece.

type kind int

const (
	kindRect    kind = iota // x, y to x2, y2
	kindLine                // from x, y to x2, y2
	kindPolygon             // pts
	kindCircle              // centre x, y, radius r
	kindText                // baseline at y, from x by anchor
)

type anchor int

const (
	anchorStart anchor = iota
	anchorMiddle
	anchorEnd
)

// item is one shape or text of the drawing.
type item struct {
	group, id    string
	kind         kind
	x, y, x2, y2 float64
	r            float64
	pts          []game.Point
	fill         *game.RGB // nil: not filled
	stroke       *game.RGB // nil: no outline
	lw           float64
	dash         bool
	text         string
	size         float64
	bold         bool
	anchor       anchor
}

// Chart is a workshop's matrix drawn, ready to be written as SVG or PNG.
type Chart struct {
	title string
	w, h  float64
	items []item
	fonts *fonts
	// The matrix as placed, kept for the tests.
	plot game.Rect
	plan game.MatrixPlan
}

// Size is the chart's width and height in drawing units, as wide as its
// matrix and the column beside it need: a PNG keeps its aspect.
func (c *Chart) Size() (w, h float64) { return c.w, c.h }

// Title is what the chart plots, in its language: both axes' names.
func (c *Chart) Title() string { return c.title }

// HeightFor is the height in pixels of the chart drawn width pixels wide.
func (c *Chart) HeightFor(width int) int {
	return max(1, int(float64(width)*c.h/c.w+0.5))
}

var (
	white = game.RGB{R: 255, G: 255, B: 255}
	ink   = game.RGB{R: 33, G: 33, B: 33}
	grey  = game.RGB{R: 110, G: 110, B: 110}
)

func colour(c game.RGB) *game.RGB { return &c }

func (c *Chart) add(it item) { c.items = append(c.items, it) }

func (c *Chart) rect(group string, r game.Rect, fill, stroke *game.RGB, lw float64) {
	c.add(item{group: group, kind: kindRect, x: r.X0, y: r.Y0, x2: r.X1, y2: r.Y1, fill: fill, stroke: stroke, lw: lw})
}

func (c *Chart) line(group string, x, y, x2, y2 float64, stroke game.RGB, lw float64, dash bool) {
	c.add(item{group: group, kind: kindLine, x: x, y: y, x2: x2, y2: y2, stroke: &stroke, lw: lw, dash: dash})
}

// text sets s, one line, with its baseline at y.
func (c *Chart) text(group string, x, y float64, s string, size float64, bold bool, col game.RGB, a anchor) {
	if s != "" {
		c.add(item{group: group, kind: kindText, x: x, y: y, text: s, size: size, bold: bold, fill: &col, anchor: a})
	}
}

// marker is team shape k centred at (x, y) reaching r from it, edged in
// white as on the report, so that markers side by side stay apart.
func (c *Chart) marker(group string, shape int, x, y, r float64, fill game.RGB) {
	edge := white
	outline := game.ShapeOutline(shape)
	if outline == nil {
		c.add(item{group: group, kind: kindCircle, x: x, y: y, r: r, fill: &fill, stroke: &edge, lw: r / 7})
		return
	}
	pts := make([]game.Point, len(outline))
	for i, p := range outline {
		pts[i] = game.Point{X: x + r*p.X, Y: y + r*p.Y}
	}
	c.add(item{group: group, kind: kindPolygon, pts: pts, fill: &fill, stroke: &edge, lw: r / 7})
}

// textWidth is how wide s is set at size in the chart's font.
func (c *Chart) textWidth(s string, size float64, bold bool) float64 {
	return c.fonts.width(s, size, bold)
}
