package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// Two edits of one card made without seeing each other: the later stamp
// wins on both laptops, whichever merges first; an edit of another card on
// each side is kept.
func TestSharedDeckConcurrentEditsTakeTheLaterStamp(t *testing.T) {
	t.Parallel()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	saveTitle(t, a, "R01", "A's title")
	saveTitle(t, a, "R03", "Only A")
	saveTitle(t, b, "R01", "B's title, later")
	saveTitle(t, b, "R04", "Only B")
	mustMerge(t, a, b)
	mustMerge(t, b, a)
	for _, l := range ls {
		if got := title(t, l, "R01"); got != "B's title, later" {
			t.Errorf("R01 = %q; want the later edit", got)
		}
		if title(t, l, "R03") != "Only A" || title(t, l, "R04") != "Only B" {
			t.Errorf("an edit of another card was lost: R03 %q, R04 %q", title(t, l, "R03"), title(t, l, "R04"))
		}
	}
	if deckJSON(t, a) != deckJSON(t, b) {
		t.Error("the two laptops hold different decks")
	}
}

// An edit made after seeing the other wins even with the earlier wall
// clock: the store's clock stamps it after what it had seen.
func TestSharedDeckEditThatHadSeenTheOtherWins(t *testing.T) {
	t.Parallel()
	ls := sharedLaptops(t, storagetest.Seeded.Add(time.Hour), storagetest.Seeded)
	a, b := ls[0], ls[1]
	saveTitle(t, a, "R01", "A's, clock an hour ahead")
	mustMerge(t, a, b)
	saveTitle(t, b, "R01", "B's, after seeing A's")
	mustMerge(t, b, a)
	for _, l := range ls {
		if got := title(t, l, "R01"); got != "B's, after seeing A's" {
			t.Errorf("R01 = %q; want the edit that had seen the other", got)
		}
	}
}

// A delete wins over an edit made without seeing it, even a later one,
// and a restore that had seen the delete brings the card back everywhere.
func TestSharedDeckDeleteWinsOverAConcurrentEditAndARestoreUndoesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Hour))
	a, b := ls[0], ls[1]
	id := cardID(t, a, "R02")
	if err := a.s.DeleteCard(ctx, a.deck, id); err != nil {
		t.Fatal(err)
	}
	saveTitle(t, b, "R02", "Edited later, without seeing the delete")
	mustMerge(t, b, a)
	mustMerge(t, a, b)
	for i, l := range ls {
		if got := title(t, l, "R02"); got != "" {
			t.Errorf("laptop %d: R02 is live (%q) after a concurrent edit; the delete should win", i, got)
		}
	}
	if err := b.s.RestoreCard(ctx, b.deck, id); err != nil {
		t.Fatal(err)
	}
	mustMerge(t, b, a)
	for i, l := range ls {
		if got := title(t, l, "R02"); got != "Edited later, without seeing the delete" {
			t.Errorf("laptop %d: R02 = %q after a restore that had seen the delete", i, got)
		}
	}
	if deckJSON(t, a) != deckJSON(t, b) {
		t.Error("the two laptops hold different decks")
	}
}

