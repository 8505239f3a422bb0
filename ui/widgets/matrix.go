package widgets

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/pdf"
)

// MatrixPoint is one rated play on the matrix: its scores on the two axes
// with their spread, its label (the card's code) and its team.
type MatrixPoint struct {
	Label      string
	X, Y       float64 // means: X across, Y up
	XMin, XMax float64 // the spread of X (lowest and highest rating)
	YMin, YMax float64
	Team       int // index into the teams: picks the colour and the marker's shape
}

// TeamColours are told apart by people with the common colour-vision
// deficiencies (the Okabe–Ito palette); each team also has its own marker
// shape, so colour is never the only sign.
var TeamColours = []color.NRGBA{
	{0, 114, 178, 255},   // blue
	{230, 159, 0, 255},   // orange
	{0, 158, 115, 255},   // bluish green
	{204, 121, 167, 255}, // reddish purple
	{213, 94, 0, 255},    // vermillion
	{86, 180, 233, 255},  // sky blue
	{120, 120, 120, 255}, // grey
	{240, 228, 66, 255},  // yellow
}

// TeamShapes are the marker shapes, by team, in the order of TeamColours.
var TeamShapes = []string{"circle", "square", "triangle", "diamond", "hexagon"}

// Matrix draws the desirability × feasibility matrix: the scale on both
// axes, the four quadrants split at the scale's midpoint and named, and a
// marker per rated play with its spread. Tapping near a marker calls
// OnTapped with its index.
type Matrix struct {
	widget.BaseWidget
	Min, Max       float64
	XLabel, YLabel string
	// Quadrants names the quadrants: high-high, high Y and low X, low Y and
	// high X, low-low.
	Quadrants [4]string
	Points    []MatrixPoint
	OnTapped  func(i int)
}

// NewMatrix makes an empty matrix for a scale.
func NewMatrix(min, max float64) *Matrix {
	m := &Matrix{Min: min, Max: max}
	m.ExtendBaseWidget(m)
	return m
}

// Tapped is part of fyne.Tappable: the nearest marker within reach.
func (m *Matrix) Tapped(e *fyne.PointEvent) {
	if m.OnTapped == nil {
		return
	}
	plot := m.plotArea(m.Size())
	best, bestDist := -1, float32(16)
	for i, p := range m.Points {
		at := plot.at(m, p.X, p.Y)
		if d := float32(math.Hypot(float64(at.X-e.Position.X), float64(at.Y-e.Position.Y))); d < bestDist {
			best, bestDist = i, d
		}
	}
	if best >= 0 {
		m.OnTapped(best)
	}
}

// CreateRenderer is part of fyne.Widget.
func (m *Matrix) CreateRenderer() fyne.WidgetRenderer {
	r := &matrixRenderer{m: m}
	r.rebuild()
	return r
}

// plot is where the scale is drawn inside the widget.
type plot struct{ x, y, w, h float32 }

const margin = 44 // room for the axis labels

func (m *Matrix) plotArea(size fyne.Size) plot {
	return plot{x: margin, y: 26, w: max(10, size.Width-margin-36), h: max(10, size.Height-margin-26)}
}

// at turns scale values into a position: X grows to the right, Y upwards.
func (p plot) at(m *Matrix, x, y float64) fyne.Position {
	span := m.Max - m.Min
	if span <= 0 {
		span = 1
	}
	fx, fy := (x-m.Min)/span, (y-m.Min)/span
	return fyne.NewPos(p.x+float32(fx)*p.w, p.y+p.h-float32(fy)*p.h)
}

type matrixRenderer struct {
	m       *Matrix
	objects []fyne.CanvasObject
	// parts, kept for Layout
	quads      [4]*canvas.Rectangle
	quadNames  [4]*canvas.Text
	axes       [2]*canvas.Line
	ticks      []*canvas.Text
	axisLabels [2]*canvas.Text
	spreads    []*canvas.Line // two a point
	markers    []fyne.CanvasObject
	labels     []*canvas.Text
}

