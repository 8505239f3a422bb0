package pdf

import (
	"math"
)

// Layouts of cards on a sheet.
const (
	// LayoutButted puts cards edge to edge: one cut between neighbours, and
	// bleed only round the outside of the block (9 poker cards on A4).
	LayoutButted = "butted"
	// LayoutGapped leaves 2 × bleed between cards so each has its own bleed
	// all round (8 poker cards with 3 mm bleed on A4).
	LayoutGapped = "gapped"
	// LayoutSingle prints each card on a page of its own size plus bleed,
	// with TrimBox and BleedBox set: the file a print shop asks for.
	LayoutSingle = "single"
)

// grid is where cards go on a sheet: all lengths in millimetres.
type grid struct {
	page       Size
	cols, rows int
	rotated    bool    // cards lie on their side to fit more
	cellW      float64 // a card's cut size as it lies on the page
	cellH      float64
	gap        float64 // between the cut lines of neighbours
	bleed      float64
	x0, y0     float64 // the first card's top-left cut corner
	gapped     bool    // every card has bleed on every side
}

func (g grid) perPage() int { return g.cols * g.rows }

// cell returns the top-left cut corner of the i-th card of a page, filling
// rows left to right.
func (g grid) cell(i int) (x, y float64, col, row int) {
	col, row = i%g.cols, i/g.cols
	return g.x0 + float64(col)*(g.cellW+g.gap), g.y0 + float64(row)*(g.cellH+g.gap), col, row
}

// bleedAt is the bleed round a card at (col, row): butted cards share their
// inner cut lines, so they bleed only at the outside of the block.
func (g grid) bleedAt(col, row int) sides {
	if g.gapped {
		return sides{g.bleed, g.bleed, g.bleed, g.bleed}
	}
	var s sides
	if col == 0 {
		s.left = g.bleed
	}
	if row == 0 {
		s.top = g.bleed
	}
	if col == g.cols-1 {
		s.right = g.bleed
	}
	if row == g.rows-1 {
		s.bottom = g.bleed
	}
	return s
}

// trim returns the box round every cut line of a full page.
func (g grid) trim() (x, y, w, h float64) {
	return g.x0, g.y0, float64(g.cols)*g.cellW + float64(g.cols-1)*g.gap, float64(g.rows)*g.cellH + float64(g.rows-1)*g.gap
}

// planGrid chooses the rows, columns and turn of the cards that fit the
// most cards on the paper inside the printer's margin, and centres the block.
func planGrid(paper, card Size, margin, bleed float64, layout string) (grid, error) {
	if layout == LayoutSingle {
		page := Size{Name: card.Name, W: card.W + 2*bleed, H: card.H + 2*bleed}
		return grid{page: page, cols: 1, rows: 1, cellW: card.W, cellH: card.H, bleed: bleed, x0: bleed, y0: bleed, gapped: true}, nil
	}
	gap := 0.0
	if layout == LayoutGapped {
		gap = 2 * bleed
	}
	availW, availH := paper.W-2*margin, paper.H-2*margin
	fits := func(w, h float64) (int, int) {
		n := func(avail, size float64) int {
			return max(0, int(math.Floor((avail-2*bleed+gap)/(size+gap)+1e-9)))
		}
		return n(availW, w), n(availH, h)
	}
	cols, rows := fits(card.W, card.H)
	g := grid{page: paper, cols: cols, rows: rows, cellW: card.W, cellH: card.H, gap: gap, bleed: bleed, gapped: layout == LayoutGapped}
	if rc, rr := fits(card.H, card.W); rc*rr > cols*rows {
		g.cols, g.rows, g.rotated, g.cellW, g.cellH = rc, rr, true, card.H, card.W
	}
	if g.perPage() == 0 {
		return grid{}, refusal("a %g × %g mm card with %g mm bleed does not fit on %s with a %g mm margin; choose larger paper or a smaller card",
			card.W, card.H, bleed, paper.Name, margin)
	}
	_, _, w, h := g.trim()
	g.x0 = (paper.W - w) / 2
	g.y0 = (paper.H - h) / 2
	return g, nil
}
