package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		got, err := savePath(c.typed, c.chosen, home, "Pilot.pdf")
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
