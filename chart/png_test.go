package chart

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"deckhand/game"
)

// near reports whether a pixel is c, give or take the rounding of its
// blending.
func near(img *image.RGBA, x, y int, c game.RGB) bool {
	p := img.RGBAAt(x, y)
	d := func(a, b uint8) bool { return math.Abs(float64(a)-float64(b)) <= 2 }
	return d(p.R, c.R) && d(p.G, c.G) && d(p.B, c.B)
}

// The PNG is as wide as asked and as high as the chart's aspect gives;
// read pixel by pixel, each quadrant has its colour at its centre, every
// marker its team's colour at its own, and every label dark strokes in
// its box.
func TestThePNGHasTheWidthAskedAndItsMarkersWhereThePlanPutThem(t *testing.T) {
	f, res := example(t)
	c := drawn(t, f, res, Options{Lang: "fi"})
	const width = 1200
	var b bytes.Buffer
	if err := c.WritePNG(&b, width); err != nil {
		t.Fatal(err)
	}
	decoded, err := png.Decode(&b)
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	w, h := c.Size()
	if got, want := decoded.Bounds().Size(), (image.Point{width, int(math.Round(width * h / w))}); got != want {
		t.Fatalf("the PNG is %v, want %v", got, want)
	}
	img := image.NewRGBA(decoded.Bounds())
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			img.Set(x, y, decoded.At(x, y))
		}
	}
	scale := width / w
	px := func(v float64) int { return int(v * scale) }
	covered := func(x, y float64) bool {
		for _, m := range c.plan.Marks {
			if around := (game.Rect{X0: x - 3, Y0: y - 3, X1: x + 3, Y1: y + 3}); around.Overlaps(m.LabelBox) || around.Overlaps(m.Extent(radius+2)) {
				return true
			}
		}
		return false
	}
	for q, r := range c.plan.Quadrants {
		cx, cy := (r.X0+r.X1)/2, (r.Y0+r.Y1)/2
		if covered(cx, cy) {
			t.Fatalf("a marker covers the centre of %s; the test needs it clear", q)
		}
		if !near(img, px(cx), px(cy), game.FieldFill(q)) {
			t.Errorf("the centre of %s is %v, want its colour %v", q, img.RGBAAt(px(cx), px(cy)), game.FieldFill(q))
		}
	}
	inQuadrant := map[string]int{}
	for _, m := range c.plan.Marks {
		col, _ := game.TeamStyle(m.Team)
		if !near(img, px(m.X), px(m.Y), col) {
			t.Errorf("the marker of %s is %v at its centre, want its team's colour %v", m.Text, img.RGBAAt(px(m.X), px(m.Y)), col)
		}
		dark := false
		for y := px(m.LabelBox.Y0); y <= px(m.LabelBox.Y1); y++ {
			for x := px(m.LabelBox.X0); x <= px(m.LabelBox.X1); x++ {
				p := img.RGBAAt(x, y)
				dark = dark || int(p.R)+int(p.G)+int(p.B) < 3*110
			}
		}
		if !dark {
			t.Errorf("the label %q has no dark stroke in its box", m.Label)
		}
		inQuadrant[m.Quadrant]++
	}
	if len(inQuadrant) != 4 {
		t.Errorf("the example's markers lie in %d quadrants, the test wants all four: %v", len(inQuadrant), inQuadrant)
	}
	if err := c.WritePNG(&b, MaxWidth+1); err == nil {
		t.Errorf("a PNG %d pixels wide was written", MaxWidth+1)
	}
}
