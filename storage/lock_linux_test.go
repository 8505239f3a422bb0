//go:build linux

package storage_test

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"deckhand/storage"
)

// SQLite keeps POSIX (fcntl) locks on the database file, and closing any
// descriptor of that file in the process drops them all. A refused second
// Open must not do that: with the locks gone, another program (a backup
// tool, the sqlite3 shell) takes the file for unused and may checkpoint and
// delete the -wal file under the open store.
func TestRefusedSecondOpenKeepsSQLiteLocks(t *testing.T) {
	first, _ := openTestStore(t)
	path := first.Path()
	if _, err := os.Stat("/proc/locks"); err != nil {
		t.Skip("no /proc/locks to read the locks from")
	}
	before := posixLocks(t, path)
	if before == 0 {
		t.Skip("SQLite holds no POSIX lock on the idle file here")
	}
	if s, err := storage.Open(path); err == nil {
		s.Close()
		t.Fatal("a second Open of an open file succeeded")
	}
	if after := posixLocks(t, path); after != before {
		t.Errorf("SQLite's POSIX locks on the file: %d before the refused Open, %d after", before, after)
	}
}

// posixLocks counts this process's POSIX locks on the file, from /proc/locks.
func posixLocks(t *testing.T, path string) int {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	ino := info.Sys().(*syscall.Stat_t).Ino
	b, err := os.ReadFile("/proc/locks")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		// "1: POSIX  ADVISORY  READ 1234 fe:00:9979157 128 128"
		if len(f) >= 6 && f[1] == "POSIX" && f[4] == fmt.Sprint(os.Getpid()) && strings.HasSuffix(f[5], fmt.Sprintf(":%d", ino)) {
			n++
		}
	}
	return n
}
