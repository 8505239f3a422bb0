package decks

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"deckhand/cards"
	"deckhand/ui/internal/uitest"
)

// heldSaves is the screen's store, holding each SaveCard (the first only,
// with firstOnly) until release is closed: at most five seconds, so that
// a save on the UI goroutine fails the test rather than hangs it. With
// fail set, each SaveCard fails so.
type heldSaves struct {
	Store
	calls     atomic.Int32
	release   chan struct{}
	firstOnly bool
	timedOut  atomic.Bool
	fail      error
}

func (h *heldSaves) SaveCard(ctx context.Context, deckID string, c *cards.Card) error {
	n := h.calls.Add(1)
	if h.release != nil && (n == 1 || !h.firstOnly) {
		select {
		case <-h.release:
		case <-time.After(5 * time.Second):
			h.timedOut.Store(true)
		}
	}
	if h.fail != nil {
		return h.fail
	}
	return h.Store.SaveCard(ctx, deckID, c)
}

// holdSaves puts a heldSaves between the screen and its store.
func (f *fixture) holdSaves() *heldSaves {
	h := &heldSaves{Store: f.screen.store, release: make(chan struct{})}
	f.screen.store, f.screen.Editor.store = h, h
	return h
}

// editHeld opens R03 in the editor with the store's saves held, and adds
// text to its English title as typed.
func (f *fixture) editHeld(text string) *heldSaves {
	f.t.Helper()
	f.selectCardByCode("R03")
	h := f.holdSaves()
	uitest.AppendText(f.screen.Editor.Titles["en"], text)
	return h
}

// storedCard is the card with the code as the database holds it.
func (f *fixture) storedCard(code string) cards.Card {
	f.t.Helper()
	d := f.stored(f.screen.DeckID())
	i := d.CardByCode(code)
	if i < 0 {
		f.t.Fatalf("the database has no card %s", code)
	}
	return d.Cards[i]
}

// A card's save runs off the UI goroutine: SaveNow comes back at once, the
// database still as it was and the status not yet saying saved; once the
// store is done the status says so and the list shows the card as saved.
func TestACardIsSavedOffTheUIGoroutine(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	store := f.editHeld(" (edited)")
	if !s.Editor.SaveNow() {
		t.Fatalf("the edit was refused: %s", s.Editor.status.Text)
	}
	if store.timedOut.Load() {
		t.Fatal("SaveNow waited for the store on the UI goroutine")
	}
	if strings.HasSuffix(f.storedCard("R03").Title["en"], " (edited)") || strings.Contains(s.Editor.status.Text, "Saved") {
		t.Errorf("before the store was done the database had the edit, or the status said %q", s.Editor.status.Text)
	}
	close(store.release)
	f.settle()
	title := f.storedCard("R03").Title["en"]
	if !strings.HasSuffix(title, " (edited)") || !strings.Contains(s.Editor.status.Text, "Saved at") || s.Editor.dirty {
		t.Errorf("after the save the database has %q, the status says %q", title, s.Editor.status.Text)
	}
	if !uitest.HasText(uitest.WindowLabels(s.Cards.List), title) {
		t.Errorf("the card list does not show %q", title)
	}
}

// A second edit saved while the first is still with the store is saved
// after it: the database ends with the second, and only the second's
// save says saved.
func TestASecondEditIsNotOvertakenByTheFirst(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	f.selectCardByCode("R03")
	base := s.Editor.Titles["en"].Text
	store := f.holdSaves()
	store.firstOnly = true
	s.Editor.Titles["en"].SetText(base + " (first)")
	s.Editor.SaveNow()
	s.Editor.Titles["en"].SetText(base + " (second)")
	s.Editor.SaveNow()
	// Were the second not to wait for the first, it would be in the
	// database by now, and the first would come after it.
	for deadline := time.Now().Add(200 * time.Millisecond); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if f.storedCard("R03").Title["en"] == base+" (second)" {
			break
		}
	}
	close(store.release)
	f.ui.Next(t, "the first save")
	if strings.Contains(s.Editor.status.Text, "Saved") || !s.Editor.dirty {
		t.Errorf("after the first save the status says %q (unsaved: %v); the second is still with the store", s.Editor.status.Text, s.Editor.dirty)
	}
	f.settle()
	if got := f.storedCard("R03").Title["en"]; got != base+" (second)" {
		t.Errorf("the database holds %q, want the second edit", got)
	}
	if !strings.Contains(s.Editor.status.Text, "Saved at") || s.Editor.dirty || s.Editor.Titles["en"].Text != base+" (second)" {
		t.Errorf("after both saves the status says %q (unsaved: %v), the form %q", s.Editor.status.Text, s.Editor.dirty, s.Editor.Titles["en"].Text)
	}
}

