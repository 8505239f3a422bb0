package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
)

// cardPrinter draws the pages of one card print.
type cardPrinter struct {
	*CardPrint
	doc   *fpdf.Fpdf
	sides *sideLayouts
	trace traceFunc
	done  int // pages drawn
}

// drawPages draws every page of the print, each card laid out as it is
// drawn, and returns what the print made and found.
func (p *cardPrinter) drawPages() CardsResult {
	per := p.grid.perPage()
	pageOf := func(start int) []*cards.Card { return p.list[start:min(start+per, len(p.list))] }
	for start := 0; start < len(p.list); start += per {
		p.frontPage(pageOf(start))
		if p.opts.Backs == BacksDuplexLong || p.opts.Backs == BacksDuplexShort {
			p.backPage(pageOf(start))
		}
	}
	if p.opts.Backs == BacksPages {
		for start := 0; start < len(p.list); start += per {
			p.backPage(pageOf(start))
		}
	}
	return CardsResult{Pages: p.doc.PageCount(), Cards: len(p.list), Issues: p.sides.issues()}
}

func (p *cardPrinter) place(f Face, back bool, i int, pl placement) {
	if p.trace != nil {
		p.trace(back, i, pl)
	}
	drawFace(p.doc, f, pl)
}

func (p *cardPrinter) newPage() {
	g := p.grid
	p.doc.AddPageFormat("P", fpdf.SizeType{Wd: g.page.W, Ht: g.page.H})
	x, y, w, h := g.trim()
	// Page boxes are in PDF space, measured from the bottom edge.
	p.doc.SetPageBox("trim", x, g.page.H-y-h, w, h)
	b := g.bleed
	p.doc.SetPageBox("bleed", x-b, g.page.H-y-h-b, w+2*b, h+2*b)
}

func (p *cardPrinter) pageDone() {
	p.done++
	if p.opts.Progress != nil {
		p.opts.Progress(p.done, p.pages)
	}
}

func (p *cardPrinter) frontPage(page []*cards.Card) {
	g := p.grid
	p.newPage()
	rotate := 0
	if g.rotated {
		rotate = 90
	}
	for i, c := range page {
		x, y, col, row := g.cell(i)
		p.place(p.sides.front(c), false, i, placement{x: x, y: y, w: g.cellW, h: g.cellH, rotate: rotate, bleed: g.bleedAt(col, row)})
	}
	p.cropMarks()
	p.pageNote()
	p.pageDone()
}

// backPage draws the backs of a page's cards where they land behind their
// fronts when the sheet is turned, moved by the printer's measured offset.
func (p *cardPrinter) backPage(page []*cards.Card) {
	g := p.grid
	p.newPage()
	dx, dy := p.opts.OffsetX, -p.opts.OffsetY
	for i, c := range page {
		x, y, col, row := g.cell(i)
		// A back reads upright when its card, cut out, is turned over on
		// its own long side. Turning the sheet over on its long edge keeps
		// the page's up and down, turning it on its short edge swaps them;
		// a card lying sideways has its up along the page's left, which the
		// long-edge turn sends to the right. So the back turns a half turn
		// for an upright card on a short-edge turn, or for a sideways card
		// on a long-edge turn, and not otherwise.
		rotate := 0
		if g.rotated {
			rotate = 90
		}
		short := p.opts.Backs == BacksDuplexShort
		if short {
			y, row = g.page.H-y-g.cellH, g.rows-1-row
		} else {
			x, col = g.page.W-x-g.cellW, g.cols-1-col
		}
		if short != g.rotated {
			rotate += 180
		}
		pl := placement{x: x, y: y, w: g.cellW, h: g.cellH, rotate: rotate, bleed: g.bleedAt(col, row)}
		if p.opts.Backs == BacksDuplexShort {
			pl.x, pl.y = pl.x-p.opts.OffsetX, pl.y+p.opts.OffsetY
		} else {
			pl.x, pl.y = pl.x+dx, pl.y+dy
		}
		p.place(p.sides.back(c.Type), true, i, pl)
	}
	p.pageDone()
}
