package pdf

import (
	"io"
	"testing"

	"deckhand/cards"
)

// Each back must land exactly behind its front once the sheet is turned:
// columns mirror for a long-edge flip, rows for a short-edge flip, and the
// printer's measured offset moves every back. An upright card's back turns
// a half turn on a short-edge flip; a card lying sideways (gapped poker on
// A4) the other way round: a half turn on a long-edge flip, none on a short.
func TestBacksLandBehindTheirFronts(t *testing.T) {
	cases := []struct {
		name      string
		opts      func(*CardOptions)
		mirrorX   bool
		mirrorY   bool
		extraTurn int
		dx, dy    float64 // expected shift of the back on its page
	}{
		{"duplex long edge", func(o *CardOptions) { o.Backs = BacksDuplexLong }, true, false, 0, 0, 0},
		{"duplex short edge", func(o *CardOptions) { o.Backs = BacksDuplexShort }, false, true, 180, 0, 0},
		{"long edge with offset", func(o *CardOptions) { o.Backs, o.OffsetX, o.OffsetY = BacksDuplexLong, 1.5, -0.5 }, true, false, 0, 1.5, 0.5},
		{"short edge with offset", func(o *CardOptions) { o.Backs, o.OffsetX, o.OffsetY = BacksDuplexShort, 1.5, -0.5 }, false, true, 180, -1.5, -0.5},
		{"gapped, turned cards", func(o *CardOptions) { o.Backs, o.Layout, o.Bleed = BacksDuplexLong, LayoutGapped, 3 }, true, false, 180, 0, 0},
		{"gapped short edge", func(o *CardOptions) { o.Backs, o.Layout, o.Bleed = BacksDuplexShort, LayoutGapped, 3 }, false, true, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := DefaultCardOptions()
			c.opts(&o)
			fronts, backs := map[int]placement{}, map[int]placement{}
			_, err := printCardSheets(io.Discard, firstCards(testDeck(t), 7), o, func(back bool, i int, pl placement) {
				if back {
					backs[i] = pl
				} else {
					fronts[i] = pl
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			page := o.Paper
			if len(backs) != 7 || len(fronts) != 7 {
				t.Fatalf("%d fronts, %d backs; want 7 each", len(fronts), len(backs))
			}
			for i, f := range fronts {
				b := backs[i]
				wantX, wantY := f.x, f.y
				if c.mirrorX {
					wantX = page.W - f.x - f.w
				}
				if c.mirrorY {
					wantY = page.H - f.y - f.h
				}
				wantX, wantY = wantX+c.dx, wantY+c.dy
				if !near(b.x, wantX) || !near(b.y, wantY) || b.w != f.w || b.h != f.h {
					t.Errorf("card %d: front at %.2f,%.2f; back at %.2f,%.2f, want %.2f,%.2f", i, f.x, f.y, b.x, b.y, wantX, wantY)
				}
				if b.rotate != (f.rotate+c.extraTurn)%360 {
					t.Errorf("card %d: back turned %d°, front %d°, want +%d°", i, b.rotate, f.rotate, c.extraTurn)
				}
				// The bleed goes with the card: a back's outer sides are its front's outer sides, mirrored.
				fb, bb := f.bleed, b.bleed
				if c.mirrorX && (fb.left != bb.right || fb.right != bb.left || fb.top != bb.top) {
					t.Errorf("card %d: bleed %+v behind %+v is not mirrored", i, bb, fb)
				}
				if c.mirrorY && (fb.top != bb.bottom || fb.bottom != bb.top || fb.left != bb.left) {
					t.Errorf("card %d: bleed %+v behind %+v is not mirrored", i, bb, fb)
				}
			}
		})
	}
}

// Crop marks continue the cut lines and stay outside the block.
func TestCutLinesFollowTheGrid(t *testing.T) {
	g, err := planGrid(Papers["a4"], CardSizes["poker"], 5, 0, LayoutButted)
	if err != nil {
		t.Fatal(err)
	}
	xs := cutLines(g.x0, g.cellW, g.gap, g.cols, g.gapped)
	if len(xs) != 4 || !near(xs[3]-xs[0], 3*63.5) {
		t.Errorf("butted vertical cut lines = %v, want 4 lines 190.5 mm apart end to end", xs)
	}
	g, _ = planGrid(Papers["a4"], CardSizes["poker"], 5, 3, LayoutGapped)
	ys := cutLines(g.y0, g.cellH, g.gap, g.rows, g.gapped)
	if len(ys) != 2*g.rows || !near(ys[1]-ys[0], g.cellH) || !near(ys[2]-ys[1], 6) {
		t.Errorf("gapped horizontal cut lines = %v, want two per row with a 6 mm gap", ys)
	}
}

// printCardSheets prints like Cards, showing trace where each side goes.
func printCardSheets(w io.Writer, d *cards.Deck, o CardOptions, trace traceFunc) (CardsResult, error) {
	p, err := PlanCards(d, o)
	if err != nil {
		return CardsResult{}, err
	}
	return p.write(w, false, trace)
}
