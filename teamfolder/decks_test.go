package teamfolder

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

// publishedDeck clones the laptop's first deck as "Team deck", publishes
// it and returns its id.
func publishedDeck(t *testing.T, s *storage.Store) string {
	t.Helper()
	ctx := context.Background()
	decks, err := s.Decks(ctx)
	if err != nil || len(decks) == 0 {
		t.Fatalf("Decks = %v, %v; want the default deck", decks, err)
	}
	clone, err := s.CloneDeck(ctx, decks[0].ID, "Team deck", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PublishDeck(ctx, clone.ID, true); err != nil {
		t.Fatal(err)
	}
	return clone.ID
}

// retitle gives a card of the deck an English title.
func retitle(t *testing.T, s *storage.Store, deckID, code, title string) {
	t.Helper()
	d, err := s.Deck(context.Background(), deckID)
	if err != nil {
		t.Fatal(err)
	}
	i := d.CardByCode(code)
	if i < 0 {
		t.Fatalf("no card %s", code)
	}
	c := d.Cards[i]
	c.Title["en"] = title
	if err := s.SaveCard(context.Background(), deckID, &c); err != nil {
		t.Fatal(err)
	}
}

// cardTitle is the English title of a live card of the deck.
func cardTitle(t *testing.T, s *storage.Store, deckID, code string) string {
	t.Helper()
	d, err := s.Deck(context.Background(), deckID)
	if err != nil {
		t.Fatal(err)
	}
	if i := d.CardByCode(code); i >= 0 {
		return d.Cards[i].Title["en"]
	}
	return ""
}

// deckBytes is the deck as the ordinary deck file writes it.
func deckBytes(t *testing.T, s *storage.Store, deckID string) string {
	t.Helper()
	d, err := s.Deck(context.Background(), deckID)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cards.WriteJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A deck published on one laptop reaches the other through the folder,
// published there too; two laptops' edits of different cards, made
// without seeing each other, both arrive, and the decks end the same.
func TestAPublishedDeckTravelsAndEditsMergePerCard(t *testing.T) {
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := publishedDeck(t, a)
	fa, fb := openFolder(t, a, dir, nil), openFolder(t, b, dir, nil)
	r := syncOnce(t, fa)
	want := "decks/" + id + "/" + fa.Device() + ".json"
	if len(r.Written) != 1 || r.Written[0].Path != want || r.Written[0].Deck != id || r.Written[0].Title != "Team deck" {
		t.Fatalf("first laptop wrote %+v; want %s, the deck's file", r.Written, want)
	}
	r = syncOnce(t, fb)
	if len(r.Merged) != 1 || r.Merged[0].Deck != id || !r.Merged[0].NewDeck || r.Merged[0].Added == 0 {
		t.Fatalf("second laptop merged %+v; want the deck added with its cards", r.Merged)
	}
	if len(r.Written) != 1 || r.Written[0].Path != "decks/"+id+"/"+fb.Device()+".json" {
		t.Fatalf("second laptop wrote %+v; want its own file of the deck it took", r.Written)
	}
	if got, err := b.PublishedDecks(context.Background()); err != nil || len(got) != 1 || got[0].ID != id {
		t.Fatalf("second laptop's published decks: %+v, %v; want the deck it took", got, err)
	}

	retitle(t, a, id, "R01", "Edited on A")
	retitle(t, b, id, "R02", "Edited on B")
	syncOnce(t, fa)
	syncOnce(t, fb)
	syncOnce(t, fa)
	for _, l := range []struct {
		name string
		s    *storage.Store
	}{{"A", a}, {"B", b}} {
		if got := cardTitle(t, l.s, id, "R01"); got != "Edited on A" {
			t.Errorf("%s: R01 is %q; want A's edit", l.name, got)
		}
		if got := cardTitle(t, l.s, id, "R02"); got != "Edited on B" {
			t.Errorf("%s: R02 is %q; want B's edit", l.name, got)
		}
	}
	if deckBytes(t, a, id) != deckBytes(t, b, id) {
		t.Error("the two laptops' decks differ after both merged each other's file")
	}
	// A file written moments ago is read again (its stat is not trusted
	// yet: racyWindow), and changes nothing.
	r = syncOnce(t, fb)
	if len(r.Written) != 0 {
		t.Errorf("a pass with nothing new wrote %+v", r.Written)
	}
	for _, m := range r.Merged {
		if m.Changed() {
			t.Errorf("a pass with nothing new changed the deck: %+v", m)
		}
	}
}

// A deck this laptop stopped publishing, or deleted, takes no files from
// the folder, and says nothing about them; published again, it takes the
// edits it missed.
func TestAnUnpublishedOrDeletedDeckTakesNoFiles(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	a, b := newStore(t), newStore(t)
	id := publishedDeck(t, a)
	fa, fb := openFolder(t, a, dir, nil), openFolder(t, b, dir, nil)
	syncOnce(t, fa)
	syncOnce(t, fb)

	if err := a.PublishDeck(ctx, id, false); err != nil {
		t.Fatal(err)
	}
	retitle(t, b, id, "R03", "B, while A does not share")
	syncOnce(t, fb)
	if r := syncOnce(t, fa); len(r.Merged)+len(r.Skipped)+len(r.Written) != 0 {
		t.Fatalf("a pass of the laptop that stopped publishing: %+v; want nothing merged, skipped or written", r)
	}
	if got := cardTitle(t, a, id, "R03"); got == "B, while A does not share" {
		t.Fatal("the deck no longer published here took the other laptop's edit")
	}
	if p := fa.Status().Problems; len(p) != 0 {
		t.Errorf("status problems %v; want none for a deck this laptop chose not to share", p)
	}
	if err := a.PublishDeck(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	syncOnce(t, fa)
	if got := cardTitle(t, a, id, "R03"); got != "B, while A does not share" {
		t.Fatalf("published again, R03 is %q; want the edit it missed", got)
	}

	if err := b.DeleteDeck(ctx, id); err != nil {
		t.Fatal(err)
	}
	retitle(t, a, id, "R04", "A, after B deleted")
	syncOnce(t, fa)
	if r := syncOnce(t, fb); len(r.Merged)+len(r.Skipped) != 0 || len(fb.Status().Problems) != 0 {
		t.Fatalf("the laptop that deleted the deck: %+v, problems %v; want nothing merged or said", r, fb.Status().Problems)
	}
	if _, err := b.Deck(ctx, id); err == nil {
		t.Fatal("the deck deleted here came back from the folder")
	}
}

// A deck file cut off mid-sync is tried again, not half merged; a conflict
// copy of one is merged and removed once this laptop's file carries it; a
// file from a newer Deckhand is left alone with one sentence.
func TestDeckFilesAsSyncEnginesLeaveThem(t *testing.T) {
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := publishedDeck(t, a)
	fa, fb := openFolder(t, a, dir, nil), openFolder(t, b, dir, nil)
	syncOnce(t, fa)
	own := deckPath(dir, id, fa.Device())
	whole, err := os.ReadFile(own)
	if err != nil {
		t.Fatal(err)
	}
	copyName := filepath.Join(filepath.Dir(own), fa.Device()+" (conflicted copy 2026-12-01).json")
	if err := os.Rename(own, copyName); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyName, whole[:len(whole)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	r := syncOnce(t, fb)
	if len(r.Merged) != 0 || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Why.String(), "not a whole shared deck file yet") {
		t.Fatalf("a cut-off deck file: %+v; want it skipped as not whole yet", r)
	}
	if _, err := b.Deck(context.Background(), id); err == nil {
		t.Fatal("a cut-off deck file was merged")
	}
	if err := os.WriteFile(copyName, whole, 0o644); err != nil {
		t.Fatal(err)
	}
	setOld(t, copyName)
	r = syncOnce(t, fb)
	if len(r.Merged) != 1 || !r.Merged[0].NewDeck {
		t.Fatalf("the conflict copy, whole: %+v; want it merged", r)
	}
	if len(r.Removed) != 1 || r.Removed[0] != relative(dir, copyName) {
		t.Fatalf("removed %v; want the conflict copy, now carried by this laptop's file", r.Removed)
	}

	newer := bytes.Replace(whole, []byte(`"version": 1`), []byte(`"version": 9`), 1)
	if bytes.Equal(newer, whole) {
		t.Fatal("the test's file has no version to raise")
	}
	if err := os.WriteFile(own, newer, 0o644); err != nil {
		t.Fatal(err)
	}
	r = syncOnce(t, fb)
	if len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Why.String(), "newer Deckhand (shared deck version 9") {
		t.Fatalf("a deck file of a newer Deckhand: %+v; want it left alone, said", r)
	}
	if p := fb.Status().Problems; len(p) != 1 || !strings.Contains(p[0].String(), "update Deckhand") {
		t.Errorf("status problems %v; want the newer file's sentence", p)
	}
}
