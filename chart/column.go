package chart

import (
	"math"
	"strconv"

	"deckhand/game"
)

// The column beside the matrix: each team's marker and name, the spread's
// legend, the key to the numbered markers and the marks left off, as under
// the report's matrix.

// The column is as wide as its longest line, within these bounds (the
// wider for lists in two columns).
const minColumn, maxColumn, maxColumns2 = 240, 620, 780

// columnWidth is how wide the column needs to be: its widest line, and
// the lists' rows side by side when they run in two columns.
func (c *Chart) columnWidth(s *source, plan game.MatrixPlan, bars bool, room float64) float64 {
	w := 0.0
	for _, team := range s.teams {
		w = max(w, 28+c.textWidth(team, legendSize, false))
	}
	if bars {
		w = max(w, 28+c.textWidth(s.word("spread"), legendSize, false))
	}
	rows := 0.0
	for _, l := range []struct {
		title string
		marks []int
	}{{"matrixKey", plan.Key}, {"matrixOff", plan.Off}} {
		if len(l.marks) == 0 {
			continue
		}
		w = max(w, c.textWidth(s.word(l.title), listSize, true))
		for _, k := range l.marks {
			rows = max(rows, c.rowIndent()+c.textWidth(s.row(plan.Marks[k]), listSize, false)+8)
		}
	}
	if c.listColumns(s, plan, bars, room) == 2 {
		return min(maxColumns2, max(minColumn, w, 2*rows))
	}
	return min(maxColumn, max(minColumn, w, rows))
}

// listColumns is 2 when the lists, one row under another, would take more
// than room (the plot's height): then they run in two columns side by side.
func (c *Chart) listColumns(s *source, plan game.MatrixPlan, bars bool, room float64) int {
	need := c.legendHeight(s, bars)
	for _, l := range [][]int{plan.Key, plan.Off} {
		if len(l) > 0 {
			need += listSize*2 + listSize*1.55*float64(len(l))
		}
	}
	if need > room {
		return 2
	}
	return 1
}

// legendHeight is the room the legend takes: a line per team, and one for
// the spread when it is drawn.
func (c *Chart) legendHeight(s *source, bars bool) float64 {
	n := len(s.teams)
	if bars {
		n++
	}
	return legendSize * 1.6 * float64(n)
}

// rowIndent is where a list row's text starts: after the number and the marker.
func (c *Chart) rowIndent() float64 { return c.textWidth("000", listSize, true) + 24 }

// row is a list row's text: the codes with their count, both scores
// with the axes' arrows (↑ the score up, → the score across), the team.
func (s *source) row(m game.MatrixMark) string {
	return m.Text + "  ↑" + s.number(m.ValueY) + " →" + s.number(m.ValueX) + "  " + s.teams[m.Team]
}

// column draws the column w wide from (x, y) and returns where it ends;
// its lists run in two columns when one under another they would reach
// below bottom.
func (c *Chart) column(s *source, plan game.MatrixPlan, bars bool, x, w, y, bottom float64) float64 {
	cols := c.listColumns(s, plan, bars, bottom-y)
	lh := legendSize * 1.6
	y += legendSize * 0.8
	for i, team := range s.teams {
		col, shape := game.TeamStyle(i)
		c.marker("legend", shape, x+10, y-legendSize*0.35, radius, col)
		c.text("legend", x+28, y, c.fonts.ellipsis(team, w-28, legendSize, false), legendSize, false, ink, anchorStart)
		y += lh
	}
	if bars {
		cy := y - legendSize*0.35
		c.line("legend", x, cy, x+20, cy, grey, 2, false)
		c.line("legend", x, cy-4, x, cy+4, grey, 2, false)
		c.line("legend", x+20, cy-4, x+20, cy+4, grey, 2, false)
		c.text("legend", x+28, y, c.fonts.ellipsis(s.word("spread"), w-28, legendSize, false), legendSize, false, ink, anchorStart)
		y += lh
	}
	y = c.list(s, plan, "key", s.word("matrixKey"), plan.Key, x, y, w, cols)
	y = c.list(s, plan, "off", s.word("matrixOff"), plan.Off, x, y, w, cols)
	return y
}

// list sets marks under a title in cols columns, top to bottom then left
// to right: the number (in the key), the team's marker and the row. It
// returns where it ends.
func (c *Chart) list(s *source, plan game.MatrixPlan, group, title string, marks []int, x, y, w float64, cols int) float64 {
	if len(marks) == 0 {
		return y
	}
	y += listSize * 1.2
	c.text(group, x, y, c.fonts.ellipsis(title, w, listSize, true), listSize, true, ink, anchorStart)
	y += listSize * 0.4
	rowH := listSize * 1.55
	perCol := int(math.Ceil(float64(len(marks)) / float64(cols)))
	colW := w / float64(cols)
	numW := c.rowIndent() - 24
	for i, k := range marks {
		m := plan.Marks[k]
		cx := x + float64(i/perCol)*colW
		base := y + float64(i%perCol+1)*rowH
		if m.Key > 0 {
			c.text(group, cx+numW, base, strconv.Itoa(m.Key), listSize, true, ink, anchorEnd)
		}
		col, shape := game.TeamStyle(m.Team)
		c.marker(group, shape, cx+numW+11, base-listSize*0.35, 7, col)
		tx := cx + numW + 24
		c.text(group, tx, base, c.fonts.ellipsis(s.row(m), colW-(tx-cx)-8, listSize, false), listSize, false, ink, anchorStart)
	}
	return y + float64(perCol)*rowH + listSize*0.4
}
