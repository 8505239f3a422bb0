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

	"deckhand/game"
)

// MatrixPoint is one rated play on the matrix: its scores on the two axes
// (X across, Y up) with their spread and how many people rated, its label
// (the card's code) and its team (which picks the colour and the shape).
type MatrixPoint = game.MatrixPoint

// TeamColour is a team's colour from the palette shared with the report
// (game.TeamPalette): at least 3:1 against the light and the dark theme.
func TeamColour(team int) color.NRGBA {
	c, _ := game.TeamStyle(team)
	return color.NRGBA{c.R, c.G, c.B, 255}
}

// Matrix draws the desirability × feasibility matrix: the scale on both
// axes, the four quadrants split at the scale's midpoint and named, and a
// marker per team and scores where game.PlaceMatrix puts it (wholly in
// its quadrant, one table's equal plays as one marker with a count), its
// spread where several people rated, and its label beside it or a number
// that the key under the plot explains. A mark with no room near its
// scores is not drawn: the key lists it first, under OffTitle. The key
// takes at most a third of the height and scrolls when it is longer:
// nothing is drawn outside the matrix. Tapping near a marker calls
// OnTapped with the index of its first point.
type Matrix struct {
	widget.BaseWidget
	Min, Max       float64
	XLabel, YLabel string
	// Quadrants names the quadrants: high-high, high Y and low X, low Y and
	// high X, low-low.
	Quadrants [4]string
	// KeyTitle heads the key to the numbered markers; OffTitle the list
	// of those with no room on the matrix near their scores.
	KeyTitle, OffTitle string
	// Decimal writes a score in the key as the interface language does
	// ("3,5" in Swedish and Finnish); nil writes "3.5".
	Decimal  func(float64) string
	Points   []MatrixPoint
	OnTapped func(i int)
	// Scale draws the texts, markers and margins that many times their
	// size on a screen (0 is 1): the room view's projector is read from the
	// back of a room.
	Scale float32

	plan game.MatrixPlan // as last laid out
}

// NewMatrix makes an empty matrix for a scale.
func NewMatrix(min, max float64) *Matrix {
	m := &Matrix{Min: min, Max: max}
	m.ExtendBaseWidget(m)
	return m
}

// k is the scale the matrix is drawn at.
func (m *Matrix) k() float32 { return atScale(m.Scale, 1) }

// px is a length of the matrix at its scale.
func (m *Matrix) px(v float32) float32 { return atScale(m.Scale, v) }

// atScale is a length v of a widget drawn at scale, 0 being 1.
func atScale(scale, v float32) float32 {
	if scale <= 0 {
		return v
	}
	return v * scale
}

// caption is the size of its texts.
func (m *Matrix) caption() float32 { return m.px(appSize(theme.SizeNameCaptionText)) }

// appSize is a size of the app's theme. The matrix enlarges itself by its
// Scale; theme.Size would be a theme override's while the override lays
// the matrix out and the app's when it is refreshed from elsewhere, so in
// the room view's enlarged theme the matrix would be scaled twice, and
// only at times.
func appSize(name fyne.ThemeSizeName) float32 {
	if th := fyne.CurrentApp().Settings().Theme(); th != nil {
		return th.Size(name)
	}
	return theme.DefaultTheme().Size(name)
}

