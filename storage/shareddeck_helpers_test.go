package storage_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage"
)

// deckLaptop is a store of a test with the shared deck's id.
type deckLaptop struct {
	s    *storage.Store
	deck string
}

// sharedLaptops opens n stores; the first clones its default deck as
// "Shared deck" and every other takes it from its shared file, so that all
// hold the same deck. Each clock ticks from its own start: at, in order.
func sharedLaptops(tb testing.TB, starts ...time.Time) []*deckLaptop {
	tb.Helper()
	ctx := context.Background()
	var out []*deckLaptop
	for i, start := range starts {
		s, d := openTestStore(tb)
		s.Now = tickingClockFrom(start)
		l := &deckLaptop{s: s}
		if i == 0 {
			clone, err := s.CloneDeck(ctx, d.ID, "Shared deck", "")
			if err != nil {
				tb.Fatal(err)
			}
			l.deck = clone.ID
		} else {
			l.deck = out[0].deck
			mustMerge(tb, out[0], l)
		}
		out = append(out, l)
	}
	return out
}

// sharedFile is the laptop's shared file of its deck, as bytes.
func sharedFile(tb testing.TB, from *deckLaptop) []byte {
	tb.Helper()
	f, err := from.s.ExportSharedDeck(context.Background(), from.deck)
	if err != nil {
		tb.Fatalf("ExportSharedDeck: %v", err)
	}
	var b bytes.Buffer
	if err := cards.WriteShared(&b, f); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// mergeBytes reads a shared file and merges it into a laptop.
func mergeBytes(tb testing.TB, data []byte, to *deckLaptop) storage.SharedDeckSummary {
	tb.Helper()
	f, err := cards.ReadShared(data)
	if err != nil {
		tb.Fatalf("ReadShared: %v", err)
	}
	sum, err := to.s.MergeSharedDeck(context.Background(), f)
	if err != nil {
		tb.Fatalf("MergeSharedDeck: %v", err)
	}
	return sum
}

// mustMerge passes from's shared file to the other laptop, through its bytes.
func mustMerge(tb testing.TB, from, to *deckLaptop) storage.SharedDeckSummary {
	tb.Helper()
	return mergeBytes(tb, sharedFile(tb, from), to)
}

// deckJSON is the laptop's deck as the ordinary deck file writes it.
func deckJSON(tb testing.TB, l *deckLaptop) string {
	tb.Helper()
	var b bytes.Buffer
	if err := cards.WriteJSON(&b, mustDeck(tb, l.s, l.deck)); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// saveTitle gives the laptop's card an English title.
func saveTitle(tb testing.TB, l *deckLaptop, code, title string) {
	tb.Helper()
	c := cardByCode(tb, mustDeck(tb, l.s, l.deck), code)
	c.Title["en"] = title
	if err := l.s.SaveCard(context.Background(), l.deck, &c); err != nil {
		tb.Fatalf("SaveCard %s: %v", code, err)
	}
}

// cardID is the id of the laptop's live card with a code.
func cardID(tb testing.TB, l *deckLaptop, code string) string {
	tb.Helper()
	return cardByCode(tb, mustDeck(tb, l.s, l.deck), code).ID
}

// title is the English title of the laptop's live card, "" when there is none.
func title(tb testing.TB, l *deckLaptop, code string) string {
	tb.Helper()
	d := mustDeck(tb, l.s, l.deck)
	if i := d.CardByCode(code); i >= 0 {
		return d.Cards[i].Title["en"]
	}
	return ""
}
