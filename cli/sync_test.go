package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Two laptops share the example workshop through a folder with sync
// --once: one line per file and a summary; a second run reads nothing
// again.
func TestSyncOnceSharesAWorkshop(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "Team")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if code, out, errOut := run(t, a, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json")); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	code, out, errOut := run(t, a, "sync", "--folder", folder, "--once", "--name", "Anna's laptop")
	if code != ExitOK || !regexp.MustCompile(`(?m)^wrote workshops/[0-9a-f-]+/[0-9a-f-]+\.json: "`).MatchString(out) ||
		!strings.Contains(out, ": 1 written, 0 merged, 0 left alone, 0 unchanged, 0 conflict copies removed") {
		t.Fatalf("first laptop: %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = run(t, b, "sync", "--folder", folder, "--once")
	if code != ExitOK || !regexp.MustCompile(`(?m)^merged workshops/\S+\.json: ".+": [1-9]\d* added, 0 updated, 0 deleted, 0 unchanged$`).MatchString(out) ||
		!strings.Contains(out, ": 1 written, 1 merged,") {
		t.Fatalf("second laptop: %d\n%s%s", code, out, errOut)
	}
	_, list, _ := run(t, b, "workshops")
	if !strings.Contains(list, "Exempel") {
		t.Fatalf("the second laptop lists no merged workshop:\n%s", list)
	}
	desc, err := filepath.Glob(filepath.Join(folder, "devices", "*.json"))
	if err != nil || len(desc) != 2 {
		t.Fatalf("devices/: %v %v; want both laptops", desc, err)
	}
	found := false
	for _, d := range desc {
		b, _ := os.ReadFile(d)
		found = found || strings.Contains(string(b), `"name": "Anna's laptop"`)
	}
	if !found {
		t.Fatal("no device file names the first laptop as --name said")
	}
}

// A missing folder is one sentence and exit status 1.
func TestSyncRefusesAMissingFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	code, out, errOut := run(t, db, "sync", "--folder", filepath.Join(t.TempDir(), "gone"), "--once")
	if code != ExitError || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "does not exist") {
		t.Fatalf("exit %d, out %q, err %q; want one sentence and status 1", code, out, errOut)
	}
	if code, _, _ := run(t, db, "sync", "--once"); code != ExitUsage {
		t.Fatalf("sync without --folder: exit %d; want %d", code, ExitUsage)
	}
}
