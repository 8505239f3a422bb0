package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
)

// The report's pages of the best-ranked routines: one page each, with
// what a client needs to take the routine further.

// topRoutine is one of the best-ranked routines: a card of the deck, or a
// team's own routine on a blank card, with every table's play of it.
type topRoutine struct {
	rank  int               // of its best-ranked play
	plays []game.PlayResult // ranked, the best first
}

// routineKey tells routines apart: a card by its code, whichever table
// laid it; a team's own routine is a routine of its own.
func routineKey(p game.Play) string {
	if p.Text != "" {
		return "own " + p.ID
	}
	return strings.ToUpper(p.Code)
}

// topRoutines are the n best-ranked routines (DefaultTop for 0, none for
// less): those of the plays rated from both sides, in the ranking's
// order, each with all its plays.
func (r *report) topRoutines(n int) []topRoutine {
	if n == 0 {
		n = DefaultTop
	}
	var top []topRoutine
	at := map[string]int{}
	for _, p := range r.plays {
		if _, seen := at[routineKey(p.Play)]; !seen && p.Rated() && len(top) < n {
			at[routineKey(p.Play)] = len(top)
			top = append(top, topRoutine{rank: r.ranks[p.Play.ID]})
		}
	}
	for _, p := range r.plays {
		if i, ok := at[routineKey(p.Play)]; ok {
			top[i].plays = append(top[i].plays, p)
		}
	}
	return top
}

// topPages prints a page for each of the top routines.
func (r *report) topPages() {
	for i, t := range r.tops {
		r.topPage(i, t)
	}
}

// topPage prints one routine: its title and text in the report's
// language, area and type, ratings per criterion and table, the
// customer's role and the interaction cards, its paths and its notes. A
// page it runs over onto starts with its title again.
func (r *report) topPage(i int, t topRoutine) {
	first := t.plays[0]
	r.repeat = nil
	r.newPage()
	r.para(r.word("The top-ranked routines")+" · "+r.say(message.Say("%d of %d · rank %d in the ranking", i+1, len(r.tops), t.rank)), r.left, r.cw, rpSmall+0.5, true, grey)
	r.y += 1
	heading, body := r.routineTexts(first)
	r.para(first.Play.Code+" "+heading, r.left, r.cw, rpH1, true, ink)
	r.repeat = func() {
		r.para(first.Play.Code+" "+heading+" ("+r.word("continued")+")", r.left, r.cw, rpSmall+0.5, true, grey)
		r.y += 1.5
	}
	defer func() { r.repeat = nil }()
	r.y += 1.5
	if strings.TrimSpace(body) != "" {
		r.para(body, r.left, r.cw, rpBody+0.5, false, ink)
		r.y += 2.5
	}
	for _, row := range r.routineFacts(t) {
		r.labelled(row[0], grey, row[1], rpBody)
	}
	r.h2(r.word("Ratings"), 25)
	r.para(r.word("The mean per criterion and perspective for each team that laid the card. A score alone is the table's joint rating; where participants rated blind, the brackets give the lowest–highest value and who rated. – means not rated."), r.left, r.cw, rpSmall, false, grey)
	r.y += 1.5
	r.ratingsTable(t.plays)
	r.h2(r.word("Customer's role and interaction"), 15) // as the board's band names it
	for _, g := range r.sameLinks(t.plays) {
		if len(t.plays) > 1 {
			r.need(lineH(rpBody) + 2*lineH(rpBody))
			r.y = r.teamLabel(g.team, r.left, r.y, r.cw, rpBody) + 0.8
		}
		role := []string(nil)
		if g.play.Role != "" {
			role = []string{g.play.Role}
		}
		r.linkedCards(r.word("Customer's role"), role)
		r.linkedCards(r.word("Interaction"), g.play.Interactions)
	}
	r.h2(r.word("Development paths"), 10)
	r.routinePaths(t.plays)
	r.h2(r.word("Notes on the card"), 10)
	r.routineNotes(t.plays)
}

