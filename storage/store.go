// Package storage keeps Deckhand's data in one local SQLite file: it opens
// and checks the file, migrates its schema, and reads and writes decks,
// cards, print history and workshops with what was recorded in them. SQL
// lives only here. What it reports as saved has been committed
// with synchronous=FULL, so a crash or power loss does not take it back.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"deckhand/cards"
)

// Store is an open Deckhand database. It is safe for use by several
// goroutines; writes are serialised through its single connection.
type Store struct {
	db     *sql.DB
	path   string
	lock   *held
	device string

	// snapshots caches the parsed deck snapshots of the workshops read
	// last (snapshotsCached of them, the oldest read first out, in
	// snapOrder) by workshop id: a snapshot never changes once stored,
	// and every saved play and rating is checked against it.
	snapMu    sync.Mutex
	snapshots map[string]*cards.Deck
	snapOrder []string

	// clock stamps every change to a workshop (see clock.go).
	clock clock

	// check is the check of every page and row that Open left to run
	// beside the first reads (checklater.go); nil when Open ran it itself.
	check *laterCheck

	// Now is the wall clock behind every timestamp; tests replace it.
	Now func() time.Time
}

// Open opens the Deckhand database at path, creating and setting it up when
// the file does not exist yet (its folder must). Before SQLite touches the
// file it is checked: another program's database, a file that is not a
// database, a newer schema, a damaged file, a path that is not a regular
// file, a full disk or a file another Deckhand (a window or a command) has
// open each give an *OpenError that says so, and the file is left as it was.
func Open(path string) (*Store, error) {
	return OpenWaiting(path, 0)
}

// OpenCheckingLater is Open that, on a file small enough to check in a
// moment, hands the store out before the check of every page and row is
// over: the check runs on a connection of its own beside the first reads,
// and every write, backup and export waits for it, and is refused with
// its *OpenError when it fails (Checked). The check begins when the first
// of those, or Checked, asks for it. The window opens this way, so that
// the Decks screen is drawn before the file is checked; a command checks
// first, since what it reads leaves the app at once.
func OpenCheckingLater(path string) (*Store, error) {
	return openWaiting(path, 0, true)
}

// OpenWaiting is Open that, while another Deckhand holds the file, waits
// for up to wait for it to let go before refusing it. A command waits a few
// seconds (a script's commands may overlap); the app's window says at once.
func OpenWaiting(path string, wait time.Duration) (*Store, error) {
	return openWaiting(path, wait, false)
}

// openWaiting is OpenWaiting, leaving the check of the file's content to
// run after the open when later and the file allows (OpenCheckingLater).
func openWaiting(path string, wait time.Duration, later bool) (*Store, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		return nil, openError(path, ErrNoFolder, "the folder %s does not exist; check the path or create the folder first", filepath.Dir(path))
	}
	// A restore killed halfway is finished before the file is looked at.
	if err := finishRestore(path); err != nil {
		return nil, err
	}
	lock, created, err := lockFileWaiting(path, wait)
	if err != nil {
		return nil, err
	}
	if restoring(path) { // a restore began between the two: its journal was not there yet
		unlockFile(lock)
		if created {
			os.Remove(path)
		}
		return nil, restoreUnderWay(path)
	}
	// A file Open made, or an empty one it adopts (the save dialog makes
	// one), holds nothing yet: if it cannot be set up (a full disk), it goes
	// again, with whatever SQLite made beside it, rather than stay as an
	// empty or half set-up database that the next Open would take as one.
	fresh := created
	if info, err := lock.Stat(); err == nil && info.Size() == 0 {
		fresh = true
	}
	s, err := open(path, lock, later && !fresh)
	if err != nil {
		if fresh {
			if lock.beside != nil {
				// Windows removes no open file; the lock beside it holds on.
				lock.closeFile()
			}
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(path + suffix)
			}
		}
		unlockFile(lock)
		return nil, err
	}
	// Only once the file is known to be sound and ours: a refused file's
	// surroundings are left as they were, too. What cannot be removed now
	// is tried again, and named, by an erasure. A file checked after the
	// open has them removed when its check passes.
	if s.check == nil {
		removeLeftovers(path)
	}
	return s, nil
}

