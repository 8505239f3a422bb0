package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage/storagetest"
)

// BenchmarkSharedSaveCard is Store.SaveCard of an edited card of the
// default deck (62 cards) as schema 11 stamps it: the stored version read,
// the clock's stamp, the context joined, and the card's row and texts
// written with the deck's changed_at. In the same loop, as the floor, a
// plain UPDATE of the same card's row (its code, stamp and device) on
// another connection to the same file, committed. It reports both in ms
// per iteration and their ratio.
func BenchmarkSharedSaveCard(b *testing.B) {
	ctx := context.Background()
	s, d := openTestStore(b)
	db := rawDB(b, s.Path())
	c := d.Cards[len(d.Cards)/2].Clone()
	var store, raw time.Duration
	n := 0
	for b.Loop() {
		c.Title["en"] = fmt.Sprintf("Collect only what is needed %d", n)
		start := time.Now()
		if err := s.SaveCard(ctx, d.ID, &c); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, err := db.Exec(`UPDATE cards SET code = ?, updated_at = ?, device_id = ? WHERE id = ?`,
			c.Code, time.Now().UTC().Format(time.RFC3339Nano), "bench", c.ID); err != nil {
			b.Fatal(err)
		}
		store += mid.Sub(start)
		raw += time.Since(mid)
		n++
	}
	reportAgainstFloor(b, store, raw, n)
}

// BenchmarkMergeSharedDeck merges the shared file of a deck of 60 cards
// into the laptop that has it: the same file again ("unchanged": every
// card compared, nothing written) and a file with one card's title changed
// on the other laptop, outside the timing ("one-changed"). In the same
// loop, as the floor, cards.ReadShared decodes and checks the same bytes.
// It reports both in ms per iteration and their ratio.
func BenchmarkMergeSharedDeck(b *testing.B) {
	ctx := context.Background()
	ls := sharedLaptops(b, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, other := ls[0], ls[1]
	d := mustDeck(b, a.s, a.deck)
	for _, c := range d.Cards[60:] {
		if err := a.s.DeleteCard(ctx, a.deck, c.ID); err != nil {
			b.Fatal(err)
		}
	}
	mustMerge(b, a, other)
	if live := len(mustDeck(b, other.s, other.deck).Cards); live != 60 {
		b.Fatalf("the deck has %d live cards; want 60", live)
	}
	for _, changed := range []bool{false, true} {
		b.Run(map[bool]string{false: "unchanged", true: "one-changed"}[changed], func(b *testing.B) {
			var merge, decode time.Duration
			n := 0
			for b.Loop() {
				if changed {
					saveTitle(b, a, "R05", fmt.Sprint("Changed ", n))
				}
				data := sharedFile(b, a)
				start := time.Now()
				f, err := cards.ReadShared(data)
				if err != nil {
					b.Fatal(err)
				}
				mid := time.Now()
				if _, err := other.s.MergeSharedDeck(ctx, f); err != nil {
					b.Fatal(err)
				}
				decode += mid.Sub(start)
				merge += time.Since(mid)
				n++
			}
			reportAgainstFloor(b, merge, decode, n)
		})
	}
}
