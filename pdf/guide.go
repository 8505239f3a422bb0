package pdf

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
	"deckhand/message"
)

// GuideOptions are the settings of the facilitator guide.
type GuideOptions struct {
	Lang    string // the deck's default when empty or missing
	Paper   Size   // printed upright
	Created time.Time
}

// guidePart is a paragraph of the guide: a numbered step's heading and
// text, or a row under it led by a bold label (and an area's symbol).
type guidePart struct {
	step   string
	head   string
	shape  string
	colour RGB
	label  string
	text   string
	gap    float64 // mm before, at full size
}

// Guide prints a one-page guide for the facilitator in the deck's
// language: the game's steps, the deck's board areas with their guiding
// questions and its rating criteria with their scales. Text shrinks to fit
// the page; a deck whose texts do not fit even small is an error, as is a
// text the font cannot draw.
func Guide(w io.Writer, d *cards.Deck, o GuideOptions) error {
	if o.Paper.W <= 0 || o.Paper.H <= 0 {
		return refusal("choose a paper")
	}
	m, err := newMeasurer()
	if err != nil {
		return err
	}
	lang := d.Lang(o.Lang)
	m = m.in(lang)
	pw, ph := min(o.Paper.W, o.Paper.H), max(o.Paper.W, o.Paper.H)
	check := &posterCanvas{m: m}
	parts := guideParts(check, d, lang)
	title := check.clean(d.Name, message.Word("deck name"))
	if err := check.failure(); err != nil {
		return err
	}
	var page *posterCanvas
	for k := 1.2; k >= 0.6-1e-9; k -= 0.05 {
		p := &posterCanvas{m: m, w: pw, h: ph}
		if bottom := p.guidePage(parts, title, d, lang, k); bottom <= ph-18 {
			page = p
			break
		}
	}
	if page == nil {
		return refusal("the guide does not fit on one %s page even with smaller text: the deck's area questions or criteria are too long", o.Paper.Name)
	}
	doc, err := newDocument(docOptions{title: printed(lang, "Facilitator guide") + " – " + title, lang: lang, created: o.Created})
	if err != nil {
		return err
	}
	doc.AddPageFormat("P", fpdf.SizeType{Wd: pw, Ht: ph})
	page.draw(doc, 0, 0, 1)
	return finish(doc, w)
}

// guideParts writes the guide's paragraphs from the deck, checking its texts.
func guideParts(p *posterCanvas, d *cards.Deck, lang string) []guidePart {
	text := func(t cards.Text, what message.Message) string { return p.clean(t.Or(lang, d.DefaultLang), what) }
	say := func(m message.Message) string { return said(lang, m) }
	step := func(n int, head, body string) guidePart {
		return guidePart{step: strconv.Itoa(n), head: printed(lang, head), text: body, gap: 4}
	}
	parts := []guidePart{{text: printed(lang, "The game helps a team develop responsible and innovative data routines together with its customers. Each table (team) plays with a deck of cards, a 4K board and a rating sheet.")},
		step(1, "Pick routines", printed(lang, "The team picks data routines that matter to its own organisation and lays them on the board, in the area where each belongs. The areas' questions help:"))}
	for i, a := range d.Board.Areas {
		parts = append(parts, guidePart{shape: areaShapes[i%len(areaShapes)], colour: parseColour(a.Colour, neutral),
			label: text(a.Name, message.Word("board area name")), text: text(a.Question, message.Word("guiding question")), gap: 1.2})
	}
	var bars []string
	for i, l := range d.Levels {
		n := say(message.Count(i+1, "%d bar", "%d bars", i+1))
		bars = append(bars, n+" = "+text(l.Name, message.Word("level name")))
	}
	levels := ""
	if len(bars) > 0 {
		levels = say(message.Say(" The bars on the cards show the level: %s.", strings.Join(bars, ", ")))
	}
	examples := func(typeKey string) string {
		var titles []string
		for _, c := range d.Cards {
			if c.Type == typeKey && len(titles) < 3 {
				titles = append(titles, text(c.Title, message.Word("card title")))
			}
		}
		if len(titles) == 0 {
			return ""
		}
		return say(message.Say(" (such as %s)", strings.Join(titles, ", ")))
	}
	parts = append(parts,
		step(2, "Operational or strategic", say(message.Say("A routine is operational, such as using data while producing the service, or strategic, such as data as part of the organisation's strategy work. Talk about which level each routine concerns.%s", levels))),
		step(3, "Build development paths", say(message.Say("Combine routines that belong together into a development path and lay them in order on the “%s” band: first what you would do first, then what follows.", message.Word("Development path")))),
		step(4, "Your own routines", printed(lang, "Is a routine missing? Write it on a blank card and play it like the others.")),
		// The heading names the board's band, whose name the text quotes.
		step(5, "Customer's role and interaction", say(message.Say("For each routine on the path, discuss the customer's role%s and link interaction cards: ways to involve customers%s. Lay them on the “%s” band below the path.", examples("role"), examples("interaction"), message.Word("Customer's role and interaction")))),
		step(6, "Rate", printed(lang, "Finally, rate each routine on the rating sheet from the customer's and the organisation's point of view. Tick one value for each criterion:")))
	// The criteria by perspective, in the deck's order.
	var order []string
	byView := map[string][]string{}
	for _, c := range d.Criteria {
		if _, ok := byView[c.Perspective]; !ok {
			order = append(order, c.Perspective)
		}
		byView[c.Perspective] = append(byView[c.Perspective], fmt.Sprintf("%s (%s)", text(c.Name, message.Word("criterion name")), say(message.Say("scale %d–%d", c.Min, c.Max))))
	}
	for _, view := range order {
		parts = append(parts, guidePart{label: p.perspective(view, lang) + ":", text: strings.Join(byView[view], ", "), gap: 1.2})
	}
	return append(parts, step(7, "Wrap up", printed(lang, "Compare the scores: routines rated high from both the customer's and the organisation's point of view are ones to start now. Write down decisions and next steps.")))
}

