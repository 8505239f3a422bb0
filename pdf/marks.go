package pdf

import (
	"fmt"
)

// Crop marks: thin lines that continue every cut line outside the block,
// stopping short of the bleed so that they never touch a card.
const (
	markOffset = 1.0  // mm between the bleed's edge and a mark
	markLength = 5.0  // mm, at most
	markMin    = 1.5  // mm; shorter marks are left out and reported
	markWidth  = 0.25 // mm
)

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

func (p *cardPrinter) cropMarks() {
	g := p.grid
	x, y, w, h := g.trim()
	out := g.bleed + markOffset
	roomX := min(x-out, g.page.W-(x+w)-out) // beside the block
	roomY := min(y-out, g.page.H-(y+h)-out) // above and below it
	lenX, lenY := min(markLength, roomX), min(markLength, roomY)
	p.doc.SetDrawColor(0, 0, 0)
	p.doc.SetLineWidth(markWidth)
	if lenY >= markMin {
		for _, cx := range cutLines(g.x0, g.cellW, g.gap, g.cols, g.gapped) {
			p.doc.Line(cx, y-out, cx, y-out-lenY)
			p.doc.Line(cx, y+h+out, cx, y+h+out+lenY)
		}
	}
	if lenX >= markMin {
		for _, cy := range cutLines(g.y0, g.cellH, g.gap, g.rows, g.gapped) {
			p.doc.Line(x-out, cy, x-out-lenX, cy)
			p.doc.Line(x+w+out, cy, x+w+out+lenX, cy)
		}
	}
	if lenX < markMin || lenY < markMin {
		p.issues.add(newIssue(Warning, "", "the cards fill the sheet so closely that some crop marks have no room; cut along the card edges"))
	}
}

// pageNote prints the deck, edition, page and the reminder to print at
// actual size in the space below the block, when there is room.
func (p *cardPrinter) pageNote() {
	g := p.grid
	_, y, _, h := g.trim()
	below := g.page.H - (y + h + g.bleed)
	if below < 4 {
		return
	}
	name, _ := printable(p.deck.Name)
	note := fmt.Sprintf("%s · %s %d · %s · %s %d/%d", name, printWord("edition", p.lang), p.deck.Edition,
		printWord("actual", p.lang), printWord("page", p.lang), p.done+1, p.pages)
	p.doc.SetFont(family, "", 7)
	p.doc.SetTextColor(90, 90, 90)
	tw := p.doc.GetStringWidth(note)
	p.doc.Text((g.page.W-tw)/2, g.page.H-below/2+1, note)
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
