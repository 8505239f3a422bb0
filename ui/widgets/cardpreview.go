// Package widgets holds Deckhand's custom Fyne widgets.
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
	"deckhand/pdf"
)

// CardPreview shows a card side laid out by the pdf package, scaled to the
// widget: the same shapes, colours, text sizes and line breaks as the
// printed card, in the print font.
type CardPreview struct {
	widget.BaseWidget
	face pdf.Face
}

// NewCardPreview makes an empty preview.
func NewCardPreview() *CardPreview {
	p := &CardPreview{}
	p.ExtendBaseWidget(p)
	return p
}

// SetFace shows a laid-out card side.
func (p *CardPreview) SetFace(f pdf.Face) {
	p.face = f
	p.Refresh()
}

// Face returns the side shown.
func (p *CardPreview) Face() pdf.Face { return p.face }

// CreateRenderer is part of fyne.Widget.
func (p *CardPreview) CreateRenderer() fyne.WidgetRenderer {
	r := &previewRenderer{p: p, border: canvas.NewRectangle(color.Transparent)}
	r.border.StrokeColor = color.NRGBA{0, 0, 0, 60}
	r.border.StrokeWidth = 1
	r.rebuild()
	return r
}

type previewRenderer struct {
	p       *CardPreview
	border  *canvas.Rectangle
	objects []fyne.CanvasObject
	built   pdf.Face
}

// mmPerPt converts the face's font sizes (points) to millimetres.
const mmPerPt = 25.4 / 72

func nrgba(c pdf.RGB) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, 255} }

func (r *previewRenderer) rebuild() {
	f := r.p.face
	r.objects = r.objects[:0]
	for _, s := range f.Shapes {
		r.objects = append(r.objects, shapeObject(s))
	}
	for _, t := range f.Texts {
		txt := canvas.NewText(t.Text, nrgba(t.Colour))
		txt.TextStyle = fyne.TextStyle{Bold: t.Bold}
		txt.FontSource = regular // the print font, so lines break as on paper
		if t.Bold {
			txt.FontSource = bold
		}
		r.objects = append(r.objects, txt)
	}
	r.built = f
}

func shapeObject(s pdf.Shape) fyne.CanvasObject {
	c := nrgba(s.Colour)
	switch s.Kind {
	case pdf.ShapeEllipse:
		return canvas.NewCircle(c)
	case pdf.ShapeFrame:
		rect := canvas.NewRectangle(color.Transparent)
		rect.StrokeColor = c
		return rect
	case pdf.ShapeLine:
		return canvas.NewLine(c)
	case pdf.ShapePolygon:
		points := s.Points
		return canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
			return polygonPixel(points, x, y, w, h, c)
		})
	case pdf.ShapeImage:
		if img := pdf.DecodedImage(s.Image); img != nil {
			pic := canvas.NewImageFromImage(img)
			pic.FillMode = canvas.ImageFillStretch // the face's box has the picture's proportions
			pic.ScaleMode = canvas.ImageScaleSmooth
			return pic
		}
		return canvas.NewRectangle(color.Transparent)
	}
	return canvas.NewRectangle(c)
}

// polygonPixel colours the pixels of a raster that fall inside the polygon,
// whose points are relative to the raster's box in the face's millimetres.
func polygonPixel(points []pdf.Point, x, y, w, h int, c color.Color) color.Color {
	minX, minY, maxX, maxY := bounds(points)
	px := minX + (float64(x)+0.5)/float64(w)*(maxX-minX)
	py := minY + (float64(y)+0.5)/float64(h)*(maxY-minY)
	corner := func(i int) (float64, float64) { return points[i].X, points[i].Y }
	return shapeColour(insidePolygon(len(points), corner, px, py), c)
}

func bounds(points []pdf.Point) (minX, minY, maxX, maxY float64) {
	minX, minY, maxX, maxY = points[0].X, points[0].Y, points[0].X, points[0].Y
	for _, p := range points[1:] {
		minX, minY, maxX, maxY = min(minX, p.X), min(minY, p.Y), max(maxX, p.X), max(maxY, p.Y)
	}
	return
}

// Layout places every shape and text at the face's millimetres times the
// scale that fits the widget, centred.
func (r *previewRenderer) Layout(size fyne.Size) {
	f := r.p.face
	if f.W == 0 || f.H == 0 {
		return
	}
	k := min(size.Width/float32(f.W), size.Height/float32(f.H))
	ox, oy := (size.Width-k*float32(f.W))/2, (size.Height-k*float32(f.H))/2
	at := func(x, y float64) fyne.Position { return fyne.NewPos(ox+k*float32(x), oy+k*float32(y)) }
	r.border.Move(at(0, 0))
	r.border.Resize(fyne.NewSize(k*float32(f.W), k*float32(f.H)))
	for i, s := range f.Shapes {
		o := r.objects[i]
		switch s.Kind {
		case pdf.ShapeLine:
			line := o.(*canvas.Line)
			line.Position1, line.Position2 = at(s.X, s.Y), at(s.X+s.W, s.Y+s.H)
			line.StrokeWidth = max(1, k*float32(s.LineWidth))
		case pdf.ShapePolygon:
			minX, minY, maxX, maxY := bounds(s.Points)
			o.Move(at(minX, minY))
			o.Resize(fyne.NewSize(k*float32(maxX-minX), k*float32(maxY-minY)))
		default:
			o.Move(at(s.X, s.Y))
			o.Resize(fyne.NewSize(k*float32(s.W), k*float32(s.H)))
			if rect, ok := o.(*canvas.Rectangle); ok && s.Kind == pdf.ShapeFrame {
				rect.StrokeWidth = max(1, k*float32(s.LineWidth))
			}
		}
	}
	for i, t := range f.Texts {
		txt := r.objects[len(f.Shapes)+i].(*canvas.Text)
		txt.TextSize = k * float32(t.Size*mmPerPt)
		// canvas.Text is placed by its top; the face gives the baseline.
		txt.Move(at(t.X, t.Y-t.Size*mmPerPt*0.93))
	}
}

func (r *previewRenderer) MinSize() fyne.Size { return fyne.NewSize(150, 150*88.9/63.5) }

func (r *previewRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

func (r *previewRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.border}, r.objects...)
}

func (r *previewRenderer) Destroy() {}

var (
	regular = fyne.NewStaticResource("LiberationSans-Regular.ttf", assets.FontRegular)
	bold    = fyne.NewStaticResource("LiberationSans-Bold.ttf", assets.FontBold)
)
