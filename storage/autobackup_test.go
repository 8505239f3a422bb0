package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"deckhand/storage"
)

// Opening a database of an earlier schema keeps a verified copy of it as
// it was, before the migration changes anything.
func TestMigrationTakesABackupFirst(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, filepath.Join("testdata", "schema-1.db"), path)
	s := openStore(t, path)
	list, err := storage.Backups(storage.BackupDir(path))
	if err != nil || len(list) != 1 {
		t.Fatalf("backups after migrating = %v, %v; want one", list, err)
	}
	old := rawDB(t, list[0].Path)
	defer old.Close()
	if v := queryInt(t, old, "PRAGMA user_version"); v != 1 {
		t.Errorf("the backup is at schema %d, want the schema before migrating (1)", v)
	}
	// AutoBackup adds a checked copy of the current database.
	path2, err := s.AutoBackup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path2); err != nil {
		t.Errorf("AutoBackup wrote no file: %v", err)
	}
	if list, _ := storage.Backups(storage.BackupDir(path)); len(list) != 2 {
		t.Errorf("backups = %d, want 2", len(list))
	}
}
