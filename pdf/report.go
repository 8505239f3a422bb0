package pdf

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"deckhand/cards"
	"deckhand/game"
)

// ReportOptions are the settings of the workshop report.
type ReportOptions struct {
	Lang         string            // the workshop's language when empty
	Paper        Size              // A4 or Letter, printed upright
	IncludeNames bool              // print participants' real names next to their pseudonyms
	RealNames    map[string]string // participant id → real name, used only with IncludeNames
	Created      time.Time         // when the report was made; now when zero
}

// Report measures in millimetres and points.
const (
	rpMargin  = 18
	rpFooter  = 20 // from the page's bottom edge to the end of the content
	rpBody    = 9.5
	rpSmall   = 8
	rpH1      = 17
	rpH2      = 12
	rpLabelW  = 36 // a row's label column: a team, a field's name
	rpCodeW   = 12 // a card's code before its title
	rpMaxRows = 3  // lines of a card title in a summary or table row
)

// Report prints the report a facilitator sends the client after a
// workshop: a cover with the workshop, its teams and what is kept of them;
// a summary per board area with each team's development paths; the
// desirability × feasibility matrix; the ranked plays; the decisions,
// actions and other notes; and an appendix with the texts of every card
// played, from the workshop's deck snapshot. r holds the results of f,
// ranked. It returns the number of pages.
//
// Participants appear by pseudonym; real names only with IncludeNames. A
// character the font cannot draw prints as a question mark and the report
// goes on: one emoji in a team's name never stops it.
func Report(w io.Writer, f *game.File, r *game.WorkshopResults, o ReportOptions) (pages int, err error) {
	switch {
	case f == nil || r == nil:
		return 0, errors.New("the report needs a workshop and its results")
	case f.Workshop.Deck == nil:
		return 0, fmt.Errorf("the workshop %q has no deck snapshot to print the cards from", f.Workshop.Title)
	case o.Paper.W <= 0 || o.Paper.H <= 0:
		return 0, errors.New("choose a paper")
	}
	m, err := newMeasurer()
	if err != nil {
		return 0, err
	}
	rep := newReport(m, f, r, o)
	rep.cover()
	for _, part := range []func(){rep.summary, rep.matrix, rep.ranking, rep.notes, rep.appendix} {
		rep.starts = append(rep.starts, len(rep.pages)+1)
		part()
	}
	rep.contents()
	rep.footers()
	title := rep.clean(reportWord("title", rep.lang) + " – " + f.Workshop.Title)
	doc, err := newDocument(docOptions{title: title, created: o.Created})
	if err != nil {
		return 0, err
	}
	for _, p := range rep.pages {
		doc.AddPageFormat("P", gofpdf.SizeType{Wd: rep.pw, Ht: rep.ph})
		p.draw(doc, 0, 0, 1)
	}
	if err := finish(doc, w); err != nil {
		return 0, err
	}
	return doc.PageCount(), nil
}

// reportTeam is a team as the report shows it: by name, colour and marker.
type reportTeam struct {
	id, name string
	colour   RGB
	marker   int
}

// report lays the report out page by page, top to bottom: each page is a
// posterCanvas, drawn into the PDF once the number of pages is known.
type report struct {
	m                   measurer
	f                   *game.File
	res                 *game.WorkshopResults
	o                   ReportOptions
	d                   *cards.Deck
	lang                string
	pw, ph              float64
	left, cw, top, bott float64
	pages               []*posterCanvas
	p                   *posterCanvas
	y                   float64
	repeat              func() // draws a table's head again at the top of a page it breaks onto
	toc                 *posterCanvas
	tocY                float64 // where the contents go, once the parts' pages are known
	starts              []int   // the page each part starts on

	teams  []reportTeam
	teamOf map[string]int    // team id → index in teams
	plays  []game.PlayResult // live plays, ranked
	byID   map[string]game.Play
	areas  []cards.Area // the board's areas, then any others the plays lie in
}

