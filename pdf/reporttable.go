package pdf

import (
	"math"
	"strconv"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
)

// tableColumn is a column of the ranked table.
type tableColumn struct {
	head string
	x, w float64
}

// Ranked table sizes: text, the spread under a score, the head.
const (
	cellPad    = 1.0
	tableSize  = rpSmall
	tableSmall = 7.0
	tableHead  = 7.5
	// scoreLine is the widest a score cell is on one line, "4,2 (3–5, mean
	// of 4 participants)": wider, its brackets go under the mean, so that
	// the routine's title keeps its room.
	scoreLine = 24.0
)

// ranking lists every play, ranked, with its scores and quadrant. The
// table's head repeats on every page it runs onto.
func (r *report) ranking() {
	_, _, cNames := r.perspective(cards.PerspectiveCustomer)
	_, _, oNames := r.perspective(cards.PerspectiveOrganisation)
	r.startPart(r.word("Ranking"), r.say(message.Say("The customer's score is the mean of %s, the organisation's of %s. A score alone is the table's joint rating; where participants rated blind, the brackets give the lowest–highest value and who rated. – means not rated.", r.and(cNames), r.and(oNames))))
	r.y += 2
	if len(r.plays) == 0 {
		r.para(r.word("No cards were laid on the board."), r.left, r.cw, rpBody, false, grey)
		return
	}
	cols := r.tableColumns()
	title := r.word("Ranking") + " (" + r.word("continued") + ")"
	r.tableHead(cols)
	r.repeat = func() {
		r.para(title, r.left, r.cw, rpH2, true, ink)
		r.y += 1.5
		r.tableHead(cols)
	}
	for _, p := range r.plays {
		label := "–"
		if rank, ok := r.ranks[p.Play.ID]; ok {
			label = strconv.Itoa(rank)
		}
		r.tableRow(cols, label, p)
	}
	r.repeat = nil
}

// tableColumns sizes the columns to what they hold: rank, code, the
// routine (the rest of the width), team and area, the two scores and the
// quadrant.
func (r *report) tableColumns() []tableColumn {
	wd := func(s string, bold bool, size float64) float64 { return r.m.width(r.clean(s), bold) * size }
	symbolW := tableSize * mmPerPt * 1.1
	heads := []string{"#", r.word("Code"), r.word("Routine"), r.word("Team · area"), r.word("Customer"), r.word("Organisation"), r.word("Quadrant")}
	widths := make([]float64, len(heads))
	for i, h := range heads {
		widths[i] = wd(h, true, tableHead)
	}
	widths[0] = max(widths[0], wd(strconv.Itoa(len(r.plays)), false, tableSize))
	teamArea := 0.0
	for _, p := range r.plays {
		widths[1] = max(widths[1], wd(p.Play.Code, true, tableSize))
		teamArea = max(teamArea, wd(r.team(p.Play.TeamID).name, false, tableSize), wd(r.areaName(r.areas[max(r.areaIndex(p.Play.Area), 0)]), false, tableSize))
		for i, s := range []game.Score{p.Customer, p.Organisation} {
			mean, spread := r.score(s)
			w := wd(mean+" ", true, tableSize) + wd(spread, false, tableSmall)
			if w > scoreLine { // the brackets go under the mean
				w = max(wd(mean, true, tableSize), wd(spread, false, tableSmall))
			}
			widths[4+i] = max(widths[4+i], w)
		}
	}
	widths[3] = max(widths[3], min(teamArea+symbolW, 34))
	// The quadrant column is as wide as the longest quadrant's name in the
	// report's language ("Tee toteutettavaksi"), so that no name wraps.
	quad := 0.0
	for _, q := range []string{game.QuadrantDoNow, game.QuadrantMakeFeasible, game.QuadrantMakeDesirable, game.QuadrantPark} {
		quad = max(quad, wd(r.quadrantName(q), true, tableSize))
	}
	widths[6] = max(widths[6], quad+symbolW+0.2)
	rest := r.cw
	for i, w := range widths {
		if i != 2 {
			widths[i] = w + 2*cellPad + 0.5
			rest -= widths[i]
		}
	}
	if rest < 40 { // narrow paper or long team names: the team column gives way
		give := min(40-rest, widths[3]-22)
		widths[3] -= give
		rest += give
	}
	widths[2] = rest
	cols := make([]tableColumn, len(heads))
	x := r.left
	for i, w := range widths {
		cols[i] = tableColumn{heads[i], x, w}
		x += w
	}
	return cols
}

