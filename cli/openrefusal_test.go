package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Two commands of a script that overlap take turns: the second waits for
// the first instead of failing, and only a file held for longer than the
// wait is refused, saying that a window or a command holds it.
func TestCommandsTakeTurnsOnTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, errOut := run(t, db, "decks"); code != ExitOK {
		t.Fatalf("decks: %d %s", code, errOut)
	}

	release := holdLock(t, db)
	time.AfterFunc(300*time.Millisecond, release)
	code, out, errOut := run(t, db, "decks")
	if code != ExitOK || !strings.Contains(out, "4K data routines") {
		t.Errorf("decks while another Deckhand let go after 0.3 s: exit %d, %q, %q", code, out, errOut)
	}

	defer func(w time.Duration) { lockWait = w }(lockWait)
	lockWait = 1200 * time.Millisecond
	release = holdLock(t, db)
	defer release()
	before, _ := os.ReadFile(db)
	code, _, errOut = run(t, db, "decks")
	want := "deckhand: " + db + " is still in use by another Deckhand, a window or a command, after 1 second of waiting; close that window or let the command finish, then try again\n"
	if code != ExitError || errOut != want {
		t.Errorf("decks while another Deckhand holds the file: exit %d, %q; want %q", code, errOut, want)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("the refused command changed the database")
	}
}
