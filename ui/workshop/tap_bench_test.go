package workshop

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// goalMs is what a tap or a rating may take on the UI goroutine besides
// the save: one frame at 60 Hz.
const goalMs = 16

// timedStore is the database, timing the calls that save a record of the
// board (the floor of an action that saves: the store call alone).
type timedStore struct {
	Store
	saving time.Duration
}

func (t *timedStore) timed(save func() error) error {
	start := time.Now()
	err := save()
	t.saving += time.Since(start)
	return err
}

func (t *timedStore) AddRating(ctx context.Context, workshopID string, r *game.Rating) error {
	return t.timed(func() error { return t.Store.AddRating(ctx, workshopID, r) })
}

func (t *timedStore) SavePlay(ctx context.Context, workshopID string, p *game.Play) error {
	return t.timed(func() error { return t.Store.SavePlay(ctx, workshopID, p) })
}

func (t *timedStore) DeleteRating(ctx context.Context, id string) error {
	return t.timed(func() error { return t.Store.DeleteRating(ctx, id) })
}

func (t *timedStore) RestoreRating(ctx context.Context, id string) error {
	return t.timed(func() error { return t.Store.RestoreRating(ctx, id) })
}

// benchBoardCards is how many cards the benchmarks' table has laid.
const benchBoardCards = 60

