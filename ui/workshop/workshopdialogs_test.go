package workshop

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	fynestorage "fyne.io/fyne/v2/storage"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// In "Erase personal data", ticking "Erase the notes' texts too" by keys
// (Tab, Space) and pressing Enter on the tick erases, the notes' texts too;
// Esc there cancels and erases nothing.
func TestEnterAndEscOnTheTickOfTheEraseDialog(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	note := &game.Note{TeamID: ws.TeamID, Kind: game.NoteQuote, Text: "Qwertzu secret quote"}
	if err := f.Store.SaveNote(context.Background(), id, note); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	noteText := func() string {
		t.Helper()
		for _, n := range f.Session(ws.Session.Workshop.ID).Notes {
			if n.ID == note.ID {
				return n.Text
			}
		}
		return ""
	}

	ws.eraseWorkshop()
	c.FocusNext()
	uitest.TypeInWindow(c, " ")
	uitest.PressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc on the tick left the dialog up:\n%s", f.DialogText())
	}
	if got := noteText(); got != note.Text {
		t.Fatalf("after Esc the note says %q, want %q", got, note.Text)
	}

	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	ws.eraseWorkshop()
	c.FocusNext()
	uitest.TypeInWindow(c, " ")
	uitest.PressInWindow(c, fyne.KeyReturn)
	ui.Next(t, "the erasure")
	if text := f.DialogText(); !strings.Contains(text, "and 1 note.") {
		t.Fatalf("Enter on the tick did not erase the note; the screen says:\n%s", text)
	}
	if got := noteText(); got == note.Text {
		t.Errorf("after erasing with the notes the note still says %q", got)
	}
}

// A file chosen in the save dialog's list puts its name in the name field
// (Fyne sets its own entry, which the field mirrors), and emptying the
// field disables Save as in Fyne's dialog.
func TestSaveDialogNameFieldFollowsFynesEntry(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	ws.ExportWorkshop()
	name := uitest.SaveNameField(t, c)
	fd, ok := kit.ShownDialogs[c.Overlays().Top()].(*kit.FileDialogKeys)
	if !ok || fd.Name == nil {
		t.Fatalf("the save dialog is not taken for shown with its name entry: %T", kit.ShownDialogs[c.Overlays().Top()])
	}
	if name.Text != fd.Name.Text || name.Text != "Pilot.json" {
		t.Errorf("the field shows %q, Fyne's entry %q; want both the proposed Pilot.json", name.Text, fd.Name.Text)
	}
	fd.Name.SetText("other.json") // what a click on a file in the list does
	if name.Text != "other.json" {
		t.Errorf("after a file was chosen the field shows %q; want other.json", name.Text)
	}
	name.SetText("")
	save := uitest.FindButton(c.Overlays().Top(), "Save")
	if fd.Name.Text != "" || save == nil || !save.Disabled() {
		t.Errorf("an emptied field left Fyne's entry %q and Save enabled", fd.Name.Text)
	}
	top := c.Overlays().Top()
	uitest.PressInWindow(c, fyne.KeyReturn)
	if c.Overlays().Top() != top {
		t.Errorf("Enter with no name did more than nothing: the dialog on top says %q", f.DialogText())
	}
}

// A path typed into the save dialog of a workshop export: to an existing
// folder, to a folder itself, from the home folder (~) it writes there; to
// a missing folder it writes nothing and says why in a sentence.
func TestASaveToATypedPathWritesThereOrSaysWhyNot(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	root := t.TempDir()
	out, home := filepath.Join(root, "out"), filepath.Join(root, "home")
	for _, d := range []string{out, home} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	save := func(typed string) string {
		t.Helper()
		ws.ExportWorkshop()
		uitest.SaveNameField(t, c).SetText(typed)
		f.TapDialogButton("Save")
		exported(t, f, ui)
		return f.DialogText()
	}
	closeTop := func() {
		for c.Overlays().Top() != nil {
			c.Overlays().Remove(c.Overlays().Top())
		}
	}
	for _, want := range []struct{ typed, file string }{
		{filepath.Join(out, "table1.json"), filepath.Join(out, "table1.json")},
		{out, filepath.Join(out, "Pilot.json")},
		{"~/table2.json", filepath.Join(home, "table2.json")},
	} {
		said := save(want.typed)
		b, err := os.ReadFile(want.file)
		if err != nil || !strings.Contains(string(b), `"Pilot"`) {
			t.Errorf("typed %q: %s holds %d bytes (%v); the dialog said %q", want.typed, want.file, len(b), err, said)
		}
		if !strings.Contains(said, "Wrote "+want.file) {
			t.Errorf("typed %q: the dialog said %q; want where it wrote", want.typed, said)
		}
		closeTop()
	}
	missing := filepath.Join(root, "missing", "table.json")
	said := save(missing)
	if !strings.Contains(said, "There is no folder "+filepath.Join(root, "missing")) {
		t.Errorf("typed %q: the dialog said %q; want why nothing was written", missing, said)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Errorf("a save to a missing folder made %s", filepath.Dir(missing))
	}
	closeTop()
}

