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

// TileNone prints a board poster as one page of the poster's size.
const TileNone = "none"

// Limits of the board options.
const (
	MaxOverlap   = 50 // mm of glue band between tiles
	minTileReach = 40 // mm of a tile's window beyond the glue band
)

// BoardOptions are the settings of a board poster. Start from
// DefaultBoardOptions and change what the person chose: Overlap and Margin
// are taken as given, zero included.
type BoardOptions struct {
	Lang    string    // language of the board; the deck's default when empty or missing
	Size    Size      // the poster, one of Papers a3…a0; always printed landscape
	Tile    string    // TileNone (or "") for one page, or a paper name ("a4", "letter", "a3") to tile onto
	Overlap float64   // mm each tile repeats of its neighbour: the glue band
	Margin  float64   // mm the printer cannot print at a tile's edge
	Created time.Time // fixed in tests so the file compares
}

// DefaultBoardOptions are an A2 poster on one page, with a 15 mm glue band
// and a 5 mm printer margin should it be tiled.
func DefaultBoardOptions() BoardOptions {
	return BoardOptions{Size: Papers["a2"], Tile: TileNone, Overlap: 15, Margin: 5}
}

// BoardResult says what a poster print made: pages in all (the assembly
// page included), the tiles' columns and rows (1 × 1 untiled), and what
// preflight found.
type BoardResult struct {
	Pages, Cols, Rows int
	Issues            []Issue
}

// Board prints the deck's board as a landscape poster, on one page or
// tiled over pages of a smaller paper. A tiled poster starts with an
// assembly page (on the tile paper) holding instructions and a map: the
// whole poster in miniature with the tiles' seams and labels; BoardResult
// counts it in Pages, so Pages = Cols × Rows + 1. Each tile page then
// carries its part of the poster inside the printer's margin (the room the
// tiles have to spare is shared by both ends of the poster), its label
// (row letter, column number: A1, A2, B1…) in a small box in its top-left
// corner, and dashed seam guides: "Cut off" along its left and top glue
// bands, "Glue here" along its right and bottom ones. The PDF is written
// even when preflight found errors.
func Board(w io.Writer, d *cards.Deck, o BoardOptions) (BoardResult, error) {
	pw, ph := max(o.Size.W, o.Size.H), min(o.Size.W, o.Size.H)
	switch {
	case ph <= 0:
		return BoardResult{}, refusal("choose a poster size")
	case o.Overlap < 0 || o.Overlap > MaxOverlap:
		return BoardResult{}, refusal("the glue band must be between 0 and %d mm, not %g", MaxOverlap, o.Overlap)
	case o.Margin < 0 || o.Margin > MaxMargin:
		return BoardResult{}, refusal("the printer margin must be between 0 and %d mm, not %g", MaxMargin, o.Margin)
	case len(d.Board.Areas) == 0:
		return BoardResult{}, refusal("the deck's board has no areas to print")
	}
	var plan tilePlan
	tiled := o.Tile != "" && !strings.EqualFold(o.Tile, TileNone)
	if tiled {
		paper, err := ParsePaper(o.Tile)
		if err != nil {
			return BoardResult{}, err
		}
		if plan, err = planTiles(pw, ph, paper, o.Margin, o.Overlap); err != nil {
			return BoardResult{}, err
		}
	}
	m, err := newMeasurer()
	if err != nil {
		return BoardResult{}, err
	}
	lang := d.Lang(o.Lang)
	poster := layoutPoster(m, d, lang, pw, ph)
	doc, err := newDocument(docOptions{title: poster.title, lang: lang, created: o.Created})
	if err != nil {
		return BoardResult{}, err
	}
	res := BoardResult{Cols: 1, Rows: 1}
	if !tiled {
		doc.AddPageFormat("P", fpdf.SizeType{Wd: pw, Ht: ph})
		poster.draw(doc, 0, 0, 1)
	} else {
		res.Cols, res.Rows = plan.cols, plan.rows
		assemblyPage(doc, m, lang, o.Size.Name, poster, plan)
		for r := 0; r < plan.rows; r++ {
			for c := 0; c < plan.cols; c++ {
				tilePage(doc, m, lang, poster, plan, r, c)
			}
		}
	}
	if err := finish(doc, w); err != nil {
		return BoardResult{}, err
	}
	res.Pages, res.Issues = doc.PageCount(), poster.issues
	return res, nil
}

