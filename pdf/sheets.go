package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/cards"
	"deckhand/message"
)

// SheetOptions are the settings of the rating sheets.
type SheetOptions struct {
	Lang    string   // language of the sheets; the deck's default when empty or missing
	Paper   Size     // A4 or Letter; printed landscape
	Teams   []string // a sheet per team (table); one unnamed sheet when empty
	Rows    int      // routines to rate per page; 8 when 0, fewer when the paper cannot hold them
	Created time.Time
}

// Rating sheet measures in millimetres.
const (
	sheetMargin  = 10
	sheetMinRow  = 13 // a row lower than this is too cramped to write in
	sheetMaxRow  = 24
	sheetMinBox  = 4.2 // a tick box smaller than this is too small to mark
	sheetMaxBox  = 7
	sheetCodeW   = 18
	sheetGroupGp = 3 // between the criteria's groups of boxes
)

// perspectiveWords name the two perspectives the game knows, on the rating
// sheets, in the guide and on the report's matrix.
var perspectiveWords = map[string]message.Message{
	cards.PerspectiveCustomer:     message.Word("Customer's view"),
	cards.PerspectiveOrganisation: message.Word("Organisation's view"),
}

// RatingSheets prints a rating form for each team: the deck's name and
// edition, the team and a date line, then rows for the routines the team
// rates, each with a box for the card's code, a line for its title, a
// numbered box per scale value of each of the deck's criteria (grouped by
// perspective) and lines for notes. It returns the pages printed: one per
// team. A text the font cannot draw, or that does not fit, is an error.
func RatingSheets(w io.Writer, d *cards.Deck, o SheetOptions) (int, error) {
	if o.Paper.W <= 0 || o.Paper.H <= 0 {
		return 0, refusal("choose a paper")
	}
	if o.Rows < 0 {
		return 0, refusal("rows per page must not be negative, not %d", o.Rows)
	}
	if o.Rows == 0 {
		o.Rows = 8
	}
	teams := o.Teams
	if len(teams) == 0 {
		teams = []string{""}
	}
	m, err := newMeasurer()
	if err != nil {
		return 0, err
	}
	lang := d.Lang(o.Lang)
	m = m.in(lang)
	pw, ph := max(o.Paper.W, o.Paper.H), min(o.Paper.W, o.Paper.H)
	doc, err := newDocument(docOptions{title: d.Name, lang: lang, created: o.Created})
	if err != nil {
		return 0, err
	}
	for i, team := range teams {
		p := &posterCanvas{m: m, w: pw, h: ph}
		if err := p.ratingSheet(d, lang, team, o.Rows, i+1, len(teams)); err != nil {
			return 0, err
		}
		if err := p.failure(); err != nil {
			return 0, err
		}
		doc.AddPageFormat("P", fpdf.SizeType{Wd: pw, Ht: ph})
		p.draw(doc, 0, 0, 1)
	}
	if err := finish(doc, w); err != nil {
		return 0, err
	}
	return doc.PageCount(), nil
}

// sheetColumn is a criterion's group of boxes.
type sheetColumn struct {
	c    cards.Criterion
	x, w float64
}

