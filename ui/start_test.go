package ui

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// A database that cannot be opened turns the window into the start error:
// the reason and the next steps, here restoring the newest backup, which
// then fills the same window with the screens on the restored file.
func TestStartErrorRestoresTheNewestBackupIntoTheWindow(t *testing.T) {
	a := test.NewTempApp(t)
	path := damagedWithBackup(t)

	var opened []*storage.Store
	m := &mainSession{app: a, backupEvery: time.Hour, open: func(p string) (*storage.Store, error) {
		s, err := storage.Open(p)
		if err == nil {
			opened = append(opened, s)
		}
		return s, err
	}}
	ui := uitest.NewUIQueue()
	m.toUI = ui.Do
	m.win = m.newWindow()
	w := m.win
	t.Cleanup(func() {
		m.release()
		for _, s := range opened {
			s.Close()
		}
	})
	m.openInto(path)
	ui.Next(t, "the database not opened")
	ui.Next(t, "the backups looked through")
	if len(opened) != 0 {
		t.Fatal("a file that is not a database was opened")
	}
	text := uitest.AllText(w.Content())
	for _, want := range []string{"Deckhand cannot open its database", "is damaged", "Open another database…", "Start a new database…", "Restore the backup of", "Quit"} {
		if !strings.Contains(text, want) {
			t.Errorf("the start error lacks %q; it says:\n%s", want, text)
		}
	}

	var restore *widget.Button
	uitest.Walk(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Restore the backup of") {
			restore = b
		}
	})
	if restore == nil {
		t.Fatal("no restore button")
	}
	test.Tap(restore)
	ui.Next(t, "the backup restored")
	if len(opened) != 1 {
		t.Fatalf("after the restore %d stores were opened, want 1; the window says:\n%s", len(opened), uitest.AllText(w.Content()))
	}
	if !showsScreens(w.Content()) {
		t.Fatalf("after the restore the window shows %T, want the tabs", w.Content())
	}
	if text := uitest.AllText(w.Content()); !strings.Contains(text, "4K data routines") {
		t.Errorf("the restored deck is not listed; the window says:\n%s", text)
	}
	// The window takes a backup once it is filled; let it finish before
	// the store closes.
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if b, _ := storage.Backups(storage.BackupDir(path)); len(b) >= 2 {
			return
		}
	}
	t.Error("the window took no backup after it opened the database")
}

// damagedWithBackup is the path of a damaged database holding the default
// deck, with a sound backup of it made an hour before.
func damagedWithBackup(t *testing.T) string {
	t.Helper()
	path := withBackup(t)
	// Damage every page after the first, as a failing disk might.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(data[16:18]))
	for off := pageSize; off < len(data); off += pageSize {
		copy(data[off:off+12], bytes.Repeat([]byte{0xFF}, 12))
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// withBackup is the path of a closed database holding the default deck,
// with a backup of it made an hour before.
func withBackup(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	deck, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.SeedDefaultDeck(context.Background(), deck); err != nil {
		t.Fatal(err)
	}
	store.Now = func() time.Time { return time.Now().Add(-time.Hour) } // its name must not clash with the app's backup
	if _, err := store.Backup(context.Background(), storage.BackupDir(path)); err != nil {
		t.Fatal(err)
	}
	store.Close()
	return path
}

// A file whose damage only the check of its rows finds is opened as the
// window opens it, checked after the open (storage.OpenCheckingLater): the
// screens are shown, then the check refuses the file and the window puts
// the start error in their place, with the backup to restore, and nothing
// was written into the file.
func TestADamagedFileFoundAfterTheScreensAreShownIsRefused(t *testing.T) {
	a := test.NewTempApp(t)
	path := withBackup(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	title := []byte("Cross-functional data forum")
	if !bytes.Contains(data, title) {
		t.Fatal("the card's title is not in the file")
	}
	for at := bytes.Index(data, title); at >= 0; at = bytes.Index(data, title) {
		data[at] = 'K' // one letter, as a bad sector would change it
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	m := &mainSession{app: a, backupEvery: time.Hour, open: func(p string) (*storage.Store, error) {
		return storage.OpenCheckingLater(p)
	}}
	ui := uitest.NewUIQueue()
	m.toUI = ui.Do
	m.win = m.newWindow()
	t.Cleanup(m.release)
	m.openInto(path)
	ui.Next(t, "the database opened")
	// The refusal comes back to the UI goroutine after the screens were
	// made, whenever the check ends: the window showed them first.
	if !showsScreens(m.win.Content()) {
		t.Fatalf("after the open the window shows %T, want the screens", m.win.Content())
	}
	ui.Next(t, "the check's refusal")
	ui.Next(t, "the backups looked through")
	text := uitest.AllText(m.win.Content())
	for _, want := range []string{"Deckhand cannot open its database", "is damaged", "Restore the backup of"} {
		if !strings.Contains(text, want) {
			t.Errorf("after the check the window lacks %q; it says:\n%s", want, text)
		}
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, data) {
		t.Errorf("the damaged file was changed (%v)", err)
	}
}

// The fonts load on a goroutine of their own while the window is made,
// and Fyne's faces must not be measured from two goroutines at once: the
// screens of an opened file come to the UI goroutine only once the fonts
// are loaded.
func TestTheScreensWaitForTheFonts(t *testing.T) {
	a := test.NewTempApp(t)
	path := withBackup(t)
	fonts := make(chan struct{})
	m := &mainSession{app: a, fonts: fonts, open: func(p string) (*storage.Store, error) {
		return storage.OpenCheckingLater(p)
	}}
	ui := uitest.NewUIQueue()
	m.toUI = ui.Do
	m.win = m.newWindow()
	t.Cleanup(m.release)
	m.openInto(path)
	select {
	case fn := <-ui:
		fn()
		t.Fatal("the opened file's screens came to the UI goroutine before the fonts were loaded")
	case <-time.After(200 * time.Millisecond):
	}
	close(fonts)
	ui.Next(t, "the database opened")
	if !showsScreens(m.win.Content()) {
		t.Fatalf("after the fonts the window shows %T, want the screens", m.win.Content())
	}
}
