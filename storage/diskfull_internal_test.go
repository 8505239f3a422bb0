package storage

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// A full disk is not damage: restoring a backup over a sound file would
// lose what was saved since. What SQLite and the system say is full must
// read so, whichever way it comes.
func TestAFullDiskIsNotDamage(t *testing.T) {
	path := "/data/deckhand.db"
	for _, cause := range []error{
		sqlite3.Error{Code: sqlite3.ErrFull},
		fmt.Errorf("ping: %w", sqlite3.Error{Code: sqlite3.ErrFull, ExtendedCode: sqlite3.ErrNoExtended(13)}),
		&os.PathError{Op: "write", Path: path + "-wal", Err: syscall.ENOSPC},
		errors.New("database or disk is full"),
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
