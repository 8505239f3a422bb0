package pdf

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
	"deckhand/words"
)

// The parts of the report.

func (r *report) cover() {
	r.newPage()
	ws := r.f.Workshop
	// The client's logo heads the cover, at its right.
	branded := r.d
	if r.o.Look != nil {
		branded = &cards.Deck{Look: r.o.Look}
	}
	if r.p.logo(branded, r.left+r.cw-60, r.y, 60, 22) {
		r.y += 26
	}
	r.para(r.word("Workshop report"), r.left, r.cw, 13, true, grey)
	r.y += 1.5
	r.para(ws.Title, r.left, r.cw, 24, true, ink)
	if ws.Client != "" {
		r.y += 1
		r.para(ws.Client, r.left, r.cw, 15, false, grey)
	}
	r.y += 4
	r.rule(ink)
	r.y += 5
	deck := r.d.Name + " · " + printed(r.lang, "edition") + " " + strconv.Itoa(ws.DeckEdition)
	// The labels of the workshop's details, as its details form names them.
	for _, kv := range []struct {
		label message.Message
		value string
	}{{message.Word("Date"), r.date(ws.Date)}, {message.Word("Place"), ws.Place}, {message.Word("Client"), ws.Client}, {message.Word("Sector"), ws.Sector},
		{message.Word("Facilitator"), ws.Facilitator}, {message.Word("Deck"), deck}} {
		if strings.TrimSpace(kv.value) != "" {
			r.labelled(r.say(kv.label), grey, kv.value, 10.5)
		}
	}
	r.h2(r.word("Teams and participants"), 15)
	r.coverTeams()
	if strings.TrimSpace(ws.Notes) != "" {
		r.h2(r.word("About the workshop"), 15)
		r.para(ws.Notes, r.left, r.cw, rpBody, false, ink)
	}
	r.h2(r.word("The data in this report"), 15)
	if ws.Purpose != "" {
		r.labelled(r.word("Purpose of the data"), grey, ws.Purpose, rpBody)
	}
	if ws.Retention != "" {
		r.labelled(r.word("Kept until"), grey, r.say(message.Say("%s; the personal data is erased after that.", r.date(ws.Retention))), rpBody)
	}
	names := message.Word("Participants are named by pseudonym; their real names are not in this report.")
	if r.o.IncludeNames {
		names = message.Word("This report holds participants' real names: share it only with those who need them.")
	}
	r.para(r.say(names), r.left, r.cw, rpBody, false, ink)
	created := r.o.Created
	if created.IsZero() {
		created = time.Now()
	}
	r.y += 4
	r.para(r.say(message.Say("Compiled on %s with Deckhand.", words.In(r.lang).Date(created.Local()))), r.left, r.cw, rpSmall, false, grey)
	r.h2(r.word("Contents"), float64(len(r.parts))*lineH(rpBody+0.5))
	r.toc, r.tocY = r.p, r.y
}

// contents lists the parts with the pages they start on, in the room the
// cover kept for them.
func (r *report) contents() {
	const size = rpBody + 0.5
	w := min(r.cw, 110)
	for i, part := range r.parts {
		y := r.tocY + float64(i)*lineH(size)
		num := strconv.Itoa(r.starts[i])
		name := r.ellipsis(r.clean(part.title), false, w-r.m.width(num, false)*size-3, size)
		r.toc.text(r.left, y+size*0.8*mmPerPt, size, false, ink, name)
		r.toc.text(r.left+w-r.m.width(num, false)*size, y+size*0.8*mmPerPt, size, false, ink, num)
		r.toc.add(posterItem{kind: pkLine, x: r.left, y: y + lineH(size) - 0.3, w: w, stroke: rule, lw: 0.2})
	}
}

// coverTeams lists each team with its note-taker and participants.
func (r *report) coverTeams() {
	byTeam := map[string][]string{}
	for _, p := range r.f.Participants {
		if p.Deleted {
			continue
		}
		s := p.Pseudonym
		if real := r.realName(p); real != "" {
			s += " – " + real
		}
		if p.Role != "" {
			s += " (" + p.Role + ")"
		}
		team := p.TeamID
		if _, ok := r.teamOf[team]; !ok {
			team = ""
		}
		byTeam[team] = append(byTeam[team], s)
	}
	rows := slices.Clone(r.teams)
	if len(byTeam[""]) > 0 {
		rows = append(rows, reportTeam{name: r.word("Without a team"), marker: -1})
	}
	for _, t := range rows {
		r.need(2 * lineH(rpBody))
		page, bottom := r.p, r.teamLabel(t, r.left, r.y, rpLabelW-2, rpBody)
		if nt := r.noteTaker(t.id); t.id != "" && nt != "" {
			f := r.clip(r.fitw(r.say(message.Say("Note-taker: %s", nt)), false, rpLabelW-2, rpSmall), 2, false, rpLabelW-2)
			bottom = r.p.block(f, r.left, bottom+0.2, 0, 0, false, grey)
		}
		text := strings.Join(byTeam[t.id], ", ")
		if text == "" {
			text = r.word("No participants recorded.")
		}
		r.flow(r.fitw(text, false, r.cw-rpLabelW, rpBody), r.left+rpLabelW, r.cw-rpLabelW, 0, false, ink)
		r.below(page, bottom)
		r.y += 1.5
	}
}

