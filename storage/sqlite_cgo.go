//go:build cgo

package storage

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// SQLite's errors are told apart by their result code, never by their
// text: the text differs between SQLite's versions, and the context wrapped
// around an error (a statement, a deck's name) may hold any words.

// sqliteCode reports whether err is, or wraps, an error of SQLite's with
// the primary result code code.
func sqliteCode(err error, code sqlite3.ErrNo) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == code
}

// sqliteFull reports whether err is SQLite's SQLITE_FULL.
func sqliteFull(err error) bool { return sqliteCode(err, sqlite3.ErrFull) }

// sqliteReadOnly reports whether err is SQLite's SQLITE_READONLY ("attempt
// to write a readonly database"), with any of its extended codes.
func sqliteReadOnly(err error) bool { return sqliteCode(err, sqlite3.ErrReadonly) }

// sqliteCantOpen reports whether err is SQLite's SQLITE_CANTOPEN ("unable
// to open database file").
func sqliteCantOpen(err error) bool { return sqliteCode(err, sqlite3.ErrCantOpen) }

// sqliteBusy reports whether err is SQLite's SQLITE_BUSY ("database is
// locked"): another connection holds the lock past the busy timeout.
func sqliteBusy(err error) bool { return sqliteCode(err, sqlite3.ErrBusy) }

// sqliteSystemErrno is the system's error number behind an error of
// SQLite's ("disk I/O error" and the like), when it gives one.
func sqliteSystemErrno(err error) (syscall.Errno, bool) {
	var se sqlite3.Error
	if errors.As(err, &se) && se.SystemErrno != 0 {
		return se.SystemErrno, true
	}
	return 0, false
}

// execAll runs each statement on the new connection c, in order.
func execAll(c *sqlite3.SQLiteConn, statements []string) error {
	for _, s := range statements {
		if _, err := c.Exec(s, nil); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}