func newReport(m measurer, f *game.File, res *game.WorkshopResults, o ReportOptions) *report {
	lang := o.Lang
	if lang == "" {
		lang = f.Workshop.Language
	}
	d := f.Workshop.Deck
	r := &report{m: m, f: f, res: res, o: o, d: d, lang: d.Lang(lang),
		pw: min(o.Paper.W, o.Paper.H), ph: max(o.Paper.W, o.Paper.H), teamOf: map[string]int{}, byID: map[string]game.Play{}}
	r.left, r.top = rpMargin, rpMargin
	r.cw, r.bott = r.pw-2*rpMargin, r.ph-rpFooter
	teams := slices.Clone(f.Teams)
	slices.SortStableFunc(teams, func(a, b game.Team) int { return cmp.Compare(a.Position, b.Position) })
	for _, t := range teams {
		if !t.Deleted {
			r.addTeam(t.ID, t.Name)
		}
	}
	for _, p := range f.Plays {
		r.byID[p.ID] = p
	}
	for _, p := range res.Plays {
		if p.Play.Deleted {
			continue
		}
		if _, ok := r.teamOf[p.Play.TeamID]; !ok {
			r.addTeam(p.Play.TeamID, p.Team)
		}
		r.plays = append(r.plays, p)
	}
	r.areas = slices.Clone(d.Board.Areas)
	for _, p := range r.plays {
		if r.areaIndex(p.Play.Area) < 0 {
			r.areas = append(r.areas, cards.Area{Key: p.Play.Area, Name: cards.Text{r.lang: p.Play.Area}})
		}
	}
	return r
}

func (r *report) addTeam(id, name string) {
	i := len(r.teams)
	r.teamOf[id] = i
	r.teams = append(r.teams, reportTeam{id: id, name: name, colour: teamColours[i%len(teamColours)], marker: (i + i/len(teamColours)) % markerKinds})
}

func (r *report) team(id string) reportTeam {
	if i, ok := r.teamOf[id]; ok {
		return r.teams[i]
	}
	return reportTeam{name: reportWord("wholeWorkshop", r.lang), colour: grey, marker: -1}
}

func (r *report) areaIndex(key string) int {
	return slices.IndexFunc(r.areas, func(a cards.Area) bool { return a.Key == key })
}

func (r *report) areaName(a cards.Area) string { return textIn(a.Name, r.d, r.lang) }

func (r *report) word(key string) string { return reportWord(key, r.lang) }

// title is what a play is called in the report's language: the card's
// title, or the team's own routine written on a blank card.
func (r *report) title(p game.PlayResult) string {
	if p.Play.Text != "" {
		return p.Play.Text
	}
	if c, ok := r.f.Workshop.Card(p.Play.Code); ok {
		if t := textIn(c.Title, r.d, r.lang); t != "" {
			return t
		}
	}
	return p.Title
}

// number writes a score to one decimal, halves rounded up as people
// round them (2.25 is 2.3), with the language's decimal mark.
func (r *report) number(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10+1e-9)/10, 'f', 1, 64)
	if r.lang == "sv" || r.lang == "fi" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// score writes a perspective's score: the mean, then the spread and the
// raters; "–" when nobody rated it, never 0.
func (r *report) score(s game.Score) (mean, spread string) {
	if !s.Rated {
		return "–", ""
	}
	return r.number(s.Mean), fmt.Sprintf("(%d–%d, n=%d)", s.Min, s.Max, s.Raters)
}

// The flow: text goes down the page and onto a new one when it is full.

func (r *report) newPage() {
	r.p = &posterCanvas{m: r.m, w: r.pw, h: r.ph}
	r.pages = append(r.pages, r.p)
	r.y = r.top
	if r.repeat != nil {
		r.repeat()
	}
}

// need starts a new page unless h more millimetres fit on this one.
func (r *report) need(h float64) {
	if r.y+h > r.bott && r.y > r.top+0.01 {
		r.newPage()
	}
}

// clean makes a text printable: what the font cannot draw becomes the
// replacement character, and the report goes on.
func (r *report) clean(s string) string {
	c, _ := printable(s)
	return c
}

// oneLine is a checked text for a single line: its line breaks and tabs
// become spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// fitw lays out a text at one size in width w, over as many lines as it takes.
func (r *report) fitw(s string, bold bool, w, size float64) fitted {
	return r.m.fit(r.clean(s), bold, w, 1e9, size, size)
}

// clip keeps at most n lines of f, ending the last in an ellipsis when
// lines were cut.
func (r *report) clip(f fitted, n int, bold bool, w float64) fitted {
	if len(f.lines) <= n {
		return f
	}
	f.lines = slices.Clone(f.lines[:n])
	f.lines[n-1] = r.ellipsis(f.lines[n-1]+"…", bold, w, f.size)
	return f
}

