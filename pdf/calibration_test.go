package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// A calibration print that lines up tells its reader to keep the flip they
// chose, and only a wrong one to choose the other: with the sheet printed
// as asked and turned over sideways, like a page of a book, the back's
// words read upright for either flip, so "upside down" means the printer
// flipped the other way. The cross stays at the sheet's centre.
func TestCalibrationBackReadsUprightWhenThePrintIsRight(t *testing.T) {
	for _, backs := range []string{BacksDuplexLong, BacksDuplexShort} {
		var buf bytes.Buffer
		if err := Calibration(&buf, Papers["a4"], backs, "en", fixedTime); err != nil {
			t.Fatal(err)
		}
		pages := readDrawnPages(t, buf.Bytes())
		if len(pages) != 2 {
			t.Fatalf("%s: %d pages, want 2", backs, len(pages))
		}
		back := pages[1]
		var texts []drawnText
		var lines []drawnLine
		for _, g := range append(back.groups, back.loose) {
			texts, lines = append(texts, g.texts...), append(lines, g.lines...)
		}
		if len(texts) == 0 || len(lines) < 2 {
			t.Fatalf("%s: the back draws %d texts and %d lines", backs, len(texts), len(lines))
		}
		// Printed on the long edge, the back's top is the sheet's top once
		// it is turned sideways; on the short edge, the sheet's bottom.
		for _, tx := range texts {
			upX, upY := tx.upX, tx.upY
			if backs == BacksDuplexShort {
				upX, upY = -upX, -upY
			}
			if upY > -0.99 {
				t.Errorf("%s: %q stands (%.0f,%.0f) on a sheet printed right and turned sideways, want upright", backs, tx.text, upX, upY)
			}
		}
		for _, l := range lines {
			if mx, my := (l.x1+l.x2)/2, (l.y1+l.y2)/2; !near(mx, back.w/2) || !near(my, back.h/2) {
				t.Errorf("%s: a line of the cross is centred at (%.1f,%.1f), not the sheet's centre", backs, mx, my)
			}
		}
		path := t.TempDir() + "/cal.pdf"
		writeFile(t, path, buf.String())
		said := strings.Join(strings.Fields(pageText(t, path, 2)), " ")
		for _, want := range []string{"turn the sheet over sideways", "If this reads upright", "keep it", "If it reads upside down, choose the other flip"} {
			if !strings.Contains(said, want) {
				t.Errorf("%s: the back does not say %q:\n%s", backs, want, said)
			}
		}
	}
}
