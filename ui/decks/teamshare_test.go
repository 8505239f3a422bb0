package decks

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// whole runs what comes back to the UI goroutine until the deck shown is
// read whole.
func (f *fixture) whole() {
	f.t.Helper()
	for f.screen.loading != nil {
		f.ui.Next(f.t, "the rest of the deck")
	}
}

// The Share box publishes the deck shown to the team folder and says so
// in the deck list; unticked, the deck is no longer published. Each change
// tells the team folder.
func TestShareBoxPublishesTheDeckShown(t *testing.T) {
	f := newFixture(t)
	f.whole()
	s := f.screen
	told := 0
	s.OnDeckChanged = func() { told++ }
	if s.Share.Disabled() || s.Share.Checked {
		t.Fatalf("Share box on the default deck: disabled %v, ticked %v; want enabled and not ticked", s.Share.Disabled(), s.Share.Checked)
	}
	test.Tap(s.Share)
	f.ui.Next(t, "the deck published")
	published, err := f.store.PublishedDecks(context.Background())
	if err != nil || len(published) != 1 || published[0].ID != s.deck.ID {
		t.Fatalf("published decks after the tick: %+v, %v; want the deck shown", published, err)
	}
	if !s.Share.Checked || told != 1 {
		t.Errorf("after the tick: box ticked %v, team folder told %d times; want ticked, told once", s.Share.Checked, told)
	}
	if line := deckSummaryLine(s.Decks[0]); !strings.HasSuffix(line, " · shared") {
		t.Errorf("deck list line %q does not say the deck is shared", line)
	}
	test.Tap(s.Share)
	f.ui.Next(t, "the deck no longer published")
	if published, _ := f.store.PublishedDecks(context.Background()); len(published) != 0 || s.Share.Checked || told != 2 {
		t.Errorf("after the untick: published %+v, ticked %v, told %d; want none, unticked, told twice", published, s.Share.Checked, told)
	}
}

// A merge from the team folder that changed the deck shown reads it again
// and keeps the card that was open, now with the other laptop's text; an
// editor holding unsaved text is left as it is.
func TestTeamMergedShowsTheOtherLaptopsEdit(t *testing.T) {
	f := newFixture(t)
	f.whole()
	s := f.screen
	f.selectCardByCode("R05")
	id := s.deck.ID
	stored := f.stored(id)
	c := stored.Cards[stored.CardByCode("R05")]
	c.Title["en"] = "Edited on the other laptop"
	if err := f.store.SaveCard(context.Background(), id, &c); err != nil {
		t.Fatal(err)
	}
	s.TeamMerged([]string{id})
	f.whole()
	if got := s.Editor.Titles["en"].Text; got != "Edited on the other laptop" || s.Editor.card.Code != "R05" {
		t.Fatalf("editor after the merge: card %s titled %q; want R05 with the other laptop's title", s.Editor.card.Code, got)
	}
	if got := s.Editor.status.Text; got != "Updated from the team folder." {
		t.Errorf("editor status %q; want it to say the card came from the team folder", got)
	}

	s.Editor.Titles["en"].SetText("Typed here, not saved")
	c.Title["en"] = "A second edit elsewhere"
	if err := f.store.SaveCard(context.Background(), id, &c); err != nil {
		t.Fatal(err)
	}
	s.TeamMerged([]string{id})
	if got := s.Editor.Titles["en"].Text; got != "Typed here, not saved" {
		t.Fatalf("the merge replaced unsaved text with %q", got)
	}
}