// ellipsis shortens a one-line text until it fits w, ending it in "…".
func (r *report) ellipsis(s string, bold bool, w, size float64) string {
	s = oneLine(s)
	if r.m.width(s, bold)*size <= w {
		return s
	}
	runes := []rune(strings.TrimSuffix(s, "…"))
	for len(runes) > 0 && r.m.width(string(runes)+"…", bold)*size > w {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimSpace(string(runes)) + "…"
}

// below moves y below a label drawn on page at the left of a row, unless
// the row has since run onto a new page.
func (r *report) below(page *posterCanvas, y float64) {
	if page == r.p {
		r.y = max(r.y, y)
	}
}

func lineH(size float64) float64 { return size * lineFactor * mmPerPt }

// flow sets the lines of f from the current y, breaking pages between lines.
func (r *report) flow(f fitted, x, w float64, align int, bold bool, c RGB) {
	lh := lineH(f.size)
	for _, line := range f.lines {
		r.need(lh)
		r.line(line, x, w, r.y, align, f.size, bold, c)
		r.y += lh
	}
}

// line draws one line of checked text with its top at y.
func (r *report) line(s string, x, w, y float64, align int, size float64, bold bool, c RGB) {
	if s = oneLine(s); s == "" {
		return
	}
	if align > 0 {
		x += (w - r.m.width(s, bold)*size) * float64(align) / 2
	}
	r.p.text(x, y+size*0.8*mmPerPt, size, bold, c, s)
}

func (r *report) para(s string, x, w, size float64, bold bool, c RGB) {
	r.flow(r.fitw(s, bold, w, size), x, w, 0, bold, c)
}

// h1 starts a part of the report; rest is room to keep with it.
func (r *report) h1(s string) {
	r.need(lineH(rpH1) + 30)
	r.para(s, r.left, r.cw, rpH1, true, ink)
	r.y += 2.5
}

// h2 heads a section; keep is the room to keep with it.
func (r *report) h2(s string, keep float64) {
	r.y += 4
	r.need(lineH(rpH2) + 1.2 + keep)
	r.para(s, r.left, r.cw, rpH2, true, ink)
	r.y += 1.2
}

func (r *report) rule(c RGB) {
	r.p.add(posterItem{kind: pkLine, x: r.left, y: r.y, w: r.cw, stroke: c, lw: 0.3})
}

// labelled sets a row: a label in the left column and a text beside it,
// kept together when it is short, flowing over pages when it is long.
func (r *report) labelled(label string, labelColour RGB, text string, size float64) {
	lf := r.fitw(label, true, rpLabelW-2, size-1)
	tf := r.fitw(text, false, r.cw-rpLabelW, size)
	r.need(max(lf.height(), min(tf.height(), 3*lineH(size))))
	page, bottom := r.p, r.p.block(lf, r.left, r.y+(size-lf.size)*0.8*mmPerPt, 0, 0, true, labelColour)
	r.flow(tf, r.left+rpLabelW, r.cw-rpLabelW, 0, false, ink)
	r.below(page, bottom)
	r.y += 1.2
}

// teamLabel draws a team's marker and name in the label column at y and
// returns the y below it.
func (r *report) teamLabel(t reportTeam, x, y, w, size float64) float64 {
	s := size * mmPerPt
	if t.marker >= 0 {
		r.p.add(marker(t.marker, x+s*0.45, y+s*0.5, s*0.42, t.colour, white)...)
		x, w = x+s*1.2, w-s*1.2
	}
	f := r.clip(r.fitw(t.name, true, w, size), 2, true, w)
	return r.p.block(f, x, y, 0, 0, true, ink)
}

// The parts of the report.

func (r *report) cover() {
	r.newPage()
	ws := r.f.Workshop
	r.para(r.word("title"), r.left, r.cw, 13, true, grey)
	r.y += 1.5
	r.para(ws.Title, r.left, r.cw, 24, true, ink)
	if ws.Client != "" {
		r.y += 1
		r.para(ws.Client, r.left, r.cw, 15, false, grey)
	}
	r.y += 4
	r.rule(ink)
	r.y += 5
	deck := r.d.Name + " · " + printWord("edition", r.lang) + " " + strconv.Itoa(ws.DeckEdition)
	for _, kv := range [][2]string{{"date", ws.Date}, {"place", ws.Place}, {"client", ws.Client}, {"sector", ws.Sector},
		{"facilitator", ws.Facilitator}, {"deck", deck}} {
		if strings.TrimSpace(kv[1]) != "" {
			r.labelled(r.word(kv[0]), grey, kv[1], 10.5)
		}
	}
	r.h2(r.word("teams"), 15)
	r.coverTeams()
	if strings.TrimSpace(ws.Notes) != "" {
		r.h2(r.word("about"), 15)
		r.para(ws.Notes, r.left, r.cw, rpBody, false, ink)
	}
	r.h2(r.word("data"), 15)
	if ws.Purpose != "" {
		r.labelled(r.word("purpose"), grey, ws.Purpose, rpBody)
	}
	if ws.Retention != "" {
		r.labelled(r.word("retention"), grey, fmt.Sprintf(r.word("erased"), ws.Retention), rpBody)
	}
	names := "pseudonyms"
	if r.o.IncludeNames {
		names = "realNames"
	}
	r.para(r.word(names), r.left, r.cw, rpBody, false, ink)
	created := r.o.Created
	if created.IsZero() {
		created = time.Now()
	}
	r.y += 4
	r.para(fmt.Sprintf(r.word("made"), created.Format(time.DateOnly)), r.left, r.cw, rpSmall, false, grey)
	r.h2(r.word("contents"), float64(len(reportParts))*lineH(rpBody+0.5))
	r.toc, r.tocY = r.p, r.y
}

// reportParts name the parts after the cover, in order.
var reportParts = []string{"summary", "matrix", "ranking", "decisions", "appendix"}

// contents lists the parts with the pages they start on, in the room the
// cover kept for them.
func (r *report) contents() {
	const size = rpBody + 0.5
	w := min(r.cw, 110)
	for i, key := range reportParts {
		y := r.tocY + float64(i)*lineH(size)
		name, num := r.clean(r.word(key)), strconv.Itoa(r.starts[i])
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
		rows = append(rows, reportTeam{name: r.word("noTeam"), marker: -1})
	}
	for _, t := range rows {
		r.need(2 * lineH(rpBody))
		page, bottom := r.p, r.teamLabel(t, r.left, r.y, rpLabelW-2, rpBody)
		if nt := r.noteTaker(t.id); t.id != "" && nt != "" {
			f := r.clip(r.fitw(r.word("noteTaker")+": "+nt, false, rpLabelW-2, rpSmall), 2, false, rpLabelW-2)
			bottom = r.p.block(f, r.left, bottom+0.2, 0, 0, false, grey)
		}
		text := strings.Join(byTeam[t.id], ", ")
		if text == "" {
			text = r.word("nobody")
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

// summary shows per board area what each team chose, then each team's
// development paths.
func (r *report) summary() {
	r.newPage()
	r.h1(r.word("summary"))
	rated := 0
	for _, p := range r.plays {
		if p.Rated() {
			rated++
		}
	}
	r.para(fmt.Sprintf(r.word("counts"), len(r.teams), len(r.plays), rated), r.left, r.cw, rpBody, false, grey)
	for i, a := range r.areas {
		r.summaryArea(i, a)
	}
	r.h2(r.word("paths"), 15)
	r.summaryPaths()
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
		r.para(r.word("noCards"), r.left, r.cw, rpBody, false, grey)
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
		out := fmt.Sprintf(r.word("areaCounts"), s.Plays, s.Rated)
		if s.Rated > 0 {
			out += fmt.Sprintf(r.word("areaMeans"), r.number(s.Customer), r.number(s.Organisation))
		}
		return out
	}
	return fmt.Sprintf(r.word("areaCounts"), plays, 0)
}

// teamCards lists one team's cards in an area: code and title. The
// team's name starts the list again on a page the list runs onto.
func (r *report) teamCards(t reportTeam, plays []game.PlayResult) {
	var page *posterCanvas
	labelBottom := 0.0
	x := r.left + rpLabelW
	w := r.cw - rpLabelW - rpCodeW
	for _, p := range plays {
		f := r.clip(r.fitw(r.title(p), false, w, rpBody), rpMaxRows, false, w)
		r.need(f.height())
		if r.p != page {
			page, labelBottom = r.p, r.teamLabel(t, r.left, r.y, rpLabelW-2, rpSmall+0.5)
		}
		r.line(r.clean(p.Play.Code), x, 0, r.y, 0, rpBody, true, ink)
		r.y = r.p.block(f, x+rpCodeW, r.y, 0, 0, false, ink) + 0.6
	}
	r.below(page, labelBottom)
	r.y += 1.4
}

// summaryPaths lists each team's development paths: the codes of their
// cards in position order.
func (r *report) summaryPaths() {
	found := false
	for _, t := range r.teams {
		var paths []game.Path
		for _, p := range r.f.Paths {
			if p.TeamID == t.id && !p.Deleted {
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			continue
		}
		found = true
		slices.SortStableFunc(paths, func(a, b game.Path) int { return cmp.Compare(a.Position, b.Position) })
		var page *posterCanvas
		labelBottom := 0.0
		for _, path := range paths {
			r.need(lineH(rpBody) + 1)
			if r.p != page {
				page, labelBottom = r.p, r.teamLabel(t, r.left, r.y, rpLabelW-2, rpSmall+0.5)
			}
			r.pathRow(path)
		}
		r.below(page, labelBottom)
		r.y += 1.4
	}
	if !found {
		r.para(r.word("noPaths"), r.left, r.cw, rpBody, false, grey)
	}
}

func (r *report) pathRow(path game.Path) {
	var in []game.Play
	for _, p := range r.plays {
		if p.Play.PathID == path.ID {
			in = append(in, p.Play)
		}
	}
	slices.SortStableFunc(in, func(a, b game.Play) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(r.areaIndex(a.Area), r.areaIndex(b.Area)), cmp.Compare(a.Code, b.Code))
	})
	codes := make([]string, len(in))
	for i, p := range in {
		codes[i] = p.Code
	}
	chain := strings.Join(codes, " → ")
	if chain == "" {
		chain = "–"
	}
	x, w := r.left+rpLabelW, r.cw-rpLabelW
	name := oneLine(r.clean(path.Name)) + ":"
	nameW := r.m.width(name, true) * rpBody
	chainF := r.fitw(chain, false, w-nameW-1.5, rpBody)
	if nameW < w*0.6 && len(chainF.lines) == 1 {
		r.need(lineH(rpBody))
		r.line(name, x, 0, r.y, 0, rpBody, true, ink)
		r.line(chainF.lines[0], x+nameW+1.5, 0, r.y, 0, rpBody, false, ink)
		r.y += lineH(rpBody) + 0.6
		return
	}
	r.flow(r.fitw(name, true, w, rpBody), x, w, 0, true, ink)
	r.flow(r.fitw(chain, false, w-4, rpBody), x+4, w-4, 0, false, ink)
	r.y += 0.6
}

// notes lists the decisions and actions, then briefly the ideas,
// concerns and quotes, each with its team and card.
func (r *report) notes() {
	r.newPage()
	r.h1(r.word("decisions"))
	for _, kind := range []string{game.NoteDecision, game.NoteAction} {
		r.h2(r.word(kind), 15)
		r.noteList(kind, rpBody)
	}
	r.h2(r.word("otherNotes"), 15)
	for _, kind := range []string{game.NoteIdea, game.NoteConcern, game.NoteQuote} {
		r.y += 1.5
		r.need(2*lineH(rpBody) + 2)
		r.para(r.word(kind), r.left, r.cw, rpBody, true, grey)
		r.y += 0.6
		r.noteList(kind, rpSmall+0.5)
	}
}

func (r *report) noteList(kind string, size float64) {
	var notes []game.Note
	for _, n := range r.f.Notes {
		if _, live := r.teamOf[n.TeamID]; n.Kind == kind && !n.Deleted && (live || n.TeamID == "") {
			notes = append(notes, n)
		}
	}
	order := func(n game.Note) int {
		if i, ok := r.teamOf[n.TeamID]; ok {
			return i
		}
		return -1
	}
	slices.SortStableFunc(notes, func(a, b game.Note) int {
		return cmp.Or(cmp.Compare(order(a), order(b)), a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
	if len(notes) == 0 {
		r.para(r.word("noNotes"), r.left, r.cw, size, false, grey)
		return
	}
	for _, n := range notes {
		text := r.fitw(n.Text, false, r.cw-rpLabelW, size)
		r.need(min(text.height(), 2*lineH(size)))
		page, bottom := r.p, r.teamLabel(r.team(n.TeamID), r.left, r.y, rpLabelW-2, min(size, rpSmall+0.5))
		if p, ok := r.byID[n.PlayID]; ok && n.PlayID != "" {
			code := r.fitw(p.Code, false, rpLabelW-2, rpSmall)
			bottom = r.p.block(code, r.left, bottom, 0, 0, false, grey)
		}
		r.flow(text, r.left+rpLabelW, r.cw-rpLabelW, 0, false, ink)
		r.below(page, bottom)
		r.y += size * 0.2
	}
}

// appendix prints the texts of every card the workshop used (laid on the
// board, as a customer role or as an interaction) from the deck snapshot,
// grouped by card type in the deck's order.
func (r *report) appendix() {
	used := map[string]bool{}
	var unknown []string
	use := func(code string) {
		if code == "" {
			return
		}
		if c, ok := r.f.Workshop.Card(code); ok {
			used[c.Code] = true
		} else if !slices.Contains(unknown, code) {
			unknown = append(unknown, code)
		}
	}
	for _, p := range r.plays {
		use(p.Play.Code)
		use(p.Play.Role)
		for _, c := range p.Play.Interactions {
			use(c)
		}
	}
	r.newPage()
	r.h1(r.word("appendix"))
	r.para(fmt.Sprintf(r.word("appendixIntro"), r.d.Name, r.f.Workshop.DeckEdition), r.left, r.cw, rpSmall+0.5, false, grey)
	types := slices.Clone(r.d.CardTypes)
	for _, c := range r.d.Cards {
		if _, ok := r.d.CardType(c.Type); !ok && !slices.ContainsFunc(types, func(t cards.CardType) bool { return t.Key == c.Type }) {
			types = append(types, cards.CardType{Key: c.Type, Name: cards.Text{r.lang: c.Type}})
		}
	}
	for _, ct := range types {
		var list []cards.Card
		for _, c := range r.d.Cards {
			if c.Type == ct.Key && used[c.Code] {
				list = append(list, c)
			}
		}
		if len(list) == 0 {
			continue
		}
		r.h2(textIn(ct.Name, r.d, r.lang), 15)
		for _, c := range list {
			r.appendixCard(c.Code, textIn(c.Title, r.d, r.lang), textIn(c.Body, r.d, r.lang), r.ownRoutines(c.Code))
		}
	}
	if len(unknown) > 0 {
		r.h2("?", 15)
		for _, code := range unknown {
			r.appendixCard(code, code, r.word("notInDeck"), r.ownRoutines(code))
		}
	}
}

// ownRoutines are the teams' own texts on a blank card.
func (r *report) ownRoutines(code string) []game.PlayResult {
	var out []game.PlayResult
	for _, p := range r.plays {
		if p.Play.Text != "" && strings.EqualFold(p.Play.Code, code) {
			out = append(out, p)
		}
	}
	return out
}

func (r *report) appendixCard(code, title, body string, own []game.PlayResult) {
	x, w := r.left+rpCodeW+2, r.cw-rpCodeW-2
	tf := r.fitw(title, true, w, rpBody)
	bf := r.fitw(body, false, w, rpSmall+0.5)
	if strings.TrimSpace(body) == "" {
		bf.lines = nil
	}
	r.need(tf.height() + min(bf.height(), 3*lineH(rpSmall+0.5)))
	r.line(r.clean(code), r.left, 0, r.y, 0, rpBody, true, ink)
	r.flow(tf, x, w, 0, true, ink)
	r.flow(bf, x, w, 0, false, ink)
	for _, p := range own {
		r.y += 0.8
		r.para(r.word("ownRoutine")+" ("+r.team(p.Play.TeamID).name+"): "+p.Play.Text, x+3, w-3, rpSmall+0.5, false, grey)
	}
	r.y += 2
}

// footers put the workshop, its date and the page number on every page.
func (r *report) footers() {
	const size = 7.5
	n := len(r.pages)
	ws := r.f.Workshop
	date := ""
	if d := oneLine(r.clean(ws.Date)); d != "" {
		date = " · " + d
	}
	numW := r.m.width(fmt.Sprintf("%s %d/%d", printWord("page", r.lang), n, n), false) * size
	room := r.cw - numW - 6 - r.m.width(date, false)*size
	left := r.ellipsis(r.clean(ws.Title), false, room, size) + date
	for i, p := range r.pages {
		y := r.ph - rpFooter + 7
		p.add(posterItem{kind: pkLine, x: r.left, y: y, w: r.cw, stroke: rule, lw: 0.3})
		num := fmt.Sprintf("%s %d/%d", printWord("page", r.lang), i+1, n)
		p.text(r.left+r.cw-r.m.width(num, false)*size, y+4.2, size, false, grey, num)
		p.text(r.left, y+4.2, size, false, grey, left)
	}
}
