package pdf

import (
	"fmt"

	"deckhand/cards"
	"deckhand/message"
)

// layoutBack lays out the back of a card of the given type: the type's
// colour to the edge, the board's areas as a small 2×2 motif, the deck's
// name, the type, the edition, and the type's back text. Mixed decks can be
// sorted again by their backs. A deck with the client's look takes its
// back colour, its text under the edition, and its logo in the motif's
// place, at the top or above the back text; a type's icon sits under its
// name.
func layoutBack(m measurer, d *cards.Deck, typeKey, lang string, size Size, safe float64) (Face, []Issue) {
	cs := newSide(m, d, cards.Card{Type: typeKey}, lang, size, safe)
	mt := metricsFor(cs.w, cs.h, cs.safe)
	bg, typeName, backText := neutral, "", ""
	var icon cards.Image
	if t, ok := d.CardType(typeKey); ok {
		bg, typeName, backText, icon = parseColour(t.Colour, neutral), textIn(t.Name, d, cs.lang), textIn(t.Back, d, cs.lang), t.Icon
	}
	look := cards.Look{}
	if d.Look != nil {
		look = *d.Look
	}
	if look.BackColour != "" {
		bg = parseColour(look.BackColour, bg)
	}
	fg := onColour(bg)
	cs.add(Shape{Kind: ShapeRect, X: 0, Y: 0, W: cs.w, H: cs.h, Colour: bg, Bleed: true},
		Shape{Kind: ShapeFrame, X: mt.inset + 1.5*mt.s, Y: mt.inset + 1.5*mt.s, W: cs.w - 2*mt.inset - 3*mt.s, H: cs.h - 2*mt.inset - 3*mt.s, Colour: fg, LineWidth: 0.35})
	inner := cs.w - 2*mt.inset - 8*mt.s
	x := mt.inset + 4*mt.s
	place := look.LogoPlace
	if len(look.Logo) == 0 {
		place = ""
	} else if place == "" {
		place = cards.LogoCentre
	}
	y := cs.h * 0.2
	switch place {
	case cards.LogoCentre:
		y = cs.logo(look.Logo, x+inner*0.1, cs.h*0.14, inner*0.8, cs.h*0.3, 1.2*mt.s, y)
	case cards.LogoTop:
		y = cs.logo(look.Logo, x+inner*0.15, mt.inset+4*mt.s, inner*0.7, cs.h*0.16, 1.2*mt.s, y)
	case "":
		if areas := d.Board.Areas; len(areas) > 0 {
			y = cs.motif(mt, areas, y)
		}
	}
	name := cs.m.fit(cs.text(d.Name, message.Word("deck name")), true, inner, 0.25*cs.h, mt.pt(13, 8), 8)
	cs.overflow(name, message.Word("deck name on the back"))
	y = cs.centred(name, x, inner, y+4*mt.s, true, fg)
	if typeName != "" {
		t := cs.m.fit(cs.text(typeName, message.Word("card type name")), false, inner, 0.1*cs.h, mt.pt(9, 6.5), 6.5)
		y = cs.centred(t, x, inner, y+2*mt.s, false, fg)
	}
	if len(icon) > 0 {
		if bx, by, bw, bh, ok := fitImage(icon, x, y+1.5*mt.s, inner, 7*mt.s); ok {
			cs.add(Shape{Kind: ShapeImage, X: bx, Y: by, W: bw, H: bh, Image: icon})
			y = by + bh
		}
	}
	ed := fmt.Sprintf("%s %d", printed(cs.lang, "edition"), d.Edition)
	y = cs.centred(fitted{lines: []string{ed}, size: mt.pt(7, 5.5), fits: true}, x, inner, y+1.5*mt.s, false, fg)
	if lookText := textIn(look.BackText, d, cs.lang); lookText != "" {
		f := cs.m.fit(cs.text(lookText, message.Word("client's text on the back")), false, inner, 0.1*cs.h, mt.pt(7, 5.5), 5.5)
		cs.overflow(f, message.Word("client's text on the back"))
		cs.centred(f, x, inner, y+1*mt.s, false, fg)
	}
	bottom := cs.h - mt.inset - 4*mt.s
	if backText != "" {
		f := cs.m.fit(cs.text(backText, message.Word("back text")), false, inner, 0.22*cs.h, mt.pt(6.5, 5), 5)
		cs.overflow(f, message.Word("back text"))
		bottom -= f.height()
		cs.centred(f, x, inner, bottom, false, fg)
	}
	if place == cards.LogoBottom {
		cs.logo(look.Logo, x+inner*0.15, bottom-2*mt.s-cs.h*0.16, inner*0.7, cs.h*0.16, 1.2*mt.s, 0)
	}
	return cs.face, cs.issues
}

// logo puts the deck's logo on its white plate into the box x, y, w × h
// and returns the y below the plate (or, for a logo that cannot be read,
// the given y).
func (cs *cardSide) logo(logo cards.Image, x, y, w, h, pad, otherwise float64) float64 {
	shapes := logoShapes(logo, x, y, w, h, pad)
	if len(shapes) == 0 {
		return otherwise
	}
	cs.add(shapes...)
	return shapes[0].Y + shapes[0].H
}

// motif draws the board's areas as small squares in their colours, two to
// a row, centred, from y; it returns the y below it.
func (cs *cardSide) motif(mt metrics, areas []cards.Area, y float64) float64 {
	cell, gap := 6*mt.s, 0.8*mt.s
	cols := min(2, len(areas))
	rows := (len(areas) + cols - 1) / cols
	x0 := (cs.w - float64(cols)*cell - float64(cols-1)*gap) / 2
	for i, a := range areas {
		x := x0 + float64(i%cols)*(cell+gap)
		yy := y + float64(i/cols)*(cell+gap)
		cs.add(Shape{Kind: ShapeRect, X: x - 0.4*mt.s, Y: yy - 0.4*mt.s, W: cell + 0.8*mt.s, H: cell + 0.8*mt.s, Colour: white},
			Shape{Kind: ShapeRect, X: x, Y: yy, W: cell, H: cell, Colour: parseColour(a.Colour, neutral)})
	}
	return y + float64(rows)*(cell+gap)
}

// centred sets fitted lines centred in the column [x, x+w] from top y.
func (cs *cardSide) centred(f fitted, x, w, y float64, bold bool, c RGB) float64 {
	lh := f.size * lineFactor * mmPerPt
	for i, line := range f.lines {
		lw := cs.m.width(line, bold) * f.size
		cs.run(x+(w-lw)/2, y+lh*float64(i)+f.size*0.8*mmPerPt, f.size, bold, c, line)
	}
	return y + f.height()
}
