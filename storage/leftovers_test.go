package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"deckhand/storage"
)

// leftoverNames are the temporary files a killed backup, restore or
// atomic write leaves beside the database or in its backup folder.
var leftoverNames = []string{
	".deckhand-backup-123456789.tmp",
	".deckhand-backup-123456789.tmp-journal",
	".deckhand-backup-42.tmp-wal",
	".deckhand-backup-42.tmp-shm",
	".deckhand.db.987654.tmp",
	".workshop.json.31337.tmp",
	".kit.pdf.7.tmp",
	".results.csv.8.tmp",
}

// strangerNames look like leftovers but are not of Deckhand's making, or
// are files the user keeps: they must stay.
var strangerNames = []string{
	".deckhand-backup-abc.tmp",
	".other.db.55.tmp",
	".notes.txt.5.tmp",
	"deckhand-backup-1.tmp",
	".workshop.json.tmp",
	"workshop.json",
}

func writeLeftovers(t *testing.T, dir string, names []string) {
	t.Helper()
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("pseudonym "+erasedPseudos[0]), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLeftoverCopiesAreRemoved(t *testing.T) {
	ctx := context.Background()
	s, w, _, _ := erasable(t)
	path := s.Path()
	dir, backups := filepath.Dir(path), storage.BackupDir(path)
	if _, err := s.Backup(ctx, backups); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, backups} {
		writeLeftovers(t, d, leftoverNames)
		writeLeftovers(t, d, strangerNames)
	}

	s = openStore(t, path)
	for _, d := range []string{dir, backups} {
		for _, name := range leftoverNames {
			if _, err := os.Stat(filepath.Join(d, name)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("after Open, %s is still in %s (%v)", name, d, err)
			}
		}
		for _, name := range strangerNames {
			if _, err := os.Stat(filepath.Join(d, name)); err != nil {
				t.Errorf("Open removed %s from %s, which Deckhand did not make: %v", name, d, err)
			}
		}
	}

	// Leftovers made while the store is open go before the erasure reports;
	// one that cannot be removed is named in the report.
	writeLeftovers(t, dir, leftoverNames[:1])
	writeLeftovers(t, backups, leftoverNames[5:6])
	stuck := filepath.Join(backups, leftoverNames[5])
	restore := storage.SetRemoveFile(func(name string) error {
		if name == stuck {
			return &os.PathError{Op: "remove", Path: name, Err: os.ErrPermission}
		}
		return os.Remove(name)
	})
	defer restore()
	rep, err := s.EraseWorkshop(ctx, w.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, leftoverNames[0])); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after the erasure, %s is still beside the database (%v)", leftoverNames[0], err)
	}
	if !slices.Equal(rep.LeftoversHolding, []string{stuck}) {
		t.Errorf("the erasure report names the leftovers %q; want the one it could not remove, %q", rep.LeftoversHolding, stuck)
	}
	if slices.Contains(rep.BackupsHolding, stuck) {
		t.Errorf("the leftover %s is named as a backup", stuck)
	}
}
