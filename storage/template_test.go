package storage_test

import (
	"context"
	"path/filepath"
	"testing"

	"deckhand/storage/storagetest"
)

func TestMain(m *testing.M) { storagetest.Main(m) }

// Two copies of the template are two databases: each has a device id of its
// own, and its rows carry it, not the template's.
func TestSeededCopiesHaveTheirOwnDevice(t *testing.T) {
	dir := t.TempDir()
	var devices []string
	for _, name := range []string{"a.db", "b.db"} {
		path := filepath.Join(dir, name)
		storagetest.Copy(t, path)
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