func (r *report) noteTaker(teamID string) string {
	for _, t := range r.f.Teams {
		if t.ID == teamID {
			return t.NoteTaker
		}
	}
	return ""
}

// realName is a participant's real name when the report may show it.
func (r *report) realName(p game.Participant) string {
	if !r.o.IncludeNames {
		return ""
	}
	if n := strings.TrimSpace(r.o.RealNames[p.ID]); n != "" {
		return n
	}
	return strings.TrimSpace(p.RealName)
}

// summary shows per board area what each team chose, each card with the
// customer's role and the interaction cards linked to it.
func (r *report) summary() {
	r.startPart(r.word("Summary"), "")
	rated := 0
	for _, p := range r.plays {
		if p.Rated() {
			rated++
		}
	}
	r.para(r.say(message.Say("Teams: %d · cards on the board: %d · rated: %d", len(r.teams), len(r.plays), rated)), r.left, r.cw, rpBody, false, grey)
	for i, a := range r.areas {
		r.summaryArea(i, a)
	}
}

func (r *report) summaryArea(i int, a cards.Area) {
	var plays []game.PlayResult
	for _, p := range r.plays {
		if p.Play.Area == a.Key {
			plays = append(plays, p)
		}
	}
	slices.SortStableFunc(plays, func(x, y game.PlayResult) int {
		return cmp.Or(cmp.Compare(r.teamOf[x.Play.TeamID], r.teamOf[y.Play.TeamID]), cmp.Compare(x.Play.Position, y.Play.Position))
	})
	r.y += 4
	r.need(lineH(rpH2) + 3 + 2*lineH(rpBody))
	colour := parseColour(a.Colour, neutral)
	size := rpH2 * mmPerPt
	r.p.shape(symbol(areaShapes[i%len(areaShapes)], r.left, r.y+size*0.12, size*0.78, colour))
	name := r.ellipsis(r.clean(r.areaName(a)), true, r.cw*0.5, rpH2)
	r.line(name, r.left+size*1.1, 0, r.y, 0, rpH2, true, ink)
	stats := r.areaStats(a.Key, len(plays))
	sx := r.left + size*1.1 + r.m.width(name, true)*rpH2 + 3
	r.line(r.ellipsis(r.clean(stats), false, r.left+r.cw-sx, rpSmall), sx, 0, r.y+(rpH2-rpSmall)*0.8*mmPerPt, 0, rpSmall, false, grey)
	r.y += lineH(rpH2) + 0.5
	r.p.add(posterItem{kind: pkLine, x: r.left, y: r.y, w: r.cw, stroke: colour, lw: 0.5})
	r.y += 1.8
	if len(plays) == 0 {
		r.para(r.word("No cards in this area."), r.left, r.cw, rpBody, false, grey)
		return
	}
	r.repeat = func() {
		r.para(r.areaName(a)+" ("+r.word("continued")+")", r.left, r.cw, rpSmall+0.5, true, grey)
		r.y += 1.5
	}
	defer func() { r.repeat = nil }()
	for j := 0; j < len(plays); {
		k := j
		for k < len(plays) && plays[k].Play.TeamID == plays[j].Play.TeamID {
			k++
		}
		r.teamCards(r.team(plays[j].Play.TeamID), plays[j:k])
		j = k
	}
}

// areaStats counts an area's cards and gives its mean scores.
func (r *report) areaStats(key string, plays int) string {
	for _, s := range r.res.Areas {
		if s.Area != key {
			continue
		}
		out := r.say(message.Say("cards: %d · rated: %d", s.Plays, s.Rated))
		if s.Rated > 0 {
			out += r.say(message.Say(" · mean: customer %s, organisation %s", r.number(s.Customer), r.number(s.Organisation)))
		}
		return out
	}
	return r.say(message.Say("cards: %d · rated: %d", plays, 0))
}

// teamCards lists one team's cards in an area: code and title, and under
// them the customer's role and the interaction cards. The team's name
// starts the list again on a page the list runs onto.
func (r *report) teamCards(t reportTeam, plays []game.PlayResult) {
	var page *posterCanvas
	labelBottom := 0.0
	x := r.left + rpLabelW
	w := r.cw - rpLabelW - rpCodeW
	for _, p := range plays {
		f := r.clip(r.fitw(r.title(p), false, w, rpBody), rpMaxRows, false, w)
		links := r.fitw(r.links(p.Play), false, w, rpSmall)
		r.need(f.height() + min(links.height(), 2*lineH(rpSmall)))
		if r.p != page {
			page, labelBottom = r.p, r.teamLabel(t, r.left, r.y, rpLabelW-2, rpSmall+0.5)
		}
		r.line(r.clean(p.Play.Code), x, 0, r.y, 0, rpBody, true, ink)
		r.y = r.p.block(f, x+rpCodeW, r.y, 0, 0, false, ink)
		r.flow(links, x+rpCodeW, w, 0, false, grey)
		r.y += 0.9
	}
	r.below(page, labelBottom)
	r.y += 1.4
}
