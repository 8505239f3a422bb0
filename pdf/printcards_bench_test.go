package pdf

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"deckhand/assets"
	"deckhand/cards"
)

// deckOf is the default deck grown to n cards with their real texts, each
// card printed once.
func deckOf(tb testing.TB, n int) *cards.Deck {
	d := testDeck(tb)
	base := d.Cards
	d.Cards = nil
	for i := 0; i < n; i++ {
		c := base[i%len(base)].Clone()
		c.Code, c.Copies = fmt.Sprintf("X%04d", i), 1
		d.Cards = append(d.Cards, c)
	}
	return d
}

// BenchmarkPrintCards1000 is "deckhand print cards" on a 1,000-card deck
// with its default options (poker cards on A4, crop marks, no backs): what
// the command runs in pdf, preflight and the print written to a file. In
// the same run, as the floor, the same cards are drawn with fpdf directly
// (floorCards). It reports both in ms, the peak heap of each (see
// heapPeak) and the ratios.
func BenchmarkPrintCards1000(b *testing.B) { benchPrintCards(b, 1000) }

// BenchmarkPrintCards5000 is the same on 5,000 cards, where memory shows;
// it runs only with DECKHAND_BENCH_5000=1, as one round takes seconds.
func BenchmarkPrintCards5000(b *testing.B) {
	if os.Getenv("DECKHAND_BENCH_5000") == "" {
		b.Skip("set DECKHAND_BENCH_5000=1 to print 5,000 cards")
	}
	benchPrintCards(b, 5000)
}

func benchPrintCards(b *testing.B, n int) {
	d := deckOf(b, n)
	o := DefaultCardOptions()
	o.Created = fixedTime
	dir := b.TempDir()
	appPath, floorPath := filepath.Join(dir, "app.pdf"), filepath.Join(dir, "floor.pdf")
	printApp := func(w io.Writer) error { return printAsTheCommand(w, d, o) }
	printFloor := func(w io.Writer) error { return floorCards(w, d, d.Lang(o.Lang)) }
	app := func() error { return toFile(appPath, printApp) }
	floor := func() error { return toFile(floorPath, printFloor) }
	var appTime, floorTime time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := app(); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := floor(); err != nil {
			b.Fatal(err)
		}
		appTime, floorTime = appTime+t1.Sub(t0), floorTime+time.Since(t1)
	}
	// Memory is measured in a round of its own, so that sampling does not
	// slow the timed rounds.
	appMem, floorMem := heapPeak(b, appPath, printApp), heapPeak(b, floorPath, printFloor)
	// The deck is what both print from, in the heap before either starts:
	// it must stay there until both are measured, or the floor, which
	// stops reading it before it writes, would be measured without it.
	runtime.KeepAlive(d)
	rounds := float64(b.N)
	b.ReportMetric(float64(appTime.Microseconds())/rounds/1000, "app-ms/op")
	b.ReportMetric(float64(floorTime.Microseconds())/rounds/1000, "floor-ms/op")
	b.ReportMetric(float64(appTime)/float64(floorTime), "ratio")
	b.ReportMetric(appMem.held/1e6, "app-held-MB")
	b.ReportMetric(floorMem.held/1e6, "floor-held-MB")
	b.ReportMetric(appMem.held/floorMem.held, "held-ratio")
	b.ReportMetric(appMem.inUse/1e6, "app-inuse-MB")
	b.ReportMetric(floorMem.inUse/1e6, "floor-inuse-MB")
	b.ReportMetric(appMem.alloc/1e6, "app-alloc-MB")
	b.ReportMetric(floorMem.alloc/1e6, "floor-alloc-MB")
}

// printAsTheCommand does what "deckhand print cards" does in pdf: plan the
// print, then write it, which finds what preflight would as it draws.
func printAsTheCommand(w io.Writer, d *cards.Deck, o CardOptions) error {
	p, err := PlanCards(d, o)
	if err != nil {
		return err
	}
	_, err = p.Write(w)
	return err
}

// toFile writes a PDF into a new file at path, as the command does (less
// the fsync and rename of an atomic write, which the floor would not do
// either).
func toFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// gcPercentWhileSampling is the GC's pace while the heap is sampled.
const gcPercentWhileSampling = 20

