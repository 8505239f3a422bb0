// Package storagetest makes the databases of tests from one seeded
// template: migrated and holding the default deck, made once per test
// binary. Migrating and seeding cost about 50 ms a database; copying the
// file costs a tenth of that. Only tests import it, the storage package's
// and the desktop app's.
package storagetest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage"
)

// seeded is the template.
var seeded struct {
	once sync.Once
	dir  string
	path string
	last time.Time // the last time its clock gave: copies go on from here
	err  error
}

// copiesMade notes the tests that have had a copy of the template. Only a
// test's first database is a copy: two databases of one test stand for
// two laptops, which never share a deck's or card's ids.
var copiesMade = struct {
	sync.Mutex
	m map[testing.TB]bool
}{m: map[testing.TB]bool{}}

// Main runs a package's tests and removes the template after them: call
// it from the package's TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// Seeded is when the template was seeded: the clock of a copy goes on
// from here, so that the copy's stamps come after its rows'.
var Seeded = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// makeSeeded makes the template: storage.Open on a new file, a clock that
// ticks a millisecond at every call from Seeded, the default deck.
func makeSeeded() error {
	dir, err := os.MkdirTemp("", "deckhand-seeded-")
	if err != nil {
		return err
	}
	seeded.dir = dir
	seeded.path = filepath.Join(dir, "deckhand.db")
	s, err := storage.Open(seeded.path)
	if err != nil {
		return err
	}
	seeded.last = Seeded
	s.Now = func() time.Time {
		seeded.last = seeded.last.Add(time.Millisecond)
		return seeded.last
	}
	if err := SeedDefaultDeck(s); err != nil {
		s.Close()
		return err
	}
	// Closing the last connection checkpoints the write-ahead log into the
	// file and removes it: the file alone is then the whole database.
	if err := s.Close(); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(seeded.path + suffix); err == nil {
			return fmt.Errorf("%s%s is still there after Close: the template is not one file", seeded.path, suffix)
		}
	}
	return nil
}

// SeedDefaultDeck stores the shipped default deck, as a new database does.
func SeedDefaultDeck(s *storage.Store) error {
	deck, err := cards.DefaultDeck()
	if err != nil {
		return err
	}
	if ok, err := s.SeedDefaultDeck(context.Background(), deck); err != nil || !ok {
		return fmt.Errorf("SeedDefaultDeck = %v, %v; want true, nil", ok, err)
	}
	return nil
}

// Copy copies the template to path and gives the copy a device id of its
// own, on its rows too, as if it had been made there. It returns the last
// time the template's clock gave.
func Copy(tb testing.TB, path string) time.Time {
	tb.Helper()
	seeded.once.Do(func() { seeded.err = makeSeeded() })
	if seeded.err != nil {
		tb.Fatalf("make the seeded template: %v", seeded.err)
	}
	b, err := os.ReadFile(seeded.path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	if err := newDevice(path); err != nil {
		tb.Fatalf("give %s its own device id: %v", path, err)
	}
	return seeded.last
}

// newDevice replaces the device id in meta and in every row that carries
// one. The update triggers keep the rows' checksums.
func newDevice(path string) error {
	db, err := sql.Open(storage.DriverName, "file:"+path+"?mode=rw")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.Query(`SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'device_id' ORDER BY m.name`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	id := cards.NewID()
	res, err := tx.Exec(`UPDATE meta SET value = ? WHERE key = 'device_id'`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("meta holds %d device ids, want 1", n)
	}
	for _, t := range tables {
		if _, err := tx.Exec(`UPDATE "`+t+`" SET device_id = ?`, id); err != nil {
			return err
		}
	}
	// A card's place carries the device that placed it too (schema 11).
	if _, err := tx.Exec(`UPDATE cards SET placed_by = ?`, id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.Close()
}

// FirstCopy reports whether tb has not had a copy of the template yet, and
// notes that it has now.
func FirstCopy(tb testing.TB) bool {
	copiesMade.Lock()
	defer copiesMade.Unlock()
	if copiesMade.m[tb] {
		return false
	}
	copiesMade.m[tb] = true
	tb.Cleanup(func() {
		copiesMade.Lock()
		delete(copiesMade.m, tb)
		copiesMade.Unlock()
	})
	return true
}
