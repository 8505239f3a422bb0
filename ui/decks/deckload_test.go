package decks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage/storagetest"
	"deckhand/ui/internal/uitest"
)

// deckReads is the screen's store, counting the whole decks read; with
// release set, each read waits after reading until it is closed (at most
// five seconds), so that a change can be made after the read; with fail
// set, each read fails.
type deckReads struct {
	Store
	reads   atomic.Int32
	release chan struct{}
	fail    error
}

func (r *deckReads) Deck(ctx context.Context, id string) (*cards.Deck, error) {
	r.reads.Add(1)
	d, err := r.Store.Deck(ctx, id)
	if r.release != nil {
		select {
		case <-r.release:
		case <-time.After(5 * time.Second):
		}
	}
	if r.fail != nil {
		return nil, r.fail
	}
	return d, err
}

// countDeckReads puts a counter between the screen and its store.
func (f *fixture) countDeckReads() *deckReads {
	r := &deckReads{Store: f.screen.store}
	f.screen.store = r
	return r
}

// addBigDeck stores storagetest.BigDeck of n cards, changed by edit if
// given, lists it on the screen, which goes on showing the deck it shows,
// and hands work done off the UI goroutine to the queue it returns. It
// returns the big deck's id.
func (f *fixture) addBigDeck(n int, edit func(d *cards.Deck)) (string, uitest.UIQueue) {
	f.t.Helper()
	d := storagetest.BigDeck(f.t, n)
	if edit != nil {
		edit(d)
	}
	if err := f.store.CreateDeck(context.Background(), d); err != nil {
		f.t.Fatal(err)
	}
	f.screen.ReloadDecks(f.screen.DeckID())
	return d.ID, f.ui
}

// chooseDeck clicks the deck with the given id in the deck list.
func (f *fixture) chooseDeck(id string) {
	f.t.Helper()
	for row, d := range f.screen.Decks {
		if d.ID == id {
			f.screen.deckList.Select(row)
			return
		}
	}
	f.t.Fatalf("deck %s is not in the deck list", id)
}

// A deck with more cards than the list can show lists its first cards at
// once, saying that the rest is being read, and all of them once the rest
// has come back to the UI goroutine: a search then finds the last.
func TestABigDeckListsItsFirstCardsWhileTheRestIsRead(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	n := firstCards + 50
	id, ui := f.addBigDeck(n, nil)
	f.chooseDeck(id)
	if s.DeckID() != id || s.Cards.List.Length() != firstCards {
		t.Fatalf("at once the screen shows deck %s with %d cards; want the big deck's first %d", s.DeckID(), s.Cards.List.Length(), firstCards)
	}
	if got := s.Cards.count.Text; got != "Reading the rest of the cards…" {
		t.Errorf("while the rest is read the count says %q", got)
	}
	if s.Editor.Code.Text != s.deck.Cards[0].Code {
		t.Errorf("the editor shows %q, want the first card %s", s.Editor.Code.Text, s.deck.Cards[0].Code)
	}
	ui.Next(t, "the rest of the deck")
	if got := s.Cards.List.Length(); got != n {
		t.Fatalf("once read the list shows %d cards, want %d", got, n)
	}
	if want := fmt.Sprintf("%d of %d cards", n, n); s.Cards.count.Text != want {
		t.Errorf("the count says %q, want %q", s.Cards.count.Text, want)
	}
	if s.Cards.List.Length() == 0 || s.Cards.shown[0] != 0 || s.Editor.card.ID != s.deck.Cards[0].ID {
		t.Error("the editor's card is no longer the one shown")
	}
	last := s.deck.Cards[n-1]
	s.Cards.Search.SetText(last.Title["en"])
	if s.Cards.List.Length() != 1 || s.deck.Cards[s.Cards.shown[0]].Code != last.Code {
		t.Errorf("searching %q lists %d cards, want %s", last.Title["en"], s.Cards.List.Length(), last.Code)
	}
}

// What counts, numbers or writes all the deck's cards waits until they are
// all read: the question before deleting the deck counts them all, and a
// new card's code is free among them all, not only among the first.
func TestWhatNeedsTheWholeDeckWaitsForIt(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	n := firstCards + 50
	id, ui := f.addBigDeck(n, func(d *cards.Deck) { d.Cards[firstCards+20].Code = "R01" })
	f.chooseDeck(id)
	s.deleteDeck()
	s.NewCard()
	if s.Editor.IsNew || f.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("before the rest was read: a new card %v, a dialog %q", s.Editor.IsNew, f.dialogText())
	}
	ui.Next(t, "the rest of the deck")
	if want := fmt.Sprintf("with its %d cards", n); !strings.Contains(f.dialogText(), want) {
		t.Errorf("the question before deleting the deck reads %q, want %q", f.dialogText(), want)
	}
	if !s.Editor.IsNew || s.Editor.Code.Text != "R02" {
		t.Errorf("the new card is %q (new: %v), want R02: R01 is the %dth card's", s.Editor.Code.Text, s.Editor.IsNew, firstCards+21)
	}
}