// A save the store refuses is said in one sentence and keeps what was
// typed: choosing another card tries again and, refused again, asks;
// Keep editing leaves the form as it was.
func TestASaveTheStoreRefusesKeepsWhatWasTyped(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	store := f.editHeld(" (kept)")
	store.release = nil
	store.fail = errors.New("the disk is full; free some space and try again (nothing was changed)")
	typed := s.Editor.Titles["en"].Text
	if f.saveCard() {
		t.Fatal("a refused save was reported saved")
	}
	if want := "Not saved yet: the disk is full; free some space and try again (nothing was changed)"; s.Editor.status.Text != want {
		t.Errorf("the status says %q, want %q", s.Editor.status.Text, want)
	}
	f.selectCardByCode("R05")
	f.settle()
	if !strings.Contains(f.dialogText(), "cannot be saved: the disk is full") {
		t.Fatalf("no question before moving on; the window shows %q", f.dialogText())
	}
	f.tapDialogButton("Keep editing")
	if s.Editor.card.Code != "R03" || s.Editor.Titles["en"].Text != typed || store.calls.Load() != 2 {
		t.Errorf("after Keep editing the editor shows %s with %q, the store was asked %d times", s.Editor.card.Code, s.Editor.Titles["en"].Text, store.calls.Load())
	}
}

// Choosing another card while the card's save is with the store waits for
// it, then shows the card chosen.
func TestChoosingAnotherCardWaitsForTheSave(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	store := f.editHeld(" (edited)")
	f.selectCardByCode("R05")
	if s.Editor.card.Code != "R03" || !strings.HasSuffix(s.Editor.Titles["en"].Text, " (edited)") {
		t.Errorf("while the save was with the store the editor moved to %s", s.Editor.card.Code)
	}
	close(store.release)
	f.settle()
	if s.Editor.card.Code != "R05" || s.Editor.Code.Text != "R05" {
		t.Errorf("after the save the editor shows %s", s.Editor.Code.Text)
	}
	if got := f.storedCard("R03").Title["en"]; !strings.HasSuffix(got, " (edited)") {
		t.Errorf("the database holds R03 titled %q", got)
	}
}

// New cards are listed where the store put them, in code order, without
// the deck being read again: R41 after R40, I00 before I01.
func TestANewCardIsListedWhereTheStorePutIt(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	reads := f.countDeckReads()
	for _, code := range []string{"R41", "I00"} {
		s.NewCard()
		s.Editor.Code.SetText(code)
		for _, lang := range []string{"sv", "fi", "en"} {
			test.Type(s.Editor.Titles[lang], "Ny "+code)
		}
		if !f.saveCard() {
			t.Fatalf("%s was not saved: %s", code, s.Editor.status.Text)
		}
		if got, want := codesOf(s.deck.Cards), codesOf(f.stored(s.DeckID()).Cards); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s the screen lists\n%v\nthe database\n%v", code, got, want)
		}
		if i := s.deck.CardByCode(code); s.Cards.List.Length() != len(s.deck.Cards) || s.Editor.card.Code != code || i < 0 {
			t.Errorf("the list shows %d of %d cards, the editor %s", s.Cards.List.Length(), len(s.deck.Cards), s.Editor.card.Code)
		}
	}
	if n := reads.reads.Load(); n != 0 {
		t.Errorf("saving new cards read the whole deck %d times", n)
	}
}

// Deleting a card while its save is with the store waits for the save:
// the question comes once the store is done, and the save cannot bring
// the card back after the deletion.
func TestACardDeletedWhileItsSaveIsInFlightStaysDeleted(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	store := f.editHeld(" (edited)")
	s.Editor.SaveNow()
	s.deleteCard()
	asked := f.win.Canvas().Overlays().Top() != nil
	if asked {
		t.Error("the question came while the save was with the store")
		f.tapDialogButton("Yes")
	}
	close(store.release)
	f.settle()
	if !asked {
		f.tapDialogButton("Yes")
	}
	if i := f.stored(s.DeckID()).CardByCode("R03"); i >= 0 || s.deck.CardByCode("R03") >= 0 {
		t.Errorf("after the delete R03 is in the database (%v) or on the screen (%v)", i >= 0, s.deck.CardByCode("R03") >= 0)
	}
}

func codesOf(cs []cards.Card) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}
