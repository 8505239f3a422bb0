//go:build cgo

// SQLite's own errors (sqlite3.Error) exist only in a cgo build.

package storage

import (
	"errors"
	"fmt"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// The words around an error of SQLite's (the deck or statement a caller
// names, a folder's name) are not what SQLite said: only its result code
// decides which sentence a failed write gets.
func TestAFailedWriteIsReadByItsSQLiteCode(t *testing.T) {
	for _, tc := range []struct {
		cause error
		want  string
	}{
		{
			fmt.Errorf("save deck %q: %w", "readonly database drills", sqlite3.Error{Code: sqlite3.ErrConstraint}),
			`save deck "readonly database drills": constraint failed`,
		},
		{
			fmt.Errorf("rename deck %q: %w", "database is locked", sqlite3.Error{Code: sqlite3.ErrConstraint}),
			`rename deck "database is locked": constraint failed`,
		},
		{
			fmt.Errorf("save deck: %w", sqlite3.Error{Code: sqlite3.ErrReadonly, ExtendedCode: sqlite3.ErrReadonlyDbMoved}),
			"the database file is read-only; check its permissions (nothing was changed): save deck: attempt to write a readonly database",
		},
		{
			fmt.Errorf("save deck: %w", fmt.Errorf("commit: %w", sqlite3.Error{Code: sqlite3.ErrBusy, ExtendedCode: sqlite3.ErrBusySnapshot})),
			"the database is busy in another program; try again (nothing was changed): save deck: commit: database is locked",
		},
	} {
		if got := friendlyWriteError(tc.cause).Error(); got != tc.want {
			t.Errorf("friendlyWriteError(%v) = %q, want %q", tc.cause, got, tc.want)
		}
	}
}

// A damaged file is damaged even when the text around SQLite's error has
// the words of another failure in it; a folder that cannot be written in is
// known by SQLITE_READONLY or SQLITE_CANTOPEN.
func TestARefusedConnectionIsReadByItsSQLiteCode(t *testing.T) {
	path := "/srv/readonly share/deckhand.db"
	for _, cause := range []error{
		fmt.Errorf("open %s: %w", path, sqlite3.Error{Code: sqlite3.ErrNotADB}),
		fmt.Errorf("PRAGMA fullfsync = ON (unable to open database file): %w", sqlite3.Error{Code: sqlite3.ErrCorrupt}),
	} {
		err := connectError(path, cause)
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("connectError(%v) = %q, want ErrCorrupt", cause, err)
		}
	}
	for _, tc := range []struct {
		cause error
		want  string
	}{
		{
			sqlite3.Error{Code: sqlite3.ErrCantOpen, SystemErrno: syscall.EACCES},
			"cannot use /srv/readonly share/deckhand.db: its folder /srv/readonly share must be writable for Deckhand (unable to open database file: permission denied); move the file or change the folder's permissions",
		},
		{
			fmt.Errorf("ping: %w", sqlite3.Error{Code: sqlite3.ErrReadonly, ExtendedCode: sqlite3.ErrReadonlyRecovery}),
			"cannot use /srv/readonly share/deckhand.db: its folder /srv/readonly share must be writable for Deckhand (ping: attempt to write a readonly database); move the file or change the folder's permissions",
		},
	} {
		err := connectError(path, tc.cause)
		if err.Error() != tc.want || errors.Is(err, ErrCorrupt) {
			t.Errorf("connectError(%v) = %q, want %q", tc.cause, err, tc.want)
		}
	}
}

// What is not a full disk is not called one because its context has the
// words SQLite uses for SQLITE_FULL.
func TestOnlyAFullDiskIsCalledFull(t *testing.T) {
	path := "/data/deckhand.db"
	cause := fmt.Errorf("import %q: %w", "database or disk is full.csv", sqlite3.Error{Code: sqlite3.ErrCorrupt})
	if err := damaged(path, cause); errors.Is(err, ErrDiskFull) || !errors.Is(err, ErrCorrupt) {
		t.Errorf("damaged(%v) = %v; want ErrCorrupt, not ErrDiskFull", cause, err)
	}
	if err := friendlyWriteError(cause); err.Error() != cause.Error() {
		t.Errorf("friendlyWriteError(%v) = %q, want it unchanged", cause, err)
	}
}
