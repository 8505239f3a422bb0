package pdf

import (
	"math"
	"slices"
	"testing"

	"deckhand/game"
)

// On the report's matrix a card alone at its scores is drawn on them, read
// against the drawn scale: R19, rated 2 and 2, where the grid lines of 2
// cross; R29 (1.5 across, 4 up) halfway between the lines of 1 and 2, on
// the line of 4. R17 shares its spot (2, 4) with another table's marker:
// the two stand either side of it, near.
func TestReportMatrixMarkersStandOnTheScale(t *testing.T) {
	f := reportExample(t)
	r, pages := matrixPages(t, f, game.Results(f))
	d := readMatrix(t, r, pages[0])
	var across, up []float64 // the grid lines, 1 to 5
	for _, l := range d.lines {
		switch {
		case l.stroke == white && !l.dash && l.w == 0:
			across = append(across, l.x)
		case l.stroke == white && !l.dash && l.h == 0:
			up = append(up, l.y)
		}
	}
	slices.Sort(across)
	slices.Sort(up)
	slices.Reverse(up)
	if len(across) != 5 || len(up) != 5 {
		t.Fatalf("the grid has %d lines across and %d up, want 5 each", len(across), len(up))
	}
	centre := func(b game.Rect) (float64, float64) { return (b.X0 + b.X1) / 2, (b.Y0 + b.Y1) / 2 }
	markerNear := func(x, y float64) (game.Rect, float64) {
		best, dist := game.Rect{}, math.Inf(1)
		for _, b := range d.markers {
			cx, cy := centre(b)
			if h := math.Hypot(cx-x, cy-y); h < dist {
				best, dist = b, h
			}
		}
		return best, dist
	}
	step := across[1] - across[0]
	for _, c := range []struct {
		code string
		x, y float64
	}{{"R19", across[1], up[1]}, {"R29", (across[0] + across[1]) / 2, up[3]}, {"R03", across[3], up[1]}} {
		if _, dist := markerNear(c.x, c.y); dist > 0.05 {
			t.Errorf("%s is drawn %.2f mm off its scores (a score point is %.1f mm)", c.code, dist, step)
		}
	}
	// (2, 4): two markers, one either side, each well within half a step.
	var shared []game.Rect
	for _, b := range d.markers {
		if cx, cy := centre(b); math.Hypot(cx-across[1], cy-up[3]) < step/8 {
			shared = append(shared, b)
		}
	}
	if len(shared) != 2 {
		t.Fatalf("%d markers near (2, 4), want two tables'", len(shared))
	}
	l, _ := centre(shared[0])
	rt, _ := centre(shared[1])
	if math.Abs((l+rt)/2-across[1]) > 0.05 {
		t.Errorf("the two markers at (2, 4) stand round %.2f, not round the line of 2 at %.2f", (l+rt)/2, across[1])
	}
}
