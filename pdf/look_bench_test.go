package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"
)

// BenchmarkBrandedBacks prints 1,000 cards with their backs (double-sided)
// with the client's look (a 1,200 × 600 logo on every back), against the
// same print without it in the same run, the floor. It reports both in
// ms, the ratio, and how many kilobytes the look adds to the file: the
// logo is embedded once, so that is about the logo's own size.
func BenchmarkBrandedBacks(b *testing.B) {
	plain := deckOf(b, 1000)
	branded := deckOf(b, 1000)
	branded.Look = brandedDeck(b, "").Look
	branded.Look.Logo = gradientPNG(b, 1200, 600)
	o := DefaultCardOptions()
	o.Backs, o.Created = BacksDuplexLong, fixedTime
	var withLook, without bytes.Buffer
	var lookTime, floorTime time.Duration
	for b.Loop() {
		withLook.Reset()
		without.Reset()
		t0 := time.Now()
		if _, err := Cards(&withLook, branded, o); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := Cards(&without, plain, o); err != nil {
			b.Fatal(err)
		}
		lookTime, floorTime = lookTime+t1.Sub(t0), floorTime+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(lookTime.Milliseconds())/n, "branded-ms")
	b.ReportMetric(float64(floorTime.Milliseconds())/n, "plain-ms")
	b.ReportMetric(float64(lookTime)/float64(floorTime), "ratio")
	b.ReportMetric(float64(withLook.Len()-without.Len())/1024, "added-KB")
	b.ReportMetric(float64(len(branded.Look.Logo))/1024, "logo-KB")
}

// gradientPNG is a w × h picture whose every pixel differs from its
// neighbours, so that it compresses as a real logo's photo-like parts do.
func gradientPNG(tb testing.TB, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x * y) % 251), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