// memoryUse is what one print took from the heap, in bytes.
type memoryUse struct {
	held  float64 // live when the finished PDF is handed to the file, above what was live before
	inUse float64 // the most heap in use while printing, garbage not yet collected included
	alloc float64 // allocated in all
}

// heapPeak runs print once into a file and measures its memory. The measure
// of what a print holds is the live heap at the moment the finished PDF is
// handed to the file: fpdf holds every page's drawing then, and the whole
// file it built from them, so that is when a print (the floor's too) holds
// the most; a collection right then makes the figure exact and the same
// from run to run. Beside it, the heap in use (MemStats.HeapInuse: live
// objects, garbage not yet collected and the free part of their spans) is
// sampled every millisecond, with the GC at gcPercentWhileSampling so that
// it keeps near what is live: that is what the process takes from the
// machine, but how much garbage it holds depends on when the collections
// ran and how much of the shared cores they got, so it swings from run to
// run. The bytes allocated (TotalAlloc, b.ReportAllocs' bytes/op) count
// every short-lived buffer, such as fpdf's compressor for each page, which
// the GC takes back at once: they tell the GC's work, not the memory held.
func heapPeak(b *testing.B, path string, print func(io.Writer) error) memoryUse {
	samples := []rtmetrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	inUse := func() uint64 {
		rtmetrics.Read(samples)
		return samples[0].Value.Uint64() + samples[1].Value.Uint64()
	}
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercentWhileSampling))
	var before, atWrite, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	stop, peak := make(chan struct{}), make(chan uint64)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var high uint64
		for {
			high = max(high, inUse())
			select {
			case <-stop:
				peak <- high
				return
			case <-tick.C:
			}
		}
	}()
	err := toFile(path, func(w io.Writer) error {
		return print(&firstWrite{w: w, before: func() {
			runtime.GC()
			runtime.ReadMemStats(&atWrite)
		}})
	})
	close(stop)
	high := <-peak
	runtime.ReadMemStats(&after)
	if err != nil {
		b.Fatal(err)
	}
	above := func(v, base uint64) float64 { return float64(v - min(base, v)) }
	return memoryUse{held: above(atWrite.HeapAlloc, before.HeapAlloc), inUse: above(high, before.HeapInuse), alloc: float64(after.TotalAlloc - before.TotalAlloc)}
}

// firstWrite calls before once, ahead of the first write.
type firstWrite struct {
	w      io.Writer
	before func()
}

func (f *firstWrite) Write(p []byte) (int, error) {
	if f.before != nil {
		f.before()
		f.before = nil
	}
	return f.w.Write(p)
}

// floorCards is the floor of a card print: the same cards on the same
// sheets (poker cards 3 × 3 on A4, the same texts in the same embedded
// fonts, crop marks and a note on every page) drawn straight with fpdf the
// way a short script would, with its own MultiCell wrapping and none of
// Deckhand's preflight, fitting or layout.
func floorCards(w io.Writer, d *cards.Deck, lang string) error {
	doc := fpdf.New("P", "mm", "A4", "")
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	doc.AddUTF8FontFromBytes("f", "", assets.FontRegular)
	doc.AddUTF8FontFromBytes("f", "B", assets.FontBold)
	const cw, ch, perPage = 63.5, 88.9, 9
	x0, y0 := (210-3*cw)/2, (297-3*ch)/2
	pages := (len(d.Cards) + perPage - 1) / perPage
	for start := 0; start < len(d.Cards); start += perPage {
		doc.AddPage()
		for i, c := range d.Cards[start:min(start+perPage, len(d.Cards))] {
			floorCard(doc, d, c, lang, x0+float64(i%3)*cw, y0+float64(i/3)*ch)
		}
		doc.SetDrawColor(0, 0, 0)
		doc.SetLineWidth(0.25)
		for i := 0; i <= 3; i++ {
			x, y := x0+float64(i)*cw, y0+float64(i)*ch
			doc.Line(x, y0-1, x, y0-6)
			doc.Line(x, y0+3*ch+1, x, y0+3*ch+6)
			doc.Line(x0-1, y, x0-6, y)
			doc.Line(x0+3*cw+1, y, x0+3*cw+6, y)
		}
		doc.SetFont("f", "", 7)
		doc.SetTextColor(90, 90, 90)
		note := fmt.Sprintf("%s · edition %d · print at 100 %% · page %d/%d", d.Name, d.Edition, start/perPage+1, pages)
		doc.Text((210-doc.GetStringWidth(note))/2, 297-6, note)
	}
	return doc.Output(w)
}

