//go:build cgo

package storage

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// sqliteFull reports whether err is SQLite's SQLITE_FULL.
func sqliteFull(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrFull
}

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
