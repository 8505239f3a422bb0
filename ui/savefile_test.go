package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"

	"deckhand/storage"
	"deckhand/ui/kit"
)

func TestSavePathTakesATypedPathOrSaysWhyNot(t *testing.T) {
	root := t.TempDir()
	shown := filepath.Join(root, "shown") // the folder the dialog shows
	out := filepath.Join(root, "out")
	home := filepath.Join(root, "home")
	for _, d := range []string{shown, out, home} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(root, "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	joined := func(typed string) string { return filepath.Join(shown, typed) } // what Fyne makes of it
	for _, c := range []struct {
		typed, chosen, want, why string
	}{
		{"kit.pdf", joined("kit.pdf"), joined("kit.pdf"), ""},
		{filepath.Join(out, "kit.pdf"), joined(filepath.Join(out, "kit.pdf")), filepath.Join(out, "kit.pdf"), ""},
		{out, joined(out), filepath.Join(out, "Pilot.pdf"), ""},
		{out + "/", joined(out), filepath.Join(out, "Pilot.pdf"), ""},
		{"~/kit.pdf", joined("~/kit.pdf"), filepath.Join(home, "kit.pdf"), ""},
		{"~", joined("~"), filepath.Join(home, "Pilot.pdf"), ""},
		{filepath.Join(root, "missing", "kit.pdf"), joined(filepath.Join(root, "missing", "kit.pdf")), "", "There is no folder " + filepath.Join(root, "missing") + ":"},
		{"missing/kit.pdf", joined("missing/kit.pdf"), "", "There is no folder " + joined("missing") + ":"},
		{"missing/kit.pdf", "", "", "There is no folder missing:"},
		{filepath.Join(file, "kit.pdf"), "", "", file + " is a file, not a folder"},
		{"  ", joined(""), "", "Type a file name"},
	} {
		got, err := kit.SavePath(c.typed, c.chosen, home, "Pilot.pdf")
		if c.why == "" {
			if err != nil || got != c.want {
				t.Errorf("savePath(%q) = %q, %v; want %q", c.typed, got, err, c.want)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), c.why) || strings.Count(err.Error(), ". ") > 0 {
			t.Errorf("savePath(%q) = %q, %v; want one sentence starting %q", c.typed, got, err, c.why)
		}
	}
}

// A path typed into the save dialog of a workshop export: to an existing
// folder, to a folder itself, from the home folder (~) it writes there; to
// a missing folder it writes nothing and says why in a sentence.
func TestASaveToATypedPathWritesThereOrSaysWhyNot(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.win.Canvas()
	root := t.TempDir()
	out, home := filepath.Join(root, "out"), filepath.Join(root, "home")
	for _, d := range []string{out, home} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	save := func(typed string) string {
		t.Helper()
		ws.exportWorkshop()
		saveNameField(t, c).SetText(typed)
		f.tapDialogButton("Save")
		return f.dialogText()
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
	c := f.win.Canvas()
	closeTop := func() {
		for c.Overlays().Top() != nil {
			c.Overlays().Remove(c.Overlays().Top())
		}
	}
	save := func(typed string) string {
		t.Helper()
		ws.exportWorkshop()
		saveNameField(t, c).SetText(typed)
		f.tapDialogButton("Save")
		return f.dialogText()
	}
	db := f.store.Path()
	if _, err := f.store.Backup(context.Background(), storage.BackupDir(db)); err != nil {
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
	f.tapDialogButton("No")
	if b, _ := os.ReadFile(ro); string(b) != "signed off" {
		t.Errorf("No replaced the read-only file")
	}
	closeTop()
	save(ro)
	f.tapDialogButton("Yes")
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
	c := f.win.Canvas()
	db := f.store.Path()
	fyne.CurrentApp().Preferences().SetString("fyne:fileDialogLastFolder", fynestorage.NewFileURI(filepath.Dir(db)).String())
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	ws.exportWorkshop()
	saveNameField(t, c).SetText(filepath.Base(db))
	f.tapDialogButton("Save")
	if said := f.dialogText(); !strings.Contains(said, "Overwrite") {
		t.Fatalf("the dialog said %q; want Fyne's question whether to overwrite", said)
	}
	f.tapDialogButton("Yes")
	if said := f.dialogText(); !strings.Contains(said, "choose another") {
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
	ws.exportWorkshop()
	saveNameField(t, c).SetText("table.json")
	f.tapDialogButton("Save")
	f.tapDialogButton("Yes")
	if b, _ := os.ReadFile(other); !strings.Contains(string(b), `"Pilot"`) {
		t.Errorf("table.json holds %q; want the workshop", b)
	}
	if info, err := os.Stat(other); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("table.json's mode = %v, %v; want 0600 kept", info.Mode().Perm(), err)
	}
}
