package pdf

import (
	"bytes"
	"io"
	"testing"
	"time"
)

// BenchmarkSubsetTag renames the fonts of a 1,000-card print as tagged
// subsets (writeTagged), against the print itself in the same run (the
// floor: what the renaming is added to), and reports the share it adds.
func BenchmarkSubsetTag(b *testing.B) {
	d := deckOf(b, 1000)
	o := DefaultCardOptions()
	o.Created = fixedTime
	var buf bytes.Buffer
	var printTime, tagTime time.Duration
	for b.Loop() {
		buf.Reset()
		t0 := time.Now()
		if _, err := Cards(&buf, d, o); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := writeTagged(io.Discard, buf.Bytes()); err != nil {
			b.Fatal(err)
		}
		printTime, tagTime = printTime+t1.Sub(t0), tagTime+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(printTime.Microseconds())/n/1000, "print-ms")
	b.ReportMetric(float64(tagTime.Microseconds())/n/1000, "tag-ms")
	b.ReportMetric(float64(tagTime)/float64(printTime), "ratio")
	b.ReportMetric(float64(buf.Len())/1024, "pdf-KB")
}
