package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
)

// These tests are internal: thinPlan is not exported, and a backup of a
// damaged database needs a Store on a file Open would refuse.

// seededFile makes a closed Deckhand database at path holding the default
// deck and copies more decks, and returns their names.
func seededFile(t *testing.T, path string, copies int) []string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedDefaultDeck(ctx, d); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Decks(ctx)
	if err != nil || len(ds) == 0 {
		t.Fatalf("Decks = %v, %v", ds, err)
	}
	for i := range copies {
		if _, err := s.CloneDeck(ctx, ds[0].ID, "Copy "+string(rune('A'+i)), "Client"); err != nil {
			t.Fatal(err)
		}
	}
	return deckNames(t, s)
}

func deckNames(t *testing.T, s *Store) []string {
	t.Helper()
	ds, err := s.Decks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range ds {
		names = append(names, d.Name)
	}
	return names
}

// namesIn opens the database at path with Open and lists its decks.
func namesIn(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer s.Close()
	return deckNames(t, s)
}

// smashPages overwrites the header of every b-tree page after the first.
func smashPages(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	for off := pageSize; off < len(b); off += pageSize {
		copy(b[off:off+12], bytes.Repeat([]byte{0xFF}, 12))
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBackupIsCheckedAndHoldsTheData(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deckhand.db")
	want := seededFile(t, path, 2)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return time.Date(2026, 5, 4, 13, 2, 3, 0, time.FixedZone("EEST", 3*3600)) }

	backupDir := BackupDir(path)
	if backupDir != filepath.Join(dir, "deckhand-backups") {
		t.Errorf("BackupDir = %s", backupDir)
	}
	got, err := s.Backup(context.Background(), backupDir)
	if err != nil {
		t.Fatal(err)
	}
	if got != filepath.Join(backupDir, "deckhand-20260504-100203.db") {
		t.Errorf("Backup wrote %s, want the UTC time in the name", got)
	}
	if info, err := os.Stat(backupDir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("backup folder: %v, %v", info, err)
	}
	db, err := sql.Open(driverName, "file:"+got+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	if err := quickCheck(context.Background(), db); err != nil {
		t.Errorf("quick_check of the backup: %v", err)
	}
	db.Close()
	if names := namesIn(t, got); strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("backup holds %v, want %v", names, want)
	}

	// A second backup in the same second gets a name of its own.
	second, err := s.Backup(context.Background(), backupDir)
	if err != nil || filepath.Base(second) != "deckhand-20260504-100203-2.db" {
		t.Errorf("second Backup = %s, %v", second, err)
	}
	list, err := Backups(backupDir)
	if err != nil || len(list) != 2 || list[0].Path != second || list[1].Path != got || list[0].Size == 0 {
		t.Errorf("Backups = %+v, %v", list, err)
	}
	if !list[1].At.Equal(time.Date(2026, 5, 4, 10, 2, 3, 0, time.UTC)) {
		t.Errorf("At = %v", list[1].At)
	}
	entries, _ := os.ReadDir(backupDir)
	if len(entries) != 2 {
		t.Errorf("the backup folder holds %d files, want the 2 backups and no temporary file", len(entries))
	}

	// BackupTo writes a named file, but never over the database itself.
	out := filepath.Join(dir, "copy.db")
	if err := s.BackupTo(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if names := namesIn(t, out); len(names) != len(want) {
		t.Errorf("BackupTo file holds %v", names)
	}
	if err := s.BackupTo(context.Background(), path); err == nil {
		t.Error("BackupTo the database itself succeeded")
	}
}

func TestBackupOfADamagedDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deckhand.db")
	seededFile(t, path, 3)
	smashPages(t, path)
	// Open refuses this file; a Store on it stands for one damaged while open.
	db, err := sql.Open(driverName, dsn(path, "rw"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, Now: time.Now}
	defer db.Close()
	backupDir := BackupDir(path)
	got, err := s.Backup(context.Background(), backupDir)
	if err == nil || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "not backed up") {
		t.Fatalf("Backup of a damaged database = %q, %v", got, err)
	}
	if entries, _ := os.ReadDir(backupDir); len(entries) != 0 {
		t.Errorf("a refused backup left %d files", len(entries))
	}
	report, err := s.Check(context.Background())
	if err != nil || report.OK || len(report.Problems) == 0 || !strings.HasPrefix(report.Problems[0].String(), "the file is damaged: ") {
		t.Errorf("Check = %+v, %v", report, err)
	}
}

func TestThinPlan(t *testing.T) {
	now := time.Date(2026, 3, 18, 12, 0, 0, 0, time.UTC) // a Wednesday
	at := func(daysAgo, hour int) time.Time { return time.Date(2026, 3, 18-daysAgo, hour, 0, 0, 0, time.UTC) }
	type b struct {
		daysAgo, hour int
		keep          bool
	}
	tests := []struct {
		name    string
		backups []b // newest first
	}{
		{"none", nil},
		{"ten or fewer are all kept", []b{{0, 11, true}, {3, 9, true}, {60, 9, true}}},
		{"newest ten, then one per day", []b{
			{0, 11, true}, {0, 10, true}, {0, 9, true}, {0, 8, true}, {0, 7, true},
			{0, 6, true}, {0, 5, true}, {0, 4, true}, {0, 3, true}, {0, 2, true},
			{0, 1, false}, // today already has a kept backup
			{1, 20, true}, {1, 10, false},
			{2, 9, true},
			{6, 23, true}, {6, 1, false},
		}},
		{"then one per week for five weeks", []b{
			{0, 11, true}, {0, 10, true}, {0, 9, true}, {0, 8, true}, {0, 7, true},
			{0, 6, true}, {0, 5, true}, {0, 4, true}, {0, 3, true}, {0, 2, true},
			{5, 9, true},   // Fri 13 March: a day of the last seven, and so its week's (9-15 March)
			{7, 9, false},  // Wed 11 March: past the days; its week already has the 13th
			{8, 9, false},  // Tue 10 March: the same week
			{10, 9, true},  // Sun 8 March: the week of 2-8 March
			{12, 9, false}, // Fri 6 March: the same week
			{16, 9, false}, // Mon 2 March: the same week
			{17, 9, true},  // Sun 1 March: the week of 23 February
			{24, 9, true},  // Sun 22 February: the week of 16 February, the fifth
			{31, 9, false}, // Sun 15 February: the sixth week back
			{90, 9, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var list, wantKeep, wantDrop []BackupInfo
			for i, x := range tt.backups {
				info := BackupInfo{Path: string(rune('a' + i)), At: at(x.daysAgo, x.hour)}
				list = append(list, info)
				if x.keep {
					wantKeep = append(wantKeep, info)
				} else {
					wantDrop = append(wantDrop, info)
				}
			}
			keep, drop := thinPlan(list, now)
			if paths(keep) != paths(wantKeep) || paths(drop) != paths(wantDrop) {
				t.Errorf("keep %s drop %s; want keep %s drop %s", paths(keep), paths(drop), paths(wantKeep), paths(wantDrop))
			}
		})
	}
}

func paths(list []BackupInfo) string {
	var s []string
	for _, b := range list {
		s = append(s, b.Path+"@"+b.At.Format("01-02T15"))
	}
	return strings.Join(s, " ")
}

func TestThinDeletesWhatThePlanDrops(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 3, 18, 12, 0, 0, 0, time.UTC)
	for i := range 12 {
		name := "deckhand-" + now.Add(-time.Duration(i)*time.Minute).Format(backupTimeLayout) + ".db"
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600)
	deleted, err := Thin(dir, now)
	if err != nil || len(deleted) != 2 || filepath.Base(deleted[0]) != "deckhand-20260318-115000.db" || filepath.Base(deleted[1]) != "deckhand-20260318-114900.db" {
		t.Fatalf("Thin = %v, %v", deleted, err)
	}
	list, _ := Backups(dir)
	if len(list) != 10 {
		t.Errorf("%d backups left", len(list))
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Errorf("Thin touched another file: %v", err)
	}
}

func TestRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deckhand.db")
	before := seededFile(t, path, 1)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(context.Background(), BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloneDeck(context.Background(), deckID(t, s), "After the backup", ""); err != nil {
		t.Fatal(err)
	}
	after := deckNames(t, s)

	// Refused while the database is open.
	if err := Restore(backup, path); !errors.Is(err, ErrLocked) {
		t.Errorf("Restore while open = %v, want ErrLocked", err)
	}
	s.Close()
	current := fileBytes(t, path)

	// Refused backups change nothing.
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("code,title\nR01,hello\n"), 0o600)
	damagedBackup := filepath.Join(dir, "damaged.db")
	os.WriteFile(damagedBackup, fileBytes(t, backup), 0o600)
	smashPages(t, damagedBackup)
	newer := filepath.Join(dir, "newer.db")
	b := fileBytes(t, backup)
	binary.BigEndian.PutUint32(b[60:64], uint32(SchemaVersion()+1))
	os.WriteFile(newer, b, 0o600)
	for _, tt := range []struct {
		path  string
		kind  error
		words string
	}{
		{text, ErrNotDatabase, "not a Deckhand backup"},
		{damagedBackup, ErrCorrupt, "damaged"},
		{newer, ErrNewerSchema, "newer version"},
		{filepath.Join(dir, "missing.db"), os.ErrNotExist, "cannot read"},
	} {
		err := Restore(tt.path, path)
		if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.words) {
			t.Errorf("Restore(%s) = %v, want %v saying %q", filepath.Base(tt.path), err, tt.kind, tt.words)
		}
		if !bytes.Equal(fileBytes(t, path), current) {
			t.Fatalf("Restore(%s) changed the database", filepath.Base(tt.path))
		}
		if list, _ := Backups(BackupDir(path)); len(list) != 1 {
			t.Errorf("Restore(%s) left %d backups, want only the first", filepath.Base(tt.path), len(list))
		}
	}

	// A stale log of the old database must not survive.
	os.WriteFile(path+"-shm", []byte("stale"), 0o600)
	safety, err := RestoreFile(backup, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-shm"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old -shm file is still there (%v)", err)
	}
	if !bytes.Equal(fileBytes(t, path), fileBytes(t, backup)) {
		t.Error("the restored database is not a copy of the backup")
	}
	if got := namesIn(t, path); strings.Join(got, "|") != strings.Join(before, "|") {
		t.Errorf("after Restore: %v, want %v", got, before)
	}
	if filepath.Dir(safety) != BackupDir(path) {
		t.Errorf("safety backup %q is not beside the others", safety)
	}
	if got := namesIn(t, safety); strings.Join(got, "|") != strings.Join(after, "|") {
		t.Errorf("safety backup holds %v, want %v", got, after)
	}
	if list, _ := Backups(BackupDir(path)); len(list) != 2 {
		t.Errorf("%d backups after the restore, want the first and the safety backup", len(list))
	}

	// A file that is not Deckhand's is not replaced.
	other := filepath.Join(dir, "other.db")
	os.WriteFile(other, []byte("not a database at all, but somebody's"), 0o600)
	if err := Restore(backup, other); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("Restore over a text file = %v", err)
	}
	// A missing database is simply made.
	fresh := filepath.Join(dir, "fresh.db")
	if safety, err := RestoreFile(backup, fresh); err != nil || safety != "" {
		t.Errorf("RestoreFile to a new file = %q, %v", safety, err)
	}
	if got := namesIn(t, fresh); len(got) != len(before) {
		t.Errorf("fresh restore holds %v", got)
	}
}

func deckID(t *testing.T, s *Store) string {
	t.Helper()
	ds, err := s.Decks(context.Background())
	if err != nil || len(ds) == 0 {
		t.Fatal(err)
	}
	return ds[0].ID
}
