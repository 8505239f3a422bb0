package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// A restore replaces the file: it is offered for a damaged database only.
// Over a named pipe, another program's database or a file in use it would
// destroy something that is not a damaged Deckhand file, or do nothing.
func TestStartErrorOffersNoRestoreOverWhatIsNotADamagedDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "deckhand.db")
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	store.Now = func() time.Time { return time.Now().Add(-time.Hour) }
	if _, err := store.Backup(t.Context(), storage.BackupDir(path)); err != nil {
		t.Fatal(err)
	}
	store.Close()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("cannot make a named pipe here:", err)
	}

	m := &mainSession{app: a, backupEvery: time.Hour, open: func(p string) (*storage.Store, error) {
		s, err := storage.Open(p)
		if err == nil {
			s.Close()
			t.Error("the named pipe was opened as a database")
		}
		return nil, err
	}}
	ui := uitest.NewUIQueue()
	m.toUI = ui.Do
	m.win = m.newWindow()
	t.Cleanup(m.release)
	m.openInto(path)
	ui.Next(t, "the database not opened")
	text := uitest.AllText(m.win.Content())
	if !strings.Contains(text, path+" is not a regular file (it is a device, a pipe or a socket), so it cannot be a Deckhand database; choose a database file") {
		t.Errorf("the start error does not say the file is not a regular file; it says:\n%s", text)
	}
	if strings.Contains(text, "Looking for a sound backup") {
		t.Errorf("the start error looks for a backup to restore over a named pipe:\n%s", text)
	}
	uitest.Walk(m.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Restore") {
			t.Errorf("the start error offers %q over a named pipe", b.Text)
		}
	})
	if info, err := os.Lstat(path); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe is no longer there: %v, %v", info, err)
	}
}
