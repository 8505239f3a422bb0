package chart

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"deckhand/game"
	"deckhand/message"
)

// The PNG is the SVG's drawing rasterized here, in Go: shapes filled with
// x/image/vector's anti-aliasing rasterizer, outlines and lines as thin
// filled bands, and text in the embedded Liberation Sans. Nothing asks
// the system for a font or a library, so the picture is the same on
// Linux, Windows and macOS.

// The widths a PNG may be asked for, in pixels, and the one it has
// unless asked: sharp on a full-HD projector and in a slide's half.
const (
	MinWidth     = 400
	MaxWidth     = 8000
	DefaultWidth = 1600
)

// dashOn and dashOff are the dashes of a dashed line, in drawing units
// (the SVG's stroke-dasharray).
const dashOn, dashOff = 6, 4

// WritePNG writes the chart as a PNG width pixels wide, its height as the
// chart's aspect gives (HeightFor).
func (c *Chart) WritePNG(w io.Writer, width int) error {
	img, err := c.raster(width)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// raster is the chart rasterized width pixels wide.
func (c *Chart) raster(width int) (*image.RGBA, error) {
	if width < MinWidth || width > MaxWidth {
		return nil, message.Refusal("a chart is from %d to %d pixels wide, not %d", MinWidth, MaxWidth, width)
	}
	img := image.NewRGBA(image.Rect(0, 0, width, c.HeightFor(width)))
	draw.Draw(img, img.Bounds(), image.NewUniform(rgba(white)), image.Point{}, draw.Src)
	p := &painter{img: img, scale: float64(width) / c.w, fonts: c.fonts}
	for _, it := range c.items {
		if err := p.paint(it); err != nil {
			return nil, err
		}
	}
	return img, nil
}

func rgba(c game.RGB) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// painter draws items onto an image, scale pixels a drawing unit.
type painter struct {
	img   *image.RGBA
	scale float64
	fonts *fonts
}

// path is a closed polygon in drawing units.
type path []game.Point

func (p *painter) paint(it item) error {
	switch it.kind {
	case kindRect:
		box := path{{X: it.x, Y: it.y}, {X: it.x2, Y: it.y}, {X: it.x2, Y: it.y2}, {X: it.x, Y: it.y2}}
		if it.fill != nil {
			p.fill(*it.fill, box)
		}
		if it.stroke != nil {
			p.outline(*it.stroke, it.lw, box)
		}
	case kindLine:
		p.fill(*it.stroke, p.band(it.x, it.y, it.x2, it.y2, it.lw, it.dash)...)
	case kindPolygon:
		p.fill(*it.fill, path(it.pts))
		p.outline(*it.stroke, it.lw, path(it.pts))
	case kindCircle:
		p.fill(*it.fill, circle(it.x, it.y, it.r, false))
		// A ring: the inner circle runs the other way round, so the
		// rasterizer's windings cancel inside it.
		p.fill(*it.stroke, circle(it.x, it.y, it.r+it.lw/2, false), circle(it.x, it.y, it.r-it.lw/2, true))
	case kindText:
		return p.text(it)
	}
	return nil
}

// circle is a circle as a polygon fine enough for any size drawn here.
func circle(x, y, r float64, reverse bool) path {
	const n = 48
	pts := make(path, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		if reverse {
			a = -a
		}
		pts[i] = game.Point{X: x + r*math.Cos(a), Y: y + r*math.Sin(a)}
	}
	return pts
}

// outline strokes a closed polygon's edges lw wide.
func (p *painter) outline(c game.RGB, lw float64, poly path) {
	var bands []path
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		bands = append(bands, p.band(a.X, a.Y, b.X, b.Y, lw, false)...)
	}
	p.fill(c, bands...)
}

// band is a line lw wide as filled quadrilaterals, one a dash when dashed,
// all wound the same way round so that where they overlap they add up.
func (p *painter) band(x0, y0, x1, y1, lw float64, dashed bool) []path {
	dx, dy := x1-x0, y1-y0
	length := math.Hypot(dx, dy)
	if length == 0 {
		return nil
	}
	ux, uy := dx/length, dy/length
	nx, ny := -uy*lw/2, ux*lw/2
	quad := func(s, e float64) path {
		ax, ay, bx, by := x0+ux*s, y0+uy*s, x0+ux*e, y0+uy*e
		return path{{X: ax + nx, Y: ay + ny}, {X: bx + nx, Y: by + ny}, {X: bx - nx, Y: by - ny}, {X: ax - nx, Y: ay - ny}}
	}
	if !dashed {
		return []path{quad(0, length)}
	}
	var out []path
	for s := 0.0; s < length; s += dashOn + dashOff {
		out = append(out, quad(s, min(s+dashOn, length)))
	}
	return out
}

// fill fills the polygons in one colour, rasterizing only the pixels
// round them.
func (p *painter) fill(c game.RGB, polys ...path) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, pt := range poly {
			minX, minY = min(minX, pt.X*p.scale), min(minY, pt.Y*p.scale)
			maxX, maxY = max(maxX, pt.X*p.scale), max(maxY, pt.Y*p.scale)
		}
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(p.img.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	for _, poly := range polys {
		for i, pt := range poly {
			x, y := float32(pt.X*p.scale-float64(box.Min.X)), float32(pt.Y*p.scale-float64(box.Min.Y))
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	}
	z.Draw(p.img, box, image.NewUniform(rgba(c)), image.Point{})
}

// text sets a text in the embedded font, placed by its anchor as the SVG's
// is.
func (p *painter) text(it item) error {
	size := it.size * p.scale
	face, err := p.fonts.face(size, it.bold)
	if err != nil {
		return err
	}
	s := p.fonts.drawable(it.text)
	x := it.x * p.scale
	switch it.anchor {
	case anchorMiddle:
		x -= fixedFloat(font.MeasureString(face, s)) / 2
	case anchorEnd:
		x -= fixedFloat(font.MeasureString(face, s))
	}
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(rgba(*it.fill)), Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(it.y * p.scale * 64))}}
	d.DrawString(s)
	return nil
}
