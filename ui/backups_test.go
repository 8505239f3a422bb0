package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/message"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// backupSession is the main window on a real database, as Start builds it
// (without the automatic backups, which would race the test), with a deck
// that only a backup holds: "Only in the backup" was cloned, backed up at
// 08:00 UTC on 4 May 2024, and deleted after. What the session does off
// the UI goroutine comes back through ui.
func backupSession(t *testing.T) (m *mainSession, first storage.BackupInfo, ui uitest.UIQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	deck, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	open := func(path string) (*storage.Store, error) {
		s, err := storage.Open(path)
		if err == nil {
			_, err = s.SeedDefaultDeck(context.Background(), deck)
		}
		return s, err
	}
	path := filepath.Join(t.TempDir(), "deckhand.db")
	store, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	ui = uitest.NewUIQueue()
	m = &mainSession{app: a, open: open, toUI: ui.Do}
	m.win = m.newWindow()
	m.build(store, true)
	t.Cleanup(m.release)
	m.win.Resize(fyne.NewSize(1280, 800))

	ctx := context.Background()
	ds, err := store.Decks(ctx)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Decks = %v, %v", ds, err)
	}
	only, err := store.CloneDeck(ctx, ds[0].ID, "Only in the backup", "Acme")
	if err != nil {
		t.Fatal(err)
	}
	store.Now = func() time.Time { return time.Date(2024, 5, 4, 8, 0, 0, 0, time.UTC) }
	if _, err := store.Backup(ctx, storage.BackupDir(path)); err != nil {
		t.Fatal(err)
	}
	if err := store.DeleteDeck(ctx, only.ID); err != nil {
		t.Fatal(err)
	}
	m.view.decks.ReloadDecks("")
	list, err := storage.Backups(storage.BackupDir(path))
	if err != nil || len(list) != 1 {
		t.Fatalf("Backups = %v, %v", list, err)
	}
	return m, list[0], ui
}

// deckNamesIn lists the live decks of the store the session shows now.
func deckNamesIn(t *testing.T, m *mainSession) string {
	t.Helper()
	ds, err := m.store.Decks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range ds {
		names = append(names, d.Name)
	}
	return strings.Join(names, "|")
}

// rowTexts is the text of each row of the backups list.
func rowTexts(v *backupsView) []string {
	var out []string
	for _, row := range v.rows.Objects {
		var texts []string
		uitest.Walk(row, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
		})
		out = append(out, strings.Join(texts, " "))
	}
	return out
}

func TestBackupsListsThemAndRestorePutsTheDataBack(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	before := m.store
	if names := deckNamesIn(t, m); strings.Contains(names, "Only in the backup") {
		t.Fatalf("the deleted deck is still there: %s", names)
	}

	v := m.newBackupsView()
	v.dialog.Show()
	ui.Next(t, "the list of backups")
	if rows := rowTexts(v); len(rows) != 1 || !strings.Contains(rows[0], first.At.Local().Format(backupTimeLayout)) || !strings.Contains(rows[0], " kB") {
		t.Fatalf("rows = %q", rows)
	}
	// Back up now: the newest comes first.
	m.store.Now = func() time.Time { return time.Date(2024, 5, 4, 9, 30, 15, 0, time.UTC) }
	f.TapDialogButton("Back up now")
	ui.Next(t, "the backup")
	rows := rowTexts(v)
	wantNewest := time.Date(2024, 5, 4, 9, 30, 15, 0, time.UTC).Local().Format(backupTimeLayout)
	if len(rows) != 2 || !strings.Contains(rows[0], wantNewest) || !strings.Contains(rows[1], first.At.Local().Format(backupTimeLayout)) {
		t.Fatalf("rows after Back up now = %q, want %s first", rows, wantNewest)
	}

	// Restore the older one, which holds the deck.
	test.Tap(uitest.FindButton(v.rows.Objects[1], "Restore"))
	ask := f.DialogText()
	if !strings.Contains(ask, "Restore the backup of "+kit.When(first.At)+"?") ||
		!strings.Contains(ask, "The current database is backed up first, then the decks, workshops, ratings and notes saved since "+kit.When(first.At)+" are replaced") {
		t.Fatalf("confirmation = %q", ask)
	}
	f.TapDialogButton("Restore")
	ui.Next(t, "the backup checked")
	ui.Next(t, "the backup restored")

	if m.store == before || m.store == nil {
		t.Fatal("the session still shows the store it had before the restore")
	}
	if _, err := before.Decks(context.Background()); err == nil {
		t.Error("the store before the restore is still open")
	}
	if names := deckNamesIn(t, m); !strings.Contains(names, "Only in the backup") {
		t.Errorf("after the restore the database holds %s, want the deck only the backup had", names)
	}
	var shown []string
	for _, d := range m.view.decks.Decks {
		shown = append(shown, d.Name)
	}
	if !strings.Contains(strings.Join(shown, "|"), "Only in the backup") {
		t.Errorf("the Decks screen shows %v", shown)
	}
	if got := f.DialogText(); !strings.Contains(got, "The database is back as it was on "+kit.When(first.At)+".") ||
		!strings.Contains(got, "What it held until now is kept in the backup of ") {
		t.Errorf("after the restore the window says %q", got)
	}
	// The database as it was before is kept: the safety backup is the newest.
	list, err := storage.Backups(storage.BackupDir(m.store.Path()))
	if err != nil || len(list) != 3 {
		t.Fatalf("Backups after the restore = %v, %v", list, err)
	}
	kept := filepath.Join(t.TempDir(), "kept.db")
	if b, err := os.ReadFile(list[0].Path); err != nil || os.WriteFile(kept, b, 0o600) != nil {
		t.Fatal(err)
	}
	k, err := storage.Open(kept)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := k.Decks(context.Background())
	k.Close()
	if err != nil || len(ds) != 1 || ds[0].Name == "Only in the backup" {
		t.Errorf("the safety backup holds %v (%v), want only the default deck", ds, err)
	}
}

