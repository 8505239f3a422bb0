package pdf

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// extrasOn splits a page into its cards' boxes and everything else it
// draws: the crop marks (lines) and words (the page note) outside any card.
func extrasOn(p drawnPage) (cardBoxes []drawnRect, lines []drawnLine, texts []drawnText, rects []drawnRect) {
	take := func(g drawnGroup) {
		lines = append(lines, g.lines...)
		texts = append(texts, g.texts...)
		rects = append(rects, g.rects...)
	}
	take(p.loose)
	for _, g := range p.groups {
		if len(g.rects) > 0 && g.rects[0].filled && len(g.texts) > 0 {
			cardBoxes = append(cardBoxes, g.rects[0])
			continue
		}
		take(g)
	}
	return
}

// runBox is the box a text run covers, from its baseline, its way up,
// its font size and its width measured with the package's own fonts.
func runBox(m measurer, t drawnText) drawnRect {
	w := m.width(t.text, false) * t.size / mmPerPt
	advX, advY := -t.upY, t.upX
	asc, desc := noteAscent*t.size, noteDescent*t.size
	var xs, ys []float64
	for _, a := range []float64{0, w} {
		for _, u := range []float64{-desc, asc} {
			xs = append(xs, t.x+advX*a+t.upX*u)
			ys = append(ys, t.y+advY*a+t.upY*u)
		}
	}
	return drawnRect{x0: minOf(xs), y0: minOf(ys), x1: maxOf(xs), y1: maxOf(ys)}
}

func minOf(v []float64) float64 { sort.Float64s(v); return v[0] }
func maxOf(v []float64) float64 { sort.Float64s(v); return v[len(v)-1] }

// lineBox is the box a stroked line covers, its width included.
func lineBox(l drawnLine) drawnRect {
	h := l.width / 2
	return drawnRect{x0: math.Min(l.x1, l.x2) - h, y0: math.Min(l.y1, l.y2) - h, x1: math.Max(l.x1, l.x2) + h, y1: math.Max(l.y1, l.y2) + h}
}

func boxesMeet(a, b drawnRect) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// edgeDistance is how close a box comes to the page's nearest edge.
func edgeDistance(r drawnRect, w, h float64) float64 {
	return min(r.x0, r.y0, w-r.x1, h-r.y1)
}

// No crop mark and no word comes within 5 mm of the paper's edge (or the
// printer margin, when wider), marks never cross the page note or a card,
// and what is left out for want of room is named by preflight. Measured
// from the drawing operations of the first sheet of every card size,
// paper, layout and printer margin, with crop marks asked for.
func TestMarksAndNoteKeepClearOfTheEdgeAndEachOther(t *testing.T) {
	// The longest tests of the package, on one goroutine each: side by
	// side they use both cores.
	t.Parallel()
	deck := testDeck(t)
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	actual := printed(deck.Lang(""), "Print at 100 % (actual size)")
	sizes := make([]string, 0, len(CardSizes))
	for s := range CardSizes {
		sizes = append(sizes, s)
	}
	sort.Strings(sizes)
	checked, full := 0, 0
	for _, size := range sizes {
		for _, paper := range names(Papers) {
			for _, sc := range sheetCases {
				for _, margin := range []float64{5, 0, 10} {
					name := fmt.Sprintf("%s/%s/%s/margin %g", size, paper, sc.name, margin)
					o := DefaultCardOptions()
					o.Size, o.Paper, o.Layout, o.Bleed, o.Margin, o.Marks, o.Created = CardSizes[size], Papers[paper], sc.layout, sc.bleed, margin, true, fixedTime
					g, err := planGrid(o.Paper, o.Size, o.Margin, o.Bleed, o.Layout)
					if err != nil {
						continue
					}
					d := *deck
					d.Cards = deck.Cards[:min(len(deck.Cards), g.perPage())]
					issues, err := Preflight(&d, o)
					if err != nil {
						t.Fatalf("%s: preflight: %v", name, err)
					}
					said := func(words string) bool {
						for _, i := range issues {
							if strings.Contains(i.Msg, words) {
								return true
							}
						}
						return false
					}
					var buf bytes.Buffer
					if _, err := Cards(&buf, &d, o); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					page := readDrawnPages(t, buf.Bytes())[0]
					cardBoxes, lines, texts, rects := extrasOn(page)
					keep := max(5, margin)
					var notes []drawnRect
					for _, tx := range texts {
						b := runBox(m, tx)
						if strings.Contains(tx.text, actual) {
							notes = append(notes, b)
						}
						if dist := edgeDistance(b, page.w, page.h); dist < keep-pdfRounding {
							t.Errorf("%s: %q comes within %.2f mm of the paper's edge", name, tx.text, dist)
						}
						for _, c := range cardBoxes {
							if boxesMeet(b, c) {
								t.Errorf("%s: %q lies over a card", name, tx.text)
							}
						}
					}
					for _, r := range rects {
						if dist := edgeDistance(r, page.w, page.h); dist < keep-pdfRounding {
							t.Errorf("%s: a box outside the cards comes within %.2f mm of the paper's edge", name, dist)
						}
					}
					for _, l := range lines {
						b := lineBox(l)
						if dist := edgeDistance(b, page.w, page.h); dist < keep-pdfRounding {
							t.Errorf("%s: a crop mark comes within %.2f mm of the paper's edge", name, dist)
						}
						for _, n := range notes {
							if boxesMeet(b, n) {
								t.Errorf("%s: a crop mark (%.1f,%.1f–%.1f,%.1f) crosses the page note", name, l.x1, l.y1, l.x2, l.y2)
							}
						}
						for _, c := range cardBoxes {
							if boxesMeet(b, c) {
								t.Errorf("%s: a crop mark touches a card", name)
							}
						}
					}
					// Two marks for each cut line, or preflight says why not.
					cuts := len(cutLines(g.x0, g.cellW, g.gap, g.cols, g.gapped)) + len(cutLines(g.y0, g.cellH, g.gap, g.rows, g.gapped))
					switch {
					case sc.layout == LayoutSingle:
						if len(lines) != 0 || !said("no room for crop marks") {
							t.Errorf("%s: %d marks drawn on a single-card page; preflight: %v", name, len(lines), issues)
						}
					case len(lines) == 2*cuts:
						full++
						if said("crop marks") {
							t.Errorf("%s: every mark is drawn, yet preflight says %v", name, issues)
						}
					case !said("some crop marks would print within"):
						t.Errorf("%s: %d of %d crop marks drawn and preflight says nothing of it: %v", name, len(lines), 2*cuts, issues)
					}
					if sc.layout != LayoutSingle && len(notes) != 1 && !said("no room for the note") {
						t.Errorf("%s: %d page notes and preflight says nothing of it", name, len(notes))
					}
					checked++
				}
			}
		}
	}
	if checked == 0 || full == 0 {
		t.Fatalf("%d sheets checked, %d with every mark: the test saw nothing", checked, full)
	}
}

// pdfRounding is how far a position may move when the PDF library writes
// it in points with two decimals.
const pdfRounding = 0.01