func open(path string, lock *held, later bool) (*Store, error) {
	state, err := inspect(lock.File, path)
	if err != nil {
		return nil, err
	}
	if !state.empty {
		if state, err = probe(path, later && smallEnoughToCheckLater(lock.File)); err != nil {
			return nil, err
		}
	}
	// SQLite makes the -wal and -shm files as it connects; when that fails
	// (a full disk), the file is refused and they must not stay behind.
	// Nothing else has the file open in WAL mode if there is no -wal yet:
	// Deckhand holds its lock, and another program would have made one.
	made := absent(path+"-wal", path+"-shm")
	// mode=rw: SQLite must never create a file here; it exists (locked) by now.
	db, err := sql.Open(driverName, dsn(path, "rw"))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; SQLite serialises writes anyway
	s := &Store{db: db, path: path, lock: lock, Now: time.Now}
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if len(made) == 2 {
			for _, p := range made {
				os.Remove(p)
			}
		}
		return nil, connectError(path, err)
	}
	if err := backupBeforeMigration(ctx, s, state.schemaVersion); err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(ctx, db, state.schemaVersion); err != nil {
		db.Close()
		return nil, fmt.Errorf("set up database %s: %w", path, friendlyWriteError(err))
	}
	if s.device, err = s.deviceID(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("set up database %s: %w", path, friendlyWriteError(err))
	}
	if err := s.startClock(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("read database %s: %w", path, err)
	}
	if state.contentUnchecked {
		if err := s.checkLater(state.schemaVersion); err != nil {
			db.Close()
			return nil, err
		}
	}
	// An erasure killed before its compaction is finished before anything
	// reads the file. One that fails again is not a reason to refuse the
	// file: Check says it is unfinished.
	s.finishPendingErasure(ctx)
	return s, nil
}

// connectError is the refusal of a sound, locked file whose first
// connection failed with err.
func connectError(path string, err error) error {
	if sqliteReadOnly(err) || sqliteCantOpen(err) {
		// A sound file in a folder this user cannot write in: SQLite needs
		// to create its write-ahead log beside the file.
		return openError(path, err, "cannot use %s: its folder %s must be writable for Deckhand (%v); move the file or change the folder's permissions", path, filepath.Dir(path), err)
	}
	return damaged(path, err)
}

// absent returns those of paths that do not exist.
func absent(paths ...string) []string {
	var out []string
	for _, p := range paths {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			out = append(out, p)
		}
	}
	return out
}

// dsn builds the connection string. The options go in the DSN so that every
// pooled connection gets them, not just the one a PRAGMA happened to run on.
// synchronous=FULL: go-sqlite3 defaults to NORMAL, which can lose the last
// commits on power loss. txlock=immediate: a write transaction takes the
// write lock at BEGIN, so two writers queue instead of failing midway.
func dsn(path, mode string) string {
	return "file:" + escapePath(path) + "?mode=" + mode +
		"&_foreign_keys=1&_journal_mode=WAL&_synchronous=FULL&_busy_timeout=5000&_txlock=immediate" +
		"&_stmt_cache_size=" + strconv.Itoa(stmtCacheSize)
}

// stmtCacheSize is how many prepared statements the connection keeps. The
// driver otherwise prepares and finalizes every statement of every save
// anew; a save runs the same dozen, so a place or a rating reuses them.
// Enough for every statement of a save, a merge and an open's checks.
const stmtCacheSize = 128

// escapePath makes a file path safe inside a file: URI.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database and releases its lock. SQLite's connection goes
// first: closing the lock descriptor while SQLite still holds the file open
// would drop SQLite's own locks.
func (s *Store) Close() error {
	s.check.stop()
	err := s.db.Close()
	if lockErr := unlockFile(s.lock); err == nil {
		err = lockErr
	}
	return err
}

// deviceID returns this database's device id, made on first use. Records
// carry it so that data merged from several laptops shows where it came from.
//
// The id is read first and written only when missing: a file whose check
// runs after the open (OpenCheckingLater) is not written to before it.
func (s *Store) deviceID(ctx context.Context) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'device_id'`).Scan(&id)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	id = cards.NewID()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('device_id', ?) ON CONFLICT (key) DO NOTHING`, id); err != nil {
		return "", err
	}
	err = s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'device_id'`).Scan(&id)
	return id, err
}

// now is the current time as stored: see timeText.
func (s *Store) now() string { return timeText(s.Now()) }

// storedTime is how times are stored: UTC, RFC 3339 with a fraction of
// fixed width, so that text order is time order and SQL may sort by it.
const storedTime = "2006-01-02T15:04:05.000000000Z07:00"

// timeText is a time as stored.
func timeText(t time.Time) string { return t.UTC().Format(storedTime) }

// parseTime reads a stored time. RFC 3339 reads both the fixed-width form
// and any shorter fraction.
func parseTime(text string) (time.Time, error) { return time.Parse(time.RFC3339Nano, text) }