// tilePlan is how a poster is split: pages of paper (turned as chosen),
// each printing a window inside the printer's margin.
type tilePlan struct {
	paper      Size // as it lies: W × H
	cols, rows int
	winW, winH float64
	offX, offY float64 // how far the first window starts before the poster: the spare room, shared by both ends
	overlap    float64
	margin     float64
}

// cutStrip is the blank strip, mm, a tile keeps before its picture on a
// side that is cut off: it holds the cut line and the tile's words, so
// that nothing but the picture is left once the strip is cut away.
const cutStrip = 5.0

// A tile's window holds, along a joined side, either the cut strip (left,
// top) or the glue band (right, bottom), so each tile adds its window less
// both of them to the poster.
func (t tilePlan) stepX() float64 { return t.winW - t.overlap - cutStrip }
func (t tilePlan) stepY() float64 { return t.winH - t.overlap - cutStrip }

// tileLabel names a tile by row letter and column number: A1, A2, B1…
func tileLabel(row, col int) string {
	letters := ""
	for n := row; ; n = n/26 - 1 {
		letters = string(rune('A'+n%26)) + letters
		if n < 26 {
			break
		}
	}
	return letters + strconv.Itoa(col+1)
}

// tileCount is how many windows of size win cover a length when each after
// the first gives up join mm (glue band and cut strip) to its neighbour:
// ceil((length − join) / (win − join)).
func tileCount(length, win, join float64) int {
	return max(1, int(math.Ceil((length-join)/(win-join)-1e-9)))
}

// planTiles lays the paper upright or on its side, whichever takes fewer
// pages (upright when equal).
func planTiles(pw, ph float64, paper Size, margin, overlap float64) (tilePlan, error) {
	var best tilePlan
	join := overlap + cutStrip
	for _, turn := range []bool{false, true} {
		w, h := paper.W, paper.H
		if turn {
			w, h = h, w
		}
		t := tilePlan{paper: Size{Name: paper.Name, W: w, H: h}, winW: w - 2*margin, winH: h - 2*margin, overlap: overlap, margin: margin}
		if min(t.winW, t.winH)-join < minTileReach {
			return tilePlan{}, refusal("%s with a %g mm margin leaves too little room beside a %g mm glue band; choose larger paper or a narrower band", paper.Name, margin, overlap)
		}
		t.cols, t.rows = tileCount(pw, t.winW, join), tileCount(ph, t.winH, join)
		t.offX = (float64(t.cols)*t.stepX() + join - pw) / 2
		t.offY = (float64(t.rows)*t.stepY() + join - ph) / 2
		if best.cols == 0 || t.cols*t.rows < best.cols*best.rows {
			best = t
		}
	}
	return best, nil
}

// Kinds of a tile's guides.
const (
	markCut   = iota // the dashed line to cut along, in the cut strip
	markGlue         // the dashed line the neighbour's cut edge goes up to, in the glue band
	markTrim         // the poster's outer edge, in the spare room round it
	markLabel        // a word or the tile's name
)

// tileMark is one guide of a tile, on the page: a line from (x, y) to
// (x+w, y+h) or, for a label, its text with the box (x, y, w, h) it covers,
// read upwards when turned.
type tileMark struct {
	kind       int
	x, y, w, h float64
	text       string
	turned     bool
}

// tileSheet is what one tile page prints, in page millimetres: the picture
// inside (picX0, picY0)–(picX1, picY1) with the poster's origin at (ox, oy),
// the cut and glue lines (NaN where the side is not joined) and the guides.
type tileSheet struct {
	picX0, picY0, picX1, picY1 float64
	ox, oy                     float64
	cutX, cutY, glueX, glueY   float64
	marks                      []tileMark
}

// tileLabelSize is the point size of the words in cut strips and glue bands.
const tileLabelSize = 7.0