func (r *report) tableHead(cols []tableColumn) {
	var fits []fitted
	h := 0.0
	for _, c := range cols {
		f := r.fitw(c.head, true, c.w-2*cellPad, tableHead)
		fits = append(fits, f)
		h = max(h, f.height())
	}
	h += 2.4
	r.p.add(posterItem{kind: pkRect, x: r.left, y: r.y, w: r.cw, h: h, fill: RGB{234, 234, 234}, style: "F"})
	for i, c := range cols {
		r.p.block(fits[i], c.x+cellPad, r.y+h-1.2-fits[i].height(), 0, 0, true, ink)
	}
	r.y += h + 0.6
}

func (r *report) tableRow(cols []tableColumn, rank string, p game.PlayResult) {
	inner := func(i int) float64 { return cols[i].w - 2*cellPad }
	t := r.team(p.Play.TeamID)
	ai := max(r.areaIndex(p.Play.Area), 0)
	area := r.areas[ai]
	symbolW := tableSize * mmPerPt * 1.1
	lh := lineH(tableSize)
	title := r.clip(r.fitw(r.title(p), false, inner(2), tableSize), rpMaxRows, false, inner(2))
	quadrant, qc, qBold := r.word("not rated"), grey, false
	switch {
	case p.Quadrant != "":
		quadrant, qc, qBold = r.quadrantName(p.Quadrant), quadrantColour(p.Quadrant), true
	case p.Customer.Rated || p.Organisation.Rated:
		quadrant = "–"
	}
	qf := r.clip(r.fitw(quadrant, qBold, inner(6)-symbolW, tableSize), 2, qBold, inner(6)-symbolW)
	h := max(title.height(), qf.height(), lh+lineH(tableSmall)) + 2*cellPad + 0.4
	r.need(h)
	y := r.y + cellPad + 0.2
	r.line(rank, cols[0].x+cellPad, 0, y, 0, tableSize, false, ink)
	r.line(r.clean(p.Play.Code), cols[1].x+cellPad, 0, y, 0, tableSize, true, ink)
	r.p.block(title, cols[2].x+cellPad, y, 0, 0, false, ink)
	s := tableSize * mmPerPt
	x := cols[3].x + cellPad
	r.p.add(marker(t.marker, x+s*0.42, y+s*0.5, s*0.36, t.colour, white)...)
	r.line(r.ellipsis(r.clean(t.name), false, inner(3)-symbolW, tableSize), x+symbolW, 0, y, 0, tableSize, false, ink)
	r.p.shape(symbol(areaShapes[ai%len(areaShapes)], x, y+lh+s*0.15, s*0.72, parseColour(area.Colour, neutral)))
	r.line(r.ellipsis(r.clean(r.areaName(area)), false, inner(3)-symbolW, tableSize), x+symbolW, 0, y+lh, 0, tableSize, false, grey)
	for i, sc := range []game.Score{p.Customer, p.Organisation} {
		r.scoreCellIn(sc, cols[4+i].x+cellPad, y, inner(4+i))
	}
	x = cols[6].x + cellPad
	if p.Quadrant != "" {
		r.p.add(posterItem{kind: pkRect, x: x, y: y + s*0.12, w: s * 0.72, h: s * 0.72, fill: posterTint(qc, 0.55), stroke: qc, lw: 0.2, style: "FD"})
	}
	r.p.block(qf, x+symbolW, y, 0, 0, qBold, qc)
	r.y += h
	r.p.add(posterItem{kind: pkLine, x: r.left, y: r.y, w: r.cw, stroke: rule, lw: 0.25})
}

// scoreCell writes a score at (x, y) as the tables show it: the mean, in
// bold when rated, then what it is made of smaller, "4,3 (3–5, mean of 3
// participants)".
func (r *report) scoreCell(sc game.Score, x, y float64) { r.scoreCellIn(sc, x, y, math.Inf(1)) }

// scoreCellIn is scoreCell in a column w wide: brackets that do not fit
// beside the mean go on the line under it.
func (r *report) scoreCellIn(sc game.Score, x, y, w float64) {
	mean, spread := r.score(sc)
	r.line(mean, x, 0, y, 0, tableSize, sc.Rated, ink)
	beside := r.m.width(mean+" ", sc.Rated) * tableSize
	if beside+r.m.width(spread, false)*tableSmall > w+0.01 {
		r.line(spread, x, 0, y+lineH(tableSize), 0, tableSmall, false, grey)
		return
	}
	r.line(spread, x+beside, 0, y+(tableSize-tableSmall)*0.8*mmPerPt, 0, tableSmall, false, grey)
}