// routineTexts are a play's heading and text: the card's title and text
// in the report's language, or for a team's own routine the words for
// it with the team, and the team's own text.
func (r *report) routineTexts(p game.PlayResult) (heading, body string) {
	if p.Play.Text != "" {
		return r.word("The team's own routine") + " (" + r.team(p.Play.TeamID).name + ")", p.Play.Text
	}
	if c, ok := r.f.Workshop.Card(p.Play.Code); ok {
		return r.title(p), textIn(c.Body, r.d, r.lang)
	}
	return r.title(p), r.word("The card is not in the deck.")
}

// routineFacts are the label and text of the rows under a routine's text:
// the area (each table's, where they differ), the type and level, and the
// theme.
func (r *report) routineFacts(t topRoutine) [][2]string {
	var areas []string
	for _, p := range t.plays {
		name := r.areaName(r.areas[max(r.areaIndex(p.Play.Area), 0)])
		if !slices.Contains(areas, name) {
			areas = append(areas, name)
		}
	}
	if len(areas) > 1 {
		areas = areas[:0]
		for _, p := range t.plays {
			if a := r.areaName(r.areas[max(r.areaIndex(p.Play.Area), 0)]) + " (" + r.team(p.Play.TeamID).name + ")"; !slices.Contains(areas, a) {
				areas = append(areas, a)
			}
		}
	}
	rows := [][2]string{{r.word("Area"), strings.Join(areas, ", ")}}
	c, ok := r.f.Workshop.Card(t.plays[0].Play.Code)
	if !ok {
		return rows
	}
	kind := c.Type
	if ct, ok := r.d.CardType(c.Type); ok {
		kind = textIn(ct.Name, r.d, r.lang)
	}
	if l, ok := r.d.Level(c.Level); ok {
		kind += " · " + game.LowerFirst(textIn(l.Name, r.d, r.lang))
	}
	rows = append(rows, [2]string{r.word("Type"), kind})
	if th, ok := r.d.Theme(c.Theme); ok {
		rows = append(rows, [2]string{r.word("Theme"), textIn(th.Name, r.d, r.lang)})
	}
	return rows
}

// linkGroup is the plays of a routine that have the same role and
// interaction cards, under the name of their teams.
type linkGroup struct {
	team reportTeam
	play game.Play
}

// sameLinks groups the plays of a routine by the role and interaction
// cards linked to them, so that what several tables chose alike is
// printed once.
func (r *report) sameLinks(plays []game.PlayResult) []linkGroup {
	var groups []linkGroup
	for _, p := range plays {
		name := r.playTeam(p, plays).name
		i := slices.IndexFunc(groups, func(g linkGroup) bool {
			return g.play.Role == p.Play.Role && slices.Equal(g.play.Interactions, p.Play.Interactions)
		})
		if i < 0 {
			groups = append(groups, linkGroup{team: r.playTeam(p, plays), play: p.Play})
			continue
		}
		groups[i].team.name += ", " + name
		groups[i].team.marker = -1 // several teams: no one team's marker
	}
	return groups
}

// linkedCards sets a row of cards a team linked to a routine: the label,
// then each card's title and text in the report's language; "–" for none.
func (r *report) linkedCards(label string, codes []string) {
	x, w := r.left+rpLabelW, r.cw-rpLabelW
	lf := r.fitw(label, true, rpLabelW-2, rpSmall+0.5)
	if len(codes) == 0 {
		r.need(lf.height())
		page, bottom := r.p, r.p.block(lf, r.left, r.y+(rpBody-rpSmall-0.5)*0.8*mmPerPt, 0, 0, true, grey)
		r.para("–", x, w, rpBody, false, ink)
		r.below(page, bottom)
		r.y += 1.2
		return
	}
	page, bottom := (*posterCanvas)(nil), 0.0
	for _, code := range codes {
		title := r.fitw(r.cardTitle(code), true, w, rpBody)
		body := r.fitw(r.cardBody(code), false, w, rpSmall+0.5)
		r.need(title.height() + min(body.height(), 2*lineH(rpSmall+0.5)))
		if page == nil {
			page, bottom = r.p, r.p.block(lf, r.left, r.y+(rpBody-rpSmall-0.5)*0.8*mmPerPt, 0, 0, true, grey)
		}
		r.flow(title, x, w, 0, true, ink)
		r.flow(body, x, w, 0, false, grey)
		r.y += 0.8
	}
	r.below(page, bottom)
	r.y += 0.6
}