// layoutTile works out tile (r, c). Its picture starts after the cut strip
// on a cut side and runs to the window's edge; the glue band is the last
// overlap mm of it. Where the next tile's cut edge is laid on this glue
// line, the poster continues exactly, so the seam loses nothing. The tile's
// name and every word sit in the cut strip or glue band, both hidden once
// assembled; lines keep their whole width outside the visible part.
func layoutTile(m measurer, lang string, t tilePlan, r, c int) tileSheet {
	const lw = 0.3
	x0, y0, x1, y1 := t.margin, t.margin, t.margin+t.winW, t.margin+t.winH
	s := tileSheet{picX0: x0, picY0: y0, picX1: x1, picY1: y1, cutX: math.NaN(), cutY: math.NaN(), glueX: math.NaN(), glueY: math.NaN()}
	s.ox = x0 + t.offX - float64(c)*t.stepX()
	s.oy = y0 + t.offY - float64(r)*t.stepY()
	word := func(english string) string { return printed(lang, english) }
	textH := tileLabelSize * mmPerPt
	// A label across the band from a to a+depth, centred along the side.
	label := func(text string, a, depth float64, vertical bool) {
		tw := m.width(text, true) * tileLabelSize
		if depth < textH+0.6 {
			return
		}
		if vertical {
			if tw > t.winH/2 {
				return
			}
			s.marks = append(s.marks, tileMark{kind: markLabel, x: a + (depth-textH)/2, y: y0 + t.winH/2 - tw/2, w: textH, h: tw, text: text, turned: true})
			return
		}
		if tw > t.winW/2 {
			return
		}
		s.marks = append(s.marks, tileMark{kind: markLabel, x: x0 + t.winW/2 - tw/2, y: a + (depth-textH)/2, w: tw, h: textH, text: text})
	}
	name := tileLabel(r, c)
	named := false
	if c > 0 {
		s.picX0 = x0 + cutStrip
		s.cutX = s.picX0
		s.marks = append(s.marks, tileMark{kind: markCut, x: s.cutX - lw/2, y: y0, h: t.winH})
		label(name+" · "+word("Cut off"), x0, cutStrip-lw, true)
		named = true
	}
	if r > 0 {
		s.picY0 = y0 + cutStrip
		s.cutY = s.picY0
		s.marks = append(s.marks, tileMark{kind: markCut, x: x0, y: s.cutY - lw/2, w: t.winW})
		text := word("Cut off")
		if !named {
			text = name + " · " + text
			named = true
		}
		label(text, y0, cutStrip-lw, false)
	}
	if c < t.cols-1 {
		s.glueX = x1 - t.overlap
		s.marks = append(s.marks, tileMark{kind: markGlue, x: s.glueX + lw/2, y: s.picY0, h: y1 - s.picY0})
		text := word("Glue here")
		if !named {
			text = name + " · " + text
			named = true
		}
		label(text, s.glueX+lw, t.overlap-lw, true)
	}
	if r < t.rows-1 {
		s.glueY = y1 - t.overlap
		s.marks = append(s.marks, tileMark{kind: markGlue, x: s.picX0, y: s.glueY + lw/2, w: x1 - s.picX0})
		text := word("Glue here")
		if !named {
			text = name + " · " + text
		}
		label(text, s.glueY+lw, t.overlap-lw, false)
	}
	// The poster's outer edges, where the spare room has space for a line
	// outside the board.
	left, top := s.ox, s.oy
	right, bottom := s.ox+t.paperPosterW(), s.oy+t.paperPosterH()
	if c == 0 && left-lw >= s.picX0 {
		s.marks = append(s.marks, tileMark{kind: markTrim, x: left - lw/2, y: max(top, s.picY0), h: min(bottom, s.picY1) - max(top, s.picY0)})
	}
	if c == t.cols-1 && right+lw <= s.picX1 {
		s.marks = append(s.marks, tileMark{kind: markTrim, x: right + lw/2, y: max(top, s.picY0), h: min(bottom, s.picY1) - max(top, s.picY0)})
	}
	if r == 0 && top-lw >= s.picY0 {
		s.marks = append(s.marks, tileMark{kind: markTrim, x: max(left, s.picX0), y: top - lw/2, w: min(right, s.picX1) - max(left, s.picX0)})
	}
	if r == t.rows-1 && bottom+lw <= s.picY1 {
		s.marks = append(s.marks, tileMark{kind: markTrim, x: max(left, s.picX0), y: bottom + lw/2, w: min(right, s.picX1) - max(left, s.picX0)})
	}
	return s
}

// The poster's size, from the plan: the windows less the spare room.
func (t tilePlan) paperPosterW() float64 {
	return float64(t.cols)*t.stepX() + t.overlap + cutStrip - 2*t.offX
}
func (t tilePlan) paperPosterH() float64 {
	return float64(t.rows)*t.stepY() + t.overlap + cutStrip - 2*t.offY
}

