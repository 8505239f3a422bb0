package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
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

// BenchmarkSavePlayAndRating is a card laid on the board and rated, as the
// note-taker logs them: SavePlay then AddRating, each checked against the
// workshop's deck snapshot and committed in its own transaction. In the
// same loop, as the baseline, a bare insert of one row into a scratch table
// of another file opened with the same DSN (WAL, synchronous=FULL), in its
// own transaction. It reports both in ms per iteration and their ratio.
func BenchmarkSavePlayAndRating(b *testing.B) {
	ctx := context.Background()
	s, d := openTestStore(b)
	w, teams := newWorkshop(b, s, d, "Benchmark")
	bare, err := sql.Open("sqlite3", storage.DSN(filepath.Join(b.TempDir(), "bare.db"), "rwc"))
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	bare.SetMaxOpenConns(1)
	if _, err := bare.Exec(`CREATE TABLE scratch (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, code TEXT NOT NULL, position INTEGER NOT NULL) STRICT`); err != nil {
		b.Fatal(err)
	}
	var store, raw time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		p := play(teams[0].ID, "R01", "collection", n)
		if err := s.SavePlay(ctx, w.ID, p); err != nil {
			b.Fatal(err)
		}
		if err := s.AddRating(ctx, w.ID, rating(p.ID, "desirability", 1+n%5)); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		tx, err := bare.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO scratch (id, team_id, code, position) VALUES (?, ?, ?, ?)`, cards.NewID(), teams[0].ID, "R01", n); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		store += mid.Sub(start)
		raw += time.Since(mid)
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(store), "store-ms/op")
	b.ReportMetric(ms(raw), "bare-ms/op")
	b.ReportMetric(float64(store)/float64(raw), "ratio")
}

// BenchmarkMergeExampleWorkshop merges the shipped example workshop file
// (2 tables, 14 plays, 56 ratings, 40 notes) into a database that holds it
// already: the merge a facilitator runs for every laptop's file, which
// reads the stored workshop, compares each record and commits.
func BenchmarkMergeExampleWorkshop(b *testing.B) {
	ctx := context.Background()
	s, _ := openTestStore(b)
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.ImportWorkshop(ctx, f); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		sum, err := s.ImportWorkshop(ctx, f)
		if err != nil || sum.Added+sum.Updated+sum.Deleted != 0 {
			b.Fatalf("merge again: %+v, %v", sum, err)
		}
	}
}
