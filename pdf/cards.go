package pdf

import (
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
)

// Ways to print the backs of cards.
const (
	BacksNone        = "none"         // fronts only
	BacksDuplexLong  = "duplex-long"  // each fronts page followed by its backs, columns mirrored
	BacksDuplexShort = "duplex-short" // rows mirrored, backs turned so they read upright
	BacksPages       = "pages"        // all backs on pages of their own at the end
)

// CardOptions are the settings of a card print. Start from
// DefaultCardOptions and change what the person chose.
type CardOptions struct {
	Lang    string  // language of the card texts; the deck's default when empty or missing
	Size    Size    // the card's cut size
	Paper   Size    // the sheet
	Margin  float64 // mm the printer cannot print at the sheet's edge
	Bleed   float64 // mm of background beyond the cut line, 0–5
	Layout  string  // LayoutButted, LayoutGapped or LayoutSingle
	Marks   bool    // crop marks outside the block
	Backs   string  // BacksNone, BacksDuplexLong, BacksDuplexShort or BacksPages
	OffsetX float64 // where the printer put the backs, as read on the calibration page (mm)
	OffsetY float64
	Only    []string // print only these card codes; all when empty
	Blank   int      // extra blank cards to write on
	Created time.Time
	// Progress, when set, is called after each page with pages done and in all.
	Progress func(done, total int)
}

// DefaultCardOptions are poker cards on A4, butted, with crop marks and no backs.
func DefaultCardOptions() CardOptions {
	return CardOptions{Size: CardSizes["poker"], Paper: Papers["a4"], Margin: 5, Layout: LayoutButted, Marks: true, Backs: BacksNone}
}

// Limits of the options.
const (
	MaxBleed  = 5
	MaxMargin = 20
	MaxOffset = 10
	MaxBlank  = 500
)

func (o CardOptions) check() error {
	switch {
	case o.Bleed < 0 || o.Bleed > MaxBleed:
		return refusal("bleed must be between 0 and %d mm, not %g", MaxBleed, o.Bleed)
	case o.Margin < 0 || o.Margin > MaxMargin:
		return refusal("the printer margin must be between 0 and %d mm, not %g", MaxMargin, o.Margin)
	case o.Layout != LayoutButted && o.Layout != LayoutGapped && o.Layout != LayoutSingle:
		return refusal("unknown layout %q; use butted, gapped or single", o.Layout)
	case o.Backs != BacksNone && o.Backs != BacksDuplexLong && o.Backs != BacksDuplexShort && o.Backs != BacksPages:
		return refusal("unknown backs %q; use none, duplex-long, duplex-short or pages", o.Backs)
	case abs(o.OffsetX) > MaxOffset || abs(o.OffsetY) > MaxOffset:
		return refusal("the back offset must be within ±%d mm; print the calibration page again", MaxOffset)
	case o.Blank < 0 || o.Blank > MaxBlank:
		return refusal("blank cards must be between 0 and %d", MaxBlank)
	case o.Size.W <= 0 || o.Size.H <= 0 || o.Paper.W <= 0 || o.Paper.H <= 0:
		return refusal("choose a card size and a paper")
	}
	return nil
}

func abs(x float64) float64 { return max(x, -x) }

// CardsResult says what a card print made.
type CardsResult struct {
	Pages  int
	Cards  int     // cards printed, copies and blanks included
	Issues []Issue // what preflight found
}

// selection lists the cards to print in order, copies repeated, blanks last.
func selection(d *cards.Deck, o CardOptions) ([]cards.Card, error) {
	var out []cards.Card
	wanted := map[string]bool{}
	for _, code := range o.Only {
		if d.CardByCode(code) < 0 {
			return nil, refusal("the deck has no card %q", code)
		}
		wanted[strings.ToUpper(code)] = true
	}
	for _, c := range d.Cards {
		if len(wanted) > 0 && !wanted[strings.ToUpper(c.Code)] {
			continue
		}
		for i := 0; i < c.Copies; i++ {
			out = append(out, c)
		}
	}
	blankType := "blank"
	if _, ok := d.CardType(blankType); !ok {
		blankType = ""
	}
	for i := 0; i < o.Blank; i++ {
		out = append(out, cards.Card{Type: blankType})
	}
	if len(out) == 0 {
		return nil, refusal("there is nothing to print: no card of the selection has copies to print")
	}
	return out, nil
}

