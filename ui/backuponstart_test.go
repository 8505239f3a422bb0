package ui

import (
	"path/filepath"
	"testing"
	"time"

	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// The backup on start waits until the window has had time to draw its
// first screen: a session that ends before then takes none, one that goes
// on takes it then.
func TestTheBackupOnStartWaitsForTheFirstScreen(t *testing.T) {
	store := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "deckhand.db"))
	t.Cleanup(func() { store.Close() })
	dir := storage.BackupDir(store.Path())
	backups := func() int {
		t.Helper()
		list, err := storage.Backups(dir)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}

	stop := make(chan struct{})
	close(stop) // the window closed at once
	keepBackups(nil, store, time.Hour, true, stop)
	if n := backups(); n != 0 {
		t.Fatalf("a session closed before its first screen was drawn took %d backups; want none", n)
	}

	stop = make(chan struct{})
	done := make(chan struct{})
	go func() {
		keepBackups(nil, store, time.Hour, true, stop)
		close(done)
	}()
	for end := time.Now().Add(30 * time.Second); backups() == 0 && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	<-done
	if n := backups(); n != 1 {
		t.Errorf("a session that went on took %d backups on start; want one", n)
	}
}
