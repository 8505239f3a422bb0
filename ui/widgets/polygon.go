package widgets

import "image/color"

// insidePolygon reports whether the point (px, py) lies inside the polygon
// of n corners that corner gives, by the even-odd rule. The card preview
// and the matrix markers both draw their shapes as rasters with it.
func insidePolygon(n int, corner func(i int) (x, y float64), px, py float64) bool {
	inside := false
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		ax, ay := corner(i)
		bx, by := corner(j)
		if (ay > py) != (by > py) && px < (bx-ax)*(py-ay)/(by-ay)+ax {
			inside = !inside
		}
	}
	return inside
}

// shapeColour is c inside a shape and transparent outside it.
func shapeColour(inside bool, c color.Color) color.Color {
	if inside {
		return c
	}
	// Transparent in the colour's own model: Fyne picks the raster's image
	// type from the first pixel, and color.Transparent (an Alpha16) would
	// make it an alpha mask that draws every shape in white.
	return color.NRGBA{}
}
