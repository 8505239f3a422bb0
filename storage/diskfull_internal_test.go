//go:build cgo

// SQLite's own errors (sqlite3.Error) exist only in a cgo build.

package storage

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// A full disk is not damage: restoring a backup over a sound file would
// lose what was saved since. What SQLite and the system say is full must
// read so, whichever way it comes; SQLite says it by its code, not by the
// words of its message.
func TestAFullDiskIsNotDamage(t *testing.T) {
	path := "/data/deckhand.db"
	for _, cause := range []error{
		sqlite3.Error{Code: sqlite3.ErrFull},
		fmt.Errorf("ping: %w", sqlite3.Error{Code: sqlite3.ErrFull, ExtendedCode: sqlite3.ErrNoExtended(13)}),
		&os.PathError{Op: "write", Path: path + "-wal", Err: syscall.ENOSPC},
		sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, // "disk I/O error: no space left on device"
	} {
		err := damaged(path, cause)
		if errors.Is(err, ErrCorrupt) || !errors.Is(err, ErrDiskFull) {
			t.Errorf("damaged(%v) = %v; want ErrDiskFull, not ErrCorrupt", cause, err)
		}
		want := "the disk that holds /data/deckhand.db is full; free some space on it and try again (Deckhand left the file unchanged)"
		if err.Error() != want {
			t.Errorf("damaged(%v) says %q, want %q", cause, err, want)
		}
	}
}

// A write that fails for want of space says the disk is full, whether
// SQLite says "database or disk is full" or passes on the system's errno.
func TestAFailedWriteOnAFullDiskSaysSo(t *testing.T) {
	for _, cause := range []error{
		sqlite3.Error{Code: sqlite3.ErrFull},
		sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC},
	} {
		err := friendlyWriteError(cause)
		if want := "the disk is full; free some space and try again (nothing was changed): "; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("friendlyWriteError(%v) = %q, want it to start %q", cause, err, want)
		}
	}
}
