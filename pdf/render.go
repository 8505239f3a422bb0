package pdf

import (
	"codeberg.org/go-pdf/fpdf"
)

// sides holds a length for each side of a rectangle.
type sides struct{ left, top, right, bottom float64 }

// placement says where a card side goes on a page: its cut box (x, y, w, h
// as it lies on the page), how it is turned, and how much bleed it gets on
// each side of the page.
type placement struct {
	x, y, w, h float64
	rotate     int // degrees counter-clockwise: 0, 90, 180 or 270
	bleed      sides
}

// cardBleed turns the page's bleed sides into the card's own: a card turned
// 90° counter-clockwise has its top edge along the cell's left side.
func (p placement) cardBleed() sides {
	b := p.bleed
	switch p.rotate {
	case 90:
		return sides{left: b.bottom, top: b.left, right: b.top, bottom: b.right}
	case 180:
		return sides{left: b.right, top: b.bottom, right: b.left, bottom: b.top}
	case 270:
		return sides{left: b.top, top: b.right, right: b.bottom, bottom: b.left}
	}
	return b
}

// drawFace draws a laid-out card side at its placement.
func drawFace(doc *fpdf.Fpdf, f Face, p placement) {
	ox, oy := p.x, p.y
	doc.TransformBegin()
	switch p.rotate {
	case 90:
		ox, oy = p.x, p.y+p.h
		doc.TransformRotate(90, ox, oy)
	case 180:
		doc.TransformRotate(180, p.x+p.w/2, p.y+p.h/2)
	case 270:
		ox, oy = p.x+p.w, p.y
		doc.TransformRotate(270, ox, oy)
	}
	b := p.cardBleed()
	for _, s := range f.Shapes {
		drawShape(doc, s, ox, oy, f, b)
	}
	// fpdf writes the font again at every SetFont. The font is part of the
	// graphics state that TransformEnd restores, so the side's first text
	// sets it, and a text in the font and size of the one before it needs
	// none: the body's lines share one.
	for i, t := range f.Texts {
		if i == 0 || t.Bold != f.Texts[i-1].Bold || t.Size != f.Texts[i-1].Size {
			style := ""
			if t.Bold {
				style = "B"
			}
			doc.SetFont(family, style, t.Size)
		}
		doc.SetTextColor(int(t.Colour.R), int(t.Colour.G), int(t.Colour.B))
		doc.Text(ox+t.X, oy+t.Y, t.Text)
	}
	doc.TransformEnd()
}

func drawShape(doc *fpdf.Fpdf, s Shape, ox, oy float64, f Face, b sides) {
	x, y, w, h := bledBox(s, f, b)
	c := s.Colour
	switch s.Kind {
	case ShapeRect:
		doc.SetFillColor(int(c.R), int(c.G), int(c.B))
		doc.Rect(ox+x, oy+y, w, h, "F")
	case ShapeEllipse:
		doc.SetFillColor(int(c.R), int(c.G), int(c.B))
		doc.Ellipse(ox+x+w/2, oy+y+h/2, w/2, h/2, 0, "F")
	case ShapePolygon:
		pts := make([]fpdf.PointType, len(s.Points))
		for i, pt := range s.Points {
			pts[i] = fpdf.PointType{X: ox + pt.X, Y: oy + pt.Y}
		}
		doc.SetFillColor(int(c.R), int(c.G), int(c.B))
		doc.Polygon(pts, "F")
	case ShapeFrame:
		doc.SetDrawColor(int(c.R), int(c.G), int(c.B))
		doc.SetLineWidth(s.LineWidth)
		doc.Rect(ox+x, oy+y, w, h, "D")
	case ShapeLine:
		doc.SetDrawColor(int(c.R), int(c.G), int(c.B))
		doc.SetLineWidth(s.LineWidth)
		doc.Line(ox+x, oy+y, ox+x+w, oy+y+h)
	case ShapeImage:
		placeImage(doc, s.Image, ox+x, oy+y, w, h)
	}
}
