package game

import "math"

// occupancy is a grid over the matrix's field of the rectangles already
// taken, so that a test looks only at its neighbours. The cells are a
// slice, not a map: a crowded matrix tests hundreds of thousands of
// places, and hashing the cells' keys took most of the time. A rectangle
// reaching out of the field is kept in the cells at its edge.
type occupancy struct {
	field  Rect
	cell   float64
	nx, ny int
	cells  [][]Rect // row by row
	// walled are the cells, finer ones, wholly within reach of a rectangle
	// taken: no marker reaching that far from its centre can be centred
	// there. In a crowded quadrant that is most places a marker tries, and
	// a look here tells them without testing the rectangles near.
	reach    float64
	fine     float64
	fnx, fny int
	walled   []uint64 // a bit a cell, row by row
}

// maxCells and maxFine bound the grids when the cells asked for are tiny
// for the field.
const maxCells, maxFine = 128, 512

// newOccupancy makes an empty grid of cells about cell wide over field,
// which tells at a glance where a marker reaching reach from its centre
// (margin included) cannot go, when reach is more than 0.
func newOccupancy(field Rect, cell, reach float64) *occupancy {
	w, h := max(field.X1-field.X0, 1e-9), max(field.Y1-field.Y0, 1e-9)
	cell = max(cell, w/maxCells, h/maxCells)
	o := &occupancy{field: field, cell: cell, nx: int(math.Ceil(w / cell)), ny: int(math.Ceil(h / cell))}
	o.cells = make([][]Rect, o.nx*o.ny)
	if reach > 0 {
		o.reach, o.fine = reach, max(reach/3, w/maxFine, h/maxFine)
		o.fnx, o.fny = int(math.Ceil(w/o.fine)), int(math.Ceil(h/o.fine))
		o.walled = make([]uint64, (o.fnx*o.fny+63)/64)
	}
	return o
}

// add takes r.
func (o *occupancy) add(r Rect) {
	o.wall(r)
	o.span(r, func(k int) bool {
		o.cells[k] = append(o.cells[k], r)
		return true
	})
}

// hits reports whether r overlaps a rectangle taken.
func (o *occupancy) hits(r Rect) bool {
	hit := false
	o.span(r, func(k int) bool {
		for _, b := range o.cells[k] {
			if b.Overlaps(r) {
				hit = true
				return false
			}
		}
		return true
	})
	return hit
}

// walledAt reports whether a marker centred at (x, y) would overlap a
// rectangle taken, as far as the fine cells tell: false is "test it".
func (o *occupancy) walledAt(x, y float64) bool {
	if o.walled == nil {
		return false
	}
	u, v := (x-o.field.X0)/o.fine, (y-o.field.Y0)/o.fine
	if u < 0 || v < 0 { // int() rounds towards 0, not down
		return false
	}
	i, j := int(u), int(v)
	k := j*o.fnx + i
	return i < o.fnx && j < o.fny && o.walled[k>>6]&(1<<(k&63)) != 0
}

// wall marks the fine cells wholly inside r grown by the reach; a hair
// less, so that a centre on a marked cell's edge overlaps r for sure.
func (o *occupancy) wall(r Rect) {
	if o.walled == nil {
		return
	}
	g := r.grow(o.reach * (1 - 1e-9))
	i0 := max(0, int(math.Ceil((g.X0-o.field.X0)/o.fine)))
	j0 := max(0, int(math.Ceil((g.Y0-o.field.Y0)/o.fine)))
	i1 := min(o.fnx, int(math.Floor((g.X1-o.field.X0)/o.fine)))
	j1 := min(o.fny, int(math.Floor((g.Y1-o.field.Y0)/o.fine)))
	for j := j0; j < j1; j++ {
		for i := i0; i < i1; i++ {
			k := j*o.fnx + i
			o.walled[k>>6] |= 1 << (k & 63)
		}
	}
}

// span calls each for the cells r lies in, until it returns false.
func (o *occupancy) span(r Rect, each func(k int) bool) {
	i0, i1 := o.index(r.X0, o.field.X0, o.nx), o.index(r.X1, o.field.X0, o.nx)
	j0, j1 := o.index(r.Y0, o.field.Y0, o.ny), o.index(r.Y1, o.field.Y0, o.ny)
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			if !each(j*o.nx + i) {
				return
			}
		}
	}
}

// index is the column or row of a coordinate v, measured from lo, in n
// cells: the edge cells take what lies beyond them.
func (o *occupancy) index(v, lo float64, n int) int {
	return max(0, min(n-1, int(math.Floor((v-lo)/o.cell))))
}