func (r *matrixRenderer) rebuild() {
	m := r.m
	fg := theme.Color(theme.ColorNameForeground)
	tints := []color.NRGBA{{0, 158, 115, 40}, {230, 159, 0, 36}, {86, 180, 233, 36}, {120, 120, 120, 30}}
	r.objects = nil
	for i := range r.quads {
		r.quads[i] = canvas.NewRectangle(tints[i])
		r.quadNames[i] = canvas.NewText(m.Quadrants[i], fg)
		r.quadNames[i].TextStyle = fyne.TextStyle{Bold: true}
		r.quadNames[i].TextSize = theme.CaptionTextSize()
		r.objects = append(r.objects, r.quads[i], r.quadNames[i])
	}
	for i := range r.axes {
		r.axes[i] = canvas.NewLine(fg)
		r.axes[i].StrokeWidth = 1
		r.objects = append(r.objects, r.axes[i])
	}
	r.ticks = nil
	for v := math.Ceil(m.Min); v <= m.Max; v++ {
		for range 2 {
			t := canvas.NewText(fmt.Sprint(v), fg)
			t.TextSize = theme.CaptionTextSize()
			r.ticks = append(r.ticks, t)
			r.objects = append(r.objects, t)
		}
	}
	for i, l := range []string{m.XLabel, m.YLabel} {
		r.axisLabels[i] = canvas.NewText(l, fg)
		r.axisLabels[i].TextStyle = fyne.TextStyle{Bold: true}
		r.objects = append(r.objects, r.axisLabels[i])
	}
	r.spreads, r.markers, r.labels = nil, nil, nil
	for _, p := range m.Points {
		c := TeamColours[p.Team%len(TeamColours)]
		for range 2 {
			l := canvas.NewLine(color.NRGBA{c.R, c.G, c.B, 150}) // the spread stays behind the markers
			l.StrokeWidth = 1.5
			r.spreads = append(r.spreads, l)
			r.objects = append(r.objects, l)
		}
		marker := markerObject(TeamShapes[p.Team%len(TeamShapes)], c)
		label := canvas.NewText(p.Label, fg)
		label.TextStyle = fyne.TextStyle{Bold: true}
		label.TextSize = theme.CaptionTextSize()
		r.markers, r.labels = append(r.markers, marker), append(r.labels, label)
		r.objects = append(r.objects, marker, label)
	}
}

// markerObject draws a team's marker: a circle or square directly, other
// shapes as a small raster.
func markerObject(shape string, c color.NRGBA) fyne.CanvasObject {
	switch shape {
	case "circle":
		return canvas.NewCircle(c)
	case "square":
		return canvas.NewRectangle(c)
	}
	points := shapePoints(shape)
	return canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		return polygonPixel(points, x, y, w, h, c)
	})
}

// shapePoints outlines a marker in a unit box.
func shapePoints(shape string) []pdf.Point {
	switch shape {
	case "triangle":
		return []pdf.Point{{X: 0.5, Y: 0}, {X: 1, Y: 1}, {X: 0, Y: 1}}
	case "diamond":
		return []pdf.Point{{X: 0.5, Y: 0}, {X: 1, Y: 0.5}, {X: 0.5, Y: 1}, {X: 0, Y: 0.5}}
	}
	return []pdf.Point{{X: 0.25, Y: 0}, {X: 0.75, Y: 0}, {X: 1, Y: 0.5}, {X: 0.75, Y: 1}, {X: 0.25, Y: 1}, {X: 0, Y: 0.5}}
}

