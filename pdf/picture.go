package pdf

import (
	"image/color"
	"math"
	"strings"

	"deckhand/raster"
)

// Pictures draw the same laid-out sides and posters as the PDF, through
// package raster, so a card's PNG and its PDF page agree to the pixel's
// anti-aliasing: the same shapes at the same millimetres, and the text on
// the same baselines in the same font, set without kerning as fpdf sets it.

// mmPerInch converts a resolution in dots an inch to pixels a millimetre.
const mmPerInch = 25.4

// pixels is how many whole pixels mm millimetres take at dpi.
func pixels(mm, dpi float64) int { return int(math.Round(mm * dpi / mmPerInch)) }

func rgba(c RGB) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// paintFace draws a card side onto a canvas whose origin is the side's
// top-left cut corner, with bleed b round it.
func paintFace(cv *raster.Canvas, f Face, b sides) error {
	for _, s := range f.Shapes {
		paintShape(cv, s, f, b)
	}
	for _, t := range f.Texts {
		if err := cv.Text(rgba(t.Colour), t.X, t.Y, t.Size*mmPerPt, t.Bold, t.Text); err != nil {
			return err
		}
	}
	return nil
}

// paintShape is drawShape's twin: the same bleed (bledBox), the same geometry.
func paintShape(cv *raster.Canvas, s Shape, f Face, b sides) {
	x, y, w, h := bledBox(s, f, b)
	c := rgba(s.Colour)
	switch s.Kind {
	case ShapeRect:
		cv.Fill(c, raster.Rect(x, y, w, h))
	case ShapeEllipse:
		cv.Fill(c, raster.Ellipse(x+w/2, y+h/2, w/2, h/2, false))
	case ShapePolygon:
		cv.Fill(c, polygon(s.Points))
	case ShapeFrame: // stroked on its edges, mitred corners: a ring
		lw := s.LineWidth / 2
		outer := raster.Rect(x-lw, y-lw, w+2*lw, h+2*lw)
		inner := raster.Rect(x+lw, y+lw, w-2*lw, h-2*lw)
		cv.Fill(c, outer, reversed(inner))
	case ShapeLine:
		cv.Line(c, raster.Point{X: x, Y: y}, raster.Point{X: x + w, Y: y + h}, s.LineWidth)
	case ShapeImage:
		if img := DecodedImage(s.Image); img != nil {
			cv.Image(img, x, y, w, h)
		}
	}
}

// bledBox is a shape's box, run on into the bleed on every side it touches
// when the shape bleeds.
func bledBox(s Shape, f Face, b sides) (x, y, w, h float64) {
	x, y, w, h = s.X, s.Y, s.W, s.H
	if !s.Bleed {
		return
	}
	const edge = 0.001
	if x <= edge {
		x, w = x-b.left, w+b.left
	}
	if y <= edge {
		y, h = y-b.top, h+b.top
	}
	if s.X+s.W >= f.W-edge {
		w += b.right
	}
	if s.Y+s.H >= f.H-edge {
		h += b.bottom
	}
	return
}

func polygon(pts []Point) raster.Path {
	p := make(raster.Path, len(pts))
	for i, pt := range pts {
		p[i] = raster.Point{X: pt.X, Y: pt.Y}
	}
	return p
}

// reversed winds a path the other way round, so that filled with the path
// it surrounds it cuts a hole.
func reversed(p raster.Path) raster.Path {
	out := make(raster.Path, len(p))
	for i, pt := range p {
		out[len(p)-1-i] = pt
	}
	return out
}

// paint draws a poster's items onto a canvas in poster millimetres, as
// draw draws them into the PDF.
func (p *posterCanvas) paint(cv *raster.Canvas) error {
	for _, it := range p.items {
		var dash []float64
		if it.dash {
			dash = []float64{3, 2}
		}
		lw := max(it.lw, 0.05)
		switch it.kind {
		case pkRect:
			box := raster.RoundedRect(it.x, it.y, it.w, it.h, it.r, it.corners)
			p.paintFilled(cv, it, box, lw, dash)
		case pkEllipse:
			p.paintFilled(cv, it, raster.Ellipse(it.x+it.w/2, it.y+it.h/2, it.w/2, it.h/2, false), lw, dash)
		case pkPolygon:
			p.paintFilled(cv, it, polygon(it.pts), lw, dash)
		case pkLine:
			cv.Line(rgba(it.stroke), raster.Point{X: it.x, Y: it.y}, raster.Point{X: it.x + it.w, Y: it.y + it.h}, lw, dash...)
		case pkText:
			if err := cv.Text(rgba(it.fill), it.x, it.y, it.size*mmPerPt, it.bold, it.text); err != nil {
				return err
			}
		case pkImage:
			if img := DecodedImage(it.image); img != nil {
				cv.Image(img, it.x, it.y, it.w, it.h)
			}
		}
	}
	return nil
}

// paintFilled fills and strokes a closed path as its item's style asks.
func (p *posterCanvas) paintFilled(cv *raster.Canvas, it posterItem, path raster.Path, lw float64, dash []float64) {
	if strings.Contains(it.style, "F") {
		cv.Fill(rgba(it.fill), path)
	}
	if strings.Contains(it.style, "D") {
		cv.Outline(rgba(it.stroke), lw, path, dash...)
	}
}