// floorCard draws one card's face at (x, y): band with code and type,
// area, level and theme, title, text and footer.
func floorCard(doc *fpdf.Fpdf, d *cards.Deck, c cards.Card, lang string, x, y float64) {
	const cw, ch = 63.5, 88.9
	colour := func(hex string) (r, g, b int) {
		_, _ = fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
		return
	}
	doc.SetFillColor(255, 255, 255)
	doc.Rect(x, y, cw, ch, "F")
	t, _ := d.CardType(c.Type)
	doc.SetFillColor(colour(t.Colour))
	doc.Rect(x, y, cw, 15, "F")
	doc.SetTextColor(255, 255, 255)
	doc.SetFont("f", "B", 20)
	doc.Text(x+3, y+11, c.Code)
	doc.SetFont("f", "", 7)
	name := t.Name.Or(lang, d.DefaultLang)
	doc.Text(x+cw-3-doc.GetStringWidth(name), y+6.3, name)
	doc.SetFont("f", "B", 8)
	for i, a := range d.Board.Areas {
		if a.Key == c.Area {
			doc.SetFillColor(colour(a.Colour))
			floorSymbol(doc, i, x+3, y+17.2, 3.2)
			doc.SetTextColor(colour(a.Colour))
			doc.Text(x+7.7, y+19.9, a.Name.Or(lang, d.DefaultLang))
		}
	}
	doc.SetFont("f", "", 8)
	doc.SetTextColor(110, 110, 110)
	for i, l := range d.Levels {
		if l.Key == c.Level {
			for bar := 0; bar <= i; bar++ {
				doc.SetFillColor(110, 110, 110)
				doc.Rect(x+3+float64(bar)*1.6, y+21.7, 0.9, 3.2, "F")
			}
			doc.Text(x+7.7, y+24.4, l.Name.Or(lang, d.DefaultLang))
		}
	}
	doc.SetFont("f", "", 7)
	if th, ok := d.Theme(c.Theme); ok {
		doc.Text(x+3, y+28.9, th.Name.Or(lang, d.DefaultLang))
	}
	doc.SetTextColor(33, 33, 33)
	doc.SetFont("f", "B", 13)
	doc.SetXY(x+3, y+31)
	doc.MultiCell(cw-6, 5.4, c.Title.Or(lang, d.DefaultLang), "", "L", false)
	doc.SetFont("f", "", 9.5)
	doc.SetXY(x+3, doc.GetY()+2)
	doc.MultiCell(cw-6, 4, c.Body.Or(lang, d.DefaultLang), "", "L", false)
	doc.SetDrawColor(200, 200, 200)
	doc.SetLineWidth(0.2)
	doc.Line(x+3, y+ch-7.2, x+cw-3, y+ch-7.2)
	doc.SetFont("f", "", 7)
	doc.SetTextColor(110, 110, 110)
	doc.Text(x+3, y+ch-3.6, d.Name)
	edition := fmt.Sprintf("edition %d", d.Edition)
	doc.Text(x+cw-3-doc.GetStringWidth(edition), y+ch-3.6, edition)
}

// floorSymbol draws the i-th area's symbol in a size × size box at (x, y):
// a circle, square, triangle, diamond or hexagon, as the cards have them.
func floorSymbol(doc *fpdf.Fpdf, i int, x, y, size float64) {
	h, q := size/2, size/4
	var pts []fpdf.PointType
	switch i % 5 {
	case 0:
		doc.Ellipse(x+h, y+h, h, h, 0, "F")
		return
	case 1:
		doc.Rect(x, y, size, size, "F")
		return
	case 2:
		pts = []fpdf.PointType{{X: x + h, Y: y}, {X: x + size, Y: y + size}, {X: x, Y: y + size}}
	case 3:
		pts = []fpdf.PointType{{X: x + h, Y: y}, {X: x + size, Y: y + h}, {X: x + h, Y: y + size}, {X: x, Y: y + h}}
	default:
		pts = []fpdf.PointType{{X: x + q, Y: y}, {X: x + size - q, Y: y}, {X: x + size, Y: y + h}, {X: x + size - q, Y: y + size}, {X: x + q, Y: y + size}, {X: x, Y: y + h}}
	}
	doc.Polygon(pts, "F")
}