// Two laptops each add a card with the same code: every laptop keeps the
// one made first under the code and sets the other aside as a tombstone,
// whichever file it merges first.
func TestSharedDeckCardsAddedWithTheSameCodeConverge(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute), storagetest.Seeded.Add(2*time.Minute))
	a, b, c := ls[0], ls[1], ls[2]
	add := func(l *deckLaptop, text string) {
		card := cards.Card{Code: "R99", Type: "routine", Copies: 1, Title: cards.Text{"sv": text, "fi": text, "en": text}}
		if err := l.s.SaveCard(ctx, l.deck, &card); err != nil {
			t.Fatal(err)
		}
	}
	add(a, "A's R99, made first")
	add(b, "B's R99")
	sumB := mustMerge(t, a, b) // b meets the clash
	mustMerge(t, b, c)         // c has b's version after the clash
	sumA := mustMerge(t, b, a)
	mustMerge(t, a, c)
	mustMerge(t, c, b)
	if len(sumB.SetAside) != 1 || sumB.SetAside[0] != "R99" || len(sumA.SetAside) != 0 {
		t.Errorf("set aside: on B %v, on A %v; want R99 on B (its card was made later) and none on A", sumB.SetAside, sumA.SetAside)
	}
	want := deckJSON(t, a)
	for i, l := range ls {
		if got := title(t, l, "R99"); got != "A's R99, made first" {
			t.Errorf("laptop %d: R99 = %q; want the card made first", i, got)
		}
		if deckJSON(t, l) != want {
			t.Errorf("laptop %d holds another deck than A", i)
		}
		f, err := l.s.ExportSharedDeck(ctx, l.deck)
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, card := range f.Cards {
			if card.Code == "R99" && card.Deleted && card.Title["en"] == "B's R99" {
				kept++
			}
		}
		if kept != 1 {
			t.Errorf("laptop %d keeps %d tombstones of B's R99 with its text; want 1", i, kept)
		}
	}
}

// A file of another kind, a newer version, a card the rules refuse on its
// own, two live cards with one code or a stamp a year ahead is refused in one sentence, and changes nothing.
func TestSharedDeckBadFilesAreRefusedChangingNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	saveTitle(t, a, "R01", "A change B never gets")
	good := string(sharedFile(t, a))
	before := string(sharedFile(t, b))

	newer := strings.Replace(good, `"version": 1`, `"version": 2`, 1)
	if _, err := cards.ReadShared([]byte(newer)); err == nil || !strings.Contains(err.Error(), "newer Deckhand") || strings.Count(err.Error(), ". ") > 0 {
		t.Errorf("a newer file: %v; want one sentence asking for a newer Deckhand", err)
	}
	f, err := cards.ReadShared([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	f.Version = 2
	if _, err := b.s.MergeSharedDeck(ctx, f); err == nil || !errors.Is(err, storage.ErrBadFile) {
		t.Errorf("merge of a newer version: %v; want ErrBadFile", err)
	}
	if _, err := cards.ReadShared([]byte(strings.Replace(good, `"format": "deckhand.shared-deck"`, `"format": "deckhand.deck"`, 1))); err == nil || !strings.Contains(err.Error(), "deck file, not a shared deck") {
		t.Errorf("a deck file: %v", err)
	}
	f, _ = cards.ReadShared([]byte(good))
	f.Cards[0].Copies = -5
	_, err = b.s.MergeSharedDeck(ctx, f)
	var ps cards.Problems
	if !errors.Is(err, storage.ErrBadFile) || !errors.As(err, &ps) || !strings.Contains(err.Error(), "copies must be between 0 and 999, not -5") {
		t.Errorf("a card with -5 copies: %v; want ErrBadFile with its problem", err)
	}
	f, _ = cards.ReadShared([]byte(good))
	f.Cards[1].Code = f.Cards[0].Code
	if _, err := b.s.MergeSharedDeck(ctx, f); !errors.Is(err, storage.ErrBadFile) || !strings.Contains(err.Error(), "already used by an earlier card") {
		t.Errorf("two live cards with one code: %v; want ErrBadFile", err)
	}
	f, _ = cards.ReadShared([]byte(good))
	f.Cards[1].Updated = time.Now().AddDate(1, 0, 0)
	if _, err := b.s.MergeSharedDeck(ctx, f); !errors.Is(err, storage.ErrBadFile) || !strings.Contains(err.Error(), "more than a day after") {
		t.Errorf("a stamp a year ahead: %v; want it refused", err)
	}
	if _, err := cards.ReadShared([]byte(strings.Replace(good, `"cards": [`, `"cards": [{"id": "x", "tyop": 1},`, 1))); err == nil || !strings.Contains(err.Error(), "tyop") {
		t.Errorf("an unknown field: %v", err)
	}
	if after := string(sharedFile(t, b)); after != before {
		t.Error("a refused file changed the deck")
	}
	if title(t, b, "R01") == "A change B never gets" {
		t.Error("a refused file's change reached the deck")
	}
}

// A preview says what a merge would do and changes nothing; merging the
// same file again changes nothing.
func TestSharedDeckPreviewAndRepeatChangeNothing(t *testing.T) {
	t.Parallel()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	saveTitle(t, a, "R01", "New title")
	data := sharedFile(t, a)
	before := string(sharedFile(t, b))
	f, _ := cards.ReadShared(data)
	sum, err := b.s.PreviewMergeSharedDeck(context.Background(), f)
	if err != nil || sum.Updated != 1 {
		t.Errorf("preview = %+v, %v; want one card updated", sum, err)
	}
	if string(sharedFile(t, b)) != before {
		t.Error("the preview changed the deck")
	}
	if sum := mergeBytes(t, data, b); sum.Updated != 1 || sum.Unchanged != defaultDeckCards-1 {
		t.Errorf("merge = %+v; want 1 updated, %d unchanged", sum, defaultDeckCards-1)
	}
	once := string(sharedFile(t, b))
	if sum := mergeBytes(t, data, b); sum.Updated+sum.Added+sum.Deleted != 0 || sum.DeckChanged {
		t.Errorf("the same file again = %+v; want nothing changed", sum)
	}
	if string(sharedFile(t, b)) != once {
		t.Error("the same file merged again changed the deck")
	}
}

// The folder's writer learns which published decks changed after a point,
// and a deck merged in anew is published.
func TestPublishedChangesSaysWhichPublishedDecksChanged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	if got, err := b.s.PublishedDecks(ctx); err != nil || len(got) != 1 || got[0].ID != b.deck {
		t.Fatalf("B's published decks = %+v, %v; want the deck it merged in", got, err)
	}
	if got, _ := a.s.PublishedDecks(ctx); len(got) != 0 {
		t.Fatalf("A's published decks = %+v; want none before it publishes", got)
	}
	if err := a.s.PublishDeck(ctx, a.deck, true); err != nil {
		t.Fatal(err)
	}
	got, err := a.s.PublishedChanges(ctx, time.Time{})
	if err != nil || len(got) != 1 {
		t.Fatalf("PublishedChanges = %+v, %v", got, err)
	}
	mark := got[0].Changed
	if again, _ := a.s.PublishedChanges(ctx, mark); len(again) != 0 {
		t.Errorf("nothing changed since, yet %+v", again)
	}
	saveTitle(t, a, "R01", "Changed")
	if again, _ := a.s.PublishedChanges(ctx, mark); len(again) != 1 || !again[0].Changed.After(mark) {
		t.Errorf("after a card was saved: %+v; want the deck, changed later", again)
	}
	if err := a.s.PublishDeck(ctx, a.deck, false); err != nil {
		t.Fatal(err)
	}
	if again, _ := a.s.PublishedDecks(ctx); len(again) != 0 {
		t.Errorf("an unpublished deck is listed: %+v", again)
	}
}