// Tapped is part of fyne.Tappable: the nearest marker within reach.
func (m *Matrix) Tapped(e *fyne.PointEvent) {
	if m.OnTapped == nil {
		return
	}
	best, bestDist := -1, float64(m.px(16))
	for _, mk := range m.plan.Marks {
		if mk.Off {
			continue
		}
		if d := math.Hypot(mk.X-float64(e.Position.X), mk.Y-float64(e.Position.Y)); d < bestDist {
			best, bestDist = mk.Points[0], d
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

const (
	margin       = 44  // room for the axis labels
	markerRadius = 6   // px: every marker shape lies within it
	labelGap     = 2   // px between a marker and its label, and round labels
	scalePad     = 0.3 // score units beyond the scale, so markers at its ends are whole
	keyColumn    = 170 // px a column of the key takes at least
	keyIndent    = 14  // px from an entry's marker to its text
	keyColumnGap = 12  // px between the widest entry and the next column
)

// plotArea leaves keyH pixels under the axis label for the key.
func (m *Matrix) plotArea(size fyne.Size, keyH float32) plot {
	mg, top := m.px(margin), m.px(26)
	return plot{x: mg, y: top, w: max(10, size.Width-mg-m.px(36)), h: max(10, size.Height-mg-top-keyH)}
}

// at turns scale values into a position: X grows to the right, Y upwards.
func (p plot) at(m *Matrix, x, y float64) fyne.Position {
	f := m.frame(p)
	return fyne.NewPos(float32(f.PosX(x)), float32(f.PosY(y)))
}

// frame is the plot as the placement sees it.
func (m *Matrix) frame(p plot) game.MatrixFrame {
	lo, hi := m.Min-scalePad, m.Max+scalePad
	if hi <= lo {
		hi = lo + 1
	}
	size := m.caption()
	return game.MatrixFrame{
		Plot: game.Rect{X0: float64(p.x), Y0: float64(p.y), X1: float64(p.x + p.w), Y1: float64(p.y + p.h)},
		XLo:  lo, XHi: hi, YLo: lo, YHi: hi, Midpoint: (m.Min + m.Max) / 2, Radius: float64(m.px(markerRadius)), Gap: float64(m.px(labelGap)),
		Measure: func(s string) (float64, float64) {
			sz := fyne.MeasureText(s, size, fyne.TextStyle{Bold: true})
			return float64(sz.Width), float64(sz.Height)
		},
	}
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
	// per mark: there is one mark per team and scores, so as many as the
	// points have distinct ones
	marks     []game.MatrixMark
	spreads   []*canvas.Line // two a mark, hidden without a spread
	markers   []fyne.CanvasObject
	labels    []*canvas.Text
	keyTitle  *canvas.Text
	offTitle  *canvas.Text
	keyMarks  []fyne.CanvasObject // a mark's marker in the key, hidden unless listed there
	keyTexts  []*canvas.Text      // its number and text in the key
	keyHeight float32             // the height under the plot the key takes
	// the key's titles and entries, in the scroll that holds them
	keyContent *fyne.Container
	keySize    *fixedSize
	keyScroll  *container.Scroll
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
		r.quadNames[i].TextSize = m.caption()
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
			t.TextSize = m.caption()
			r.ticks = append(r.ticks, t)
			r.objects = append(r.objects, t)
		}
	}
	for i, l := range []string{m.XLabel, m.YLabel} {
		r.axisLabels[i] = canvas.NewText(l, fg)
		r.axisLabels[i].TextStyle = fyne.TextStyle{Bold: true}
		r.axisLabels[i].TextSize = m.px(appSize(theme.SizeNameText))
		r.objects = append(r.objects, r.axisLabels[i])
	}
	// The marks do not depend on the size: group them once to know them.
	r.marks = game.MatrixMarks(m.frame(m.plotArea(fyne.NewSize(800, 800), 0)), m.Points)
	r.spreads, r.markers, r.labels, r.keyMarks, r.keyTexts = nil, nil, nil, nil, nil
	alpha, width := uint8(150), m.px(1.5)
	if len(r.marks) > 40 { // fainter, or the spread hides the markers
		alpha, width = 70, m.px(1)
	}
	for _, mk := range r.marks {
		c := TeamColour(mk.Team)
		for range 2 {
			l := canvas.NewLine(color.NRGBA{c.R, c.G, c.B, alpha}) // the spread stays behind the markers
			l.StrokeWidth = width
			r.spreads = append(r.spreads, l)
			r.objects = append(r.objects, l)
		}
	}
	r.keyTitle = canvas.NewText(m.KeyTitle, fg)
	r.keyTitle.TextStyle = fyne.TextStyle{Bold: true}
	r.keyTitle.TextSize = m.caption()
	r.offTitle = canvas.NewText(m.OffTitle, fg)
	r.offTitle.TextStyle = fyne.TextStyle{Bold: true}
	r.offTitle.TextSize = m.caption()
	for _, mk := range r.marks {
		_, shape := game.TeamStyle(mk.Team)
		c := TeamColour(mk.Team)
		marker := markerObject(shape, c)
		label := canvas.NewText(mk.Text, fg)
		label.TextStyle = fyne.TextStyle{Bold: true}
		label.TextSize = m.caption()
		keyMarker := markerObject(shape, c)
		keyText := canvas.NewText("", fg)
		keyText.TextSize = m.caption()
		r.markers, r.labels = append(r.markers, marker), append(r.labels, label)
		r.keyMarks, r.keyTexts = append(r.keyMarks, keyMarker), append(r.keyTexts, keyText)
		r.objects = append(r.objects, marker, label)
	}
	r.newKey()
	r.objects = append(r.objects, r.keyScroll)
}

// markerObject draws a team's marker: a circle directly, the other shapes
// of game.ShapeOutline as a small raster.
func markerObject(shape int, c color.NRGBA) fyne.CanvasObject {
	points := game.ShapeOutline(shape)
	if points == nil {
		return canvas.NewCircle(c)
	}
	return canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		return outlinePixel(points, x, y, w, h, c)
	})
}

