package storage_test

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"deckhand/storage"
)

// listing describes every entry of a folder without reading anything but
// regular files: a named pipe would block a read, and a link is described
// by where it points.
func listing(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		p := filepath.Join(dir, e.Name())
		info, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out = append(out, e.Name()+"->"+target)
		case info.Mode().IsRegular():
			out = append(out, e.Name()+":"+fileHash(t, p)[:12])
		default:
			out = append(out, e.Name()+":"+info.Mode().Type().String())
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// oneSentence fails unless the message is one line of printable text that
// names the file and says want, and no more than a few lines' worth.
func oneSentence(t *testing.T, err error, path, want string) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, want) {
		t.Errorf("message %q does not name %s and say %q", msg, path, want)
	}
	if len(msg) > len(path)*2+400 {
		t.Errorf("message is %d bytes long: %q", len(msg), msg)
	}
	for _, r := range msg {
		if r < 0x20 || r == 0x7f {
			t.Errorf("message holds the control character %U: %q", r, msg)
			break
		}
	}
}

func TestOpenRefusesWhatIsNotARegularFile(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"named pipe", func(t *testing.T, path string) {
			if err := makeFIFO(path); err != nil {
				t.Skip("cannot make a named pipe here:", err)
			}
		}, "is not a regular file (it is a device, a pipe or a socket), so it cannot be a Deckhand database; choose a database file"},
		{"link to /dev/null", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/null", path); err != nil {
				t.Fatal(err)
			}
		}, "is not a regular file (it is a device, a pipe or a socket), so it cannot be a Deckhand database; choose a database file"},
		{"link to nothing", func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(path), "gone.db"), path); err != nil {
				t.Fatal(err)
			}
		}, "is a link to " + "%DIR%/gone.db, which does not exist; fix the link or choose another file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "deckhand.db")
			tt.make(t, path)
			before := listing(t, dir)

			done := make(chan error, 1)
			go func() {
				s, err := storage.Open(path)
				if err == nil {
					s.Close()
				}
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Open did not return within 10 s")
			}
			if err == nil {
				t.Fatal("Open succeeded")
			}
			checkOpenError(t, err, path, storage.ErrNotDatabase)
			oneSentence(t, err, path, strings.ReplaceAll(tt.want, "%DIR%", dir))
			if after := listing(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

// A file that starts like SQLite but holds random bytes was overwritten:
// its "application id" is noise, not another program's mark.
func TestOpenSaysRandomBytesAfterASQLiteHeaderAreDamage(t *testing.T) {
	dir := t.TempDir()
	b := make([]byte, 3*4096)
	r := rand.New(rand.NewPCG(12, 10))
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	copy(b, "SQLite format 3\x00")
	path := writeFile(t, filepath.Join(dir, "noise.db"), b)
	before := listing(t, dir)

	s, err := storage.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded")
	}
	checkOpenError(t, err, path, storage.ErrCorrupt)
	oneSentence(t, err, path, "is damaged and cannot be read safely (its header is not a database header); Deckhand left it unchanged, so restore it from a backup")
	if after := listing(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
	}
}

// SQLite quotes a schema it cannot parse; what it quotes is the file's own
// bytes, which may be a terminal's escape sequences.
func TestOpenQuotesADamagedSchemaAsEscapedText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "schema.db")
	makeDeckhandFile(t, path, 0)
	db, err := sql.Open(storage.DriverName, "file:"+path+"?mode=rw")
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE TABLE meta "' || char(27) || '[2J' || char(7) || char(10) || 'x' || char(200) || ' ' || replace(hex(zeroblob(200)), '00', 'ab') || '"' WHERE name = 'meta'`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)

	s, err := storage.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded")
	}
	checkOpenError(t, err, path, storage.ErrCorrupt)
	oneSentence(t, err, path, "is damaged and cannot be read safely (malformed database schema (meta)")
	if !strings.Contains(err.Error(), `\u001b[2J\u0007`) {
		t.Errorf("message %q does not quote the schema's escape bytes as escapes", err)
	}
	if !strings.Contains(err.Error(), " …); Deckhand left it unchanged, so restore it from a backup") {
		t.Errorf("message %q does not cut what SQLite said short", err)
	}
	if after := listing(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
	}
}

// A write-ahead log beside the file that is another database's (a file
// copied over one that crashed, say) must be named as the problem, in one
// sentence, and reading it must not leave a -shm file behind.
func TestOpenRefusesAnotherDatabasesLog(t *testing.T) {
	tests := []struct {
		name  string
		setup string // statements that make the other database
	}{
		{"another Deckhand database's log", ""},
		{"another program's log", "CREATE TABLE contacts (name TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO contacts SELECT 'Aino ' || i FROM n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "deckhand.db")
			makeDeckhandFile(t, path, 0)
			other := filepath.Join(t.TempDir(), "other.db")
			setup := tt.setup
			if setup == "" {
				makeDeckhandFile(t, other, 3) // a deck more: its pages lie elsewhere
				setup = "UPDATE cards SET copies = copies + 1"
			}
			db, err := sql.Open(storage.DriverName, "file:"+other+"?_journal_mode=WAL")
			if err != nil {
				t.Fatal(err)
			}
			db.SetMaxOpenConns(1)
			if _, err := db.Exec("PRAGMA wal_autocheckpoint = 0; " + setup); err != nil {
				t.Fatal(err)
			}
			copyFile(t, other+"-wal", path+"-wal") // while it is open: closing checkpoints the log away
			db.Close()
			before := listing(t, dir)

			s, err := storage.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			checkOpenError(t, err, path, storage.ErrCorrupt)
			oneSentence(t, err, path, fmt.Sprintf("the write-ahead log %s-wal does not match %s (it may come from another database); Deckhand left both unchanged, so move the log out of that folder and open the file again", path, path))
			if after := listing(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

func TestOpenWaitsForAnotherDeckhandToLetGo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deckhand.db")
	makeDeckhandFile(t, path, 0)
	hash := fileHash(t, path)

	release := holdLock(t, path)
	_, err := storage.Open(path)
	checkOpenError(t, err, path, storage.ErrLocked)
	oneSentence(t, err, path, "is in use by another Deckhand, a window or a command; close that window or let the command finish, then try again")

	start := time.Now()
	_, err = storage.OpenWaiting(path, 1200*time.Millisecond)
	if waited := time.Since(start); waited < 1200*time.Millisecond {
		t.Errorf("OpenWaiting gave up after %v, before its 1.2 s", waited)
	}
	checkOpenError(t, err, path, storage.ErrLocked)
	oneSentence(t, err, path, "is still in use by another Deckhand, a window or a command, after 1 second of waiting; close that window or let the command finish, then try again")
	if got := fileHash(t, path); got != hash {
		t.Error("a refused Open changed the file")
	}

	time.AfterFunc(300*time.Millisecond, release)
	s, err := storage.OpenWaiting(path, 5*time.Second)
	if err != nil {
		t.Fatalf("OpenWaiting while the other let go after 0.3 s: %v", err)
	}
	if ds, err := s.Decks(t.Context()); err != nil || len(ds) != 1 {
		t.Errorf("Decks = %v, %v", ds, err)
	}
	s.Close()
	if errors.Is(err, storage.ErrLocked) {
		t.Error("unreachable")
	}
}