func (p *posterCanvas) ratingSheet(d *cards.Deck, lang, team string, rows, page, pages int) error {
	mg, w := float64(sheetMargin), p.w-2*sheetMargin
	// Columns: code, title, the criteria's boxes, notes.
	boxes := 0
	for _, c := range d.Criteria {
		if c.Max < c.Min {
			return refusal("criterion %s: its scale %d–%d runs backwards", c.Key, c.Min, c.Max)
		}
		boxes += c.Max - c.Min + 1
	}
	gaps := float64(len(d.Criteria)+1) * sheetGroupGp
	rest := w - sheetCodeW - gaps - 100 // room for the title and the notes
	box := min(sheetMaxBox, rest/float64(max(boxes, 1)))
	if box < sheetMinBox {
		return &refusalError{message.Count(len(d.Criteria), "the deck's %d criterion with %d scale values in all does not fit across %g mm; use larger paper or shorter scales",
			"the deck's %d criteria with %d scale values in all do not fit across %g mm; use larger paper or shorter scales", len(d.Criteria), boxes, p.w)}
	}
	free := w - sheetCodeW - gaps - box*float64(boxes)
	titleW := free * 0.55
	x := mg + sheetCodeW + titleW + sheetGroupGp
	var cols []sheetColumn
	for _, c := range d.Criteria {
		n := float64(c.Max - c.Min + 1)
		cols = append(cols, sheetColumn{c, x, n * box})
		x += n*box + sheetGroupGp
	}
	notesX, notesW := x, mg+w-x
	// Header.
	y := mg
	headW := w * 0.55
	// The client's logo at the right of the heading, before the form lines.
	if p.logo(d, mg+w*0.42, mg, w*0.14, 13) {
		headW = w * 0.40
	}
	y = p.block(p.fit(printed(lang, "Rating data routines"), noWord, true, headW, 9, 16, 10), mg, y, 0, 0, true, ink)
	deck := p.clean(d.Name, message.Word("deck name")) + " · " + printed(lang, "edition") + " " + strconv.Itoa(d.Edition)
	p.block(p.fit(deck, message.Word("deck name"), false, headW, 6, 10, 7), mg, y+0.5, 0, 0, false, grey)
	rx, rw := mg+w*0.58, w*0.42
	p.formLine(rx, mg+6, rw, printed(lang, "Team/table")+":", p.clean(team, message.Word("team name")))
	p.formLine(rx, mg+14, rw, printed(lang, "Date")+":", "")
	y = mg + 19
	p.block(p.fit(printed(lang, "Write the card's code and title. Tick one value for each criterion: lowest on the left, highest on the right."), noWord, false, w, 5, 9, 7), mg, y, 0, 0, false, ink)
	// Table head: perspectives, then criteria.
	y += 7
	headH := 14.0
	for i := 0; i < len(cols); {
		j := i
		for j < len(cols) && cols[j].c.Perspective == cols[i].c.Perspective {
			j++
		}
		gx, gw := cols[i].x, cols[j-1].x+cols[j-1].w-cols[i].x
		p.add(posterItem{kind: pkRect, x: gx - 1, y: y, w: gw + 2, h: 5.5, r: 1, fill: RGB{230, 230, 230}, style: "F"})
		p.block(p.fit(p.perspective(cols[i].c.Perspective, lang), message.Word("perspective"), true, gw, 4.5, 8.5, 5.5), gx, y+0.6, gw, 1, true, ink)
		i = j
	}
	for _, c := range cols {
		name := p.clean(c.c.Name.Or(lang, d.DefaultLang), message.Word("criterion name"))
		f := p.fit(name, message.Word("criterion name"), true, c.w+sheetGroupGp-0.5, headH-7, 9, 5)
		p.block(f, c.x, y+6.5+(headH-7-f.height()), c.w, 1, true, ink)
	}
	p.text(mg, y+headH-1, 9, true, ink, printed(lang, "Code"))
	p.text(mg+sheetCodeW, y+headH-1, 9, true, ink, printed(lang, "Routine (the card's title)"))
	p.text(notesX, y+headH-1, 9, true, ink, printed(lang, "Notes"))
	y += headH + 1
	// Rows.
	footer := 7.0
	avail := p.h - mg - footer - y
	rh := min(sheetMaxRow, avail/float64(rows))
	if rh < sheetMinRow {
		rows = max(1, int(avail/sheetMinRow))
		rh = avail / float64(rows)
	}
	for r := 0; r < rows; r++ {
		ry := y + float64(r)*rh
		p.add(posterItem{kind: pkLine, x: mg, y: ry, w: w, stroke: grey, lw: 0.3})
		cb := min(10, rh-4)
		p.add(posterItem{kind: pkRect, x: mg, y: ry + (rh-cb)/2, w: sheetCodeW - 3, h: cb, r: 1, stroke: grey, lw: 0.3, style: "D"})
		p.add(posterItem{kind: pkLine, x: mg + sheetCodeW, y: ry + (rh+cb)/2, w: titleW - 2, stroke: rule, lw: 0.3})
		for _, c := range cols {
			for v := c.c.Min; v <= c.c.Max; v++ {
				bx := c.x + float64(v-c.c.Min)*box
				p.add(posterItem{kind: pkRect, x: bx + 0.4, y: ry + (rh-box)/2 + 0.4, w: box - 0.8, h: box - 0.8, stroke: grey, lw: 0.3, style: "D"})
				num := strconv.Itoa(v)
				size := min(8, box*1.2)
				p.text(bx+(box-p.m.width(num, false)*size)/2, ry+rh/2+size*0.35*mmPerPt, size, false, blankInk, num)
			}
		}
		for l := 1; l <= 2; l++ {
			p.add(posterItem{kind: pkLine, x: notesX, y: ry + rh*float64(l)/3 + 1.5, w: notesW, stroke: rule, lw: 0.3})
		}
	}
	p.add(posterItem{kind: pkLine, x: mg, y: y + float64(rows)*rh, w: w, stroke: grey, lw: 0.3})
	note := fmt.Sprintf("%s · %s %d/%d", deck, printed(lang, "page"), page, pages)
	p.block(p.fit(note, noWord, false, w, 5, 7.5, 6), mg, p.h-mg-3.5, w, 2, false, grey)
	return nil
}

