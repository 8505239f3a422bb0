package storage_test

import (
	"context"
	"strconv"
	"testing"
)

// BenchmarkSaveCard is one card edit as the card editor saves it: one
// committed transaction with synchronous=FULL.
func BenchmarkSaveCard(b *testing.B) {
	ctx := context.Background()
	s, d := openTestStore(b)
	c := cardByCode(b, d, "R01")
	n := 0
	for b.Loop() {
		n++
		c.Title["en"] = "Collect only what is needed " + strconv.Itoa(n)
		if err := s.SaveCard(ctx, d.ID, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDefaultDeck loads the 62-card default deck with its texts.
func BenchmarkLoadDefaultDeck(b *testing.B) {
	ctx := context.Background()
	s, d := openTestStore(b)
	for b.Loop() {
		if _, err := s.Deck(ctx, d.ID); err != nil {
			b.Fatal(err)
		}
	}
}
