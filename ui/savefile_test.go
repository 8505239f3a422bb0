package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
