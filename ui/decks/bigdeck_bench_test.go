package decks

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
	"deckhand/storage/storagetest"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// bigDeckScreen is a Decks screen in a 1280×800 test window on a database
// holding the default deck and storagetest.BigDeck, imported
// through the store; it shows the default deck. It returns the screen and
// the two decks' ids.
func bigDeckScreen(b *testing.B) (s *Screen, store *storage.Store, small, big string) {
	b.Helper()
	a := test.NewTempApp(b)
	store = uitest.OpenSeeded(b, filepath.Join(b.TempDir(), "deckhand.db"))
	b.Cleanup(func() { store.Close() })
	decks, err := store.Decks(context.Background())
	if err != nil || len(decks) != 1 {
		b.Fatalf("decks = %v, %v", decks, err)
	}
	small = decks[0].ID
	file := storagetest.BigDeck(b, storagetest.BigDeckCards)
	if err := store.CreateDeck(context.Background(), file); err != nil {
		b.Fatal(err)
	}
	a.Preferences().SetString(kit.PrefLastDeck, small)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	s = New(a, w, store)
	s.Editor.Delay = time.Hour
	w.SetContent(s.Content())
	s.ShowLastDeck()
	return s, store, small, file.ID
}

// bigDeckShown is bigDeckScreen showing the whole big deck, with what the
// screen hands back to the UI goroutine in the queue it returns.
func bigDeckShown(b *testing.B) (*Screen, uitest.UIQueue) {
	b.Helper()
	s, _, _, big := bigDeckScreen(b)
	ui := uitest.NewUIQueue()
	s.toUI = ui.Do
	switchTo(b, s, ui, big)
	untilWhole(b, s, ui)
	return s, ui
}

// switchTo chooses the deck with the given id in the deck list, as a
// click does, and runs what comes back to the UI goroutine until the card
// list shows that deck's first rows.
func switchTo(b *testing.B, s *Screen, ui uitest.UIQueue, id string) {
	b.Helper()
	row := -1
	for i, d := range s.Decks {
		if d.ID == id {
			row = i
		}
	}
	s.deckList.Select(row)
	for s.DeckID() != id || s.Cards.List.Length() == 0 {
		ui.Next(b, "the deck's first rows")
	}
}

// untilWhole runs what comes back to the UI goroutine until the deck shown
// is whole.
func untilWhole(b *testing.B, s *Screen, ui uitest.UIQueue) {
	b.Helper()
	for s.loading != nil {
		ui.Next(b, "the rest of the deck")
	}
}

// searchKeys is one round of typing in the search: a Finnish word typed
// letter by letter, from one letter that most cards hold to a word a few
// hold, then erased again down to the empty search that shows every card.
func searchKeys() []fyne.KeyEvent {
	word := []rune("käyttö")
	keys := make([]fyne.KeyEvent, 0, 2*len(word))
	for _, r := range word {
		keys = append(keys, fyne.KeyEvent{Name: fyne.KeyName(string(r))})
	}
	for range word {
		keys = append(keys, fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	return keys
}

// press gives the entry one key of searchKeys as the keyboard gives it.
func press(e fyne.Focusable, k fyne.KeyEvent) {
	if k.Name == fyne.KeyBackspace {
		e.TypedKey(&k)
		return
	}
	for _, r := range string(k.Name) {
		e.TypedRune(r)
	}
}

// bareSearchList is the floor of the search: a widget.Entry over a
// widget.List of the same cards, filtered on every keystroke with
// strings.Contains over texts lower-cased beforehand, nothing else. Its
// rows are a plain label of the card's title, or, with screenRows, the
// screen's row made of bare labels: the code in bold beside the title and
// the line under it, both cut short with an ellipsis. It is as big as the
// screen's card list, so that it shows as many rows.
type bareSearchList struct {
	entry  *widget.Entry
	list   *widget.List
	titles []string
	lower  []string
	shown  []int
}

func newBareSearchList(b *testing.B, s *Screen, lang string, screenRows bool) *bareSearchList {
	l := &bareSearchList{entry: widget.NewEntry()}
	var codes, details []string
	for _, c := range s.deck.Cards {
		codes, details = append(codes, c.Code), append(details, cardDetail(s.deck, c, lang))
		l.titles = append(l.titles, c.Title[lang])
		l.lower = append(l.lower, strings.ToLower(strings.Join(append([]string{c.Code, c.Title[lang], c.Body[lang]}, c.Tags...), "\n")))
	}
	plainRow := func() fyne.CanvasObject { return widget.NewLabel("title") }
	plainUpdate := func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.titles[l.shown[id]]) }
	l.list = widget.NewList(func() int { return len(l.shown) }, plainRow, plainUpdate)
	if screenRows {
		l.list.CreateItem = func() fyne.CanvasObject {
			title, detail := widget.NewLabel("title"), widget.NewLabel("detail")
			title.Truncation, detail.Truncation, detail.SizeName = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis, theme.SizeNameCaptionText
			code := widget.NewLabelWithStyle("R00", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			return container.NewBorder(nil, nil, code, nil, container.NewVBox(title, detail))
		}
		l.list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
			row, i := o.(*fyne.Container), l.shown[id]
			texts := row.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(l.titles[i])
			texts.Objects[1].(*widget.Label).SetText(details[i])
			row.Objects[1].(*widget.Label).SetText(codes[i])
		}
	}
	l.entry.OnChanged = func(text string) {
		q := strings.ToLower(strings.TrimSpace(text))
		l.shown = l.shown[:0]
		for i, hay := range l.lower {
			if strings.Contains(hay, q) {
				l.shown = append(l.shown, i)
			}
		}
		l.list.Refresh()
	}
	l.entry.OnChanged("")
	w := test.NewTempWindow(b, container.NewBorder(l.entry, nil, nil, nil, l.list))
	size := s.Cards.List.Size()
	w.Resize(fyne.NewSize(size.Width, size.Height+l.entry.MinSize().Height+theme.Padding()))
	return l
}

