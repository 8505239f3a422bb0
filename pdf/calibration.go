package pdf

import (
	"fmt"
	"io"
	"time"

	"deckhand/message"

	"codeberg.org/go-pdf/fpdf"
)

// Calibration prints the duplex calibration page: the front carries two
// millimetre scales crossing at the centre of the sheet, the back a cross
// at the centre. Printed double-sided and held against the light, the cross
// shows how far the printer moves the backs; that reading is the back
// offset CardOptions take. backs is BacksDuplexLong or BacksDuplexShort.
func Calibration(w io.Writer, paper Size, backs, lang string, created time.Time) error {
	if backs != BacksDuplexShort {
		backs = BacksDuplexLong
	}
	doc, err := newDocument(docOptions{title: printed(lang, "Duplex calibration"), lang: lang, created: created})
	if err != nil {
		return err
	}
	m, err := newMeasurer()
	if err != nil {
		return err
	}
	size := fpdf.SizeType{Wd: paper.W, Ht: paper.H}
	cx, cy := paper.W/2, paper.H/2

	doc.AddPageFormat("P", size)
	doc.SetTextColor(0, 0, 0)
	doc.SetFont(family, "B", 16)
	doc.Text(15, 22, printed(lang, "Duplex calibration"))
	flip := message.Word("the long edge")
	if backs == BacksDuplexShort {
		flip = message.Word("the short edge")
	}
	steps := m.fit(said(lang, message.Say("1. Print both pages on one sheet, double-sided, at 100 %% (actual size), with the same settings as the cards (flip on %s).\n2. Hold the sheet against the light. Read where the cross of the back shows on the scales: X to the right, Y downwards, in millimetres (left and up are minus).\n3. Enter the numbers as the back offset X,Y, for example 1.5,-0.5. Deckhand moves the backs to land right.", flip)), false, paper.W-30, 60, 10, 7)
	doc.SetFont(family, "", steps.size)
	for i, line := range steps.lines {
		doc.Text(15, 32+float64(i)*steps.size*lineFactor*mmPerPt, line)
	}
	scale(doc, cx, cy)
	arrow(doc, paper.W/2, 14)

	// The back is drawn as card backs are: for a short-edge flip turned a
	// half turn, so that on a sheet printed as chosen it reads upright once
	// turned over sideways, and its arrow lies behind the front's.
	doc.AddPageFormat("P", size)
	doc.TransformBegin()
	if backs == BacksDuplexShort {
		doc.TransformRotate(180, cx, cy)
	}
	doc.SetDrawColor(0, 0, 0)
	doc.SetLineWidth(0.5)
	doc.Line(cx-25, cy, cx+25, cy)
	doc.Line(cx, cy-25, cx, cy+25)
	doc.Circle(cx, cy, 3, "D")
	doc.SetFont(family, "B", 11)
	note := m.fit(printed(lang, "BACK – turn the sheet over sideways, as you turn a page of a book. If this reads upright, your printer flips as you chose: keep it. If it reads upside down, choose the other flip."), true, paper.W-40, 30, 11, 8)
	doc.SetFont(family, "B", note.size)
	for i, line := range note.lines {
		doc.Text(20, cy+45+float64(i)*note.size*lineFactor*mmPerPt, line)
	}
	arrow(doc, paper.W/2, 14)
	doc.TransformEnd()
	return finish(doc, w)
}

// scale draws millimetre scales from -20 to +20 through (cx, cy): a tick
// every millimetre, a longer one every 5 with its number.
func scale(doc *fpdf.Fpdf, cx, cy float64) {
	doc.SetDrawColor(0, 0, 0)
	doc.SetLineWidth(0.15)
	doc.Line(cx-21, cy, cx+21, cy)
	doc.Line(cx, cy-21, cx, cy+21)
	doc.SetFont(family, "", 7)
	for mm := -20; mm <= 20; mm++ {
		tick := 1.5
		if mm%5 == 0 {
			tick = 3.5
			label := fmt.Sprintf("%d", mm)
			lw := doc.GetStringWidth(label)
			if mm != 0 {
				doc.Text(cx+float64(mm)-lw/2, cy+8, label)
				doc.Text(cx-5-lw, cy+float64(mm)+0.9, label)
			}
		}
		doc.Line(cx+float64(mm), cy-tick, cx+float64(mm), cy+tick)
		doc.Line(cx-tick, cy+float64(mm), cx+tick, cy+float64(mm))
	}
	doc.SetFont(family, "B", 8)
	doc.Text(cx+23, cy+1, "X")
	doc.Text(cx-1, cy+26, "Y")
}

// arrow marks the sheet's top edge, so the person can tell how the sheet
// was turned.
func arrow(doc *fpdf.Fpdf, x, y float64) {
	doc.SetFillColor(0, 0, 0)
	doc.Polygon([]fpdf.PointType{{X: x, Y: y - 6}, {X: x + 4, Y: y}, {X: x - 4, Y: y}}, "F")
}