// tilePage prints one tile: its part of the poster, its seam guides and
// its name.
func tilePage(doc *fpdf.Fpdf, m measurer, lang string, poster *posterCanvas, t tilePlan, r, c int) {
	doc.AddPageFormat("P", fpdf.SizeType{Wd: t.paper.W, Ht: t.paper.H})
	s := layoutTile(m, lang, t, r, c)
	doc.ClipRect(s.picX0, s.picY0, s.picX1-s.picX0, s.picY1-s.picY0, false)
	poster.draw(doc, s.ox, s.oy, 1)
	doc.ClipEnd()
	posterResetFont(doc)
	doc.SetLineWidth(0.3)
	for _, mk := range s.marks {
		switch mk.kind {
		case markLabel:
			doc.SetFont(family, "B", tileLabelSize)
			doc.SetTextColor(int(grey.R), int(grey.G), int(grey.B))
			if mk.turned { // reads upwards, its baseline along the box's right side
				bx, by := mk.x+mk.w*0.8, mk.y+mk.h
				doc.TransformBegin()
				doc.TransformRotate(90, bx, by)
				doc.Text(bx, by, mk.text)
				doc.TransformEnd()
			} else {
				doc.Text(mk.x, mk.y+mk.h*0.8, mk.text)
			}
		default:
			if mk.kind == markTrim { // solid: the poster's edge
				doc.SetDrawColor(int(ink.R), int(ink.G), int(ink.B))
				doc.Line(mk.x, mk.y, mk.x+mk.w, mk.y+mk.h)
				continue
			}
			doc.SetDrawColor(int(grey.R), int(grey.G), int(grey.B))
			doc.SetDashPattern([]float64{3, 2}, 0)
			doc.Line(mk.x, mk.y, mk.x+mk.w, mk.y+mk.h)
			doc.SetDashPattern([]float64{}, 0)
		}
	}
}

// assemblyPage prints the instructions and the map of the tiles.
func assemblyPage(doc *fpdf.Fpdf, m measurer, lang, size string, poster *posterCanvas, t tilePlan) {
	doc.AddPageFormat("P", fpdf.SizeType{Wd: t.paper.W, Ht: t.paper.H})
	a := &posterCanvas{m: m.in(lang)}
	x, w := t.margin+5, t.paper.W-2*t.margin-10
	y := t.margin + 5
	title := a.fit(printed(lang, "Assembly")+" – "+poster.title, noWord, true, w, 20, 18, 10)
	y = a.block(title, x, y, w, 0, true, ink) + 3
	pw, ph := poster.w, poster.h
	sheets := t.cols * t.rows
	summary := said(lang, message.Count(sheets, "Poster %s (%g × %g mm) on %d sheet of %s: %s × %s, glue band %g mm.",
		"Poster %s (%g × %g mm) on %d sheets of %s: %s × %s, glue band %g mm.", strings.ToUpper(size), pw, ph, sheets,
		strings.ToUpper(t.paper.Name), message.Count(t.cols, "%d column", "%d columns", t.cols), message.Count(t.rows, "%d row", "%d rows", t.rows), t.overlap))
	y = a.block(a.fit(summary, noWord, false, w, 12, 10, 7), x, y, w, 0, false, ink) + 3
	y = a.block(a.fit(printed(lang, "1. Print every page at 100 % (actual size), without “fit to page”.\n2. Lay the sheets out as on the map: the letter is the row, the number the column.\n3. Cut off the narrow strip marked “Cut off” along its dashed line (left and top edges), so the picture runs to the edge.\n4. Lay the cut edge on the neighbour’s glue band marked “Glue here”, exactly against its dashed line, and glue or tape it: the picture then runs on without a gap. Join each row, then the rows.\n5. Trim the outer edges along the solid line round the poster, where there is one."), noWord, false, w, 45, 10, 6.5), x, y, w, 0, false, ink) + 6
	// The map: the poster in miniature, its seams and the tiles' labels.
	bottom := t.paper.H - t.margin - 5
	s := min(w/pw, (bottom-y)/ph)
	mx := x + (w-pw*s)/2
	a.draw(doc, 0, 0, 1)
	a.items = nil
	poster.draw(doc, mx, y, s)
	a.add(posterItem{kind: pkRect, x: mx, y: y, w: pw * s, h: ph * s, stroke: ink, lw: 0.4, style: "D"})
	// Where the tiles meet once cut: tile i's picture starts at i × step − off
	// + the cut strip.
	seam := func(i int, step, off float64) float64 {
		if i == 0 {
			return 0
		}
		return (float64(i)*step - off + cutStrip) * s
	}
	left := func(c int) float64 { return seam(c, t.stepX(), t.offX) }
	top := func(r int) float64 { return seam(r, t.stepY(), t.offY) }
	for c := 1; c < t.cols; c++ {
		a.add(posterItem{kind: pkLine, x: mx + left(c), y: y, h: ph * s, stroke: ink, lw: 0.5})
	}
	for r := 1; r < t.rows; r++ {
		a.add(posterItem{kind: pkLine, x: mx, y: y + top(r), w: pw * s, stroke: ink, lw: 0.5})
	}
	for r := 0; r < t.rows; r++ {
		for c := 0; c < t.cols; c++ {
			x1, y1 := pw*s, ph*s
			if c < t.cols-1 {
				x1 = left(c + 1)
			}
			if r < t.rows-1 {
				y1 = top(r + 1)
			}
			cx, cy := mx+(left(c)+x1)/2, y+(top(r)+y1)/2
			label := printed(lang, "Tile") + " " + tileLabel(r, c)
			lw := m.width(label, true)*9 + 3
			a.add(posterItem{kind: pkRect, x: cx - lw/2, y: cy - 3, w: lw, h: 6, r: 1.5, fill: white, stroke: ink, lw: 0.3, style: "FD"})
			a.text(cx-lw/2+1.5, cy+1.2, 9, true, ink, label)
		}
	}
	a.draw(doc, 0, 0, 1)
}