// cardBody is a card's text in the report's language.
func (r *report) cardBody(code string) string {
	if c, ok := r.f.Workshop.Card(code); ok {
		return textIn(c.Body, r.d, r.lang)
	}
	return r.word("The card is not in the deck.")
}

// playTeam is the team of a play of a routine, named with the play's area
// when the team laid the routine more than once.
func (r *report) playTeam(p game.PlayResult, plays []game.PlayResult) reportTeam {
	t := r.team(p.Play.TeamID)
	for _, o := range plays {
		if o.Play.TeamID == p.Play.TeamID && o.Play.ID != p.Play.ID {
			t.name += " · " + r.areaName(r.areas[max(r.areaIndex(p.Play.Area), 0)])
			break
		}
	}
	return t
}

// routinePaths lists the development paths the routine's plays lie on,
// each with its team and chain of codes.
func (r *report) routinePaths(plays []game.PlayResult) {
	var shown []string
	for _, p := range plays {
		for _, path := range r.teamPaths(p.Play.TeamID) {
			if path.ID != p.Play.PathID || slices.Contains(shown, path.ID) {
				continue
			}
			shown = append(shown, path.ID)
			r.need(lineH(rpBody))
			page, bottom := r.p, r.teamLabel(r.team(p.Play.TeamID), r.left, r.y, rpLabelW-2, rpSmall+0.5)
			r.para(oneLine(path.Name)+": "+r.pathChain(path.ID), r.left+rpLabelW, r.cw-rpLabelW, rpBody, false, ink)
			r.below(page, bottom)
			r.y += 1
		}
	}
	if len(shown) == 0 {
		r.para(r.word("The card is on no development path."), r.left, r.cw, rpBody, false, grey)
	}
}

// noteKinds is the order notes about a routine are listed in: what was
// decided and is to be done first.
var noteKinds = []string{game.NoteDecision, game.NoteAction, game.NoteIdea, game.NoteConcern, game.NoteQuote}

