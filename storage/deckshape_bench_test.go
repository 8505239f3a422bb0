package storage_test

import (
	"context"
	"testing"
	"time"

	"deckhand/cards"
)

// BenchmarkUpdateDeckShape is a save of the deck-shape dialog on a deck
// that 40 workshops of 40 cards each were made from: a new colour of an
// area (nothing taken away), and a card type that no card has taken away
// and put back (what workshops used of the types is asked). In the same
// loop, as the floor, a bare update of one row of another file opened with
// the same DSN, in its own transaction. It reports both in ms per
// iteration and their ratio.
func BenchmarkUpdateDeckShape(b *testing.B) {
	ctx := context.Background()
	s, d := openTestStore(b)
	codes := make([]string, 0, 40)
	for _, c := range d.Cards {
		if c.Type == "routine" && len(codes) < 40 {
			codes = append(codes, c.Code)
		}
	}
	for i := range 40 {
		w, teams := newWorkshop(b, s, d, "Bench "+string(rune('A'+i%26))+string(rune('a'+i/26)))
		for j, code := range codes {
			mustSave(b, s.SavePlay(ctx, w.ID, play(teams[j%2].ID, code, "use", j)))
		}
	}
	bare := bareFloor(b, `CREATE TABLE scratch (id TEXT PRIMARY KEY, vocabulary TEXT NOT NULL) STRICT; INSERT INTO scratch VALUES ('d', '')`)
	spare := cards.CardType{Key: "spare", Name: cards.Text{"sv": "Reserv", "fi": "Vara", "en": "Spare"}, Colour: "#888888", Prefix: "S"}
	for _, c := range []struct {
		name   string
		change func(d *cards.Deck, n int)
	}{
		{"recolour", func(d *cards.Deck, n int) { d.Board.Areas[0].Colour = []string{"#1F77B4", "#2CA02C"}[n%2] }},
		{"type-removed", func(d *cards.Deck, n int) {
			if n%2 == 0 {
				d.CardTypes = append(d.CardTypes, spare)
			}
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			base := mustDeck(b, s, d.ID)
			base.Cards = nil
			var store, raw time.Duration
			n := 0
			for b.Loop() {
				next := base.Clone()
				c.change(next, n)
				start := time.Now()
				if err := s.UpdateDeck(ctx, next); err != nil {
					b.Fatal(err)
				}
				mid := time.Now()
				tx, err := bare.Begin()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := tx.Exec(`UPDATE scratch SET vocabulary = ? WHERE id = 'd'`, next.Board.Areas[0].Colour+string(rune('a'+n%26))); err != nil {
					b.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
				store += mid.Sub(start)
				raw += time.Since(mid)
				n++
			}
			reportAgainstFloor(b, store, raw, n)
		})
	}
}
