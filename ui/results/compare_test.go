package results

import (
	"context"
	"slices"
	"testing"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/storage/storagetest"
	"deckhand/ui/internal/uitest"
)

// countingStore counts the workshops read from the database. While gate
// is open (not nil and not closed), the background read waits for it, so
// that what the UI goroutine read is counted alone.
type countingStore struct {
	*storage.Store
	read int
	gate chan struct{}
}

func (c *countingStore) Session(ctx context.Context, id string, includeDeleted bool) (*game.File, error) {
	c.read++
	return c.Store.Session(ctx, id, includeDeleted)
}

func (c *countingStore) EachResultsFile(ctx context.Context, ids []string, fn func(f *game.File) error) error {
	if c.gate != nil {
		<-c.gate
	}
	return c.Store.EachResultsFile(ctx, ids, func(f *game.File) error {
		c.read++
		return fn(f)
	})
}

// "Across workshops" reads every workshop once a visit, off the UI
// goroutine, and a filter typed then compares them in memory: the same
// cards, counts and scores as game.Compare over the workshops' files.
func TestAcrossWorkshopsIsReadOnceAVisitOffTheUIGoroutine(t *testing.T) {
	f := uitest.NewFixture(t)
	f.ImportExample()
	ctx := context.Background()
	if err := storagetest.FillWorkshops(ctx, f.Store, 6, 3, nil); err != nil {
		t.Fatal(err)
	}
	list, err := f.Store.Workshops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var files []*game.File
	for _, w := range list {
		files = append(files, f.Session(w.ID))
	}
	store := &countingStore{Store: f.Store}
	r := newQueued(f.App, f.Win, store)
	f.Win.SetContent(r.Content())
	r.tabs.SelectIndex(len(r.tabs.Items) - 1)
	queues[r].Next(t, "the workshops read when the comparison is shown")
	store.read = 0
	store.gate = make(chan struct{})
	r.Refresh(list[0].ID)
	if store.read != 1 || !slices.Equal(r.compare.lines, []string{"Reading the workshops…"}) {
		t.Fatalf("going to the screen read %d workshops before it showed; the comparison shows %q", store.read, r.compare.lines)
	}
	close(store.gate)
	queues[r].Next(t, "the workshops read for the comparison")
	if store.read != 1+len(list) {
		t.Errorf("a visit read %d workshops for %d", store.read, len(list))
	}
	for _, client := range []string{"", files[1].Workshop.Client, "  " + files[2].Workshop.Client + " ", "No such client"} {
		r.compare.client.SetText(client)
		want := compareLines(game.Compare(files, game.Filter{Client: client}))
		if !slices.Equal(r.compare.lines, want) {
			t.Errorf("client %q shows\n%q\nwant\n%q", client, r.compare.lines, want)
		}
		if got := uitest.WindowLabels(r.compare.list); !slices.Equal(got, want) {
			t.Errorf("client %q: the list's labels are %q", client, got)
		}
	}
	if store.read != 1+len(list) {
		t.Errorf("typing a filter read the workshops again: %d reads", store.read)
	}
	queues[r].Idle(t, "a filter typed")
	r.Leave(func() {}, nil)
	if r.compare.workshops != nil {
		t.Error("the workshops read are kept after the screen is left")
	}
}

// compareLines are the lines the pane shows of a comparison.
func compareLines(cards []game.CardSummary) []string {
	var lines []string
	for _, card := range cards {
		lines = append(lines, cardLine(card))
	}
	return lines
}
