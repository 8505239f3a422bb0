package decks

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/ui/internal/uitest"
)

// updateCounter is the screen's store, counting its UpdateDecks; with
// release set, each waits until it is closed (at most five seconds, so
// that a save on the UI goroutine fails the test rather than hangs it).
type updateCounter struct {
	Store
	updates  atomic.Int32
	release  chan struct{}
	timedOut atomic.Bool
}

func (u *updateCounter) UpdateDeck(ctx context.Context, d *cards.Deck) error {
	u.updates.Add(1)
	if u.release != nil {
		select {
		case <-u.release:
		case <-time.After(5 * time.Second):
			u.timedOut.Store(true)
		}
	}
	return u.Store.UpdateDeck(ctx, d)
}

// countUpdates puts a counter between the screen and its store.
func (f *fixture) countUpdates() *updateCounter {
	u := &updateCounter{Store: f.screen.store}
	f.screen.store = u
	return u
}

// The save of a deck's shape runs off the UI goroutine: Save comes back at
// once with a box that says so, the database still as it was, and Save
// again meanwhile asks for nothing more; once the store is done the dialog
// closes and the deck shown has the change.
func TestTheDeckShapeIsSavedOffTheUIGoroutine(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	id := s.DeckID()
	store := f.countUpdates()
	store.release = make(chan struct{})
	ui := uitest.NewUIQueue()
	s.toUI = ui.Do

	s.EditAreas()
	s.Shape.Names["en"].SetText("Gathering")
	form := s.Shape.Dialog
	form.Submit()
	if got := f.dialogText(); !strings.Contains(got, "Saving the deck…") {
		t.Fatalf("while saving the window shows %q", got)
	}
	form.Submit()
	if a, _ := f.stored(id).Area("collection"); a.Name["en"] == "Gathering" {
		t.Error("the change reached the database before the store was done")
	}
	close(store.release)
	ui.Next(t, "the deck's shape saved")
	ui.Idle(t, "a second save")
	if store.timedOut.Load() || store.updates.Load() != 1 {
		t.Errorf("the store was asked %d times (timed out waiting on the UI goroutine: %v), want once off it", store.updates.Load(), store.timedOut.Load())
	}
	if a, _ := f.stored(id).Area("collection"); a.Name["en"] != "Gathering" {
		t.Errorf("the area is named %q in the database", a.Name["en"])
	}
	if f.win.Canvas().Overlays().Top() != nil {
		t.Errorf("after the save the window still shows %q", f.dialogText())
	}
	if a, _ := s.deck.Area("collection"); a.Name["en"] != "Gathering" {
		t.Errorf("the deck shown names the area %q", a.Name["en"])
	}
}
