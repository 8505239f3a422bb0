package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"deckhand/storage"
)

func TestCheckFindsNothingOnAFreshDatabase(t *testing.T) {
	t.Parallel()
	s, _ := openTestStore(t)
	report, err := s.Check(context.Background())
	if err != nil || !report.OK || len(report.Problems) != 0 {
		t.Errorf("Check = %+v, %v", report, err)
	}
}

// damageIndex flips the last byte of the one page of the index on deck
// names: the rowid of its only entry. The tree stays well formed, so Open's
// quick check passes; only the full check compares indexes with their
// tables. The test is skipped when Open refuses the file all the same.
func damageIndex(t *testing.T, path string) {
	t.Helper()
	var root int
	db := rawDB(t, path)
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = 'decks_live_name'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	var pageSize int
	db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[root*pageSize-1] ^= 0x40
	writeFile(t, path, b)
}

// openDamaged opens a file damageIndex damaged, or skips the test when
// Open already refuses it.
func openDamaged(t *testing.T, path string) *storage.Store {
	t.Helper()
	s, err := storage.Open(path)
	if errors.Is(err, storage.ErrCorrupt) {
		t.Skipf("Open already refuses the file: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCheckFindsADamagedIndex(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	makeDeckhandFile(t, path, 0)
	damageIndex(t, path)
	s := openDamaged(t, path)
	report, err := s.Check(context.Background())
	if err != nil || report.OK || len(report.Problems) == 0 {
		t.Fatalf("Check = %+v, %v", report, err)
	}
	for _, p := range report.Problems {
		if !strings.HasPrefix(p.String(), "the file is damaged: ") {
			t.Errorf("problem %q", p)
		}
	}
	if report.Restore.Found() || len(report.Restore.Skipped) != 0 || report.Restore.Dir != storage.BackupDir(path) {
		t.Errorf("Restore = %+v, want no backup found in %s", report.Restore, storage.BackupDir(path))
	}
}

// A damaged database's check names the backup to restore: the newest one
// that is sound, past a newer one damaged on the disk and one that holds a
// broken link; and none when every backup is damaged.
func TestCheckNamesTheNewestSoundBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "deckhand.db")
	makeDeckhandFile(t, path, 1)
	s := openStore(t, path)
	ctx := context.Background()
	backupDir := storage.BackupDir(path)
	backupAt := func(hour int) string {
		s.Now = func() time.Time { return time.Date(2026, 5, 4, hour, 0, 0, 0, time.UTC) }
		b, err := s.Backup(ctx, backupDir)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sound, broken, smashed := backupAt(9), backupAt(10), backupAt(11)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	storage.SmashPages(t, smashed)
	// A card whose deck is gone, in the backup of 10:00: quick_check does
	// not see it, but restoring it would not mend a broken link.
	db := rawDB(t, broken)
	if _, err := db.Exec(`UPDATE cards SET deck_id = 'gone' WHERE rowid = (SELECT MIN(rowid) FROM cards)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	damageIndex(t, path)
	damaged := openDamaged(t, path)
	report, err := damaged.Check(ctx)
	if err != nil || report.OK {
		t.Fatalf("Check = %+v, %v", report, err)
	}
	got := report.Restore
	if !got.Found() || got.Backup.Path != sound || !got.Backup.At.Equal(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("Restore.Backup = %+v, want %s", got.Backup, sound)
	}
	if len(got.Skipped) != 2 || got.Skipped[0].Path != smashed || got.Skipped[1].Path != broken {
		t.Errorf("Restore.Skipped = %+v, want the backups of 11:00 and 10:00", got.Skipped)
	}
	// The sound backup is one Restore accepts, with the data it had.
	if err := storage.CheckBackup(ctx, sound); err != nil {
		t.Errorf("CheckBackup(sound) = %v", err)
	}
	if err := storage.CheckBackup(ctx, broken); !errors.Is(err, storage.ErrCorrupt) || !strings.Contains(err.Error(), "refer to missing") {
		t.Errorf("CheckBackup(broken link) = %v", err)
	}
	for _, b := range []string{sound, broken, smashed} {
		if _, err := os.Stat(b + "-wal"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("looking at %s left a -wal file beside it", filepath.Base(b))
		}
	}

	// With the last sound backup damaged too, none is named.
	storage.SmashPages(t, sound)
	report, err = damaged.Check(ctx)
	if err != nil || report.Restore.Found() || len(report.Restore.Skipped) != 3 {
		t.Errorf("Check with no sound backup: Restore = %+v, %v", report.Restore, err)
	}
}

func TestCheckFindsABrokenLink(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	makeDeckhandFile(t, path, 0)
	db := rawDB(t, path) // foreign keys are off: SQLite's default
	var rowid int64
	err := db.QueryRow(`SELECT rowid FROM cards LIMIT 1`).Scan(&rowid)
	if err == nil {
		_, err = db.Exec(`UPDATE cards SET deck_id = 'no-such-deck' WHERE rowid = ?`, rowid)
	}
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openStore(t, path)
	report, err := s.Check(context.Background())
	if err != nil || report.OK || len(report.Problems) != 1 {
		t.Fatalf("Check = %+v, %v", report, err)
	}
	want := "a card refers to a deck that is missing (table cards, row "
	if p := report.Problems[0].String(); !strings.HasPrefix(p, want) || !strings.HasSuffix(p, ")") {
		t.Errorf("problem %q, want it to start %q", p, want)
	}
}
