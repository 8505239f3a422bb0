package pdf

import (
	"fmt"
	"math"

	"deckhand/cards"
	"deckhand/message"
)

// What a card sheet prints besides its cards: crop marks, thin lines that
// continue every cut line outside the block, and the note that names the
// deck and page and asks for printing at 100 %. Office printers cannot print
// at the paper's edge, so neither comes within edgeClear of it (or of the
// printer margin, when that is wider); only the cards' own background may,
// when the person asked for a margin that small. The note keeps clear of
// the marks and the cards, and what has no room is left out and said so in
// preflight, never dropped in silence.
const (
	markOffset = 1.0  // mm between the bleed's edge and a mark
	markLength = 5.0  // mm, at most
	markMin    = 1.5  // mm; shorter marks are left out and reported
	markWidth  = 0.25 // mm
	edgeClear  = 5.0  // mm from the paper's edge that marks and words keep free
	noteSize   = 7.0  // pt
	noteClear  = 0.5  // mm between the note and anything else
	// The note's box round its baseline, as parts of its font size: the
	// font's ascender and descender, rounded up.
	noteAscent  = 0.95
	noteDescent = 0.25
)

// segment is a straight line on the page, in mm.
type segment struct{ x1, y1, x2, y2 float64 }

// area is a box on the page, in mm, y downwards.
type area struct{ x0, y0, x1, y1 float64 }