// outlinePixel colours the pixels of a raster, spanning the unit circle's
// box, that fall inside an outline.
func outlinePixel(points []game.Point, x, y, w, h int, c color.Color) color.Color {
	px, py := -1+2*(float64(x)+0.5)/float64(w), -1+2*(float64(y)+0.5)/float64(h)
	corner := func(i int) (float64, float64) { return points[i].X, points[i].Y }
	return shapeColour(insidePolygon(len(points), corner, px, py), c)
}

// keyShare is the most of the matrix's height the key under the plot
// takes: a key given all it asks for squeezes the plot until nothing on
// it has room and every mark goes to the key. What does not fit is
// scrolled to.
const keyShare = 1.0 / 3

// place lays the marks out in size, leaving room under the plot for as
// many rows of the key as the placement needs (it needs fewer the more
// room the plot has, so a few rounds settle it), up to keyShare.
func (r *matrixRenderer) place(size fyne.Size) (plot, game.MatrixPlan) {
	m := r.m
	var keyH float32
	for range 4 {
		p := m.plotArea(size, keyH)
		f := m.frame(p)
		f.Obstacles = r.nameBoxes(p, f)
		plan := game.PlaceMatrix(f, m.Points)
		need := r.keyLayout(size, plan).height
		if need <= keyH || keyH >= size.Height*keyShare {
			r.keyHeight = keyH
			return p, plan
		}
		keyH = min(need, size.Height*keyShare)
	}
	p := m.plotArea(size, keyH)
	f := m.frame(p)
	f.Obstacles = r.nameBoxes(p, f)
	r.keyHeight = keyH
	return p, game.PlaceMatrix(f, m.Points)
}

// quadrantBoxes are the fields, in the order of Quadrants.
func quadrantBoxes(p plot, f game.MatrixFrame) [4]game.Rect {
	mx, my := f.PosX(f.Midpoint), f.PosY(f.Midpoint)
	x0, y0, x1, y1 := float64(p.x), float64(p.y), float64(p.x+p.w), float64(p.y+p.h)
	return [4]game.Rect{
		{X0: mx, Y0: y0, X1: x1, Y1: my}, // high Y, high X: top right
		{X0: x0, Y0: y0, X1: mx, Y1: my}, // high Y, low X: top left
		{X0: mx, Y0: my, X1: x1, Y1: y1}, // low Y, high X: bottom right
		{X0: x0, Y0: my, X1: mx, Y1: y1}, // low, low: bottom left
	}
}