// routineNotes lists the notes on the routine's plays: decisions and
// actions first, each with its kind and team.
func (r *report) routineNotes(plays []game.PlayResult) {
	var notes []game.Note
	for _, n := range r.f.Notes {
		if !n.Deleted && n.PlayID != "" && slices.ContainsFunc(plays, func(p game.PlayResult) bool { return p.Play.ID == n.PlayID }) {
			notes = append(notes, n)
		}
	}
	kindOrder := func(n game.Note) int { return slices.Index(noteKinds, n.Kind) }
	slices.SortStableFunc(notes, func(a, b game.Note) int {
		return cmp.Or(cmp.Compare(kindOrder(a), kindOrder(b)), a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
	if len(notes) == 0 {
		r.para(r.word("No notes on this card."), r.left, r.cw, rpBody, false, grey)
		return
	}
	for _, n := range notes {
		text := r.fitw(n.Text, false, r.cw-rpLabelW, rpBody)
		r.need(min(text.height(), 2*lineH(rpBody)))
		kind := r.fitw(r.say(game.NoteKindWord(n.Kind)), true, rpLabelW-2, rpSmall+0.5)
		page, bottom := r.p, r.p.block(kind, r.left, r.y+(rpBody-rpSmall-0.5)*0.8*mmPerPt, 0, 0, true, grey)
		if len(plays) > 1 {
			i := slices.IndexFunc(plays, func(p game.PlayResult) bool { return p.Play.ID == n.PlayID })
			bottom = r.teamLabel(r.playTeam(plays[i], plays), r.left, bottom+0.2, rpLabelW-2, rpSmall)
		}
		r.flow(text, r.left+rpLabelW, r.cw-rpLabelW, 0, false, ink)
		r.below(page, bottom)
		r.y += 1.2
	}
}

// ratingsTable sets a routine's scores, a column per table that laid it:
// each perspective's score with its criteria's under it, the quadrant and
// the rank. Tables beyond the width go on in another table under it.
func (r *report) ratingsTable(plays []game.PlayResult) {
	const labelW, minCol = 58.0, 27.0
	perCol := max(1, int((r.cw-labelW)/minCol))
	for start := 0; start < len(plays); start += perCol {
		group := plays[start:min(len(plays), start+perCol)]
		colW := min((r.cw-labelW)/float64(len(group)), 45)
		r.ratingsGroup(group, plays, labelW, colW)
		r.y += 2
	}
}

// ratingRow is a row of the ratings table: its label, bold or not, and
// what it shows of a play.
type ratingRow struct {
	label  string
	bold   bool
	indent bool
	cell   func(x, y, w float64, p game.PlayResult) float64 // draws the cell at (x, y), returns its height
}

// ratingsGroup sets the ratings of plays, some of all the routine's plays.
func (r *report) ratingsGroup(plays, all []game.PlayResult, labelW, colW float64) {
	rows := r.ratingRows()
	head := func() {
		h := 0.0
		for i, p := range plays {
			h = max(h, r.teamLabel(r.playTeam(p, all), r.left+labelW+float64(i)*colW, r.y, colW-2, rpSmall)-r.y)
		}
		r.y += h + 0.6
		r.p.add(posterItem{kind: pkLine, x: r.left, y: r.y, w: labelW + float64(len(plays))*colW, stroke: grey, lw: 0.3})
		r.y += 0.8
	}
	r.need(2*lineH(rpSmall) + 3*lineH(tableSize))
	head()
	for _, row := range rows {
		x := r.left
		if row.indent {
			x += 4
		}
		label := r.fitw(row.label, row.bold, labelW-(x-r.left)-2, tableSize)
		r.need(max(label.height(), lineH(tableSize)) + 1)
		if r.y <= r.top+0.01 {
			head()
		}
		bottom := r.p.block(label, x, r.y, 0, 0, row.bold, ink)
		for i, p := range plays {
			bottom = max(bottom, r.y+row.cell(r.left+labelW+float64(i)*colW, r.y, colW-2, p))
		}
		r.y = bottom + 0.8
		r.p.add(posterItem{kind: pkLine, x: r.left, y: r.y - 0.4, w: labelW + float64(len(plays))*colW, stroke: rule, lw: 0.2})
	}
}

// ratingRows are the rows of the ratings table, in the deck's order of
// perspectives and criteria.
func (r *report) ratingRows() []ratingRow {
	score := func(get func(game.PlayResult) game.Score) func(x, y, w float64, p game.PlayResult) float64 {
		return func(x, y, w float64, p game.PlayResult) float64 {
			r.scoreCell(get(p), x, y)
			return lineH(tableSize)
		}
	}
	var rows []ratingRow
	for _, view := range []string{cards.PerspectiveCustomer, cards.PerspectiveOrganisation} {
		rows = append(rows, ratingRow{label: r.say(perspectiveWords[view]), bold: true,
			cell: score(func(p game.PlayResult) game.Score { return p.AxisScore(view) })})
		for _, c := range r.d.Criteria {
			if c.Perspective == view {
				rows = append(rows, ratingRow{label: textIn(c.Name, r.d, r.lang), indent: true,
					cell: score(func(p game.PlayResult) game.Score { return p.Criteria[c.Key] })})
			}
		}
	}
	rows = append(rows, ratingRow{label: r.word("Quadrant"), bold: true, cell: func(x, y, w float64, p game.PlayResult) float64 {
		colour, bold := grey, false
		if p.Quadrant != "" {
			colour, bold = quadrantColour(p.Quadrant), true
		}
		f := r.fitw(r.quadrantText(p), bold, w, tableSize)
		return r.p.block(f, x, y, 0, 0, bold, colour) - y
	}}, ratingRow{label: r.word("Rank in the ranking"), bold: true, cell: func(x, y, w float64, p game.PlayResult) float64 {
		rank := "–"
		if n, ok := r.ranks[p.Play.ID]; ok {
			rank = fmt.Sprint(n)
		}
		r.line(rank, x, 0, y, 0, tableSize, true, ink)
		return lineH(tableSize)
	}})
	return rows
}