// layoutPoster lays out the board once, in poster millimetres: the deck's
// name, a panel per area (colour band with shape and name, guiding
// question, card-size places), and the development path and customer bands.
func layoutPoster(m measurer, d *cards.Deck, lang string, w, h float64) *posterCanvas {
	p := &posterCanvas{m: m.in(lang), w: w, h: h}
	u := h / 420 // 1 on an A2 poster
	mg, gap := 12*u, 6*u
	p.title = p.clean(d.Name, message.Word("deck name"))
	titleW := w - 2*mg - 70*u
	// The client's logo, left of the edition, takes room from the title.
	if p.logo(d, w-mg-108*u, mg, 44*u, 16*u) {
		titleW -= 44 * u
	}
	title := p.fit(p.title, message.Word("deck name"), true, titleW, 16*u, 40*u, 12*u)
	p.block(title, mg, mg, 0, 0, true, ink)
	edition := fmt.Sprintf("%s %d", printed(lang, "edition"), d.Edition)
	p.block(p.fit(edition, noWord, false, 60*u, 8*u, 16*u, 6), w-mg-60*u, mg+4*u, 60*u, 2, false, grey)
	// The two bands along the bottom.
	bandH := min(0.15*h, 63.5+10*u)
	band2 := h - mg - bandH
	band1 := band2 - gap - bandH
	slots := p.band(mg, band1, w-2*mg, bandH, u, printed(lang, "Development path"), printed(lang, "Lay the routines in the order you would carry them out"), nil)
	p.band(mg, band2, w-2*mg, bandH, u, printed(lang, "Customer's role and interaction"), printed(lang, "The customer's role and ways of interaction for the routine above"), slots)
	// The areas.
	areas := d.Board.Areas
	n := len(areas)
	cols := int(math.Ceil(math.Sqrt(float64(n))))
	if n <= 3 {
		cols = n
	}
	rows := (n + cols - 1) / cols
	top := mg + 16*u + gap
	pw := (w - 2*mg - float64(cols-1)*gap) / float64(cols)
	ph := (band1 - gap - top - float64(rows-1)*gap) / float64(rows)
	for i, a := range areas {
		x, y := mg+float64(i%cols)*(pw+gap), top+float64(i/cols)*(ph+gap)
		p.panel(a, d, lang, areaShapes[i%len(areaShapes)], x, y, pw, ph, u)
	}
	return p
}

