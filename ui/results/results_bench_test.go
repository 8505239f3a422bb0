package results

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/storage/storagetest"
	"deckhand/ui/internal/uitest"
)

// benchScreen is the Results screen in a 1280×800 window on the database
// at path, and the store. What it hands back to the UI goroutine waits
// for benchVisit.
func benchScreen(b *testing.B, path string) (*Screen, *storage.Store) {
	a := test.NewTempApp(b)
	store, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	r := New(a, w, store)
	toUI := make(chan func(), 1)
	r.toUI = func(fn func()) { toUI <- fn }
	benchQueues[r] = toUI
	w.SetContent(r.Content())
	return r, store
}

// benchQueues are the benchmarks' screens' stand-ins for fyne.Do.
var benchQueues = map[*Screen]chan func(){}

// benchVisit goes to the screen showing the workshop with id, and returns
// how long the UI goroutine was busy before the screen showed; then it
// waits for the comparison across workshops, read meanwhile.
func benchVisit(r *Screen, id string) time.Duration {
	start := time.Now()
	r.session = nil
	r.Refresh(id)
	busy := time.Since(start)
	if r.tabs.SelectedIndex() == len(r.tabs.Items)-1 {
		(<-benchQueues[r])()
	}
	return busy
}

// newBenchDB makes a database holding the default deck, filled by fill.
func newBenchDB(b *testing.B, fill func(s *storage.Store) error) string {
	return storagetest.FilledDatabase(b, fill)
}

// bareList is the floor of a screen's list: a bare widget.List of lines in
// a window of the same size, refreshed with new lines.
func bareList(b *testing.B) (*widget.List, *[]string) {
	lines := new([]string)
	list := widget.NewList(func() int { return len(*lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText((*lines)[i]) })
	w := test.NewTempWindow(b, list)
	w.Resize(fyne.NewSize(1280, 800))
	return list, lines
}

// BenchmarkResultsOpen opens the Results screen on a workshop of 8 tables
// with 25, 50 and 100 cards each, as when the facilitator goes to the
// screen: the workshop read and its results computed and shown (matrix,
// ranking, areas, teams); screen-ms is how long the UI goroutine is busy
// before it shows (the comparison across workshops is read meanwhile, off
// it, and waited for before the next round). The floor, in the same loop, reads and computes
// the same (Session, BlindRoundOf, game.Results) and shows the ranking's
// lines in a bare widget.List. Time per card laid should stay the same as
// the workshop grows.
func BenchmarkResultsOpen(b *testing.B) {
	for _, perTable := range []int{25, 50, 100} {
		b.Run(fmt.Sprintf("8x%d", perTable), func(b *testing.B) {
			var id string
			path := newBenchDB(b, func(s *storage.Store) (err error) {
				id, err = storagetest.FillWorkshop(context.Background(), s, 7, 8, perTable)
				return err
			})
			r, store := benchScreen(b, path)
			list, lines := bareList(b)
			ctx := context.Background()
			var screen, floor time.Duration
			n := 0
			for b.Loop() {
				busy := benchVisit(r, id)
				mid := time.Now()
				f, err := store.Session(ctx, id, false)
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := store.BlindRoundOf(ctx, id); err != nil {
					b.Fatal(err)
				}
				*lines = (*lines)[:0]
				for i, p := range game.Results(f).Plays {
					*lines = append(*lines, fmt.Sprintf("%d. %s  %s — %s", i+1, p.Play.Code, p.Title, p.Team))
				}
				list.Refresh()
				screen += busy
				floor += time.Since(mid)
				n++
			}
			if len(r.results.Plays) != 8*perTable {
				b.Fatalf("the screen shows %d cards, want %d", len(r.results.Plays), 8*perTable)
			}
			reportScreenAndFloor(b, screen, floor, n)
			b.ReportMetric(float64(screen)/float64(n)/float64(time.Microsecond)/float64(8*perTable), "screen-µs/card")
		})
	}
}

// reportScreenAndFloor reports a screen's and its floor's ms per
// iteration and their ratio.
func reportScreenAndFloor(b *testing.B, screen, floor time.Duration, n int) {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(screen), "screen-ms/op")
	b.ReportMetric(ms(floor), "bare-ms/op")
	b.ReportMetric(float64(screen)/float64(floor), "ratio")
}

// BenchmarkAcrossWorkshopsFilter is one keystroke in the client filter of
// "Across workshops" with the tab shown, over 50 workshops made here and
// over the database DECKHAND_BIGDB names when it is set (scripts/bigdb
// makes one of 2,000; see docs/performance.md). The keystrokes cycle
// through a client that matches, one that does not and none (all
// workshops). The floor, in the same loop, shows the same comparison's
// lines, computed beforehand, in a bare widget.List.
func BenchmarkAcrossWorkshopsFilter(b *testing.B) {
	sizes := []struct{ name, path string }{{"50-workshops", newBenchDB(b, func(s *storage.Store) error {
		return storagetest.FillWorkshops(context.Background(), s, 50, 1, nil)
	})}}
	if big := os.Getenv("DECKHAND_BIGDB"); big != "" {
		sizes = append(sizes, struct{ name, path string }{"bigdb", big})
	}
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			r, _ := benchScreen(b, size.path)
			r.Refresh("")
			showAcrossWorkshops(b, r)
			(<-benchQueues[r])()
			keys := []string{"Northwind Ab", "Northwind A", ""}
			compared := make([][]string, len(keys))
			for i, k := range keys {
				r.compare.client.SetText(k)
				compared[i] = r.compare.lines
			}
			if len(compared[0]) == 0 || len(compared[1]) != 0 || len(compared[2]) < len(compared[0]) {
				b.Fatalf("the filter lists %d, %d and %d cards", len(compared[0]), len(compared[1]), len(compared[2]))
			}
			list, lines := bareList(b)
			var screen, floor time.Duration
			n := 0
			for b.Loop() {
				start := time.Now()
				r.compare.client.SetText(keys[n%len(keys)])
				mid := time.Now()
				*lines = compared[n%len(keys)]
				list.Refresh()
				screen += mid.Sub(start)
				floor += time.Since(mid)
				n++
			}
			reportScreenAndFloor(b, screen, floor, n)
		})
	}
}

// showAcrossWorkshops selects the "Across workshops" tab.
func showAcrossWorkshops(b *testing.B, r *Screen) {
	var tabs *container.AppTabs
	uitest.Walk(r.Content(), func(o fyne.CanvasObject) {
		if t, ok := o.(*container.AppTabs); ok {
			tabs = t
		}
	})
	if tabs == nil {
		b.Fatal("no tabs on the Results screen")
	}
	tabs.SelectIndex(3)
}