// The deck keeps its lineage here and takes the greater edition; a deck
// deleted here or new here under a name another deck has refuses the
// file, changing nothing.
func TestSharedDeckKeepsLineageAndRefusesDeletedOrTakenDecks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	if got := mustDeck(t, b.s, b.deck).Parent; got != "" {
		t.Errorf("the deck merged in names the parent %s, a deck of the other laptop", got)
	}
	parent := mustDeck(t, a.s, a.deck).Parent
	if err := a.s.MarkPrinted(ctx, a.deck); err != nil {
		t.Fatal(err)
	}
	saveTitle(t, a, "R01", "After A's print")
	mustMerge(t, a, b)
	mustMerge(t, b, a)
	if ea, eb := mustDeck(t, a.s, a.deck).Edition, mustDeck(t, b.s, b.deck).Edition; ea != 2 || eb != 2 {
		t.Errorf("editions after A printed and changed a card: A %d, B %d; want 2 on both", ea, eb)
	}
	if got := mustDeck(t, a.s, a.deck).Parent; got != parent {
		t.Errorf("A's deck lost its parent %s for %s", parent, got)
	}

	data := sharedFile(t, a)
	if err := b.s.DeleteDeck(ctx, b.deck); err != nil {
		t.Fatal(err)
	}
	f, _ := cards.ReadShared(data)
	if _, err := b.s.MergeSharedDeck(ctx, f); !errors.Is(err, storage.ErrNotFound) || !strings.Contains(err.Error(), "deleted on this laptop") {
		t.Errorf("a deck deleted here: %v", err)
	}
	c, _ := openTestStore(t)
	if _, err := c.CloneDeck(ctx, mustDecks(t, c)[0].ID, "Shared deck", ""); err != nil {
		t.Fatal(err)
	}
	before := len(mustDecks(t, c))
	if _, err := c.MergeSharedDeck(ctx, f); !errors.Is(err, storage.ErrNameTaken) {
		t.Errorf("a deck new here under a name taken here: %v", err)
	}
	if after := len(mustDecks(t, c)); after != before {
		t.Errorf("the refused file left %d decks, %d before", after, before)
	}
}