func (a area) grow(d float64) area { return area{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

func (a area) overlaps(b area) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

func (a area) inside(b area) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// noteSpot is where the page note goes: its box, and whether it stands
// sideways, reading from the bottom up, in the margin beside the block.
type noteSpot struct {
	box      area
	sideways bool
}

// sheetExtras is the plan of a sheet's marks and note, made once for a
// print and shared by preflight and the pages.
type sheetExtras struct {
	marks  []segment
	note   noteSpot
	noted  bool // the note has a spot
	brief  bool // only the reminder to print at 100 %: the whole note has no room
	issues []Issue
}

// edgeKeep is how far from the paper's edge marks and words stay.
func edgeKeep(margin float64) float64 { return max(edgeClear, margin) }

// cutLines returns the positions of the cut lines across one axis.
func cutLines(start, cell, gap float64, n int, gapped bool) []float64 {
	var out []float64
	for i := 0; i < n; i++ {
		left := start + float64(i)*(cell+gap)
		if gapped || i == 0 {
			out = append(out, left)
		}
		out = append(out, left+cell)
	}
	return out
}

// planMarks returns a sheet's crop marks, and whether some of them had no
// room between the block and the edge that marks keep free: beyond the
// block's sides, or where a cut line itself runs that close to the edge.
func planMarks(g grid, keep float64) (marks []segment, short bool) {
	x, y, w, h := g.trim()
	out := g.bleed + markOffset
	half := markWidth / 2
	roomX := min(x-out, g.page.W-(x+w)-out) - keep - half // beside the block
	roomY := min(y-out, g.page.H-(y+h)-out) - keep - half // above and below it
	lenX, lenY := min(markLength, roomX), min(markLength, roomY)
	clear := func(at, size float64) bool { return at-half >= keep && at+half <= size-keep }
	if lenY >= markMin {
		for _, cx := range cutLines(g.x0, g.cellW, g.gap, g.cols, g.gapped) {
			if !clear(cx, g.page.W) {
				short = true
				continue
			}
			marks = append(marks, segment{cx, y - out, cx, y - out - lenY}, segment{cx, y + h + out, cx, y + h + out + lenY})
		}
	}
	if lenX >= markMin {
		for _, cy := range cutLines(g.y0, g.cellH, g.gap, g.rows, g.gapped) {
			if !clear(cy, g.page.H) {
				short = true
				continue
			}
			marks = append(marks, segment{x - out, cy, x - out - lenX, cy}, segment{x + w + out, cy, x + w + out + lenX, cy})
		}
	}
	return marks, short || lenX < markMin || lenY < markMin
}

// noteHeight is the height of the note's box in mm.
func noteHeight() float64 { return (noteAscent + noteDescent) * noteSize * mmPerPt }

// placeNote finds a spot for a note of width w: centred below the block,
// then above it, right against the block or beyond the marks, then
// sideways in the margin left or right of the block, between the marks.
func placeNote(g grid, marks []segment, keep, w float64) (noteSpot, bool) {
	nh := noteHeight()
	free := area{keep, keep, g.page.W - keep, g.page.H - keep}
	x, y, bw, bh := g.trim()
	block := area{x, y, x + bw, y + bh}.grow(g.bleed)
	obstacles := []area{block.grow(noteClear)}
	belowEnd, aboveEnd := block.y1, block.y0
	leftEnd, rightEnd := block.x0, block.x1
	for _, m := range marks {
		a := area{min(m.x1, m.x2), min(m.y1, m.y2), max(m.x1, m.x2), max(m.y1, m.y2)}.grow(markWidth/2 + noteClear)
		obstacles = append(obstacles, a)
		belowEnd, aboveEnd = max(belowEnd, a.y1-noteClear), min(aboveEnd, a.y0+noteClear)
		leftEnd, rightEnd = min(leftEnd, a.x0+noteClear), max(rightEnd, a.x1-noteClear)
	}
	ok := func(a area) bool {
		if !a.inside(free) {
			return false
		}
		for _, o := range obstacles {
			if a.overlaps(o) {
				return false
			}
		}
		return true
	}
	// Across the sheet: each band from an obstacle's end to the free
	// area's edge, the note centred in it, and centred on the sheet or
	// between two columns' cut lines, where it passes between the marks.
	for _, cx := range centres(g.page.W, cutLines(g.x0, g.cellW, g.gap, g.cols, g.gapped)) {
		for _, lo := range []float64{block.y1, belowEnd} {
			lo += noteClear
			top := lo + max(0, (free.y1-lo-nh)/2)
			if a := (area{cx - w/2, top, cx + w/2, top + nh}); ok(a) {
				return noteSpot{box: a}, true
			}
		}
		for _, hi := range []float64{block.y0, aboveEnd} {
			hi -= noteClear
			bottom := hi - max(0, (hi-free.y0-nh)/2)
			if a := (area{cx - w/2, bottom - nh, cx + w/2, bottom}); ok(a) {
				return noteSpot{box: a}, true
			}
		}
	}
	// Sideways, in the same way along the rows.
	for _, cy := range centres(g.page.H, cutLines(g.y0, g.cellH, g.gap, g.rows, g.gapped)) {
		for _, hi := range []float64{block.x0, leftEnd} {
			hi -= noteClear
			right := hi - max(0, (hi-free.x0-nh)/2)
			if a := (area{right - nh, cy - w/2, right, cy + w/2}); ok(a) {
				return noteSpot{box: a, sideways: true}, true
			}
		}
		for _, lo := range []float64{block.x1, rightEnd} {
			lo += noteClear
			left := lo + max(0, (free.x1-lo-nh)/2)
			if a := (area{left, cy - w/2, left + nh, cy + w/2}); ok(a) {
				return noteSpot{box: a, sideways: true}, true
			}
		}
	}
	return noteSpot{}, false
}

// centres are where a note may be centred along a side of the sheet: the
// middle of the sheet, then the middle between each two cut lines.
func centres(size float64, cuts []float64) []float64 {
	out := []float64{size / 2}
	for i := 1; i < len(cuts); i++ {
		out = append(out, (cuts[i-1]+cuts[i])/2)
	}
	return out
}

// planExtras plans a sheet's marks and note and says what had no room:
// the whole note (noteW wide) or, failing that, only its reminder to print
// at 100 % (briefW). The note is left out of single-card pages, which go to
// print shops.
func planExtras(g grid, o CardOptions, noteW, briefW float64) sheetExtras {
	var e sheetExtras
	if o.Layout == LayoutSingle {
		if o.Marks {
			e.issues = append(e.issues, newIssue(Warning, "", "one card a page leaves no room for crop marks, so none are printed; the PDF's trim box tells the print shop where to cut"))
		}
		return e
	}
	keep := edgeKeep(o.Margin)
	if o.Marks {
		var short bool
		e.marks, short = planMarks(g, keep)
		if short {
			e.issues = append(e.issues, marksAdvice(o, keep))
		}
	}
	if e.note, e.noted = placeNote(g, e.marks, keep, noteW); !e.noted {
		e.note, e.noted = placeNote(g, e.marks, keep, briefW)
		e.brief = e.noted
	}
	if !e.noted {
		e.issues = append(e.issues, newIssue(Warning, "", "the sheet has no room for the note that asks to print at 100 %% (actual size) at least %g mm from the paper's edge; print at actual size, not fit to page", keep))
	}
	return e
}

// marksAdvice says that marks were left out, and the printer margin that
// would give them room, if any does.
func marksAdvice(o CardOptions, keep float64) Issue {
	for m := math.Floor(o.Margin*2)/2 + 0.5; m <= MaxMargin; m += 0.5 {
		g, err := planGrid(o.Paper, o.Size, m, o.Bleed, o.Layout)
		if err != nil {
			break
		}
		if _, short := planMarks(g, edgeKeep(m)); !short {
			return issue(Warning, "", message.Count(g.perPage(),
				"the cards come so close to the paper's edge that some crop marks would print within %g mm of it, so they are left out; a printer margin of %g mm gives them room (%d card to a sheet), or cut along the card edges",
				"the cards come so close to the paper's edge that some crop marks would print within %g mm of it, so they are left out; a printer margin of %g mm gives them room (%d cards to a sheet), or cut along the card edges", keep, m, g.perPage()))
		}
	}
	return newIssue(Warning, "", "the cards come so close to the paper's edge that some crop marks would print within %g mm of it, so they are left out; cut along the card edges", keep)
}

func (p *cardPrinter) cropMarks() {
	p.doc.SetDrawColor(0, 0, 0)
	p.doc.SetLineWidth(markWidth)
	for _, m := range p.extras.marks {
		p.doc.Line(m.x1, m.y1, m.x2, m.y2)
	}
}

// pageNoteText is the note of one page: the deck, edition, page and the
// reminder to print at actual size.
func pageNoteText(d *cards.Deck, lang string, page, pages int) string {
	name, _ := printable(d.Name)
	return fmt.Sprintf("%s · %s %d · %s · %s %d/%d", name, printed(lang, "edition"), d.Edition,
		printed(lang, "Print at 100 % (actual size)"), printed(lang, "page"), page, pages)
}

// planSheet plans the marks and note of a print's sheets, measuring the
// widest note: its last page's, whose page number has the most digits.
func planSheet(m measurer, g grid, o CardOptions, d *cards.Deck, lang string, pages int) sheetExtras {
	return planExtras(g, o, m.width(pageNoteText(d, lang, pages, pages), false)*noteSize, m.width(printed(lang, "Print at 100 % (actual size)"), false)*noteSize)
}

// pageNote prints the note in the spot planned for it.
func (p *cardPrinter) pageNote() {
	if !p.extras.noted {
		return
	}
	note := pageNoteText(p.deck, p.lang, p.done+1, p.pages)
	if p.extras.brief {
		note = printed(p.lang, "Print at 100 % (actual size)")
	}
	p.doc.SetFont(family, "", noteSize)
	p.doc.SetTextColor(90, 90, 90)
	tw := p.doc.GetStringWidth(note)
	b := p.extras.note.box
	descent := noteDescent * noteSize * mmPerPt
	if !p.extras.note.sideways {
		p.doc.Text((b.x0+b.x1-tw)/2, b.y1-descent, note)
		return
	}
	bx, by := b.x1-descent, (b.y0+b.y1+tw)/2
	p.doc.TransformBegin()
	p.doc.TransformRotate(90, bx, by)
	p.doc.Text(bx, by, note)
	p.doc.TransformEnd()
}

// issueSet collects preflight issues once each: copies of a card, or the
// same back on every page, report their problem once.
type issueSet struct {
	seen map[issueKey]bool
	list []Issue
}

// issueKey tells issues apart: the Message's arguments are not comparable,
// but the English text says the same.
type issueKey struct {
	severity  Severity
	code, msg string
}

func (s *issueSet) add(issues ...Issue) {
	if s.seen == nil {
		s.seen = map[issueKey]bool{}
	}
	for _, i := range issues {
		if k := (issueKey{i.Severity, i.Code, i.Msg}); !s.seen[k] {
			s.seen[k] = true
			s.list = append(s.list, i)
		}
	}
}
