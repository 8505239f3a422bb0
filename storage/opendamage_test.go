package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/storage"
)

// damageKind makes one damaged copy of a sound database: it returns the
// bytes of the file and of its write-ahead log (nil: none).
type damageKind struct {
	name  string
	tries int
	make  func(rng *rand.Rand) (db, wal []byte)
}

// TestOpenRefusesDamagedFiles makes damaged copies of a real database of
// four kinds: a changed byte in an index page (which quick_check does not
// compare with its table), a file cut short by a few bytes and by whole
// pages, and a changed byte in a write-ahead log holding committed
// transactions. A copy is damaged when SQLite's full integrity_check fails
// on it, or its rows, read as SQLite would read them with its log, are not
// the original's. Open must refuse every damaged copy: none may be opened,
// none may take a write. The counts per kind are logged.
func TestOpenRefusesDamagedFiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := realisticFile(t, 3)
	orig, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var workshopID string
	if err := rawDB(t, src).QueryRow(`SELECT id FROM workshops LIMIT 1`).Scan(&workshopID); err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(orig[16:18]))
	indexPages := pagesOfType(orig, pageSize, 10, 2)
	if len(indexPages) == 0 {
		t.Fatal("the database has no index pages")
	}
	walDB, wal := fileWithLog(t, src, workshopID)
	frames := (len(wal) - 32) / (24 + pageSize)
	if frames < 8 {
		t.Fatalf("the log holds %d frames; want several transactions", frames)
	}
	kinds := []damageKind{
		{"a changed byte in an index page", 60, func(rng *rand.Rand) ([]byte, []byte) {
			b := bytes.Clone(orig)
			b[indexPages[rng.IntN(len(indexPages))]+rng.IntN(pageSize)] ^= byte(1 + rng.IntN(255))
			return b, nil
		}},
		{"cut short by a few bytes", 15, func(rng *rand.Rand) ([]byte, []byte) {
			return bytes.Clone(orig[:len(orig)-1-rng.IntN(pageSize-1)]), nil
		}},
		{"cut short by whole pages", 10, func(rng *rand.Rand) ([]byte, []byte) {
			return bytes.Clone(orig[:len(orig)-pageSize*(1+rng.IntN(3))]), nil
		}},
		{"a changed byte in the write-ahead log", 30, func(rng *rand.Rand) ([]byte, []byte) {
			// Any frame but the last: a change there looks exactly like a
			// commit that a power cut stopped, which SQLite rightly drops.
			w := bytes.Clone(wal)
			frame := rng.IntN(frames - 1)
			w[32+frame*(24+pageSize)+24+rng.IntN(pageSize)] ^= byte(1 + rng.IntN(255))
			return bytes.Clone(walDB), w
		}},
	}
	wantPlain, err := judgeRows(t, orig, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantLog, err := judgeRows(t, walDB, wal)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(12, 9))
	dir := t.TempDir()
	for ki, kind := range kinds {
		want := wantPlain
		var damagedN, opened, written int
		for try := range kind.tries {
			db, w := kind.make(rng)
			got, err := judgeRows(t, db, w)
			wantHere := want
			if w != nil {
				wantHere = wantLog
			}
			if err == nil && got == wantHere {
				continue // the change landed where nothing is read (free space)
			}
			damagedN++
			path := filepath.Join(dir, fmt.Sprintf("k%d-%03d.db", ki, try))
			if err := os.WriteFile(path, db, 0o600); err != nil {
				t.Fatal(err)
			}
			if w != nil {
				if err := os.WriteFile(path+"-wal", w, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			s, err := storage.Open(path)
			if err != nil {
				continue
			}
			opened++
			if err := s.SaveTeam(ctx, workshopID, &game.Team{Name: fmt.Sprintf("Late table %d", try)}); err == nil {
				written++
			}
			s.Close()
			t.Errorf("%s, try %d: Open accepted the damaged file", kind.name, try)
		}
		t.Logf("%s: %d of %d copies damaged, %d opened, %d took a write", kind.name, damagedN, kind.tries, opened, written)
		if damagedN < kind.tries/4 {
			t.Errorf("%s: only %d of %d copies were damaged: the test does not reach the data", kind.name, damagedN, kind.tries)
		}
	}
}

// pagesOfType are the offsets of the b-tree pages of the given types.
func pagesOfType(b []byte, size int, types ...byte) []int {
	var out []int
	for off := size; off+size <= len(b); off += size {
		if bytes.IndexByte(types, b[off]) >= 0 {
			out = append(out, off)
		}
	}
	return out
}

// fileWithLog is a copy of the closed database at src with a write-ahead
// log of twelve committed transactions not yet in the file, taken while a
// store writing them is still open.
func fileWithLog(t *testing.T, src, workshopID string) (db, wal []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "logged.db")
	copyFile(t, src, path)
	s := openStore(t, path)
	defer s.Close()
	for i := range 12 {
		mustSave(t, s.SaveTeam(context.Background(), workshopID, &game.Team{Name: fmt.Sprintf("Evening table %d", i)}))
	}
	var err error
	if db, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	if wal, err = os.ReadFile(path + "-wal"); err != nil {
		t.Fatal(err)
	}
	return db, wal
}

