package storage

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"strings"
)

// ApplicationID marks a SQLite file as Deckhand's ("DKHD"), so the app never
// writes into another program's database that happens to be opened.
const ApplicationID = 0x444B4844

// sqliteHeader is the start of every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// fileState is what the checks before opening found.
type fileState struct {
	empty         bool // nothing in it yet: safe to set up
	schemaVersion int
}

// inspect reads the header of the open (and locked) file without opening it
// as a database: a file that is not SQLite, or another program's database
// that says so in its header, must not be touched at all.
func inspect(f *os.File, path string) (fileState, error) {
	info, err := f.Stat()
	if err != nil {
		return fileState{}, openError(path, err, "cannot read %s: %v", path, err)
	}
	if info.Size() == 0 {
		return fileState{empty: true}, nil
	}
	header := make([]byte, 100)
	if _, err := f.ReadAt(header, 0); err != nil || string(header[:16]) != sqliteHeader {
		return fileState{}, notDatabase(path)
	}
	// The header may lag behind the write-ahead log (after a crash, or
	// while another connection is open), so only a foreign id is final here;
	// probe reads the real values through SQLite.
	if appID := binary.BigEndian.Uint32(header[68:72]); appID != 0 && appID != ApplicationID {
		return fileState{}, foreignDatabase(path)
	}
	return fileState{}, nil
}

// probe opens an existing SQLite file read-only, without the options that
// would change it (journal mode), and decides whether it is ours, empty,
// newer than this build, or damaged. Read-only, it cannot write even by
// accident, and closing it does not checkpoint.
func probe(path string) (fileState, error) {
	query := "?mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		// No log to read: open the file as unchanging, so that SQLite
		// creates no -wal or -shm file beside a file it may refuse (a
		// read-only connection cannot remove them again on close).
		query += "&immutable=1"
	}
	db, err := sql.Open(driverName, "file:"+escapePath(path)+query)
	if err != nil {
		return fileState{}, err
	}
	defer db.Close()
	var appID uint32
	var version, tables int
	err = db.QueryRow("PRAGMA application_id").Scan(&appID)
	if err == nil {
		err = db.QueryRow("PRAGMA user_version").Scan(&version)
	}
	if err == nil {
		err = db.QueryRow("SELECT COUNT(*) FROM sqlite_master").Scan(&tables)
	}
	if err != nil {
		return fileState{}, damaged(path, err)
	}
	switch {
	case appID == 0 && version == 0 && tables == 0:
		return fileState{empty: true}, nil // e.g. made by "sqlite3 new.db": nothing to lose
	case appID != ApplicationID:
		return fileState{}, foreignDatabase(path)
	case version > SchemaVersion():
		return fileState{}, openError(path, ErrNewerSchema, "%s was saved by a newer version of Deckhand (schema %d; this one knows up to %d); update Deckhand to open it", path, version, SchemaVersion())
	}
	var result string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&result); err != nil {
		return fileState{}, damaged(path, err)
	}
	if result != "ok" {
		return fileState{}, damaged(path, errors.New(result))
	}
	if err := verifyRowSums(context.Background(), db, version); err != nil {
		return fileState{}, damaged(path, err)
	}
	return fileState{schemaVersion: version}, nil
}

func notDatabase(path string) error {
	return openError(path, ErrNotDatabase, "%s is not a Deckhand database; it was left unchanged, so choose another file", path)
}

func foreignDatabase(path string) error {
	return openError(path, ErrForeignDatabase, "%s is another program's database; Deckhand left it unchanged, so choose another file", path)
}

func damaged(path string, err error) error {
	if strings.Contains(err.Error(), "file is not a database") {
		return notDatabase(path)
	}
	return openError(path, ErrCorrupt, "%s is damaged and cannot be read safely (%v); Deckhand left it unchanged, so restore it from a backup", path, err)
}
