package pdf

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"deckhand/game"
)

// The report's development paths: each team's chains of routines across
// the board's areas, and what the team linked to each routine on the way.

// paths lists each team's development paths in the team's order: the
// path's name with its cards' codes, then its routines one by one, each
// with its area, quadrant, the customer's role and the interaction cards.
func (r *report) paths() {
	r.startPart(r.word("Development paths"), r.word("The teams' development paths in order. Each path's routines are in the path's order across the board's areas; each shows its quadrant and the customer's role and interaction cards the team linked to it."))
	found := false
	for _, t := range r.teams {
		paths := r.teamPaths(t.id)
		if len(paths) == 0 {
			continue
		}
		found = true
		r.y += 4
		r.need(lineH(rpH2) + 2*lineH(rpBody) + lineH(rpSmall))
		r.y = r.teamLabel(t, r.left, r.y, r.cw, rpH2) + 1.2
		for _, path := range paths {
			r.pathSteps(path)
		}
	}
	if !found {
		r.para(r.word("No development paths recorded."), r.left, r.cw, rpBody, false, grey)
	}
}

// teamPaths are a team's live paths in their order.
func (r *report) teamPaths(teamID string) []game.Path {
	var paths []game.Path
	for _, p := range r.f.Paths {
		if p.TeamID == teamID && !p.Deleted {
			paths = append(paths, p)
		}
	}
	slices.SortStableFunc(paths, func(a, b game.Path) int { return cmp.Compare(a.Position, b.Position) })
	return paths
}

// pathPlays are the live plays of a path in its order: by position on
// the board, then by area in the board's order, then by code.
func (r *report) pathPlays(pathID string) []game.PlayResult {
	var in []game.PlayResult
	for _, p := range r.plays {
		if p.Play.PathID == pathID {
			in = append(in, p)
		}
	}
	slices.SortStableFunc(in, func(a, b game.PlayResult) int {
		return cmp.Or(cmp.Compare(a.Play.Position, b.Play.Position), cmp.Compare(r.areaIndex(a.Play.Area), r.areaIndex(b.Play.Area)),
			cmp.Compare(a.Play.Code, b.Play.Code))
	})
	return in
}

// pathChain is a path's cards' codes in its order: "R01 → R29 → R25".
func (r *report) pathChain(pathID string) string {
	var codes []string
	for _, p := range r.pathPlays(pathID) {
		codes = append(codes, p.Play.Code)
	}
	if len(codes) == 0 {
		return "–"
	}
	return strings.Join(codes, " → ")
}

// pathSteps sets a path: its name and chain, then a row per routine, the
// step's number and area on the left.
func (r *report) pathSteps(path game.Path) {
	plays := r.pathPlays(path.ID)
	r.y += 1.5
	r.need(lineH(rpBody) + 2*lineH(rpBody) + lineH(rpSmall))
	r.para(oneLine(path.Name)+": "+r.pathChain(path.ID), r.left, r.cw, rpBody+0.5, true, ink)
	r.y += 1
	if len(plays) == 0 {
		r.para(r.word("No cards on this path."), r.left+rpLabelW, r.cw-rpLabelW, rpSmall+0.5, false, grey)
		return
	}
	x, w := r.left+rpLabelW, r.cw-rpLabelW-rpCodeW
	for i, p := range plays {
		title := r.fitw(r.title(p), false, w, rpBody)
		details := r.fitw(r.quadrantText(p)+" · "+r.links(p.Play), false, w, rpSmall)
		r.need(min(title.height(), 2*lineH(rpBody)) + min(details.height(), 2*lineH(rpSmall)))
		ai := max(r.areaIndex(p.Play.Area), 0)
		area := r.areas[ai]
		s := rpSmall * mmPerPt
		r.line(strconv.Itoa(i+1)+".", r.left+2, 0, r.y, 0, rpBody, true, ink)
		r.p.shape(symbol(areaShapes[ai%len(areaShapes)], r.left+8, r.y+s*0.3, s*0.8, parseColour(area.Colour, neutral)))
		page, bottom := r.p, r.p.block(r.clip(r.fitw(r.areaName(area), false, rpLabelW-13, rpSmall), 2, false, rpLabelW-13),
			r.left+8+s*1.1, r.y+(rpBody-rpSmall)*0.8*mmPerPt, 0, 0, false, grey)
		r.line(r.clean(p.Play.Code), x, 0, r.y, 0, rpBody, true, ink)
		r.flow(title, x+rpCodeW, w, 0, false, ink)
		r.flow(details, x+rpCodeW, w, 0, false, grey)
		r.below(page, bottom)
		r.y += 1.2
	}
}

// quadrantText names a play's quadrant, or says it is not rated.
func (r *report) quadrantText(p game.PlayResult) string {
	if p.Quadrant == "" {
		return r.word("not rated")
	}
	return r.quadrantName(p.Quadrant)
}

// links says what a team linked to a play: the customer's role and the
// interaction cards, by their titles in the report's language; "–" for
// none.
func (r *report) links(p game.Play) string {
	role := "–"
	if p.Role != "" {
		role = r.cardTitle(p.Role)
	}
	ways := "–"
	if len(p.Interactions) > 0 {
		titles := make([]string, len(p.Interactions))
		for i, code := range p.Interactions {
			titles[i] = r.cardTitle(code)
		}
		ways = strings.Join(titles, ", ")
	}
	return r.word("Customer's role") + ": " + role + " · " + r.word("Interaction") + ": " + ways
}

// cardTitle is a card's title in the report's language; its code when
// the deck has no such card.
func (r *report) cardTitle(code string) string {
	if c, ok := r.f.Workshop.Card(code); ok {
		if t := textIn(c.Title, r.d, r.lang); t != "" {
			return t
		}
	}
	return code
}
