package pdf

import (
	"fmt"

	"deckhand/cards"
	"deckhand/message"
)

// cardSide is what laying out one side of one card needs.
type cardSide struct {
	m      measurer
	deck   *cards.Deck
	card   cards.Card
	lang   string
	w, h   float64
	safe   float64 // mm inside the cut that text keeps to
	issues []Issue
	face   Face
}

func newSide(m measurer, d *cards.Deck, c cards.Card, lang string, size Size, safe float64) *cardSide {
	return &cardSide{m: m.in(d.Lang(lang)), deck: d, card: c, lang: d.Lang(lang), w: size.W, h: size.H, safe: safe, face: Face{W: size.W, H: size.H}}
}

// text checks s against the font; characters it cannot draw are reported
// and replaced, so gofpdf never sees them.
func (cs *cardSide) text(s string, what message.Message) string {
	clean, bad := printable(s)
	if len(bad) > 0 {
		cs.issues = append(cs.issues, newIssue(Error, cs.card.Code,
			"the %s holds characters the print font cannot draw (%q); they would print as %q", what, string(bad), string(replacement)))
	}
	return clean
}

func (cs *cardSide) add(shapes ...Shape) { cs.face.Shapes = append(cs.face.Shapes, shapes...) }

func (cs *cardSide) run(x, y, size float64, bold bool, c RGB, s string) {
	cs.face.Texts = append(cs.face.Texts, TextRun{X: x, Y: y, Size: size, Bold: bold, Colour: c, Text: plain(s)})
}

// as names the field of the texts set since the n-th, for preflight.
func (cs *cardSide) as(n int, what message.Message) {
	for i := n; i < len(cs.face.Texts); i++ {
		cs.face.Texts[i].What = what
	}
}

// runRight sets a line so that it ends at x.
func (cs *cardSide) runRight(x, y, size float64, bold bool, c RGB, s string) {
	cs.run(x-cs.m.width(plain(s), bold)*size, y, size, bold, c, s)
}

// block sets fitted lines from top y, returning the y below them.
func (cs *cardSide) block(f fitted, x, y float64, bold bool, c RGB) float64 {
	lh := f.size * lineFactor * mmPerPt
	for i, line := range f.lines {
		if line != "" {
			cs.run(x, y+lh*float64(i)+f.size*0.8*mmPerPt, f.size, bold, c, line)
		}
	}
	return y + f.height()
}

func (cs *cardSide) overflow(f fitted, what message.Message) {
	switch {
	case !f.fits:
		cs.issues = append(cs.issues, newIssue(Error, cs.card.Code,
			"the %s (%s) does not fit on the card even at %.1f pt; shorten it", what, cs.lang, f.size))
	case f.broken:
		cs.issues = append(cs.issues, newIssue(Warning, cs.card.Code,
			"a word in the %s (%s) is too long for a line and is broken with a hyphen", what, cs.lang))
	}
}

// layoutFront lays out a card's face: the type's colour band with the code,
// the area and level as symbol and word, the theme, the title, the text, and
// a footer with the deck's name and edition.
func layoutFront(m measurer, d *cards.Deck, c cards.Card, lang string, size Size, safe float64) (Face, []Issue) {
	cs := newSide(m, d, c, lang, size, safe)
	cs.issues = append(cs.issues, missingTitle(c, d, cs.lang)...)
	mt := metricsFor(cs.w, cs.h, cs.safe)
	band := neutral
	typeName := ""
	var icon cards.Image
	if t, ok := d.CardType(c.Type); ok {
		band, typeName, icon = parseColour(t.Colour, neutral), textIn(t.Name, d, cs.lang), t.Icon
	}
	onBand := onColour(band)
	cs.add(Shape{Kind: ShapeRect, X: 0, Y: 0, W: cs.w, H: cs.h, Colour: white, Bleed: true},
		Shape{Kind: ShapeRect, X: 0, Y: 0, W: cs.w, H: mt.band, Colour: band, Bleed: true})
	codeSize := mt.pt(20, 13)
	if c.Code == "" { // a blank card: a box to write the code in
		cs.add(Shape{Kind: ShapeFrame, X: mt.inset, Y: mt.band * 0.22, W: 16 * mt.s, H: mt.band * 0.56, Colour: onBand, LineWidth: 0.3})
	} else {
		cs.run(mt.inset, mt.band*0.72, codeSize, true, onBand, cs.text(c.Code, message.Word("code")))
		cs.as(len(cs.face.Texts)-1, message.Word("code"))
	}
	if typeName != "" {
		cs.runRight(cs.w-mt.inset, mt.band*0.42, mt.pt(7, 7), false, onBand, cs.text(typeName, message.Word("card type name")))
		cs.as(len(cs.face.Texts)-1, message.Word("card type name"))
	}
	// The type's icon, under its name, flush with the right of the safe zone.
	if _, by, bw, bh, ok := fitImage(icon, cs.w-mt.inset-12*mt.s, mt.band*0.52, 12*mt.s, mt.band*0.36); ok {
		cs.add(Shape{Kind: ShapeImage, X: cs.w - mt.inset - bw, Y: by, W: bw, H: bh, Image: icon})
	}
	y := cs.meta(mt, mt.band+2.2*mt.s)
	inner := cs.w - 2*mt.inset
	footerTop := cs.h - mt.inset - 4.2*mt.s
	if c.Code == "" && textIn(c.Title, d, cs.lang) == "" {
		cs.writingLines(mt, y+2*mt.s, footerTop)
	} else {
		title := cs.m.fit(cs.text(textIn(c.Title, d, cs.lang), message.Word("title")), true, inner, 0.3*cs.h, mt.pt(13, 7.5), 7.5)
		cs.overflow(title, message.Word("title"))
		n := len(cs.face.Texts)
		y = cs.block(title, mt.inset, y+1.5*mt.s, true, ink)
		cs.as(n, message.Word("title"))
		if body := textIn(c.Body, d, cs.lang); body != "" {
			fit := cs.m.fit(cs.text(body, message.Word("text")), false, inner, footerTop-y-2.5*mt.s, mt.pt(9.5, 6), 6)
			cs.overflow(fit, message.Word("text"))
			n := len(cs.face.Texts)
			cs.block(fit, mt.inset, y+2*mt.s, false, ink)
			cs.as(n, message.Word("text"))
		}
	}
	cs.footer(mt)
	cs.checkPlaces(mt.inset)
	return cs.face, cs.issues
}

