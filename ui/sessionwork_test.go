package ui

import (
	"strings"
	"testing"
	"time"

	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// overlays is how many boxes the window shows, one on another.
func overlays(m *mainSession) int { return len(m.win.Canvas().Overlays().List()) }

// Back up now runs off the UI goroutine: while it runs a box says so and
// a second click, a check or a restore is ignored; then the list shows
// the new backup first, as it did when the backup ran on the UI goroutine.
func TestBackUpNowRunsOffTheUIGoroutine(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	v := m.newBackupsView()
	v.dialog.Show()
	ui.Next(t, "the list of backups")
	at := time.Date(2024, 5, 4, 9, 30, 15, 0, time.UTC)
	m.store.Now = func() time.Time { return at }

	f.TapDialogButton("Back up now")
	if got := f.DialogText(); !strings.Contains(got, "Backing up…") {
		t.Fatalf("while backing up the window shows %q", got)
	}
	if rows := rowTexts(v); len(rows) != 1 {
		t.Errorf("the list changed before the backup was done: %q", rows)
	}
	shown := overlays(m)
	v.backUpNow() // the button again, under the box
	m.checkDatabase()
	m.askRestore(first)
	m.showBackups()
	if overlays(m) != shown || !strings.Contains(f.DialogText(), "Backing up…") {
		t.Errorf("requests while backing up showed %d boxes, want %d; on top: %q", overlays(m), shown, f.DialogText())
	}
	ui.Next(t, "the backup")
	ui.Idle(t, "a second backup or a check")

	if got := f.DialogText(); !strings.Contains(got, "Deckhand keeps copies of the database in") {
		t.Errorf("after the backup the window shows %q, want the list of backups", got)
	}
	rows := rowTexts(v)
	if len(rows) != 2 || !strings.Contains(rows[0], at.Local().Format(backupTimeLayout)) || !strings.Contains(rows[1], first.At.Local().Format(backupTimeLayout)) {
		t.Errorf("rows after Back up now = %q, want the one of %s first", rows, at)
	}
	if list, err := storage.Backups(storage.BackupDir(m.store.Path())); err != nil || len(list) != 2 {
		t.Errorf("the backup folder holds %d backups (%v), want 2", len(list), err)
	}
	// Done, it can be asked for again.
	m.checkDatabase()
	if !strings.Contains(f.DialogText(), "Checking the database…") {
		t.Errorf("a check after the backup shows %q", f.DialogText())
	}
	ui.Next(t, "the check")
}

// The check runs off the UI goroutine: a box says so meanwhile, asking
// again does not run it twice, and then it says what it found.
func TestCheckRunsOffTheUIGoroutine(t *testing.T) {
	m, _, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	m.checkDatabase()
	if got := f.DialogText(); !strings.Contains(got, "Checking the database…") {
		t.Fatalf("while checking the window shows %q", got)
	}
	shown := overlays(m)
	m.checkDatabase()
	if overlays(m) != shown {
		t.Errorf("a second check showed %d boxes, want %d", overlays(m), shown)
	}
	ui.Next(t, "the check")
	ui.Idle(t, "a second check")
	if got := f.DialogText(); !strings.Contains(got, "The database is sound.") || strings.Contains(got, "Checking") {
		t.Errorf("after the check the window shows %q", got)
	}
	if overlays(m) != 1 {
		t.Errorf("%d boxes are shown after the check, want its result only", overlays(m))
	}
}

// A restore runs off the UI goroutine in two steps, the backup checked
// and then put in place, behind a box that says so. During the copy the
// menu and the Settings window are gone (they act on the store, closed
// then); all along a second restore, a check or the backups list is
// ignored. Then the window shows the restored data and says so, as it did
// when it all ran on the UI goroutine.
func TestRestoreRunsOffTheUIGoroutine(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	before, view := m.store, m.view
	view.showSettings()
	m.askRestore(first)
	f.TapDialogButton("Restore")
	if got := f.DialogText(); !strings.Contains(got, "Restoring the backup…") {
		t.Fatalf("while the backup is checked the window shows %q", got)
	}
	if m.store != before {
		t.Error("the store was closed before the backup was checked")
	}
	shown := overlays(m)
	m.restore(first)
	m.askRestore(first)
	m.checkDatabase()
	if overlays(m) != shown {
		t.Errorf("requests while checking the backup showed %d boxes, want %d", overlays(m), shown)
	}
	ui.Next(t, "the backup checked")

	if got := f.DialogText(); !strings.Contains(got, "Restoring the backup…") {
		t.Fatalf("while the backup is put in place the window shows %q", got)
	}
	if m.store != nil || m.win.MainMenu() != nil || view.settings != nil {
		t.Errorf("while the backup is put in place the session shows the store %v, the menu %v and the Settings window %v", m.store, m.win.MainMenu(), view.settings)
	}
	shown = overlays(m)
	m.restore(first)
	m.showBackups()
	m.checkDatabase()
	if overlays(m) != shown {
		t.Errorf("requests while restoring showed %d boxes, want %d", overlays(m), shown)
	}
	ui.Next(t, "the backup restored")
	ui.Idle(t, "a second restore")

	if got := f.DialogText(); !strings.Contains(got, "The database is back as it was on "+kit.When(first.At)+".") ||
		!strings.Contains(got, "What it held until now is kept in the backup of ") {
		t.Errorf("after the restore the window says %q", got)
	}
	if overlays(m) != 1 {
		t.Errorf("%d boxes are shown after the restore, want its result only", overlays(m))
	}
	if m.store == nil || m.store == before || m.win.MainMenu() == nil {
		t.Fatalf("after the restore the session shows the store %v (before %v) and the menu %v", m.store, before, m.win.MainMenu())
	}
	if names := deckNamesIn(t, m); !strings.Contains(names, "Only in the backup") {
		t.Errorf("after the restore the database holds %s", names)
	}
	// One restore: the backup, and one safety copy of the database it replaced.
	if list, err := storage.Backups(storage.BackupDir(m.store.Path())); err != nil || len(list) != 2 {
		t.Errorf("the backup folder holds %d backups (%v), want 2", len(list), err)
	}
}

// A restore the person stops at the card that cannot be saved ("Keep
// editing") changes nothing and leaves the session free: asked again, it
// runs.
func TestRestoreStoppedForAnUnsavedCardCanBeAskedAgain(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	before := m.store
	m.view.decks.ShowCard(m.view.decks.DeckID(), "R03")
	m.view.decks.Editor.Titles["sv"].SetText("") // cannot be saved
	m.askRestore(first)
	f.TapDialogButton("Restore")
	ui.Next(t, "the backup checked")
	if !strings.Contains(f.DialogText(), "cannot be saved") {
		t.Fatalf("no question about the card; the window shows %q", f.DialogText())
	}
	f.TapDialogButton("Keep editing")
	if m.store != before || m.busy {
		t.Fatalf("after Keep editing the store changed (%v) or the session is still busy (%v)", m.store != before, m.busy)
	}
	m.askRestore(first)
	f.TapDialogButton("Restore")
	ui.Next(t, "the backup checked again")
	f.TapDialogButton("Discard")
	ui.Next(t, "the backup restored")
	if names := deckNamesIn(t, m); !strings.Contains(names, "Only in the backup") {
		t.Errorf("after the restore asked again the database holds %s", names)
	}
}

// File → Backups… reads the backup folder off the UI goroutine (a synced
// folder may fetch each file's details from the network first): the box
// says it is reading, then lists the backups.
func TestBackupsAreListedOffTheUIGoroutine(t *testing.T) {
	m, first, ui := backupSession(t)
	v := m.newBackupsView()
	v.dialog.Show()
	if rows := rowTexts(v); len(rows) != 1 || rows[0] != "Reading the backups…" {
		t.Fatalf("before the folder is read the list shows %q", rows)
	}
	ui.Next(t, "the list of backups")
	if rows := rowTexts(v); len(rows) != 1 || !strings.Contains(rows[0], first.At.Local().Format(backupTimeLayout)) {
		t.Errorf("the list shows %q; want the backup of %s", rows, first.At)
	}
}

// The first reading of the backup folder coming back after Back up now's
// does not put the older list back.
func TestAnOldListingOfTheBackupsIsDropped(t *testing.T) {
	m, first, ui := backupSession(t)
	f := &uitest.Fixture{T: t, Win: m.win}
	v := m.newBackupsView() // its reading waits in the queue
	v.dialog.Show()
	m.store.Now = func() time.Time { return time.Date(2024, 5, 4, 9, 30, 15, 0, time.UTC) }
	f.TapDialogButton("Back up now")
	first1, second := <-ui, <-ui // both done off the UI goroutine, in either order
	second()
	first1()
	rows := rowTexts(v)
	if len(rows) != 2 {
		t.Errorf("after Back up now and the first reading, the list shows %q; want the new backup and %s", rows, first.At)
	}
}