// guidePage lays the guide out at k times the full text size and returns
// the y below its last line, or +Inf when a word is wider than its line.
func (p *posterCanvas) guidePage(parts []guidePart, title string, d *cards.Deck, lang string, k float64) float64 {
	mg := 15.0
	w := p.w - 2*mg
	headW, logoBottom := w, 0.0
	// The client's logo at the heading's right.
	if p.logo(d, p.w-mg-40, mg, 40, 16) {
		headW, logoBottom = w-44, mg+16+2*k
	}
	body, indent := 10.5*k, 9.0
	fits := true
	at := func(text string, bold bool, w, size float64) fitted {
		f := p.m.fit(text, bold, w, 1e6, size, size)
		fits = fits && f.fits
		return f
	}
	y := p.block(at(printed(lang, "Facilitator guide"), true, headW, 22*k), mg, mg, 0, 0, true, ink)
	sub := title + " · " + printed(lang, "edition") + " " + strconv.Itoa(d.Edition)
	y = p.block(at(sub, false, headW, 11*k), mg, y+0.5, 0, 0, false, grey) + 2*k
	y = max(y, logoBottom)
	p.add(posterItem{kind: pkLine, x: mg, y: y, w: w, stroke: rule, lw: 0.4})
	y += 3 * k
	for _, part := range parts {
		y += part.gap * k
		x := mg
		if part.step != "" {
			d := 6.5 * k
			p.add(posterItem{kind: pkEllipse, x: mg, y: y, w: d, h: d, fill: ink, style: "F"})
			size := 11 * k
			p.text(mg+(d-p.m.width(part.step, true)*size)/2, y+d/2+size*0.36*mmPerPt, size, true, white, part.step)
			y = p.block(at(part.head, true, w-indent, 12.5*k), mg+indent, y+0.6*k, 0, 0, true, ink) + 0.8*k
		}
		if part.step != "" || part.label != "" {
			x += indent
		}
		if part.shape != "" {
			p.shape(symbol(part.shape, x, y+0.7*k, 3.6*k, part.colour))
			x += 5.5 * k
		}
		tx := x
		if part.label != "" {
			p.text(x, y+body*0.8*mmPerPt, body, true, ink, part.label)
			tx += p.m.width(part.label, true)*body + 2*k
		}
		f := at(part.text, false, mg+w-tx, body)
		y = max(p.block(f, tx, y, 0, 0, false, ink), y+body*lineFactor*mmPerPt)
	}
	note := "Deckhand · " + title + " · " + printed(lang, "edition") + " " + strconv.Itoa(d.Edition)
	p.block(at(note, false, w, 7.5), mg, p.h-mg+2, w, 2, false, grey)
	if !fits {
		return math.Inf(1)
	}
	return y
}
