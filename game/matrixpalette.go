package game

import "math"

// The teams' colours and marker shapes on the desirability × feasibility
// matrix, shared by the report and the screen so a table looks the same
// on paper and in the app.

// RGB is a colour of 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// TeamPalette is the Okabe–Ito palette, which readers with the common
// colour-vision deficiencies tell apart, with orange, sky blue, reddish
// purple and yellow darkened (yellow to olive) so that every colour has a
// contrast of at least 3:1 both against white paper or the light theme
// and against the dark theme's background: a marker never vanishes.
var TeamPalette = []RGB{
	{0, 114, 178},   // blue
	{213, 94, 0},    // vermillion
	{0, 158, 115},   // bluish green
	{196, 105, 155}, // reddish purple, darkened
	{190, 125, 0},   // orange, darkened
	{40, 150, 205},  // sky blue, darkened
	{128, 128, 128}, // grey
	{140, 140, 20},  // yellow, darkened to olive
}

// The backgrounds the palette is checked against: paper and the light
// theme, and Fyne's dark theme.
var (
	LightBackground = RGB{255, 255, 255}
	DarkBackground  = RGB{0x17, 0x17, 0x18}
)

// Luminance is a colour's relative luminance as WCAG 2 defines it.
func Luminance(c RGB) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := Luminance(a), Luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Marker shapes, in the order the teams get them.
const (
	ShapeCircle = iota
	ShapeSquare
	ShapeTriangle
	ShapeDiamond
	ShapeTriangleDown
	ShapeHexagon
	ShapeStar
	ShapePentagon
	MarkerShapes // how many there are
)

// TeamStyle is the colour and the marker shape of the i-th team: beyond
// the eighth team the shapes shift, so no two of the first 64 teams look
// the same.
func TeamStyle(i int) (RGB, int) {
	if i < 0 {
		i = 0
	}
	return TeamPalette[i%len(TeamPalette)], (i + i/len(TeamPalette)) % MarkerShapes
}

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// ShapeOutline is a marker shape as a polygon round (0, 0) inside the
// unit circle, y pointing down, so a marker of radius r never reaches
// further than r from its centre; nil for the circle.
func ShapeOutline(shape int) []Point {
	regular := func(n int, start, r float64) []Point {
		pts := make([]Point, n)
		for i := range pts {
			a := start + 2*math.Pi*float64(i)/float64(n)
			pts[i] = Point{r * math.Cos(a), r * math.Sin(a)}
		}
		return pts
	}
	up, down := -math.Pi/2, math.Pi/2
	switch shape % MarkerShapes {
	case ShapeSquare:
		return regular(4, math.Pi/4, 1)
	case ShapeTriangle:
		return regular(3, up, 1)
	case ShapeDiamond:
		return regular(4, up, 1)
	case ShapeTriangleDown:
		return regular(3, down, 1)
	case ShapeHexagon:
		return regular(6, 0, 1)
	case ShapeStar:
		outer, inner := regular(5, up, 1), regular(5, up+math.Pi/5, 0.45)
		var pts []Point
		for i := range outer {
			pts = append(pts, outer[i], inner[i])
		}
		return pts
	case ShapePentagon:
		return regular(5, up, 1)
	}
	return nil
}

// QuadrantColours name the matrix's four quadrants, and, lightened
// (FieldFill), shade them: on the report's page and in the chart.
var QuadrantColours = map[string]RGB{
	QuadrantDoNow:         {0, 125, 80},
	QuadrantMakeFeasible:  {0, 95, 160},
	QuadrantMakeDesirable: {175, 105, 0},
	QuadrantPark:          {105, 105, 105},
}

// NoQuadrant is the grey of a field that is no quadrant of the game: on
// axes that are not one the customer's and the other the organisation's.
var NoQuadrant = RGB{94, 94, 94}

// FieldFill shades a field of the matrix, quadrant q ("" for none):
// its colour nine tenths of the way to white, light enough that every
// team's marker stands out on it.
func FieldFill(q string) RGB {
	c, ok := QuadrantColours[q]
	if !ok {
		c = NoQuadrant
	}
	return c.Lighter(0.9)
}

// Lighter is the colour mixed with white, t of the way (0 itself, 1 white).
func (c RGB) Lighter(t float64) RGB {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*t + 0.5) }
	return RGB{mix(c.R), mix(c.G), mix(c.B)}
}