// panel draws one area of the board.
func (p *posterCanvas) panel(a cards.Area, d *cards.Deck, lang, shape string, x, y, w, h, u float64) {
	col := parseColour(a.Colour, neutral)
	on := onColour(col)
	p.add(posterItem{kind: pkRect, x: x, y: y, w: w, h: h, r: 4 * u, fill: posterTint(col, 0.92), stroke: col, lw: 0.8 * u, style: "FD"})
	head := 22 * u
	p.add(posterItem{kind: pkRect, x: x, y: y, w: w, h: head, r: 4 * u, corners: "12", fill: col, style: "F"})
	sym := 13 * u
	p.shape(symbol(shape, x+5*u, y+(head-sym)/2, sym, on))
	name := p.fit(p.clean(a.Name.Or(lang, d.DefaultLang), message.Word("board area name")), message.Word("board area name"), true, w-sym-15*u, head-4*u, 34*u, 10*u)
	p.block(name, x+sym+10*u, y+(head-name.height())/2, 0, 0, true, on)
	q := p.fit(p.clean(a.Question.Or(lang, d.DefaultLang), message.Word("guiding question")), message.Word("guiding question"), false, w-10*u, 22*u, 24*u, 9*u)
	qy := p.block(q, x+5*u, y+head+3*u, 0, 0, false, ink)
	// Card-size places, upright or on their side, whichever fits more.
	ax, ay, aw, ah := x+4*u, qy+3*u, w-8*u, y+h-4*u-(qy+3*u)
	cw, ch, g := 63.5, 88.9, 3*u
	count := func(cw, ch float64) (int, int) {
		return int((aw + g) / (cw + g)), int((ah + g) / (ch + g))
	}
	nc, nr := count(cw, ch)
	if c2, r2 := count(ch, cw); c2*r2 > nc*nr {
		nc, nr, cw, ch = c2, r2, ch, cw
	}
	bx := ax + (aw-(float64(nc)*(cw+g)-g))/2
	by := ay + (ah-(float64(nr)*(ch+g)-g))/2
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			p.add(posterItem{kind: pkRect, x: bx + float64(c)*(cw+g), y: by + float64(r)*(ch+g), w: cw, h: ch, r: 3,
				stroke: posterTint(col, 0.5), lw: 0.4, dash: true, style: "D"})
		}
	}
}

// band draws a band along the bottom: its label, then places for cards.
// The first band's places are joined by arrows; a band given the places
// above lines its own up under them.
func (p *posterCanvas) band(x, y, w, h, u float64, label, hint string, above []float64) []float64 {
	p.add(posterItem{kind: pkRect, x: x, y: y, w: w, h: h, r: 4 * u, fill: RGB{242, 242, 242}, style: "F"})
	lw := min(0.22*w, 120*u)
	name := p.fit(label, noWord, true, lw-10*u, h*0.45, 22*u, 8*u)
	ny := p.block(name, x+6*u, y+5*u, 0, 0, true, ink)
	p.block(p.fit(hint, noWord, false, lw-10*u, y+h-ny-6*u, 16*u, 6*u), x+6*u, ny+2*u, 0, 0, false, grey)
	pad := 5 * u
	s := min(1, (h-2*pad)/63.5)
	sw, sh := 88.9*s, 63.5*s
	sy := y + (h-sh)/2
	slots := above
	if slots == nil {
		arrow := 14 * u
		n := int((w - lw - pad + arrow) / (sw + arrow))
		x0 := x + lw + (w-lw-pad-(float64(n)*(sw+arrow)-arrow))/2
		for i := 0; i < n; i++ {
			slots = append(slots, x0+float64(i)*(sw+arrow))
		}
	}
	for i, sx := range slots {
		p.add(posterItem{kind: pkRect, x: sx, y: sy, w: sw, h: sh, r: 3, fill: white, stroke: RGB{150, 150, 150}, lw: 0.5, dash: true, style: "FD"})
		if above != nil {
			continue
		}
		p.text(sx+3*u, sy+8*u, 14*u, true, RGB{170, 170, 170}, strconv.Itoa(i+1))
		if i < len(slots)-1 { // an arrow to the next place
			ax0, ax1, ay := sx+sw+2.5*u, slots[i+1]-2.5*u, sy+sh/2
			head := 4 * u
			p.add(posterItem{kind: pkLine, x: ax0, y: ay, w: ax1 - head - ax0, stroke: grey, lw: 1.2 * u})
			p.add(posterItem{kind: pkPolygon, pts: []Point{{ax1 - head, ay - head*0.7}, {ax1, ay}, {ax1 - head, ay + head*0.7}}, fill: grey, style: "F"})
		}
	}
	return slots
}
