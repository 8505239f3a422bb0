package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// The database is opened off the UI goroutine: while the opener is held
// the window says what it is doing and a second request opens nothing;
// once it is done the window shows the screens on the database.
func TestStartOpensTheDatabaseOffTheUIGoroutine(t *testing.T) {
	a := test.NewTempApp(t)
	deck, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	hold := make(chan struct{})
	var opens atomic.Int32
	m := &mainSession{app: a, open: func(p string) (*storage.Store, error) {
		opens.Add(1)
		<-hold // the migration that takes seconds
		s, err := storage.Open(p)
		if err == nil {
			_, err = s.SeedDefaultDeck(context.Background(), deck)
		}
		return s, err
	}}
	ui := uitest.NewUIQueue()
	m.toUI = ui.Do
	m.win = m.newWindow()
	t.Cleanup(m.release)

	m.openInto(filepath.Join(t.TempDir(), "deckhand.db"))
	if text := uitest.AllText(m.win.Content()); !strings.Contains(text, "Opening the database…") {
		t.Fatalf("while the database opens the window says:\n%s", text)
	}
	m.openInto(filepath.Join(t.TempDir(), "other.db"))
	close(hold)
	ui.Next(t, "the database opened")
	ui.Idle(t, "a second database opened")
	if n := opens.Load(); n != 1 {
		t.Errorf("the database was opened %d times, want once", n)
	}
	if !showsScreens(m.win.Content()) {
		t.Fatalf("once opened the window shows %T, want the tabs", m.win.Content())
	}
	if text := uitest.AllText(m.win.Content()); !strings.Contains(text, "4K data routines") || strings.Contains(text, "Opening the database…") {
		t.Errorf("once opened the window says:\n%s", text)
	}
	if m.win.MainMenu() == nil {
		t.Error("once opened the window has no menu")
	}
}

// The start error looks through the backups off the UI goroutine, saying
// so where the restore button comes; restoring runs off it too, with the
// buttons that would start another disabled, and a second click restores
// nothing twice.
func TestStartErrorLooksForABackupAndRestoresOffTheUIGoroutine(t *testing.T) {
	a := test.NewTempApp(t)
	path := damagedWithBackup(t)
	var opens atomic.Int32
	var opened []*storage.Store
	m := &mainSession{app: a, open: func(p string) (*storage.Store, error) {
		opens.Add(1)
		s, err := storage.Open(p)
		if err == nil {
			opened = append(opened, s)
		}
		return s, err
	}}
	ui := uitest.NewUIQueue()
	m.toUI = ui.Do
	m.win = m.newWindow()
	t.Cleanup(func() {
		m.release()
		for _, s := range opened {
			s.Close()
		}
	})
	m.openInto(path)
	ui.Next(t, "the database not opened")

	text := uitest.AllText(m.win.Content())
	if !strings.Contains(text, "is damaged") || !strings.Contains(text, "Looking for a sound backup…") || strings.Contains(text, "Restore the backup of") {
		t.Fatalf("while the backups are looked through the start error says:\n%s", text)
	}
	ui.Next(t, "the backups looked through")
	text = uitest.AllText(m.win.Content())
	if strings.Contains(text, "Looking for a sound backup…") {
		t.Errorf("the start error still says it is looking:\n%s", text)
	}
	list, err := storage.Backups(storage.BackupDir(path))
	if err != nil || len(list) != 1 {
		t.Fatalf("Backups = %v, %v", list, err)
	}
	restore := uitest.FindButton(m.win.Content(), "Restore the backup of "+kit.When(list[0].At))
	if restore == nil {
		t.Fatalf("no restore button; the start error says:\n%s", text)
	}
	var labels []string
	uitest.Walk(m.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			labels = append(labels, b.Text)
		}
	})
	if got := strings.Join(labels, "|"); got != "Open another database…|Start a new database…|Restore the backup of "+kit.When(list[0].At)+"|Quit" {
		t.Errorf("the buttons are %s", got)
	}

	test.Tap(restore)
	if text := uitest.AllText(m.win.Content()); !strings.Contains(text, "Restoring the backup…") {
		t.Fatalf("while restoring the start error says:\n%s", text)
	}
	for _, label := range []string{"Open another database…", "Start a new database…", restore.Text} {
		if b := uitest.FindButton(m.win.Content(), label); b == nil || !b.Disabled() {
			t.Errorf("%q is not disabled while restoring", label)
		}
	}
	if b := uitest.FindButton(m.win.Content(), "Quit"); b == nil || b.Disabled() {
		t.Error("Quit is not there to click while restoring")
	}
	test.Tap(restore)
	ui.Next(t, "the backup restored")
	ui.Idle(t, "a second restore")
	if n := opens.Load(); n != 2 { // the damaged file, then the restored one
		t.Errorf("%d databases were opened, want 2", n)
	}
	if !showsScreens(m.win.Content()) {
		t.Fatalf("after the restore the window shows %T, want the tabs", m.win.Content())
	}
	if text := uitest.AllText(m.win.Content()); !strings.Contains(text, "4K data routines") {
		t.Errorf("the restored deck is not listed; the window says:\n%s", text)
	}
}