// A card of a type another laptop took away meanwhile is merged all the
// same, and the summary names what needs a fix.
func TestSharedDeckMergeNamesWhatNoLongerFits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	d := mustDeck(t, a.s, a.deck)
	d.CardTypes = append(d.CardTypes, cards.CardType{Key: "extra", Name: cards.Text{"sv": "Extra", "fi": "Lisä", "en": "Extra"}, Colour: "#123456", Prefix: "E",
		Back: cards.Text{"sv": "x", "fi": "x", "en": "x"}})
	if err := a.s.UpdateDeck(ctx, d); err != nil {
		t.Fatal(err)
	}
	mustMerge(t, a, b)
	card := cards.Card{Code: "E01", Type: "extra", Copies: 1, Title: cards.Text{"sv": "e", "fi": "e", "en": "e"}}
	if err := b.s.SaveCard(ctx, b.deck, &card); err != nil {
		t.Fatal(err)
	}
	d = mustDeck(t, a.s, a.deck)
	d.CardTypes = d.CardTypes[:len(d.CardTypes)-1]
	if err := a.s.UpdateDeck(ctx, d); err != nil {
		t.Fatal(err)
	}
	sum := mustMerge(t, b, a)
	if sum.Added != 1 || len(sum.Problems) == 0 || !strings.Contains(sum.Problems.Error(), "extra") {
		t.Errorf("summary = %+v; want E01 added and its type named as a problem", sum)
	}
	mustMerge(t, a, b)
	if deckJSON(t, a) != deckJSON(t, b) {
		t.Error("the two laptops hold different decks")
	}
}

// mustDecks lists a store's decks.
func mustDecks(tb testing.TB, s *storage.Store) []storage.DeckSummary {
	tb.Helper()
	ds, err := s.Decks(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// A deck takes the team folder's files while it is published and live
// here; one unpublished or deleted here does not, and publishing or
// restoring it takes them again.
func TestUnsharedDecksAreTheUnpublishedAndTheDeleted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	unshared := func(l *deckLaptop) bool {
		t.Helper()
		got, err := l.s.UnsharedDecks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return got[l.deck]
	}
	if !unshared(a) || unshared(b) {
		t.Fatalf("before A publishes: A's deck unshared %v (want true), B's merged one %v (want false)", unshared(a), unshared(b))
	}
	if err := a.s.PublishDeck(ctx, a.deck, true); err != nil {
		t.Fatal(err)
	}
	if unshared(a) {
		t.Error("A's deck, published, is listed as unshared")
	}
	if err := b.s.DeleteDeck(ctx, b.deck); err != nil {
		t.Fatal(err)
	}
	if !unshared(b) {
		t.Error("B's deck, deleted there, is not listed as unshared")
	}
	if err := b.s.RestoreDeck(ctx, b.deck); err != nil {
		t.Fatal(err)
	}
	if unshared(b) {
		t.Error("B's deck, restored, is still listed as unshared")
	}
}
