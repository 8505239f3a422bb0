package pdf

import "deckhand/message"

// The font's ascent and descent as fractions of its size (Liberation Sans:
// 905 and 212 units per 1000), for the box a line of text covers.
const (
	ascent  = 0.905
	descent = 0.212
)

// minReadable is the smallest size in points preflight accepts silently:
// below it, a card read across a table is hard to read.
const minReadable = 7

// textBox is a rectangle in millimetres from the card's top-left cut corner.
type textBox struct{ x0, y0, x1, y1 float64 }

// runBox is the box a line of text covers: its advance width, from the
// top of its ascenders to the bottom of its descenders.
func (m measurer) runBox(t TextRun) textBox {
	mm := t.Size * mmPerPt
	return textBox{t.X, t.Y - ascent*mm, t.X + m.width(t.Text, t.Bold)*t.Size, t.Y + descent*mm}
}

func (b textBox) overlaps(o textBox) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// checkPlaces reports every text on the side that leaves the safe zone
// (safe mm inside the cut line), that overprints another text, or that
// prints below minReadable, each with the card, the field and the language.
// Each field is reported once.
func (cs *cardSide) checkPlaces(safe float64) {
	const eps = 0.01
	reported := map[string]bool{}
	once := func(kind string, what message.Message, sev Severity, format string, args ...any) {
		key := kind + "\x00" + what.String()
		if !reported[key] {
			reported[key] = true
			cs.issues = append(cs.issues, newIssue(sev, cs.card.Code, format, args...))
		}
	}
	boxes := make([]textBox, len(cs.face.Texts))
	for i, t := range cs.face.Texts {
		b := cs.m.runBox(t)
		boxes[i] = b
		if b.x0 < safe-eps || b.y0 < safe-eps || b.x1 > cs.w-safe+eps || b.y1 > cs.h-safe+eps {
			once("safe", t.What, Error, "the %s (%s) runs outside the safe zone, %g mm inside the cut line; shorten it", t.What, cs.lang, safe)
		}
		if t.Size < minReadable-eps {
			once("small", t.What, Warning, "the %s (%s) prints at %.1f pt, below %d pt, and is hard to read; shorten it", t.What, cs.lang, t.Size, minReadable)
		}
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := cs.face.Texts[i], cs.face.Texts[j]
			if a.What.String() != b.What.String() && boxes[i].overlaps(boxes[j]) {
				once("over"+a.What.String(), b.What, Error, "the %s (%s) prints over the %s; shorten it", a.What, cs.lang, b.What)
			}
		}
	}
}