// BenchmarkDeckSearchKeystroke is one keystroke in the card search of the
// Decks screen showing the big deck in Finnish: the handler alone
// (handler-ms) and, end to end, the keystroke through the entry, the
// handler and the card list laying out the rows it shows (ms). In the same
// loop, as the floor, the same keystroke in a bare widget.Entry over a
// widget.List of the same cards' titles, filtered over texts lower-cased
// beforehand (bare-handler-ms, bare-ms), and in a bare list whose rows are
// the screen's (rows-ms). The ratios are end to end against each. Making
// the screen's search index, once per deck and language, is index-ms.
func BenchmarkDeckSearchKeystroke(b *testing.B) {
	s, _ := bigDeckShown(b)
	s.Cards.language.SetKey("fi")
	start := time.Now()
	newSearchIndex(s.deck.Cards, "fi")
	index := time.Since(start)
	bare, rows := newBareSearchList(b, s, "fi", false), newBareSearchList(b, s, "fi", true)
	var handler, bareHandler time.Duration
	timed := func(total *time.Duration, fn func(string)) func(string) {
		return func(text string) {
			start := time.Now()
			fn(text)
			*total += time.Since(start)
		}
	}
	s.Cards.Search.OnChanged = timed(&handler, s.Cards.Search.OnChanged)
	bare.entry.OnChanged = timed(&bareHandler, bare.entry.OnChanged)
	keys := searchKeys()
	for _, k := range keys { // one round first: the index made, the fonts loaded
		press(s.Cards.Search, k)
		press(bare.entry, k)
		press(rows.entry, k)
	}
	handler, bareHandler = 0, 0
	var e2e, bareE2E, rowsE2E time.Duration
	n := 0
	for b.Loop() {
		k := keys[n%len(keys)]
		n++
		t0 := time.Now()
		press(s.Cards.Search, k)
		t1 := time.Now()
		press(bare.entry, k)
		t2 := time.Now()
		press(rows.entry, k)
		e2e, bareE2E, rowsE2E = e2e+t1.Sub(t0), bareE2E+t2.Sub(t1), rowsE2E+time.Since(t2)
		sameRows(b, s, bare)
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	b.ReportMetric(ms(handler), "handler-ms/op")
	b.ReportMetric(ms(e2e), "ms/op")
	b.ReportMetric(ms(bareHandler), "bare-handler-ms/op")
	b.ReportMetric(ms(bareE2E), "bare-ms/op")
	b.ReportMetric(ms(rowsE2E), "rows-ms/op")
	b.ReportMetric(float64(e2e)/float64(bareE2E), "ratio")
	b.ReportMetric(float64(e2e)/float64(rowsE2E), "rows-ratio")
	b.ReportMetric(float64(index.Microseconds())/1000, "index-ms")
}

// sameRows fails the benchmark unless the screen's card list and the bare
// list found the same cards and show the first of them in their first
// row: the keystroke was searched and laid out, not only taken.
func sameRows(b *testing.B, s *Screen, bare *bareSearchList) {
	if got, want := s.Cards.Search.Text, bare.entry.Text; got != want || !slices.Equal(s.Cards.shown, bare.shown) {
		b.Fatalf("the screen searched %q and shows %d cards, the bare list %q and %d", got, len(s.Cards.shown), want, len(bare.shown))
	}
	if len(bare.shown) == 0 {
		return
	}
	want := bare.titles[bare.shown[0]]
	if !uitest.HasText(uitest.WindowLabels(s.Cards.List), want) {
		b.Fatalf("after searching %q the card list does not show %q", s.Cards.Search.Text, want)
	}
}

// BenchmarkSwitchToBigDeck chooses the big deck in the deck list, from
// the default deck, until its first rows are in the card list (ms), and
// until the whole deck is (whole-ms). In the same loop, as the floor, the
// plain Store.Deck load of the big deck (load-ms): what showing the deck
// cost at least when the screen read all of it before showing any. The
// ratios are each against it. Switching back to the default deck is not
// timed.
func BenchmarkSwitchToBigDeck(b *testing.B) {
	s, store, small, big := bigDeckScreen(b)
	ui := uitest.NewUIQueue()
	s.toUI = ui.Do
	var toRows, toWhole, load time.Duration
	n := 0
	for b.Loop() {
		n++
		start := time.Now()
		switchTo(b, s, ui, big)
		rows := time.Now()
		untilWhole(b, s, ui)
		whole := time.Now()
		if got := s.Cards.List.Length(); got != storagetest.BigDeckCards {
			b.Fatalf("the card list shows %d cards of the big deck", got)
		}
		if _, err := store.Deck(context.Background(), big); err != nil {
			b.Fatal(err)
		}
		toRows, toWhole, load = toRows+rows.Sub(start), toWhole+whole.Sub(start), load+time.Since(whole)
		switchTo(b, s, ui, small)
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
	b.ReportMetric(ms(toRows), "ms/op")
	b.ReportMetric(ms(toWhole), "whole-ms/op")
	b.ReportMetric(ms(load), "load-ms/op")
	b.ReportMetric(float64(toRows)/float64(load), "ratio")
	b.ReportMetric(float64(toWhole)/float64(load), "whole-ratio")
}
