package pdf

import (
	"io"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/assets"
	"deckhand/cards"
)

// BenchmarkCards500 prints a 500-card deck with duplex backs, and in the
// same run draws the same cards with gofpdf directly — band, code, wrapped
// title and body, footer, mirrored backs, none of Deckhand's fitting,
// preflight or layout — and reports both per card and their ratio.
func BenchmarkCards500(b *testing.B) {
	d := deckOf(b, 500)
	o := DefaultCardOptions()
	o.Backs, o.Created = BacksDuplexLong, fixedTime
	var deckhand, direct time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := Cards(io.Discard, d, o); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := drawDirect(io.Discard, d); err != nil {
			b.Fatal(err)
		}
		deckhand, direct = deckhand+t1.Sub(t0), direct+time.Since(t1)
	}
	n := float64(b.N * len(d.Cards))
	b.ReportMetric(float64(deckhand.Microseconds())/n/1000, "ms/card")
	b.ReportMetric(float64(direct.Microseconds())/n/1000, "direct-ms/card")
	b.ReportMetric(float64(deckhand)/float64(direct), "ratio")
}

// BenchmarkPreflight500 checks the same deck without drawing.
func BenchmarkPreflight500(b *testing.B) {
	d := deckOf(b, 500)
	o := DefaultCardOptions()
	o.Backs = BacksDuplexLong
	for b.Loop() {
		if _, err := Preflight(d, o); err != nil {
			b.Fatal(err)
		}
	}
}

// drawDirect is the baseline: poker cards 3 × 3 on A4 drawn straight with
// gofpdf, the way a short script would.
func drawDirect(w io.Writer, d *cards.Deck) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("f", "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes("f", "B", assets.FontBold)
	const cw, ch = 63.5, 88.9
	x0, y0 := (210-3*cw)/2, (297-3*ch)/2
	for start := 0; start < len(d.Cards); start += 9 {
		page := d.Cards[start:min(start+9, len(d.Cards))]
		pdf.AddPage()
		for i, c := range page {
			x, y := x0+float64(i%3)*cw, y0+float64(i/3)*ch
			pdf.SetFillColor(15, 94, 115)
			pdf.Rect(x, y, cw, 15, "F")
			pdf.SetFont("f", "B", 20)
			pdf.SetTextColor(255, 255, 255)
			pdf.Text(x+3, y+11, c.Code)
			pdf.SetTextColor(0, 0, 0)
			pdf.SetFont("f", "B", 13)
			pdf.SetXY(x+3, y+24)
			pdf.MultiCell(cw-6, 5.4, c.Title["sv"], "", "L", false)
			pdf.SetFont("f", "", 9.5)
			pdf.SetX(x + 3)
			pdf.MultiCell(cw-6, 4, c.Body["sv"], "", "L", false)
			pdf.SetFont("f", "", 6)
			pdf.Text(x+3, y+ch-3, d.Name+" · edition 1")
		}
		pdf.AddPage()
		for i := range page {
			x, y := 210-x0-float64(i%3+1)*cw, y0+float64(i/3)*ch
			pdf.SetFillColor(15, 94, 115)
			pdf.Rect(x, y, cw, ch, "F")
			pdf.SetFont("f", "B", 13)
			pdf.SetTextColor(255, 255, 255)
			pdf.Text(x+8, y+40, d.Name)
		}
	}
	return pdf.Output(w)
}

// BenchmarkPreflightOneCard checks one card, as the card editor does after
// each change, and in the same run makes a bare gofpdf document with the
// print fonts, the least any measuring with gofpdf costs if every check
// makes its own; it reports both and their ratio.
func BenchmarkPreflightOneCard(b *testing.B) {
	d := testDeck(b)
	d.Cards = d.Cards[:1]
	o := DefaultCardOptions()
	var check, bare time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := Preflight(d, o); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		doc := fpdf.New("P", "mm", "A4", "")
		doc.AddUTF8FontFromBytes("f", "", assets.FontRegular)
		doc.AddUTF8FontFromBytes("f", "B", assets.FontBold)
		if err := doc.Error(); err != nil {
			b.Fatal(err)
		}
		check, bare = check+t1.Sub(t0), bare+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(check.Microseconds())/n/1000, "ms/check")
	b.ReportMetric(float64(bare.Microseconds())/n/1000, "bare-doc-ms")
	b.ReportMetric(float64(check)/float64(bare), "ratio")
}
