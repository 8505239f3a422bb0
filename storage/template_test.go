package storage_test

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

// seeded is the database openTestStore starts from: migrated and holding
// the default deck, made once per test binary. Migrating and seeding cost
// about 50 ms a database; copying the file costs a tenth of that.
var seeded struct {
	once sync.Once
	dir  string
	path string
	last time.Time // the last time its clock gave: copies go on from here
	err  error
}

// copiesMade counts, per test, the stores openTestStore made from the
// template. Only a test's first store is a copy: two stores of one test
// stand for two laptops, which never share a deck's or card's ids.
var copiesMade = struct {
	sync.Mutex
	m map[testing.TB]bool
}{m: map[testing.TB]bool{}}

func TestMain(m *testing.M) {
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// makeSeeded makes the template as openTestStore made every database
// before: storage.Open on a new file, the ticking clock, the default deck.
func makeSeeded(tb testing.TB) error {
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
	tick := tickingClock()
	s.Now = func() time.Time {
		seeded.last = tick()
		return seeded.last
	}
	if ok, err := s.SeedDefaultDeck(context.Background(), defaultDeck(tb)); err != nil || !ok {
		s.Close()
		return fmt.Errorf("SeedDefaultDeck = %v, %v; want true, nil", ok, err)
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

// copySeeded copies the template to path and gives the copy a device id of
// its own, on its rows too, as if it had been made there.
func copySeeded(tb testing.TB, path string) {
	tb.Helper()
	seeded.once.Do(func() { seeded.err = makeSeeded(tb) })
	if seeded.err != nil {
		tb.Fatalf("make the seeded template: %v", seeded.err)
	}
	copyFile(tb, seeded.path, path)
	if err := newDevice(path); err != nil {
		tb.Fatalf("give %s its own device id: %v", path, err)
	}
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
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.Close()
}

// firstCopy reports whether tb has not had a copy of the template yet, and
// notes that it has now.
func firstCopy(tb testing.TB) bool {
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

// Two copies of the template are two databases: each has a device id of its
// own, and its rows carry it, not the template's.
func TestSeededCopiesHaveTheirOwnDevice(t *testing.T) {
	dir := t.TempDir()
	var devices []string
	for _, name := range []string{"a.db", "b.db"} {
		path := filepath.Join(dir, name)
		copySeeded(t, path)
		db := rawDB(t, path)
		var id string
		if err := db.QueryRow(`SELECT value FROM meta WHERE key = 'device_id'`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"decks", "cards"} {
			if n := queryInt(t, db, `SELECT COUNT(*) FROM `+table+` WHERE device_id <> ?`, id); n != 0 {
				t.Errorf("%s: %d %s rows carry another device id than %s", name, n, table, id)
			}
		}
		if n := queryInt(t, db, `SELECT COUNT(*) FROM cards`); n != defaultDeckCards {
			t.Errorf("%s holds %d cards, want %d", name, n, defaultDeckCards)
		}
		db.Close()
		s := openStore(t, path)
		if r, err := s.Check(context.Background()); err != nil || !r.OK || len(r.Problems) != 0 {
			t.Errorf("%s: Check = %+v, %v; want a sound file", name, r, err)
		}
		devices = append(devices, id)
	}
	if devices[0] == devices[1] || devices[0] == "" {
		t.Errorf("the two copies' device ids are %q and %q, want two different ones", devices[0], devices[1])
	}
}