// A card saved after the rest of its deck was read, but before that came
// back to the UI goroutine, is not listed as it was: the deck is read
// again.
func TestACardSavedWhileTheRestIsReadStaysAsSaved(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	n := firstCards + 50
	id, ui := f.addBigDeck(n, nil)
	reads := f.countDeckReads()
	reads.release = make(chan struct{})
	f.chooseDeck(id)
	for reads.reads.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // the read is done; it waits to come back
	uitest.AppendText(s.Editor.Titles["en"], " (edited)")
	if !f.saveCard() {
		t.Fatalf("the save failed: %s", s.Editor.status.Text)
	}
	close(reads.release)
	for s.loading != nil {
		ui.Next(t, "the rest of the deck")
	}
	first := s.deck.Cards[0]
	if !strings.HasSuffix(first.Title["en"], " (edited)") || len(s.deck.Cards) != n {
		t.Errorf("after the rest was read the first card is titled %q, of %d cards", first.Title["en"], len(s.deck.Cards))
	}
	if reads.reads.Load() != 2 {
		t.Errorf("the deck was read %d times, want twice: the first read began before the save", reads.reads.Load())
	}
	if !uitest.HasText(uitest.WindowLabels(s.Cards.List), first.Title["en"]) {
		t.Errorf("the card list does not show %q", first.Title["en"])
	}
}

// A deck left before the rest of it was read stays left: what comes back
// is dropped.
func TestTheRestOfADeckLeftIsDropped(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	small := s.DeckID()
	id, ui := f.addBigDeck(firstCards+50, nil)
	f.chooseDeck(id)
	f.chooseDeck(small)
	ui.Next(t, "the rest of the big deck")
	if s.DeckID() != small || s.Cards.List.Length() != len(s.deck.Cards) || !strings.Contains(s.Cards.count.Text, "62 of 62") {
		t.Errorf("the screen shows deck %s with %d cards, %q; want the default deck", s.DeckID(), s.Cards.List.Length(), s.Cards.count.Text)
	}
}

// When the rest of a deck cannot be read the screen says so, under the
// list and in a box, and what needs the whole deck says it again rather
// than act on its first cards.
func TestTheRestThatCannotBeReadIsSaid(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	id, ui := f.addBigDeck(firstCards+50, nil)
	reads := f.countDeckReads()
	reads.fail = errors.New("disk I/O error")
	f.chooseDeck(id)
	ui.Next(t, "the failed read")
	if !strings.Contains(s.Cards.count.Text, "isk I/O error") || !strings.Contains(f.dialogText(), "isk I/O error") {
		t.Fatalf("the count says %q and the box %q; want the error", s.Cards.count.Text, f.dialogText())
	}
	f.tapDialogButton("OK")
	s.NewCard()
	if s.Editor.IsNew || !strings.Contains(f.dialogText(), "isk I/O error") {
		t.Errorf("New card with the deck half read: a new card %v, the box %q", s.Editor.IsNew, f.dialogText())
	}
}

// Saving a card reads no whole deck, which takes tens of milliseconds on
// the UI goroutine for a big one: the deck list's summary gives the
// edition, which goes up at the first change after a print.
func TestSavingACardReadsNoWholeDeck(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	if err := f.store.MarkPrinted(context.Background(), s.DeckID()); err != nil {
		t.Fatal(err)
	}
	reads := f.countDeckReads()
	f.selectCardByCode("R03")
	uitest.AppendText(s.Editor.Titles["en"], " (edited)")
	if !f.saveCard() {
		t.Fatalf("the save failed: %s", s.Editor.status.Text)
	}
	if n := reads.reads.Load(); n != 0 {
		t.Errorf("saving one card read the whole deck %d times", n)
	}
	if !strings.Contains(s.Editor.heading.Text, "edition 2") || s.deck.Edition != 2 || s.Decks[0].Edition != 2 {
		t.Errorf("after the first change since the print the heading reads %q, the deck's edition %d", s.Editor.heading.Text, s.deck.Edition)
	}
}