// formLine prints a label and a line to write on, with a value already on
// it when given.
func (p *posterCanvas) formLine(x, y, w float64, label, value string) {
	lw := p.m.width(label, true)*10 + 2
	p.text(x, y, 10, true, ink, label)
	p.add(posterItem{kind: pkLine, x: x + lw, y: y + 1, w: w - lw, stroke: grey, lw: 0.3})
	if value != "" {
		f := p.fit(value, message.Word("team name"), true, w-lw-1, 6, 13, 8)
		p.text(x+lw+1, y, f.size, true, ink, f.lines[0])
	}
}

// perspective names a criterion's perspective in words.
func (p *posterCanvas) perspective(key, lang string) string {
	if w, ok := perspectiveWords[key]; ok {
		return said(lang, w)
	}
	return p.clean(key, message.Word("perspective"))
}

// The drawing shared by the board, the rating sheets and the guide.

// posterCanvas is a drawing laid out once and drawn as often as needed:
// whole, on every tile, and in miniature on the assembly map. Boards,
// rating sheets and the guide are drawn with it.
type posterCanvas struct {
	m      measurer
	w, h   float64
	title  string
	items  []posterItem
	issues []Issue
}

type posterKind int

const (
	pkRect posterKind = iota // rounded when r > 0, only at corners when given
	pkLine                   // from (x, y) to (x+w, y+h)
	pkEllipse
	pkPolygon
	pkText  // x, y is the start of the baseline
	pkImage // a stored picture in the box x, y, w × h
)

type posterItem struct {
	kind         posterKind
	x, y, w, h   float64
	r            float64
	corners      string
	pts          []Point
	fill, stroke RGB
	style        string // "F", "D" or "FD"
	lw           float64
	dash         bool
	text         string // checked against the font already
	size         float64
	bold         bool
	image        cards.Image
}

func (p *posterCanvas) add(items ...posterItem) { p.items = append(p.items, items...) }

// clean checks a text from the deck against the font and reports what it
// cannot draw; the characters print as the replacement.
func (p *posterCanvas) clean(s string, what message.Message) string {
	clean, bad := printable(s)
	if len(bad) > 0 {
		p.issues = append(p.issues, newIssue(Error, "", "the %s %q holds characters the print font cannot draw (%q); they print as %q",
			what, clean, string(bad), string(replacement)))
	}
	return clean
}

// fit lays out a checked text in a box, reporting (when what is given) a
// text that does not fit even at the smallest size.
func (p *posterCanvas) fit(text string, what message.Message, bold bool, w, h, base, minSize float64) fitted {
	f := p.m.fit(text, bold, w, h, base, minSize)
	if !f.fits && what.Format != "" {
		p.issues = append(p.issues, newIssue(Error, "", "the %s %q does not fit its place even at %.1f pt; shorten it", what, text, f.size))
	}
	return f
}

func (p *posterCanvas) text(x, y, size float64, bold bool, c RGB, s string) {
	p.add(posterItem{kind: pkText, x: x, y: y, size: size, bold: bold, fill: c, text: s})
}