// judgeRows is what SQLite itself reads from a database and its log,
// written to a folder of their own: every row of every table in rowid
// order, or an error when the full integrity_check fails or the rows
// cannot be read.
func judgeRows(t *testing.T, db, wal []byte) (string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "judged.db")
	if err := os.WriteFile(path, db, 0o600); err != nil {
		t.Fatal(err)
	}
	if wal != nil {
		if err := os.WriteFile(path+"-wal", wal, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	conn, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	var result string
	err = conn.QueryRow("PRAGMA integrity_check(1)").Scan(&result)
	conn.Close()
	if err != nil {
		return "", err
	}
	if result != "ok" {
		return "", fmt.Errorf("integrity_check: %s", result)
	}
	if wal != nil {
		// dumpFile reads the file alone (immutable): fold the log in first,
		// on this copy.
		rw, err := sql.Open("sqlite3", "file:"+path+"?mode=rw")
		if err != nil {
			return "", err
		}
		_, err = rw.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		rw.Close()
		if err != nil {
			return "", err
		}
	}
	return dumpFile(path)
}

// fileEndingInFreePages is a closed, sound database whose last pages are
// free (a dropped table's), as SQLite leaves a file without auto_vacuum:
// cutting bytes off its end changes nothing SQLite's checks read.
func fileEndingInFreePages(t *testing.T) string {
	t.Helper()
	path := realisticFile(t, 2)
	db := rawDB(t, path)
	for _, q := range []string{
		`CREATE TABLE scratch (b BLOB)`,
		`INSERT INTO scratch VALUES (zeroblob(200000))`,
		`DROP TABLE scratch`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	return path
}

// TestOpenRefusesAFileCutShort cuts one byte, and then one whole page, off
// the end of a database whose last pages are free, as a copy that stopped
// early leaves it. One byte short, quick_check, the row checksums and
// SQLite's reads all pass (SQLite reads a short last page as zeros), yet
// the file is not what was saved: Open refuses both as damaged, saying
// why, and leaves the file as it was.
func TestOpenRefusesAFileCutShort(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		cut  func(size, page int) int
		want string
	}{
		{"one byte", func(size, page int) int { return size - 1 }, "is not a whole number of its"},
		{"one page", func(size, page int) int { return size - page }, "so its end is missing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := fileEndingInFreePages(t)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			page := int(binary.BigEndian.Uint16(b[16:18]))
			b = b[:c.cut(len(b), page)]
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			if c.name == "one byte" {
				var quick string
				if err := rawDB(t, path).QueryRow("PRAGMA quick_check").Scan(&quick); err != nil || quick != "ok" {
					t.Fatalf("quick_check on the cut file = %q, %v; the test wants a cut it does not see", quick, err)
				}
			}
			before := fileHash(t, path)
			_, err = storage.Open(path)
			checkOpenError(t, err, path, storage.ErrCorrupt)
			if err != nil && !strings.Contains(err.Error(), c.want) {
				t.Errorf("the refusal does not say %q: %v", c.want, err)
			}
			if fileHash(t, path) != before {
				t.Error("the refused file was changed")
			}
		})
	}
}