// A save never goes over the open database, its -wal or its backup folder:
// the dialog says so in one sentence and the database stays byte for byte.
// A read-only file is replaced only after a Yes, and keeps its mode.
func TestASaveRefusesTheDatabaseAndAsksBeforeAReadOnlyFile(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	closeTop := func() {
		for c.Overlays().Top() != nil {
			c.Overlays().Remove(c.Overlays().Top())
		}
	}
	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	save := func(typed string) string {
		t.Helper()
		ws.ExportWorkshop()
		uitest.SaveNameField(t, c).SetText(typed)
		f.TapDialogButton("Save")
		exported(t, f, ui)
		return f.DialogText()
	}
	db := f.Store.Path()
	if _, err := f.Store.Backup(context.Background(), storage.BackupDir(db)); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{db, db + "-wal", filepath.Join(storage.BackupDir(db), "table.json")} {
		said := save(typed)
		if !strings.Contains(said, "choose another") {
			t.Errorf("saving as %s: the dialog said %q; want a refusal saying what to do", typed, said)
		}
		closeTop()
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("the database changed (%d bytes before, %d after)", len(before), len(after))
	}
	if _, err := os.Stat(filepath.Join(storage.BackupDir(db), "table.json")); err == nil {
		t.Error("a save wrote into the backup folder")
	}

	ro := filepath.Join(t.TempDir(), "signed.json")
	if err := os.WriteFile(ro, []byte("signed off"), 0o444); err != nil {
		t.Fatal(err)
	}
	said := save(ro)
	if !strings.Contains(said, "read-only") {
		t.Fatalf("saving over a read-only file: the dialog said %q; want a question", said)
	}
	f.TapDialogButton("No")
	if b, _ := os.ReadFile(ro); string(b) != "signed off" {
		t.Errorf("No replaced the read-only file")
	}
	closeTop()
	save(ro)
	f.TapDialogButton("Yes")
	exported(t, f, ui)
	if b, _ := os.ReadFile(ro); !strings.Contains(string(b), `"Pilot"`) {
		t.Errorf("Yes left the read-only file as it was: %q", b)
	}
	if info, err := os.Stat(ro); err != nil || info.Mode().Perm() != 0o444 {
		t.Errorf("the replaced file's mode = %v, %v; want 0444 kept", info.Mode().Perm(), err)
	}
	closeTop()
}

// Choosing the database in the save dialog's own folder view, and saying
// Yes to its "Overwrite?", must not empty the database: the dialog opens no
// file itself (Fyne's would truncate it before Deckhand sees the path), and
// Deckhand then refuses the path.
func TestTheSaveDialogDoesNotTruncateTheFileItIsGiven(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	db := f.Store.Path()
	fyne.CurrentApp().Preferences().SetString("fyne:fileDialogLastFolder", fynestorage.NewFileURI(filepath.Dir(db)).String())
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	ws.ExportWorkshop()
	uitest.SaveNameField(t, c).SetText(filepath.Base(db))
	f.TapDialogButton("Save")
	if said := f.DialogText(); !strings.Contains(said, "Overwrite") {
		t.Fatalf("the dialog said %q; want Fyne's question whether to overwrite", said)
	}
	f.TapDialogButton("Yes")
	if said := f.DialogText(); !strings.Contains(said, "choose another") {
		t.Errorf("the dialog said %q; want a refusal", said)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("the database changed (%d bytes before, %d after)", len(before), len(after))
	}

	// An ordinary file chosen the same way is written whole.
	other := filepath.Join(filepath.Dir(db), "table.json")
	if err := os.WriteFile(other, []byte("last week's"), 0o600); err != nil {
		t.Fatal(err)
	}
	for c.Overlays().Top() != nil {
		c.Overlays().Remove(c.Overlays().Top())
	}
	ws.ExportWorkshop()
	uitest.SaveNameField(t, c).SetText("table.json")
	f.TapDialogButton("Save")
	f.TapDialogButton("Yes")
	exported(t, f, ui)
	if b, _ := os.ReadFile(other); !strings.Contains(string(b), `"Pilot"`) {
		t.Errorf("table.json holds %q; want the workshop", b)
	}
	if info, err := os.Stat(other); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("table.json's mode = %v, %v; want 0600 kept", info.Mode().Perm(), err)
	}
}

// exported lets an export that a save started finish: the file is written
// off the UI goroutine behind a box, and what is said of it comes back
// through ui. A save refused before anything was written starts none.
func exported(t *testing.T, f *uitest.Fixture, ui uitest.UIQueue) {
	t.Helper()
	if strings.Contains(f.DialogText(), "Writing the workshop file…") {
		ui.Next(t, "the workshop file written")
	}
}