// Cards prints a deck's cards as sheets, with the backs as chosen, and
// returns what preflight found. The PDF is written even when preflight found
// errors: the caller decides (see Preflight to check before printing).
func Cards(w io.Writer, d *cards.Deck, o CardOptions) (CardsResult, error) {
	return printCardSheets(w, d, o, nil)
}

// traceFunc sees where each card side is placed; tests use it to check the
// geometry of backs against fronts.
type traceFunc func(back bool, index int, pl placement)

func printCardSheets(w io.Writer, d *cards.Deck, o CardOptions, trace traceFunc) (CardsResult, error) {
	if err := o.check(); err != nil {
		return CardsResult{}, err
	}
	list, err := selection(d, o)
	if err != nil {
		return CardsResult{}, err
	}
	g, err := planGrid(o.Paper, o.Size, o.Margin, o.Bleed, o.Layout)
	if err != nil {
		return CardsResult{}, err
	}
	m, err := newMeasurer()
	if err != nil {
		return CardsResult{}, err
	}
	doc, err := newDocument(docOptions{title: d.Name, created: o.Created})
	if err != nil {
		return CardsResult{}, err
	}
	p := &cardPrinter{doc: doc, m: m, deck: d, opts: o, grid: g, lang: d.Lang(o.Lang), backs: map[string]Face{}, trace: trace}
	p.pages = pageCount(len(list), g, o.Backs)
	p.extras = planSheet(m, g, o, d, p.lang, p.pages)
	p.issues.add(p.extras.issues...)
	for start := 0; start < len(list); start += g.perPage() {
		page := list[start:min(start+g.perPage(), len(list))]
		p.frontPage(page)
		if o.Backs == BacksDuplexLong || o.Backs == BacksDuplexShort {
			p.backPage(page)
		}
	}
	if o.Backs == BacksPages {
		for start := 0; start < len(list); start += g.perPage() {
			p.backPage(list[start:min(start+g.perPage(), len(list))])
		}
	}
	if err := finish(doc, w); err != nil {
		return CardsResult{}, err
	}
	return CardsResult{Pages: doc.PageCount(), Cards: len(list), Issues: p.issues.list}, nil
}

// cardPrinter draws the pages of one card print.
type cardPrinter struct {
	doc    *fpdf.Fpdf
	m      measurer
	deck   *cards.Deck
	opts   CardOptions
	grid   grid
	lang   string
	pages  int
	done   int
	issues issueSet
	// The last front laid out and the backs per type: copies of a card are
	// consecutive, so a face is laid out once and memory does not grow
	// with the deck.
	lastCode string
	last     Face
	backs    map[string]Face
	trace    traceFunc
	extras   sheetExtras // the marks and note of every front page
}

// pageCount is the number of pages a print of n cards takes.
func pageCount(n int, g grid, backs string) int {
	pages := (n + g.perPage() - 1) / g.perPage()
	if backs != BacksNone {
		pages *= 2
	}
	return pages
}

func (p *cardPrinter) place(f Face, back bool, i int, pl placement) {
	if p.trace != nil {
		p.trace(back, i, pl)
	}
	drawFace(p.doc, f, pl)
}

func (p *cardPrinter) front(c cards.Card) Face {
	key := c.Code + "\x00" + c.Type
	if c.Code != "" && key == p.lastCode {
		return p.last
	}
	f, issues := layoutFront(p.m, p.deck, c, p.lang, p.opts.Size)
	p.issues.add(issues...)
	p.lastCode, p.last = key, f
	return f
}

func (p *cardPrinter) back(typeKey string) Face {
	if f, ok := p.backs[typeKey]; ok {
		return f
	}
	f, issues := layoutBack(p.m, p.deck, typeKey, p.lang, p.opts.Size)
	p.issues.add(issues...)
	p.backs[typeKey] = f
	return f
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

func (p *cardPrinter) frontPage(page []cards.Card) {
	g := p.grid
	p.newPage()
	rotate := 0
	if g.rotated {
		rotate = 90
	}
	for i, c := range page {
		x, y, col, row := g.cell(i)
		p.place(p.front(c), false, i, placement{x: x, y: y, w: g.cellW, h: g.cellH, rotate: rotate, bleed: g.bleedAt(col, row)})
	}
	p.cropMarks()
	p.pageNote()
	p.pageDone()
}

// backPage draws the backs of a page's cards where they land behind their
// fronts when the sheet is turned, moved by the printer's measured offset.
func (p *cardPrinter) backPage(page []cards.Card) {
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
		p.place(p.back(c.Type), true, i, pl)
	}
	p.pageDone()
}
