package pdf

import (
	"bytes"
	"regexp"
	"sync"
	"testing"
)

// TestTwoPrintsAtOnceMakeTheSameFiles renders two boards and two card sets
// at the same time, as the app does when preflight renders a board while a
// print runs in the background. Run with -race: the PDF library once shared
// its embedded font between documents. Each file must also come out byte for
// byte the same as when it is printed alone.
func TestTwoPrintsAtOnceMakeTheSameFiles(t *testing.T) {
	d := posterDeck(t)
	b := DefaultBoardOptions()
	b.Lang, b.Created = "fi", posterFixed
	c := DefaultCardOptions()
	c.Lang, c.Created, c.Backs = "sv", posterFixed, BacksDuplexLong
	jobs := []func(*bytes.Buffer) error{
		func(w *bytes.Buffer) error { _, err := Board(w, d, b); return err },
		func(w *bytes.Buffer) error { _, err := Board(w, d, b); return err },
		func(w *bytes.Buffer) error { _, err := Cards(w, d, c); return err },
		func(w *bytes.Buffer) error { _, err := Cards(w, d, c); return err },
		func(w *bytes.Buffer) error { _, err := Preflight(d, c); return err },
	}
	alone := make([]bytes.Buffer, len(jobs))
	for i, job := range jobs {
		if err := job(&alone[i]); err != nil {
			t.Fatal(err)
		}
	}
	together := make([]bytes.Buffer, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = job(&together[i])
		}()
	}
	wg.Wait()
	for i := range jobs {
		if errs[i] != nil {
			t.Errorf("job %d: %v", i, errs[i])
		}
		if !bytes.Equal(pageBoxesOut(alone[i].Bytes()), pageBoxesOut(together[i].Bytes())) {
			t.Errorf("job %d: printed at the same time as others it differs from printed alone", i)
		}
	}
	if together[0].Len() == 0 || together[2].Len() == 0 {
		t.Error("nothing printed")
	}
}

// pageBoxes are the trim and bleed box lines of a page, which the PDF
// library writes in map order, so two identical prints may list them in
// either order.
var pageBoxes = regexp.MustCompile(`(?m)^/(Trim|Bleed)Box \[[^\]]*\]\n`)

func pageBoxesOut(pdf []byte) []byte { return pageBoxes.ReplaceAll(pdf, nil) }
