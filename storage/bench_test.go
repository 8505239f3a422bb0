package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
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
	bare := bareFloor(b, `CREATE TABLE scratch (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, code TEXT NOT NULL, position INTEGER NOT NULL) STRICT`)
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
	reportAgainstFloor(b, store, raw, n)
}

// bareFloor is the floor of a save: another file opened with the store's
// DSN (WAL, synchronous=FULL) on one connection, with schema made in it.
func bareFloor(b *testing.B, schema string) *sql.DB {
	b.Helper()
	bare, err := sql.Open("sqlite3", storage.DSN(filepath.Join(b.TempDir(), "bare.db"), "rwc"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { bare.Close() })
	bare.SetMaxOpenConns(1)
	if _, err := bare.Exec(schema); err != nil {
		b.Fatal(err)
	}
	return bare
}

// reportAgainstFloor reports n iterations' time in the store and in the
// floor, in ms per iteration, and their ratio.
func reportAgainstFloor(b *testing.B, store, raw time.Duration, n int) {
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
	// The example's records are stamped in 2026, after the test clock's
	// day; the laptop's own clock is later than that.
	s.Now = time.Now
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

// BenchmarkOpen opens a database of two workshop days of eight tables
// (the default deck, 192 plays, 384 ratings, 64 notes) and closes it, as
// the app and every command do, with all of Open's checks. In the same
// loop, as the floor, a plain read-only connection reads every row of
// every table once. It reports both in ms per iteration and their ratio.
func BenchmarkOpen(b *testing.B) {
	benchOpen(b, realisticFile(b, 8))
}

// BenchmarkOpenBigDB is BenchmarkOpen on the database DECKHAND_BIGDB names
// (scripts/bigdb: 2,000 workshops), when it is set. A file of an older
// schema is migrated by the first open, outside the measured loop.
func BenchmarkOpenBigDB(b *testing.B) {
	path := os.Getenv("DECKHAND_BIGDB")
	if path == "" {
		b.Skip("DECKHAND_BIGDB names no database")
	}
	s, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	benchOpen(b, path)
}

// benchOpen measures Open and Close of the file at path beside its floor.
func benchOpen(b *testing.B, path string) {
	var open, floor time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		s, err := storage.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if err := readEveryRow(path); err != nil {
			b.Fatal(err)
		}
		open += mid.Sub(start)
		floor += time.Since(mid)
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(ms(open), "open-ms/op")
	b.ReportMetric(ms(floor), "floor-ms/op")
	b.ReportMetric(float64(open)/float64(floor), "ratio")
}

// readEveryRow is the floor of BenchmarkOpen: a plain read-only connection
// that scans every row of every table of the file once, keeping nothing.
func readEveryRow(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	tables, err := tableNames(db)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := scanRows(db, "SELECT * FROM "+t); err != nil {
			return err
		}
	}
	return nil
}

// scanRows runs the query and scans every row it gives once into
// sql.RawBytes, keeping nothing: the floor of reading. It returns how many
// rows there were.
func scanRows(db *sql.DB, query string, args ...any) (int, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	for i := range vals {
		vals[i] = new(sql.RawBytes)
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}

// BenchmarkOpenChecks measures, in one loop on the file BenchmarkOpen
// opens, each check Open could run, so that which ones it can afford is
// decided from figures taken side by side: the structural checks of the
// file's size, header and write-ahead log (read by Go, no SQLite), SQLite's
// quick_check, quick_check with cell_size_check on, the full
// integrity_check, the row checksums, and the floor of BenchmarkOpen (every
// row read once). Each is reported in ms per iteration and as a ratio to
// the floor.
func BenchmarkOpenChecks(b *testing.B) {
	path := realisticFile(b, 8)
	db, err := sql.Open(storage.DriverName, "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	pragma := func(q string) {
		var res string
		if err := db.QueryRow(q).Scan(&res); err != nil || res != "ok" {
			b.Fatalf("%s = %q, %v", q, res, err)
		}
	}
	checks := []struct {
		name string
		run  func()
	}{
		{"structure", func() {
			if err := storage.CheckStructure(path); err != nil {
				b.Fatal(err)
			}
		}},
		{"quick", func() { pragma("PRAGMA quick_check") }},
		{"cellsize", func() {
			if _, err := db.Exec("PRAGMA cell_size_check = ON"); err != nil {
				b.Fatal(err)
			}
			pragma("PRAGMA quick_check")
			if _, err := db.Exec("PRAGMA cell_size_check = OFF"); err != nil {
				b.Fatal(err)
			}
		}},
		{"integrity", func() { pragma("PRAGMA integrity_check") }},
		{"rowsums", func() {
			if err := storage.VerifyRowSums(db); err != nil {
				b.Fatal(err)
			}
		}},
		{"floor", func() {
			if err := readEveryRow(path); err != nil {
				b.Fatal(err)
			}
		}},
	}
	took := make([]time.Duration, len(checks))
	n := 0
	for b.Loop() {
		for i, c := range checks {
			start := time.Now()
			c.run()
			took[i] += time.Since(start)
		}
		n++
	}
	floor := took[len(took)-1]
	for i, c := range checks {
		b.ReportMetric(float64(took[i])/float64(time.Millisecond)/float64(n), c.name+"-ms/op")
		if c.name != "floor" {
			b.ReportMetric(float64(took[i])/float64(floor), c.name+"-ratio")
		}
	}
}