// meta sets the area (symbol and name), the level (bars and name) and the
// theme, each on its own line, from y; it returns the y below them.
func (cs *cardSide) meta(mt metrics, y float64) float64 {
	d, c := cs.deck, cs.card
	sym, size := 3.2*mt.s, mt.pt(8, 7)
	lh := max(sym, size*mmPerPt) + 1.3*mt.s
	for i, a := range d.Board.Areas {
		if a.Key == c.Area {
			colour := parseColour(a.Colour, neutral)
			cs.add(symbol(areaShapes[i%len(areaShapes)], mt.inset, y, sym, colour))
			cs.run(mt.inset+sym+1.5*mt.s, y+sym*0.85, size, true, colour, cs.text(textIn(a.Name, d, cs.lang), message.Word("area name")))
			cs.as(len(cs.face.Texts)-1, message.Word("area name"))
			y += lh
		}
	}
	for i, l := range d.Levels {
		if l.Key == c.Level {
			cs.add(levelBars(i+1, mt.inset, y, sym, grey)...)
			cs.run(mt.inset+sym+1.5*mt.s, y+sym*0.85, size, false, grey, cs.text(textIn(l.Name, d, cs.lang), message.Word("level name")))
			cs.as(len(cs.face.Texts)-1, message.Word("level name"))
			y += lh
		}
	}
	if t, ok := d.Theme(c.Theme); ok {
		cs.run(mt.inset, y+sym*0.85, mt.pt(7, 7), false, grey, cs.text(textIn(t.Name, d, cs.lang), message.Word("theme name")))
		cs.as(len(cs.face.Texts)-1, message.Word("theme name"))
		y += lh
	}
	return y
}

// writingLines rules the body of a blank card for handwriting.
func (cs *cardSide) writingLines(mt metrics, top, bottom float64) {
	for y := top + 7*mt.s; y < bottom-2*mt.s; y += 7 * mt.s {
		cs.add(Shape{Kind: ShapeLine, X: mt.inset, Y: y, W: cs.w - 2*mt.inset, H: 0, Colour: rule, LineWidth: 0.2})
	}
}

// footer sets the deck's name and edition at the foot of the card, so a
// card from an old printed deck can be told from a new one.
func (cs *cardSide) footer(mt metrics) {
	d := cs.deck
	size := mt.pt(7, 7)
	y := cs.h - mt.inset - descent*size*mmPerPt // descenders stay inside the safe zone
	cs.add(Shape{Kind: ShapeLine, X: mt.inset, Y: y - 3.2*mt.s, W: cs.w - 2*mt.inset, H: 0, Colour: rule, LineWidth: 0.2})
	edition := fmt.Sprintf("%s %d", printed(cs.lang, "edition"), d.Edition)
	cs.runRight(cs.w-mt.inset, y, size, false, grey, edition)
	cs.as(len(cs.face.Texts)-1, message.Word("edition"))
	room := cs.w - 2*mt.inset - cs.m.width(edition, false)*size - 2*mt.s
	name := plain(cs.text(d.Name, message.Word("deck name")))
	if cs.m.width(name, false)*size > room {
		cs.issues = append(cs.issues, newIssue(Warning, cs.card.Code, "the deck name is too long for the card's footer and is shortened there"))
		for cs.m.width(name, false)*size > room && len([]rune(name)) > 1 {
			name = string([]rune(name)[:len([]rune(name))-2]) + "…"
		}
	}
	cs.run(mt.inset, y, size, false, grey, name)
	cs.as(len(cs.face.Texts)-1, message.Word("deck name"))
}
