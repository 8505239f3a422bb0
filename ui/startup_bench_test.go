package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// BenchmarkDecksScreenAtStart is the start-up's work on the UI goroutine
// once the database is open: the main window's content made on the store
// and laid out at the window's first size, and the window drawn once (by
// the test driver's software painter). Each round starts a fresh app, whose
// text caches are empty, so every text is shaped and drawn for the first
// time, as on a start. In the same loop, as the floor, a bare Fyne window of
// the same size, in a fresh app too, shows a label and a list of the
// default deck's 62 cards (what testdata/barewindow shows, for make
// startup). It reports both in ms per round and their ratio.
func BenchmarkDecksScreenAtStart(b *testing.B) {
	store := openBenchStore(b)
	size := fyne.NewSize(defaultWindowWidth, defaultWindowHeight)
	deck, err := cards.DefaultDeck()
	if err != nil {
		b.Fatal(err)
	}
	var app, bare time.Duration
	for b.Loop() {
		start := time.Now()
		a := freshApp()
		w := a.NewWindow("Deckhand")
		w.Resize(size)
		m := newMainView(a, w, store, viewActions{})
		w.Canvas().Capture()
		app += time.Since(start)
		if m.decks.Cards.List.Length() != len(deck.Cards) {
			b.Fatalf("the card list has %d rows, want %d", m.decks.Cards.List.Length(), len(deck.Cards))
		}
		m.stopAll()
		w.Close()

		start = time.Now()
		a = freshApp()
		w = a.NewWindow("Bare window")
		w.Resize(size)
		w.SetContent(bareCardList(deck))
		w.Canvas().Capture()
		bare += time.Since(start)
		w.Close()
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(b.N) }
	b.ReportMetric(ms(app), "deckhand-ms/op")
	b.ReportMetric(ms(bare), "bare-ms/op")
	b.ReportMetric(float64(app)/float64(bare), "ratio")
}

// freshApp is a new test app with Fyne's own theme (the test theme draws
// other colours in other fonts) and empty text caches.
func freshApp() fyne.App {
	a := test.NewApp()
	a.Settings().SetTheme(theme.DefaultTheme())
	return a
}

// bareCardList is the floor's content: a label over a list of the deck's
// cards, each row its code and title.
func bareCardList(d *cards.Deck) fyne.CanvasObject {
	list := widget.NewList(func() int { return len(d.Cards) },
		func() fyne.CanvasObject { return widget.NewLabel("R00  title") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(d.Cards[id].Code + "  " + d.Cards[id].Title["en"])
		})
	return container.NewBorder(widget.NewLabelWithStyle("Cards", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, list)
}

// openBenchStore is a database holding the default deck and the example
// workshop, closed after the benchmark.
func openBenchStore(b *testing.B) *storage.Store {
	b.Helper()
	store := uitest.OpenCopy(b)
	uitest.ImportExample(b, store)
	return store
}