func (r *matrixRenderer) Layout(size fyne.Size) {
	m := r.m
	p := m.plotArea(size)
	mid := (m.Min + m.Max) / 2
	c := p.at(m, mid, mid)
	boxes := [4][4]float32{
		{c.X, p.y, p.x + p.w - c.X, c.Y - p.y},       // high Y, high X: top right
		{p.x, p.y, c.X - p.x, c.Y - p.y},             // high Y, low X: top left
		{c.X, c.Y, p.x + p.w - c.X, p.y + p.h - c.Y}, // low Y, high X: bottom right
		{p.x, c.Y, c.X - p.x, p.y + p.h - c.Y},       // low, low: bottom left
	}
	for i, b := range boxes {
		r.quads[i].Move(fyne.NewPos(b[0], b[1]))
		r.quads[i].Resize(fyne.NewSize(b[2], b[3]))
		r.quadNames[i].Move(fyne.NewPos(b[0]+6, b[1]+4))
	}
	r.axes[0].Position1, r.axes[0].Position2 = fyne.NewPos(p.x, p.y+p.h), fyne.NewPos(p.x+p.w, p.y+p.h)
	r.axes[1].Position1, r.axes[1].Position2 = fyne.NewPos(p.x, p.y), fyne.NewPos(p.x, p.y+p.h)
	i := 0
	for v := math.Ceil(m.Min); v <= m.Max; v++ {
		at := p.at(m, v, v)
		r.ticks[i].Move(fyne.NewPos(at.X-3, p.y+p.h+2))
		r.ticks[i+1].Move(fyne.NewPos(p.x-14, at.Y-8))
		i += 2
	}
	r.axisLabels[0].Move(fyne.NewPos(p.x+p.w/2-r.axisLabels[0].MinSize().Width/2, p.y+p.h+18))
	r.axisLabels[1].Move(fyne.NewPos(2, 2)) // above the plot, clear of the quadrant names
	const markerSize = 12
	for j, pt := range m.Points {
		at := p.at(m, pt.X, pt.Y)
		lo, hi := p.at(m, pt.XMin, pt.YMin), p.at(m, pt.XMax, pt.YMax)
		r.spreads[2*j].Position1, r.spreads[2*j].Position2 = fyne.NewPos(lo.X, at.Y), fyne.NewPos(hi.X, at.Y)
		r.spreads[2*j+1].Position1, r.spreads[2*j+1].Position2 = fyne.NewPos(at.X, lo.Y), fyne.NewPos(at.X, hi.Y)
		r.markers[j].Move(fyne.NewPos(at.X-markerSize/2, at.Y-markerSize/2))
		r.markers[j].Resize(fyne.NewSize(markerSize, markerSize))
		r.labels[j].Move(nudge(fyne.NewPos(at.X+markerSize/2+2, at.Y-markerSize-2), r.labels[j].MinSize(), r.labels[:j]))
	}
}

// nudge moves a label down until it no longer covers a label already
// placed, so plays on the same spot stay readable.
func nudge(pos fyne.Position, size fyne.Size, placed []*canvas.Text) fyne.Position {
	for range len(placed) + 1 {
		clash := false
		for _, o := range placed {
			op, os := o.Position(), o.MinSize()
			if pos.X < op.X+os.Width && op.X < pos.X+size.Width && pos.Y < op.Y+os.Height && op.Y < pos.Y+size.Height {
				pos.Y = op.Y + os.Height
				clash = true
			}
		}
		if !clash {
			break
		}
	}
	return pos
}

func (r *matrixRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 280) }

func (r *matrixRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *matrixRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *matrixRenderer) Destroy() {}

// Legend is a row naming each team with its marker, in its colour.
func Legend(teams []string) fyne.CanvasObject {
	row := container.NewHBox()
	for i, name := range teams {
		c := TeamColours[i%len(TeamColours)]
		marker := markerObject(TeamShapes[i%len(TeamShapes)], c)
		row.Add(container.NewGridWrap(fyne.NewSize(12, 12), marker))
		// A label, not canvas text: it takes the theme's colour and size
		// again when the theme changes.
		row.Add(widget.NewLabel(name))
	}
	return row
}
