package widgets

import (
	"image/color"
	"testing"

	"deckhand/game"
	"deckhand/pdf"
)

// The shapes of the card preview (in a face's millimetres) and of the
// matrix markers (on the unit circle) colour the pixels inside them only,
// and leave the rest transparent in the colour's own model.
func TestShapesColourOnlyTheirInside(t *testing.T) {
	red := color.NRGBA{R: 200, A: 255}
	// A triangle pointing up in a 10 × 10 mm box: its apex at the top.
	tri := []pdf.Point{{X: 0, Y: 10}, {X: 10, Y: 10}, {X: 5, Y: 0}}
	if got := polygonPixel(tri, 5, 8, 10, 10, red); got != red {
		t.Errorf("the triangle's middle low down is %v; want %v", got, red)
	}
	if got := polygonPixel(tri, 0, 0, 10, 10, red); got != (color.NRGBA{}) {
		t.Errorf("the box's top left corner, outside the triangle, is %v; want transparent NRGBA", got)
	}
	diamond := []game.Point{{X: 0, Y: -1}, {X: 1, Y: 0}, {X: 0, Y: 1}, {X: -1, Y: 0}}
	if got := outlinePixel(diamond, 10, 10, 21, 21, red); got != red {
		t.Errorf("the diamond's centre is %v; want %v", got, red)
	}
	if got := outlinePixel(diamond, 0, 20, 21, 21, red); got != (color.NRGBA{}) {
		t.Errorf("the diamond's bottom left corner is %v; want transparent NRGBA", got)
	}
}