// A restore of a damaged backup is refused, and the database and the
// screens stay as they were.
func TestRestoreOfADamagedBackupChangesNothing(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	before, screen := m.store, m.view.decks
	b, err := os.ReadFile(first.Path)
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite the header of every b-tree page after the first.
	pageSize := int(b[16])<<8 | int(b[17])
	for off := pageSize; off < len(b); off += pageSize {
		copy(b[off:off+12], bytes.Repeat([]byte{0xFF}, 12))
	}
	if err := os.WriteFile(first.Path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	m.askRestore(first)
	f.TapDialogButton("Restore")
	ui.Next(t, "the backup checked")
	if m.store != before || m.view.decks != screen {
		t.Error("a refused restore replaced the store or the screens")
	}
	if got := f.DialogText(); !strings.Contains(got, "is damaged and cannot be restored") || !strings.Contains(got, "nothing was changed") {
		t.Errorf("error shown = %q", got)
	}
	if names := deckNamesIn(t, m); strings.Contains(names, "Only in the backup") {
		t.Errorf("database after a refused restore: %s", names)
	}
}

// The check's result names the backup to restore, and its button restores it.
func TestCheckResultRestoresTheBackupItNames(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	newer := storage.BackupInfo{Path: first.Path + ".damaged", At: first.At.Add(time.Hour)}
	m.showCheckProblems(storage.CheckReport{
		Problems: []message.Message{message.Say("the file is damaged: %s", "wrong # of entries in index decks_live_name")},
		Restore:  storage.RestoreChoice{Backup: first, Skipped: []storage.BackupInfo{newer}},
	})
	got := f.DialogText()
	for _, want := range []string{
		"The file is damaged: wrong # of entries in index decks_live_name",
		"Restore the newest sound backup, from " + kit.When(first.At) + ":",
		"Newer backups that are damaged too were skipped: " + kit.When(newer.At) + ".",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("check result lacks %q:\n%s", want, got)
		}
	}
	f.TapDialogButton("Restore this backup")
	f.TapDialogButton("Restore")
	ui.Next(t, "the backup checked")
	ui.Next(t, "the backup restored")
	if names := deckNamesIn(t, m); !strings.Contains(names, "Only in the backup") {
		t.Errorf("after restoring from the check the database holds %s", names)
	}

	// With no sound backup it says so and offers no restore.
	m.showCheckProblems(storage.CheckReport{Problems: []message.Message{message.Say("the file is damaged: %s", "x")}, Restore: storage.RestoreChoice{Skipped: []storage.BackupInfo{newer}}})
	got = f.DialogText()
	if !strings.Contains(got, "Every backup is damaged too ("+kit.When(newer.At)+"), so there is none to restore.") ||
		!strings.Contains(got, "“Export this workshop to a file…”") || uitest.FindButton(m.win.Canvas().Overlays().Top(), "Restore this backup") != nil {
		t.Errorf("check result with no sound backup:\n%s", got)
	}
}
