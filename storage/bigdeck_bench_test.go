package storage_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/storage/storagetest"
)

// BenchmarkLoadBigDeck loads a deck of storagetest.BigDeckCards cards in
// three languages with Store.Deck, as the Decks screen does when the deck
// is chosen (load-ms). In the same loop, as the floor, a plain read-only
// connection to the same file reads the rows the deck is made of once,
// keeping nothing: the deck's row, its cards' rows and their texts' rows
// (floor-ms). It reports both in ms per iteration and their ratio.
func BenchmarkLoadBigDeck(b *testing.B) {
	ctx := context.Background()
	s, path, big := bigDeckStore(b)
	bare, err := sql.Open(storage.DriverName, "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	var load, floor time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		d, err := s.Deck(ctx, big.ID)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		rows, err := readDeckRows(bare, big.ID)
		if err != nil {
			b.Fatal(err)
		}
		load += mid.Sub(start)
		floor += time.Since(mid)
		n++
		if len(d.Cards) != storagetest.BigDeckCards || rows != 1+4*storagetest.BigDeckCards {
			b.Fatalf("Deck gave %d cards, the floor read %d rows", len(d.Cards), rows)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(load), "load-ms/op")
	b.ReportMetric(ms(floor), "floor-ms/op")
	b.ReportMetric(float64(load)/float64(floor), "ratio")
}

// readDeckRows is the floor of BenchmarkLoadBigDeck: every row of the
// deck, of its cards and of their texts scanned once into sql.RawBytes. It
// returns how many rows it read.
func readDeckRows(db *sql.DB, deckID string) (int, error) {
	total := 0
	for _, q := range []string{
		`SELECT * FROM decks WHERE id = ?`,
		`SELECT * FROM cards WHERE deck_id = ?`,
		`SELECT t.* FROM cards c JOIN card_texts t ON t.card_id = c.id WHERE c.deck_id = ?`,
	} {
		n, err := scanRows(db, q, deckID)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// bigDeckStore is a store on a new file at path holding the default deck
// and storagetest.BigDeck, big, as CreateDeck stored it.
func bigDeckStore(b *testing.B) (s *storage.Store, path string, big *cards.Deck) {
	b.Helper()
	path = filepath.Join(b.TempDir(), "deckhand.db")
	storagetest.Copy(b, path)
	s = openStore(b, path)
	big = storagetest.BigDeck(b, storagetest.BigDeckCards)
	if err := s.CreateDeck(context.Background(), big); err != nil {
		b.Fatal(err)
	}
	return s, path, big
}