// newBenchBoard is the Workshop screen in a 1366×768 window, with its keys
// bound, on a workshop made through the store whose first table has laid
// benchBoardCards cards (the default deck's routines, in their own areas,
// again and again), each rated on every criterion. It returns the screen,
// the store it saves through and the table's plays.
func newBenchBoard(b *testing.B) (*Screen, *timedStore, []game.Play) {
	b.Helper()
	ctx := context.Background()
	a := test.NewTempApp(b)
	store := uitest.OpenCopy(b)
	decks, err := store.Decks(ctx)
	if err != nil || len(decks) == 0 {
		b.Fatalf("decks = %v, %v", decks, err)
	}
	deck, err := store.Deck(ctx, decks[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	w := &game.Workshop{ID: cards.NewID(), Title: "Benchmark", Client: "Acme Oy", Date: "2026-03-12", Language: "en",
		DeckID: deck.ID, DeckEdition: deck.Edition, Deck: deck}
	teams := []game.Team{{ID: cards.NewID(), Name: "Table 1"}, {ID: cards.NewID(), Name: "Table 2", Position: 1}}
	if err := store.CreateWorkshop(ctx, w, teams); err != nil {
		b.Fatal(err)
	}
	var routines []cards.Card
	for _, c := range deck.Cards {
		if c.Type == game.TypeRoutine {
			routines = append(routines, c)
		}
	}
	var plays []game.Play
	position := map[string]int{}
	for i := range benchBoardCards {
		c := routines[i%len(routines)]
		p := game.Play{ID: cards.NewID(), TeamID: teams[0].ID, Code: c.Code, Area: c.Area, Position: position[c.Area]}
		position[c.Area]++
		if err := store.SavePlay(ctx, w.ID, &p); err != nil {
			b.Fatal(err)
		}
		for j, k := range deck.Criteria {
			r := game.Rating{ID: cards.NewID(), PlayID: p.ID, Criterion: k.Key, Value: k.Min + (i+j)%(k.Max-k.Min+1), Rater: game.RaterTeam}
			if err := store.AddRating(ctx, w.ID, &r); err != nil {
				b.Fatal(err)
			}
		}
		plays = append(plays, p)
	}
	timed := &timedStore{Store: store}
	win := test.NewTempWindow(b, nil)
	ws := New(a, win, timed)
	ws.Refresh(w.ID)
	win.SetContent(ws.Content())
	win.Resize(fyne.NewSize(1366, 768))
	kit.BindKeys(win.Canvas(), ws.KeyRows(nil))
	shown := 0
	for _, p := range ws.board.panels {
		shown += len(p.chips)
	}
	if shown != benchBoardCards {
		b.Fatalf("the board has %d cards, want %d", shown, benchBoardCards)
	}
	return ws, timed, plays
}

// bareFloor is the least a tap or a rating redraws, in bare Fyne, in a
// window of its own: two chips' highlight swapped, a chip's line set, the
// card named over the pane and a choice of rating picked.
type bareFloor struct {
	chips  [2]*widget.Button
	name   *widget.Label
	rating *widget.RadioGroup
	n      int
}

func newBareFloor(b *testing.B) *bareFloor {
	f := &bareFloor{name: widget.NewLabel(""), rating: widget.NewRadioGroup([]string{"1", "2", "3", "4", "5"}, nil)}
	f.rating.Horizontal = true
	for i := range f.chips {
		f.chips[i] = widget.NewButton("R01 [1 2 3 4] · Collect only what is needed", nil)
	}
	win := test.NewTempWindow(b, container.NewVBox(f.chips[0], f.chips[1], f.name, f.rating))
	win.Resize(fyne.NewSize(1366, 768))
	return f
}

// do redraws what a tap or a rating must, and returns how long it took.
func (f *bareFloor) do() time.Duration {
	start := time.Now()
	f.n++
	on, off := f.chips[f.n%2], f.chips[(f.n+1)%2]
	on.Importance, off.Importance = widget.HighImportance, widget.MediumImportance
	on.SetText(fmt.Sprintf("R%02d [%d 2 3 4] · Collect only what is needed", f.n%60, f.n%5+1))
	off.Refresh()
	f.name.SetText(fmt.Sprintf("R%02d · Collect only what is needed", f.n%60))
	f.rating.SetSelected(strconv.Itoa(f.n%5 + 1))
	return time.Since(start)
}

// reportAction reports, each per action, its whole time, the store's part
// of it, the rest (what the screen took) and that rest against the goal of
// goalMs, and the bare Fyne floor.
func reportAction(b *testing.B, action, save, bare time.Duration, n int) {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(action), "action-ms/op")
	b.ReportMetric(ms(save), "save-ms/op")
	b.ReportMetric(ms(action-save), "ui-ms/op")
	b.ReportMetric(ms(action-save)/goalMs, "ui/goal")
	b.ReportMetric(ms(bare), "bare-ms/op")
}

// BenchmarkTapACard taps a card on a board of 60, each time another one,
// as the facilitator chooses the card to talk about: the chip's tap, from
// its handler to the board and the card's details shown. A tap saves
// nothing: its floor is the bare Fyne one.
func BenchmarkTapACard(b *testing.B) {
	ws, timed, plays := newBenchBoard(b)
	floor := newBareFloor(b)
	var action, bare time.Duration
	n := 0
	for b.Loop() {
		id := plays[n%len(plays)].ID
		chip := chipOf(b, ws, id)
		start := time.Now()
		test.Tap(chip)
		action += time.Since(start)
		if ws.Selected != id {
			b.Fatalf("the tap chose %q, want %q", ws.Selected, id)
		}
		bare += floor.do()
		n++
	}
	reportAction(b, action, timed.saving, bare, n)
}

// BenchmarkRateACard rates a card chosen on a board of 60 by the number
// keys, one criterion per key, as the note-taker does: the key's handler,
// the rating saved, and the board, its details and the next question
// shown. The store's part is timed around the save alone.
func BenchmarkRateACard(b *testing.B) {
	ws, timed, plays := newBenchBoard(b)
	floor := newBareFloor(b)
	c := ws.win.Canvas()
	criteria := len(ws.Deck().Criteria)
	var action, bare time.Duration
	n := 0
	for b.Loop() {
		if ws.Keys.Kind != modeRate {
			ws.SelectPlay(plays[(n/criteria)%len(plays)].ID)
			ws.Code.askRating(ws.Selected, 0)
		}
		before := len(ws.Session.Ratings)
		start := time.Now()
		uitest.TypeInWindow(c, string(rune('1'+n%5)))
		action += time.Since(start)
		if len(ws.Session.Ratings) != before+1 {
			b.Fatalf("the key left %d ratings shown, want %d: %s", len(ws.Session.Ratings), before+1, ws.saved.Text)
		}
		bare += floor.do()
		n++
	}
	reportAction(b, action, timed.saving, bare, n)
}