// nameBoxes are where the quadrants' names go, kept clear of markers.
func (r *matrixRenderer) nameBoxes(p plot, f game.MatrixFrame) []game.Rect {
	var boxes []game.Rect
	for i, q := range quadrantBoxes(p, f) {
		s := r.quadNames[i].MinSize()
		k := float64(r.m.k())
		boxes = append(boxes, game.Rect{X0: q.X0 + 4*k, Y0: q.Y0 + 2*k, X1: q.X0 + 8*k + float64(s.Width), Y1: q.Y0 + 6*k + float64(s.Height)})
	}
	return boxes
}

func (r *matrixRenderer) Layout(size fyne.Size) {
	m := r.m
	p, plan := r.place(size)
	m.plan = plan
	f := m.frame(p)
	for i, b := range quadrantBoxes(p, f) {
		r.quads[i].Move(fyne.NewPos(float32(b.X0), float32(b.Y0)))
		r.quads[i].Resize(fyne.NewSize(float32(b.X1-b.X0), float32(b.Y1-b.Y0)))
		r.quadNames[i].Move(fyne.NewPos(float32(b.X0)+m.px(6), float32(b.Y0)+m.px(4)))
	}
	r.axes[0].Position1, r.axes[0].Position2 = fyne.NewPos(p.x, p.y+p.h), fyne.NewPos(p.x+p.w, p.y+p.h)
	r.axes[1].Position1, r.axes[1].Position2 = fyne.NewPos(p.x, p.y), fyne.NewPos(p.x, p.y+p.h)
	i := 0
	for v := math.Ceil(m.Min); v <= m.Max; v++ {
		at := p.at(m, v, v)
		r.ticks[i].Move(fyne.NewPos(at.X-m.px(3), p.y+p.h+m.px(2)))
		r.ticks[i+1].Move(fyne.NewPos(p.x-m.px(14), at.Y-m.px(8)))
		i += 2
	}
	r.axisLabels[0].Move(fyne.NewPos(p.x+p.w/2-r.axisLabels[0].MinSize().Width/2, p.y+p.h+m.px(18)))
	r.axisLabels[1].Move(fyne.NewPos(m.px(2), m.px(2))) // above the plot, clear of the quadrant names
	for j, mk := range plan.Marks {
		if j >= len(r.markers) {
			break
		}
		r.labels[j].Hidden = mk.Off
		if mk.Off {
			r.markers[j].Hide()
		} else {
			r.markers[j].Show()
		}
		rad := m.px(markerRadius)
		d := 2 * rad
		r.markers[j].Move(fyne.NewPos(float32(mk.X)-rad, float32(mk.Y)-rad))
		r.markers[j].Resize(fyne.NewSize(d, d))
		r.setText(r.labels[j], mk.Label)
		r.labels[j].Move(fyne.NewPos(float32(mk.LabelBox.X0), float32(mk.LabelBox.Y0)))
		x, y := r.spreads[2*j], r.spreads[2*j+1]
		x.Hidden, y.Hidden = !mk.HasXBar, !mk.HasYBar
		x.Position1, x.Position2 = fyne.NewPos(float32(mk.XBar[0]), float32(mk.Y)), fyne.NewPos(float32(mk.XBar[1]), float32(mk.Y))
		y.Position1, y.Position2 = fyne.NewPos(float32(mk.X), float32(mk.YBar[0])), fyne.NewPos(float32(mk.X), float32(mk.YBar[1]))
	}
	r.layoutKey(size, plan, p.y+p.h+m.px(margin-4))
}

// setText changes a text and redraws it only when it changed.
func (r *matrixRenderer) setText(t *canvas.Text, s string) {
	if t.Text != s {
		t.Text = s
		t.Refresh()
	}
}

func (r *matrixRenderer) MinSize() fyne.Size { return fyne.NewSize(r.m.px(320), r.m.px(280)) }

func (r *matrixRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *matrixRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *matrixRenderer) Destroy() {}
