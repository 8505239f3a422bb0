package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A new database whose setup fails partway (the disk fills up after the
// first migrations) is removed, with its -wal and -shm: nothing is left
// that a later Open would take for a database, and opening the same name
// again once there is room gives a whole, sound one.
func TestANewDatabaseThatCannotBeSetUpIsRemoved(t *testing.T) {
	for _, failAt := range []int{1, 3, SchemaVersion()} {
		t.Run(fmt.Sprintf("migration %d", failAt), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "new.db")
			full := &os.PathError{Op: "write", Path: path + "-wal", Err: syscall.ENOSPC}
			beforeMigration = func(version int) error {
				if version == failAt {
					return full
				}
				return nil
			}
			t.Cleanup(func() { beforeMigration = nil })
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded although a migration failed")
			}
			if !errors.Is(err, syscall.ENOSPC) {
				t.Errorf("err = %v; want it to wrap the write error", err)
			}
			if names := folderNamesIn(t, dir); len(names) != 0 {
				t.Errorf("the folder holds %q after the failed setup; want nothing", names)
			}
			beforeMigration = nil
			s, err = Open(path)
			if err != nil {
				t.Fatalf("Open once there is room: %v", err)
			}
			defer s.Close()
			var v int
			if err := s.db.QueryRowContext(context.Background(), "PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
				t.Errorf("user_version = %d, %v; want %d", v, err, SchemaVersion())
			}
		})
	}
}

// An empty file that was there before (the save dialog makes one, and Open
// adopts it as a new database) holds nothing: a failed setup removes it
// too, rather than leave a half set-up database under its name.
func TestAFailedSetupRemovesAnAdoptedEmptyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	beforeMigration = func(version int) error {
		if version == 2 {
			return &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
		}
		return nil
	}
	t.Cleanup(func() { beforeMigration = nil })
	if s, err := Open(path); err == nil {
		s.Close()
		t.Fatal("Open succeeded although a migration failed")
	}
	if names := folderNamesIn(t, dir); len(names) != 0 {
		t.Errorf("the folder holds %q after the failed setup; want nothing", names)
	}
}

func folderNamesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
