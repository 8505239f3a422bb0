package game_test

import (
	"fmt"
	"testing"
	"time"

	"deckhand/game"
)

// However crowded the matrix, no mark tries more places than the spiral
// holds within 5 radii (for its label beside it) and within MatrixReach
// (for its number): the work for a mark does not grow with the marks.
func TestMatrixTriesABoundedNumberOfPlacesForEachMark(t *testing.T) {
	f := crowdedFrame()
	bound := game.SpiralSize(f.Radius, 5*f.Radius) + game.SpiralSize(f.Radius, game.MatrixReach*f.Radius)
	for _, n := range []int{200, 800, 3200} {
		p, tried := game.PlaceMatrixTrying(f, crowdedPoints(n))
		most, sum := 0, 0
		for _, k := range tried {
			most, sum = max(most, k), sum+k
		}
		if most > bound {
			t.Errorf("%d points: a mark tried %d places, more than the %d within reach", n, most, bound)
		}
		if n == 3200 && len(p.Off) == 0 {
			t.Errorf("%d points: every one of %d marks found room", n, len(p.Marks))
		}
		t.Logf("%d points, %d marks: %d in the key, %d left off; %.0f places tried a mark, at most %d", n, len(p.Marks), len(p.Key), len(p.Off),
			float64(sum)/float64(len(p.Marks)), most)
	}
}

// BenchmarkPlaceMatrix lays out 200 to 1,600 plays of 8 tables on the
// report's matrix (place-µs/point should stay the same as they grow); the
// floor, in the same loop, is game.BareMatrix: the marks, each entered at
// its scores with its label.
func BenchmarkPlaceMatrix(b *testing.B) {
	for _, n := range []int{200, 400, 800, 1600} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f, pts := crowdedFrame(), crowdedPoints(n)
			var took [2]time.Duration // placing, and the floor
			rounds := 0
			for b.Loop() {
				start := time.Now()
				game.PlaceMatrix(f, pts)
				mid := time.Now()
				game.BareMatrix(f, pts)
				took[0], took[1] = took[0]+mid.Sub(start), took[1]+time.Since(mid)
				rounds++
			}
			perOp := float64(rounds) * float64(time.Microsecond)
			for i, unit := range []string{"place-µs/op", "bare-µs/op"} {
				b.ReportMetric(float64(took[i])/perOp, unit)
			}
			b.ReportMetric(float64(took[0])/float64(took[1]), "ratio")
			b.ReportMetric(float64(took[0])/perOp/float64(n), "place-µs/point")
		})
	}
}
