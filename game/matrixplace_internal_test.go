package game

import (
	"math/rand/v2"
	"testing"
)

// The placement's insides, for its tests in package game_test.
var (
	// PlaceMatrixTrying is PlaceMatrix, and how many places each mark tried.
	PlaceMatrixTrying = placeMatrix
	// MatrixMarkerReach is how far a marker and its margin reach.
	MatrixMarkerReach = markerReach
)

// SpiralSize is how many places the spiral tries round a centre out to
// limit, for markers of radius r.
func SpiralSize(r, limit float64) int {
	n := 0
	spiral(0, 0, r, limit, func(float64, float64) bool { n++; return true })
	return n
}

// BareMatrix is the floor of a placement: what any placement does at
// least, grouping the points into marks and testing and entering each
// marker and its label at its scores in the occupancy grid. It returns
// how many clashed.
func BareMatrix(f MatrixFrame, pts []MatrixPoint) int {
	occ, clashes := newOccupancy(f.Plot, 4*f.Radius, 0), 0
	for _, m := range groupPoints(f, pts) {
		ext := Rect{m.IdealX - f.Radius, m.IdealY - f.Radius, m.IdealX + f.Radius, m.IdealY + f.Radius}
		w, h := f.Measure(m.Text)
		label := Rect{ext.X1 + f.Gap, m.IdealY - h/2, ext.X1 + f.Gap + w, m.IdealY + h/2}
		if occ.hits(ext) || occ.hits(label) {
			clashes++
		}
		occ.add(ext)
		occ.add(label)
	}
	return clashes
}

// A place the fine cells call walled is one where a marker would overlap
// what is taken: they only spare the test, and change no placement.
func TestWalledCentresWouldOverlap(t *testing.T) {
	field := Rect{X0: 20, Y0: 40, X1: 180, Y1: 200}
	reach := markerReach(MatrixFrame{Radius: 1.5, Gap: 0.5})
	rng := rand.New(rand.NewPCG(7, 8))
	at := func(lo, hi float64) float64 { return lo + rng.Float64()*(hi-lo) }
	occ := newOccupancy(field, 6, reach)
	walled := 0
	for range 300 {
		x, y := at(field.X0-5, field.X1), at(field.Y0-5, field.Y1)
		occ.add(Rect{x, y, x + at(0.5, 12), y + at(0.5, 4)})
		for range 50 {
			cx, cy := at(field.X0, field.X1), at(field.Y0, field.Y1)
			if !occ.walledAt(cx, cy) {
				continue
			}
			walled++
			if !occ.hits(Rect{cx - reach, cy - reach, cx + reach, cy + reach}) {
				t.Fatalf("%.4f,%.4f is walled, but a marker there overlaps nothing", cx, cy)
			}
		}
	}
	if walled < 1000 {
		t.Errorf("only %d of 15000 places walled in a field filling up", walled)
	}
}
