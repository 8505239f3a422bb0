package raster

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Point is a position in drawing units.
type Point struct{ X, Y float64 }

// Path is a closed polygon in drawing units.
type Path []Point

// Canvas draws onto an image in drawing units (a chart's units, a card's
// millimetres), Scale pixels a unit, with the drawing's origin at pixel
// Origin.
type Canvas struct {
	Img    *image.RGBA
	Scale  float64
	Origin Point // in pixels
	Fonts  *Fonts
	// Kerning sets text with the font's kerning, as a browser sets an
	// SVG's. Without it, text is set glyph by glyph on its advances, as a
	// PDF sets it, so a card's picture breaks and aligns as its print.
	Kerning bool
}

// NewCanvas is a w × h pixel image filled with background.
func NewCanvas(w, h int, scale float64, background color.RGBA, fonts *Fonts) *Canvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	return &Canvas{Img: img, Scale: scale, Fonts: fonts}
}

func (c *Canvas) px(p Point) (float64, float64) {
	return c.Origin.X + p.X*c.Scale, c.Origin.Y + p.Y*c.Scale
}

// Fill fills the polygons in one colour, their windings added (a polygon
// wound the other way cuts a hole), rasterizing only the pixels round them.
func (c *Canvas) Fill(col color.RGBA, polys ...Path) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, pt := range poly {
			x, y := c.px(pt)
			minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
		}
	}
	if math.IsInf(minX, 0) {
		return
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(c.Img.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	for _, poly := range polys {
		for i, pt := range poly {
			x, y := c.px(pt)
			fx, fy := float32(x-float64(box.Min.X)), float32(y-float64(box.Min.Y))
			if i == 0 {
				z.MoveTo(fx, fy)
			} else {
				z.LineTo(fx, fy)
			}
		}
		z.ClosePath()
	}
	z.Draw(c.Img, box, image.NewUniform(col), image.Point{})
}

// Outline strokes a closed polygon's edges lw wide, dashed when dash is
// given (lengths on and off).
func (c *Canvas) Outline(col color.RGBA, lw float64, poly Path, dash ...float64) {
	var bands []Path
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		bands = append(bands, Band(a, b, lw, dash...)...)
	}
	c.Fill(col, bands...)
}

// Line draws a line lw wide, dashed when dash is given.
func (c *Canvas) Line(col color.RGBA, a, b Point, lw float64, dash ...float64) {
	c.Fill(col, Band(a, b, lw, dash...)...)
}

// Band is a line lw wide as filled quadrilaterals, one a dash when dash
// gives the lengths on and off, all wound the same way round so that where
// they overlap they add up.
func Band(a, b Point, lw float64, dash ...float64) []Path {
	dx, dy := b.X-a.X, b.Y-a.Y
	length := math.Hypot(dx, dy)
	if length == 0 {
		return nil
	}
	ux, uy := dx/length, dy/length
	nx, ny := -uy*lw/2, ux*lw/2
	quad := func(s, e float64) Path {
		ax, ay, bx, by := a.X+ux*s, a.Y+uy*s, a.X+ux*e, a.Y+uy*e
		return Path{{ax + nx, ay + ny}, {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}}
	}
	if len(dash) < 2 || dash[0] <= 0 {
		return []Path{quad(0, length)}
	}
	var out []Path
	for s := 0.0; s < length; s += dash[0] + dash[1] {
		out = append(out, quad(s, min(s+dash[0], length)))
	}
	return out
}

// Ellipse is an ellipse round (cx, cy) as a polygon fine enough for any
// size drawn here; reverse winds it the other way, to cut a hole.
func Ellipse(cx, cy, rx, ry float64, reverse bool) Path {
	const n = 72
	pts := make(Path, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		if reverse {
			a = -a
		}
		pts[i] = Point{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return pts
}

// Rect is a rectangle as a path.
func Rect(x, y, w, h float64) Path {
	return Path{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}
}

// RoundedRect is a rectangle with corners of radius r; corners names the
// rounded ones as the PDF does ("1" top left, "2" top right, "3" bottom
// right, "4" bottom left), all when empty.
func RoundedRect(x, y, w, h, r float64, corners string) Path {
	r = min(r, w/2, h/2)
	if r <= 0 {
		return Rect(x, y, w, h)
	}
	if corners == "" {
		corners = "1234"
	}
	round := func(n byte) bool {
		for i := 0; i < len(corners); i++ {
			if corners[i] == n {
				return true
			}
		}
		return false
	}
	var p Path
	arc := func(cx, cy, from float64) {
		const steps = 12
		for i := 0; i <= steps; i++ {
			a := from + math.Pi/2*float64(i)/steps
			p = append(p, Point{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
	}
	corner := func(n byte, px, py, cx, cy, from float64) {
		if round(n) {
			arc(cx, cy, from)
		} else {
			p = append(p, Point{px, py})
		}
	}
	corner('1', x, y, x+r, y+r, math.Pi)
	corner('2', x+w, y, x+w-r, y+r, -math.Pi/2)
	corner('3', x+w, y+h, x+w-r, y+h-r, 0)
	corner('4', x, y+h, x+r, y+h-r, math.Pi/2)
	return p
}

// Text sets s from the start of its baseline at (x, y), size drawing units
// high (the em), in the embedded font.
func (c *Canvas) Text(col color.RGBA, x, y, size float64, bold bool, s string) error {
	face, err := c.Fonts.face(size*c.Scale, bold)
	if err != nil {
		return err
	}
	px, py := c.px(Point{x, y})
	d := font.Drawer{Dst: c.Img, Src: image.NewUniform(col), Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(px * 64)), Y: fixed.Int26_6(math.Round(py * 64))}}
	s = c.Fonts.Drawable(s)
	if c.Kerning {
		d.DrawString(s)
		return nil
	}
	for _, r := range s { // one rune a call: no kerning between them
		d.DrawString(string(r))
	}
	return nil
}