// block sets fitted lines from top y, aligned in width w (0 left, 1
// centred, 2 right), and returns the y below them.
func (p *posterCanvas) block(f fitted, x, y, w float64, align int, bold bool, c RGB) float64 {
	lh := f.size * lineFactor * mmPerPt
	for i, line := range f.lines {
		lx := x
		if align > 0 {
			lx += (w - p.m.width(line, bold)*f.size) * float64(align) / 2
		}
		if line != "" {
			p.text(lx, y+lh*float64(i)+f.size*0.8*mmPerPt, f.size, bold, c, line)
		}
	}
	return y + f.height()
}

func (p *posterCanvas) shape(s Shape) {
	it := posterItem{x: s.X, y: s.Y, w: s.W, h: s.H, fill: s.Colour, style: "F", pts: s.Points}
	switch s.Kind {
	case ShapeEllipse:
		it.kind = pkEllipse
	case ShapePolygon:
		it.kind = pkPolygon
	case ShapeImage:
		it.kind, it.image = pkImage, s.Image
	}
	p.add(it)
}

// logo puts the deck's logo, when it has one, on a white plate fitted into
// the box x, y, w × h, and says whether it did.
func (p *posterCanvas) logo(d *cards.Deck, x, y, w, h float64) bool {
	if d.Look == nil || len(d.Look.Logo) == 0 {
		return false
	}
	shapes := logoShapes(d.Look.Logo, x, y, w, h, 0)
	for _, s := range shapes {
		p.shape(s)
	}
	return len(shapes) > 0
}

// draw draws the items with their origin at (ox, oy), scaled by s.
func (p *posterCanvas) draw(doc *fpdf.Fpdf, ox, oy, s float64) {
	for _, it := range p.items {
		x, y, w, h := ox+it.x*s, oy+it.y*s, it.w*s, it.h*s
		doc.SetFillColor(int(it.fill.R), int(it.fill.G), int(it.fill.B))
		if strings.Contains(it.style, "D") || it.kind == pkLine {
			doc.SetDrawColor(int(it.stroke.R), int(it.stroke.G), int(it.stroke.B))
			doc.SetLineWidth(max(it.lw*s, 0.05))
			if it.dash {
				doc.SetDashPattern([]float64{3 * s, 2 * s}, 0)
			}
		}
		switch it.kind {
		case pkRect:
			if it.r > 0 {
				corners := it.corners
				if corners == "" {
					corners = "1234"
				}
				doc.RoundedRect(x, y, w, h, it.r*s, corners, it.style)
			} else {
				doc.Rect(x, y, w, h, it.style)
			}
		case pkLine:
			doc.Line(x, y, x+w, y+h)
		case pkEllipse:
			doc.Ellipse(x+w/2, y+h/2, w/2, h/2, 0, it.style)
		case pkPolygon:
			pts := make([]fpdf.PointType, len(it.pts))
			for i, pt := range it.pts {
				pts[i] = fpdf.PointType{X: ox + pt.X*s, Y: oy + pt.Y*s}
			}
			doc.Polygon(pts, it.style)
		case pkText:
			style := ""
			if it.bold {
				style = "B"
			}
			doc.SetFont(family, style, it.size*s)
			doc.SetTextColor(int(it.fill.R), int(it.fill.G), int(it.fill.B))
			doc.Text(x, y, it.text)
		case pkImage:
			placeImage(doc, it.image, x, y, w, h)
		}
		if it.dash {
			doc.SetDashPattern([]float64{}, 0)
		}
	}
}

// posterResetFont makes the next SetFont write its font again: the PDF
// forgets the font at the end of a clip, but gofpdf remembers it.
func posterResetFont(doc *fpdf.Fpdf) { doc.SetFont(family, "", 1.234) }

// posterTint mixes a colour with white: t = 0 keeps it, 1 is white.
func posterTint(c RGB, t float64) RGB {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*t + 0.5) }
	return RGB{mix(c.R), mix(c.G), mix(c.B)}
}

// failure turns the issues found into an error, for documents that have no
// preflight of their own.
func (p *posterCanvas) failure() error {
	var errs []error
	for _, i := range p.issues {
		errs = append(errs, issueError{i})
	}
	return errors.Join(errs...)
}
