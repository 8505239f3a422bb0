package pdf

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"testing"

	"deckhand/cards"
)

// sheetCase is one way of laying cards on a sheet.
type sheetCase struct {
	name   string
	layout string
	bleed  float64
}

var sheetCases = []sheetCase{
	{"butted", LayoutButted, 0},
	{"butted with bleed", LayoutButted, 3},
	{"gapped", LayoutGapped, 3},
	{"single", LayoutSingle, 3},
}

// mixedDeck is the default deck with its cards dealt round the card types,
// so that every sheet holds backs of several types in every position.
func mixedDeck(t *testing.T) *cards.Deck {
	d := testDeck(t)
	byType := map[string][]cards.Card{}
	var order []string
	for _, c := range d.Cards {
		if len(byType[c.Type]) == 0 {
			order = append(order, c.Type)
		}
		c.Copies = 1
		byType[c.Type] = append(byType[c.Type], c)
	}
	total := len(d.Cards)
	d.Cards = nil
	for len(d.Cards) < total {
		for _, ty := range order {
			if len(byType[ty]) > 0 {
				d.Cards = append(d.Cards, byType[ty][0])
				byType[ty] = byType[ty][1:]
			}
		}
	}
	return d
}

// cardOnPage is a card side as the PDF draws it: the box its background
// covers (cut size and bleed), the way its text stands, and its type.
type cardOnPage struct {
	x0, y0, x1, y1 float64
	upX, upY       float64
	typeName       string
}

// cardsOn finds the card sides of a page: every top-level group with a
// filled background and text. Its first filled rectangle is the background.
func cardsOn(t *testing.T, p drawnPage, typeNames map[string]bool) []cardOnPage {
	t.Helper()
	var out []cardOnPage
	for _, g := range p.groups {
		if len(g.rects) == 0 || !g.rects[0].filled || len(g.texts) == 0 {
			continue
		}
		r := g.rects[0]
		c := cardOnPage{x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1, upX: g.texts[0].upX, upY: g.texts[0].upY}
		for _, tx := range g.texts {
			if math.Abs(tx.upX-c.upX) > 1e-6 || math.Abs(tx.upY-c.upY) > 1e-6 {
				t.Errorf("a card's texts stand different ways: %+v and %+v", g.texts[0], tx)
			}
			if typeNames[tx.text] {
				c.typeName = tx.text
			}
		}
		out = append(out, c)
	}
	return out
}

// turnOver returns where a back page's card lies, seen from the front of
// the sheet, after the sheet is turned as the printer turns it: about the
// vertical axis of the portrait page for the long edge, about the
// horizontal axis for the short edge. A direction turns with it.
func turnOver(c cardOnPage, w, h float64, shortEdge bool) cardOnPage {
	if shortEdge {
		c.y0, c.y1 = h-c.y1, h-c.y0
		c.upY = -c.upY
	} else {
		c.x0, c.x1 = w-c.x1, w-c.x0
		c.upX = -c.upX
	}
	return c
}

// Every back lands behind its own front and reads the same way up: a card
// cut from the sheet and turned over on its own long side (as one turns a
// card to see its back) shows its back upright. Checked from the PDF's
// drawing operations for every card size, paper, layout and duplex mode,
// cards turned sideways on the sheet included.
func TestBacksStandBehindTheirFrontsTheSameWayUp(t *testing.T) {
	// The longest tests of the package, on one goroutine each: side by
	// side they use both cores.
	t.Parallel()
	deck := mixedDeck(t)
	lang := deck.Lang("")
	typeNames := map[string]bool{}
	typeOf := map[string]string{}
	for _, ty := range deck.CardTypes {
		typeNames[textIn(ty.Name, deck, lang)] = true
		typeOf[ty.Key] = textIn(ty.Name, deck, lang)
	}
	sizes := make([]string, 0, len(CardSizes))
	for s := range CardSizes {
		sizes = append(sizes, s)
	}
	sort.Strings(sizes)
	papers := names(Papers)
	sideways := 0
	for _, size := range sizes {
		for _, paper := range papers {
			for _, sc := range sheetCases {
				for _, backs := range []string{BacksDuplexLong, BacksDuplexShort, BacksPages} {
					name := fmt.Sprintf("%s/%s/%s/%s", size, paper, sc.name, backs)
					o := DefaultCardOptions()
					o.Size, o.Paper, o.Layout, o.Bleed, o.Backs, o.Created = CardSizes[size], Papers[paper], sc.layout, sc.bleed, backs, fixedTime
					g, err := planGrid(o.Paper, o.Size, o.Margin, o.Bleed, o.Layout)
					if err != nil {
						continue // the card does not fit this paper: refused, nothing to turn
					}
					if g.rotated {
						sideways++
					}
					d := *deck
					// A sheet and one more card, so that a second sheet starts;
					// on posters a part of a sheet is enough to see the turn.
					d.Cards = deck.Cards[:min(len(deck.Cards), g.perPage()+1, 20)]
					var buf bytes.Buffer
					if _, err := Cards(&buf, &d, o); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					checkBacksBehindFronts(t, name, readDrawnPages(t, buf.Bytes()), backs, typeNames)
				}
			}
		}
	}
	if sideways == 0 {
		t.Fatal("no layout turned its cards sideways: the test would not see the turn")
	}
}

func checkBacksBehindFronts(t *testing.T, name string, pages []drawnPage, backs string, typeNames map[string]bool) {
	t.Helper()
	if len(pages)%2 != 0 {
		t.Fatalf("%s: %d pages, want fronts and backs in pairs", name, len(pages))
	}
	half := len(pages) / 2
	for k := 0; k < half; k++ {
		fp, bp := 2*k, 2*k+1
		if backs == BacksPages {
			fp, bp = k, half+k
		}
		fronts := cardsOn(t, pages[fp], typeNames)
		backSides := cardsOn(t, pages[bp], typeNames)
		if len(fronts) == 0 || len(fronts) != len(backSides) {
			t.Fatalf("%s: page %d has %d fronts, page %d %d backs", name, fp+1, len(fronts), bp+1, len(backSides))
		}
		used := map[int]bool{}
		for i, f := range fronts {
			found := -1
			for j, b := range backSides {
				b = turnOver(b, pages[bp].w, pages[bp].h, backs == BacksDuplexShort)
				if near(b.x0, f.x0) && near(b.y0, f.y0) && near(b.x1, f.x1) && near(b.y1, f.y1) {
					found = j
					break
				}
			}
			if found < 0 || used[found] {
				t.Errorf("%s: no back lies behind front %d of page %d (%.2f,%.2f–%.2f,%.2f)", name, i+1, fp+1, f.x0, f.y0, f.x1, f.y1)
				continue
			}
			used[found] = true
			b := turnOver(backSides[found], pages[bp].w, pages[bp].h, backs == BacksDuplexShort)
			if f.upX*b.upX+f.upY*b.upY < 0.99 {
				t.Errorf("%s: the back of card %d on page %d stands (%.0f,%.0f) once turned over, its front (%.0f,%.0f): upside down or across",
					name, i+1, fp+1, b.upX, b.upY, f.upX, f.upY)
			}
			if f.typeName == "" || b.typeName != f.typeName {
				t.Errorf("%s: card %d on page %d is a %q, the back behind it a %q", name, i+1, fp+1, f.typeName, b.typeName)
			}
		}
	}
}