// TestOpenRefusesALogWithADamagedHeader changes one byte of the salt in a
// write-ahead log's header. SQLite then ignores the whole log, and with it
// the twelve transactions committed in it; Open refuses the file instead,
// naming the log, and leaves both files as they were.
func TestOpenRefusesALogWithADamagedHeader(t *testing.T) {
	t.Parallel()
	src := realisticFile(t, 2)
	var workshopID string
	if err := rawDB(t, src).QueryRow(`SELECT id FROM workshops LIMIT 1`).Scan(&workshopID); err != nil {
		t.Fatal(err)
	}
	db, wal := fileWithLog(t, src, workshopID)
	wal[17] ^= 0x40
	path := filepath.Join(t.TempDir(), "logged.db")
	if err := os.WriteFile(path, db, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}
	before := listing(t, filepath.Dir(path))
	s, err := storage.Open(path)
	if err == nil {
		s.Close()
	}
	checkOpenError(t, err, path, storage.ErrCorrupt)
	if err != nil && !strings.Contains(err.Error(), path+"-wal has a damaged header") {
		t.Errorf("the refusal does not name the log's header: %v", err)
	}
	if after := listing(t, filepath.Dir(path)); after != before {
		t.Errorf("the folder changed:\n was %s\n now %s", before, after)
	}
}

// TestOpenAcceptsARestartedLog copies a database while its store is open
// and its write-ahead log has been restarted: the new transactions sit at
// the start of the log, the frames of the checkpointed ones after them,
// under the old salts, as SQLite leaves a log it reuses. Open takes the copy
// with every team saved in either round: older frames past the end of the
// log are not damage.
func TestOpenAcceptsARestartedLog(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := realisticFile(t, 2)
	var workshopID string
	if err := rawDB(t, src).QueryRow(`SELECT id FROM workshops LIMIT 1`).Scan(&workshopID); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "logged.db")
	copyFile(t, src, path)
	s := openStore(t, path)
	defer s.Close()
	for i := range 12 {
		mustSave(t, s.SaveTeam(ctx, workshopID, &game.Team{Name: fmt.Sprintf("First round %d", i)}))
	}
	long, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	var busy, logged, done int
	if err := rawDB(t, path).QueryRow("PRAGMA wal_checkpoint(RESTART)").Scan(&busy, &logged, &done); err != nil || busy != 0 {
		t.Fatalf("checkpoint: busy %d, %v", busy, err)
	}
	mustSave(t, s.SaveTeam(ctx, workshopID, &game.Team{Name: "Second round"}))
	if short, err := os.Stat(path + "-wal"); err != nil || short.Size() != long.Size() {
		t.Fatalf("the log is %v bytes after its restart (%v); want it kept at %d with the old frames", short.Size(), err, long.Size())
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	copyFile(t, path, cp)
	copyFile(t, path+"-wal", cp+"-wal")
	c, err := storage.Open(cp)
	if err != nil {
		t.Fatalf("Open of a sound file with a restarted log: %v", err)
	}
	defer c.Close()
	teams := queryInt(t, rawDB(t, cp), `SELECT COUNT(*) FROM teams WHERE name LIKE 'First round %' OR name = 'Second round'`)
	if teams != 13 {
		t.Errorf("the copy holds %d of the 13 teams saved", teams)
	}
}
