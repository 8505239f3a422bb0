package pdf

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
	"deckhand/words"
)

// ReportOptions are the settings of the workshop report.
type ReportOptions struct {
	Lang         string            // the workshop's language when empty
	Paper        Size              // A4 or Letter, printed upright
	IncludeNames bool              // print participants' real names next to their pseudonyms
	RealNames    map[string]string // participant id → real name, used only with IncludeNames
	Created      time.Time         // when the report was made; now when zero
	// Top is how many of the best-ranked routines get a page of their
	// own: DefaultTop when 0, none when negative.
	Top int
	// Across and Up are the matrix's axes, by the keys of game.AxisKeys
	// (the Results screen's choice): the organisation's score across and
	// the customer's up when empty.
	Across, Up string
	// Look is the client's look the cover shows (its logo): the deck's as
	// it is now, given by the caller when the deck is still here, since a
	// logo chosen after the workshop belongs on its report too. The
	// workshop's deck snapshot's when nil.
	Look *cards.Look
}

// DefaultTop is how many routines get a page of their own unless
// ReportOptions.Top says otherwise.
const DefaultTop = 5

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
// workshop, the story of the method: a cover with the workshop, its teams
// and what is kept of them; a summary per board area of the routines each
// team chose, with the customer's role and the interaction cards linked to
// each; each team's development paths, routine by routine; the matrix of
// the two axes chosen (the customer's score up, the organisation's across
// by default); the ranked plays; a page for each of the best-ranked
// routines (Top); the decisions and actions; the ideas, concerns and
// quotes; and an appendix with the texts of every card played, from the
// workshop's deck snapshot. r holds the results of f, ranked. It returns
// the number of pages.
//
// Participants appear by pseudonym; real names only with IncludeNames. A
// character the font cannot draw prints as a question mark and the report
// goes on: one emoji in a team's name never stops it.
func Report(w io.Writer, f *game.File, r *game.WorkshopResults, o ReportOptions) (pages int, err error) {
	switch {
	case f == nil || r == nil:
		return 0, refusal("the report needs a workshop and its results")
	case f.Workshop.Deck == nil:
		return 0, refusal("the workshop %q has no deck snapshot to print the cards from", f.Workshop.Title)
	case o.Paper.W <= 0 || o.Paper.H <= 0:
		return 0, refusal("choose a paper")
	}
	for _, axis := range []string{o.Across, o.Up} {
		if axis != "" && !slices.Contains(game.AxisKeys(f.Workshop.Deck), axis) {
			return 0, refusal("the matrix has no axis %q; choose one of %s", axis, strings.Join(game.AxisKeys(f.Workshop.Deck), ", "))
		}
	}
	m, err := newMeasurer()
	if err != nil {
		return 0, err
	}
	rep := newReport(m, f, r, o)
	rep.cover()
	for _, part := range rep.parts {
		rep.starts = append(rep.starts, len(rep.pages)+1)
		part.draw()
	}
	rep.contents()
	rep.footers()
	title := rep.clean(printed(rep.lang, "Workshop report") + " – " + f.Workshop.Title)
	doc, err := newDocument(docOptions{title: title, lang: rep.lang, created: o.Created})
	if err != nil {
		return 0, err
	}
	for _, p := range rep.pages {
		doc.AddPageFormat("P", fpdf.SizeType{Wd: rep.pw, Ht: rep.ph})
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
	tocY                float64      // where the contents go, once the parts' pages are known
	parts               []reportPart // after the cover, in order
	starts              []int        // the page each part starts on

	teams  []reportTeam
	teamOf map[string]int    // team id → index in teams
	plays  []game.PlayResult // live plays, ranked
	byID   map[string]game.Play
	areas  []cards.Area    // the board's areas, then any others the plays lie in
	ranks  map[string]int  // play id → its rank in the ranked table, for the plays rated from both sides
	tops   []topRoutine    // the best-ranked routines, each with a page (reporttop.go)
	across game.MatrixAxis // the matrix's axes (reportaxes.go)
	up     game.MatrixAxis

	// The matrix as placed (reportmatrix.go): kept for the key and the tests.
	matrixFrame game.MatrixFrame
	matrixPlan  game.MatrixPlan
	matrixPlays []int // index into plays of each point given to the placement
}

func newReport(m measurer, f *game.File, res *game.WorkshopResults, o ReportOptions) *report {
	lang := o.Lang
	if lang == "" {
		lang = f.Workshop.Language
	}
	d := f.Workshop.Deck
	r := &report{m: m.in(d.Lang(lang)), f: f, res: res, o: o, d: d, lang: d.Lang(lang),
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
	r.ranks = map[string]int{}
	for _, p := range r.plays {
		if r.areaIndex(p.Play.Area) < 0 {
			r.areas = append(r.areas, cards.Area{Key: p.Play.Area, Name: cards.Text{r.lang: p.Play.Area}})
		}
		if p.Rated() {
			r.ranks[p.Play.ID] = len(r.ranks) + 1
		}
	}
	r.across, r.up = r.axis(cmp.Or(o.Across, game.AxisOrganisation)), r.axis(cmp.Or(o.Up, game.AxisCustomer))
	r.tops = r.topRoutines(o.Top)
	r.parts = r.reportParts()
	return r
}

// reportPart is a part of the report after the cover: its title in the
// contents, and what draws it from a new page.
type reportPart struct {
	title string
	draw  func()
}

// reportParts are the parts of the report in the order they tell the
// workshop's story; the top routines' part only when there are any.
func (r *report) reportParts() []reportPart {
	parts := []reportPart{
		{r.word("Summary"), r.summary},
		{r.word("Development paths"), r.paths},
		{r.matrixTitle(), r.matrix},
		{r.word("Ranking"), r.ranking},
	}
	if len(r.tops) > 0 {
		parts = append(parts, reportPart{r.word("The top-ranked routines"), r.topPages})
	}
	return append(parts,
		reportPart{r.word("Decisions and actions"), r.decisions},
		reportPart{r.word("Ideas, concerns and quotes"), r.otherNotes},
		reportPart{r.word("Appendix: the cards as played"), r.appendix})
}

func (r *report) addTeam(id, name string) {
	i := len(r.teams)
	r.teamOf[id] = i
	c, shape := game.TeamStyle(i)
	r.teams = append(r.teams, reportTeam{id: id, name: name, colour: RGB(c), marker: shape})
}

func (r *report) team(id string) reportTeam {
	if i, ok := r.teamOf[id]; ok {
		return r.teams[i]
	}
	return reportTeam{name: r.word("Whole workshop"), colour: grey, marker: -1}
}

func (r *report) areaIndex(key string) int {
	return slices.IndexFunc(r.areas, func(a cards.Area) bool { return a.Key == key })
}

func (r *report) areaName(a cards.Area) string { return textIn(a.Name, r.d, r.lang) }

// word is a word or sentence of the catalogue, given in English, in the
// report's language.
func (r *report) word(english string) string { return printed(r.lang, english) }

// say is a Message in the report's language.
func (r *report) say(m message.Message) string { return said(r.lang, m) }

// date is a day the workshop keeps as YYYY-MM-DD (its date, how long its
// data is kept) as the document's language writes a date (words.Lang.Date);
// one written otherwise is printed as written.
func (r *report) date(iso string) string { return words.In(r.lang).DateOf(strings.TrimSpace(iso)) }

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

// score writes a score: the mean, then what it is made of; "–" when
// nobody rated it, never 0. The table's joint rating alone is its number
// alone; a range and a count only where several rated, saying who: the
// participants rating blind, or the table and its participants (whose
// ratings the mean takes together, each one rater, as the results count
// them). One participant's rating alone says so.
func (r *report) score(s game.Score) (mean, spread string) {
	if !s.Rated {
		return "–", ""
	}
	mean = r.number(s.Mean)
	switch {
	case s.Raters <= 1 && s.Team:
		return mean, ""
	case s.Raters <= 1:
		return mean, r.word("(one participant)")
	case s.Team:
		return mean, r.say(message.Count(s.Participants, "(%d–%d, the table and %d participant)", "(%d–%d, the table and %d participants)", s.Min, s.Max, s.Participants))
	}
	return mean, r.say(message.Say("(%d–%d, mean of %d participants)", s.Min, s.Max, s.Participants))
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

// startPart starts a part of the report on a new page: its title, and
// under it the intro when there is one.
func (r *report) startPart(title, intro string) {
	r.newPage()
	r.h1(title)
	if intro != "" {
		r.para(intro, r.left, r.cw, rpSmall+0.5, false, grey)
	}
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

// footers put the workshop, its date and the page number on every page.
func (r *report) footers() {
	const size = 7.5
	n := len(r.pages)
	ws := r.f.Workshop
	date := ""
	if d := oneLine(r.clean(r.date(ws.Date))); d != "" {
		date = " · " + d
	}
	numW := r.m.width(fmt.Sprintf("%s %d/%d", printed(r.lang, "page"), n, n), false) * size
	room := r.cw - numW - 6 - r.m.width(date, false)*size
	left := r.ellipsis(r.clean(ws.Title), false, room, size) + date
	for i, p := range r.pages {
		y := r.ph - rpFooter + 7
		p.add(posterItem{kind: pkLine, x: r.left, y: y, w: r.cw, stroke: rule, lw: 0.3})
		num := fmt.Sprintf("%s %d/%d", printed(r.lang, "page"), i+1, n)
		p.text(r.left+r.cw-r.m.width(num, false)*size, y+4.2, size, false, grey, num)
		p.text(r.left, y+4.2, size, false, grey, left)
	}
}
