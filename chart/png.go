package chart

import (
	"image"
	"image/color"
	"image/png"
	"io"

	"deckhand/game"
	"deckhand/message"
	"deckhand/raster"
)

// The PNG is the SVG's drawing rasterized in Go by package raster, in the
// embedded Liberation Sans, so the picture is the same on Linux, Windows
// and macOS.

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
	cv := raster.NewCanvas(width, c.HeightFor(width), float64(width)/c.w, rgba(white), c.fonts.Fonts)
	cv.Kerning = true // as the SVG's text is set
	p := &painter{cv: cv, fonts: c.fonts}
	for _, it := range c.items {
		if err := p.paint(it); err != nil {
			return nil, err
		}
	}
	return cv.Img, nil
}

func rgba(c game.RGB) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// painter draws a chart's items onto a canvas in drawing units.
type painter struct {
	cv    *raster.Canvas
	fonts *fonts
}

func pt(x, y float64) raster.Point { return raster.Point{X: x, Y: y} }

func (p *painter) paint(it item) error {
	switch it.kind {
	case kindRect:
		box := raster.Rect(it.x, it.y, it.x2-it.x, it.y2-it.y)
		if it.fill != nil {
			p.cv.Fill(rgba(*it.fill), box)
		}
		if it.stroke != nil {
			p.cv.Outline(rgba(*it.stroke), it.lw, box)
		}
	case kindLine:
		var dash []float64
		if it.dash {
			dash = []float64{dashOn, dashOff}
		}
		p.cv.Line(rgba(*it.stroke), pt(it.x, it.y), pt(it.x2, it.y2), it.lw, dash...)
	case kindPolygon:
		poly := make(raster.Path, len(it.pts))
		for i, q := range it.pts {
			poly[i] = pt(q.X, q.Y)
		}
		p.cv.Fill(rgba(*it.fill), poly)
		p.cv.Outline(rgba(*it.stroke), it.lw, poly)
	case kindCircle:
		p.cv.Fill(rgba(*it.fill), raster.Ellipse(it.x, it.y, it.r, it.r, false))
		// A ring: the inner circle runs the other way round, so the
		// rasterizer's windings cancel inside it.
		p.cv.Fill(rgba(*it.stroke), raster.Ellipse(it.x, it.y, it.r+it.lw/2, it.r+it.lw/2, false), raster.Ellipse(it.x, it.y, it.r-it.lw/2, it.r-it.lw/2, true))
	case kindText:
		x := it.x
		switch it.anchor {
		case anchorMiddle:
			x -= p.fonts.width(it.text, it.size, it.bold) / 2
		case anchorEnd:
			x -= p.fonts.width(it.text, it.size, it.bold)
		}
		return p.cv.Text(rgba(*it.fill), x, it.y, it.size, it.bold, it.text)
	}
	return nil
}
