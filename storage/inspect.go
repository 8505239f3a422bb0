package storage

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
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
	// contentUnchecked: its pages and rows were not checked yet, because
	// the caller asked for that to happen after the open (checkLater).
	contentUnchecked bool
}

// inspect reads the header of the open (and locked) file without opening it
// as a database: a file that is not SQLite, or another program's database
// that says so in its header, must not be touched at all.
func inspect(f *os.File, path string) (fileState, error) {
	info, err := f.Stat()
	if err != nil {
		return fileState{}, unreadable(path, err)
	}
	if info.Size() == 0 {
		return fileState{empty: true}, nil
	}
	header := make([]byte, 100)
	if _, err := f.ReadAt(header, 0); err != nil || string(header[:16]) != sqliteHeader {
		return fileState{}, notDatabase(path)
	}
	if !saneHeader(header) {
		// SQLite's mark, then bytes SQLite never writes: the file was
		// overwritten, and what its header says (an application id) means
		// nothing.
		return fileState{}, damaged(path, errors.New("its header is not a database header"))
	}
	// The header may lag behind the write-ahead log (after a crash, or
	// while another connection is open), so only a foreign id is final here;
	// probe reads the real values through SQLite.
	if appID := binary.BigEndian.Uint32(header[68:72]); appID != 0 && appID != ApplicationID {
		return fileState{}, foreignDatabase(path)
	}
	if err := structureProblem(header, info.Size(), path); err != nil {
		return fileState{}, err
	}
	return fileState{}, nil
}

// probe decides whether an existing SQLite file is ours, empty, newer than
// this build, or damaged, reading it through SQLite as it would be opened:
// with its write-ahead log, when there is one beside it. SQLite cannot read
// a log without a -shm file, which a read-only connection leaves behind, so
// a file with a log is read from a copy of the two in a temporary folder:
// a refused file's folder is left exactly as it was.
//
// later leaves the check of every page and row to the caller when that is
// safe: a file of this schema (a migration writes into it) without a log
// (one left by a crash is read from a copy, checked whole).
func probe(path string, later bool) (fileState, error) {
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		return probeFile(path, path, true, later)
	}
	state, err := probeWithLog(path)
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrForeignDatabase) {
		// The file alone may be sound and the log another database's (a
		// file copied without its log, next to a stale one): say so, since
		// moving the log away is then all it takes.
		if alone, aloneErr := probeFile(path, path, true, false); aloneErr == nil && !alone.empty {
			return fileState{}, foreignLog(path)
		}
	}
	return state, err
}

// probeWithLog probes a copy of the file and its write-ahead log.
func probeWithLog(path string) (fileState, error) {
	dir, err := os.MkdirTemp("", "deckhand-probe-")
	if err != nil {
		return fileState{}, unreadable(path, err)
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "probe.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyPlain(path+suffix, cp+suffix); err != nil {
			return fileState{}, unreadable(path, err)
		}
	}
	return probeFile(cp, path, false, false)
}

// copyPlain copies a file's bytes, nothing more.
func copyPlain(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// probeFile opens file read-only, without the options that would change it
// (journal mode), and reads what probe decides by; its errors name path,
// the file the person chose. Read-only, it cannot write even by accident,
// and closing it does not checkpoint. immutable: there is no log to read,
// so SQLite creates no -wal or -shm file beside it either. later leaves
// the check of its pages and rows out for a file of this schema (see
// probe).
func probeFile(file, path string, immutable, later bool) (fileState, error) {
	query := "?mode=ro"
	if immutable {
		query += "&immutable=1"
	}
	db, err := sql.Open(driverName, "file:"+escapePath(file)+query)
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
	if later && version == SchemaVersion() {
		return fileState{schemaVersion: version, contentUnchecked: true}, nil
	}
	if err := checkContent(context.Background(), db, path, version); err != nil {
		return fileState{}, err
	}
	return fileState{schemaVersion: version}, nil
}

// checkContent checks every page and every row of the database db, at
// path, of schema version. The full check, not quick_check: it also
// compares every index with its table, which a changed byte in an index
// page breaks (a lookup then finds another row, or none), and at about a
// millisecond more than quick_check on a day's workshops it is cheap
// beside the row checksums (docs/performance.md).
func checkContent(ctx context.Context, db *sql.DB, path string, version int) error {
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		return damaged(path, err)
	}
	if result != "ok" {
		return damaged(path, errors.New(result))
	}
	if err := verifyRowSums(ctx, db, version); err != nil {
		return damaged(path, err)
	}
	return nil
}

// saneHeader checks the fields of a SQLite header that have fixed or few
// possible values: the page size, the file format versions and the payload
// fractions (https://sqlite.org/fileformat.html, 1.3).
func saneHeader(h []byte) bool {
	size := int(binary.BigEndian.Uint16(h[16:18]))
	if size == 1 {
		size = 65536
	}
	return size >= 512 && size&(size-1) == 0 &&
		(h[18] == 1 || h[18] == 2) && (h[19] == 1 || h[19] == 2) &&
		h[21] == 64 && h[22] == 32 && h[23] == 32
}

func notDatabase(path string) error {
	return openError(path, ErrNotDatabase, "%s is not a Deckhand database; it was left unchanged, so choose another file", path)
}

func foreignDatabase(path string) error {
	return openError(path, ErrForeignDatabase, "%s is another program's database; Deckhand left it unchanged, so choose another file", path)
}
