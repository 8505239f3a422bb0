package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWorkshopFilesMoveBetweenLaptops(t *testing.T) {
	dir := t.TempDir()
	laptop1, laptop2 := filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")
	example := filepath.Join("..", "docs", "example-workshop.json")
	// A dry run says what would come and changes nothing.
	code, out, errOut := run(t, laptop1, "workshop", "import", "--dry-run", example)
	if code != ExitOK || !strings.Contains(out, "would import") || !strings.Contains(out, "0 updated, 0 deleted, 0 unchanged (nothing was changed)") {
		t.Fatalf("import --dry-run: %d %s %s", code, out, errOut)
	}
	if _, list, _ := run(t, laptop1, "workshops", "--json"); strings.TrimSpace(list) != "[]" {
		t.Fatalf("after a dry run the database holds workshops: %s", list)
	}
	code, out, errOut = run(t, laptop1, "workshop", "import", example)
	if code != ExitOK || !strings.Contains(out, "added") {
		t.Fatalf("import example: %d %s %s", code, out, errOut)
	}
	_, out, _ = run(t, laptop1, "workshops", "--json")
	var list []workshopJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0].Teams != 2 || list[0].Plays < 12 {
		t.Fatalf("workshops --json = %s (%v)", out, err)
	}
	// Importing the same file again changes nothing, and is backed up
	// first like every merge.
	_, out, _ = run(t, laptop1, "workshop", "import", example)
	if !strings.Contains(out, "0 added, 0 updated, 0 deleted") {
		t.Errorf("second import: %s", out)
	}
	backup, _, found := strings.Cut(strings.TrimPrefix(out, "backed up the database first: "), "\n")
	if !found || !strings.HasPrefix(out, "backed up the database first: ") {
		t.Errorf("second import does not name its backup first: %s", out)
	} else if _, err := os.Stat(backup); err != nil || filepath.Dir(backup) != filepath.Join(dir, "one-backups") {
		t.Errorf("the backup named, %s, is not in one-backups: %v", backup, err)
	}
	// Export from one laptop, import on another: the same workshop.
	file := filepath.Join(dir, "pilot.json")
	if code, out, errOut := run(t, laptop1, "workshop", "export", "--workshop", list[0].ID, "-o", file); code != ExitOK {
		t.Fatalf("export: %s %s", out, errOut)
	}
	if code, _, errOut := run(t, laptop2, "workshop", "import", file); code != ExitOK {
		t.Fatalf("import on laptop 2: %s", errOut)
	}
	_, out2, _ := run(t, laptop2, "workshops", "--json")
	var list2 []workshopJSON
	json.Unmarshal([]byte(out2), &list2)
	if len(list2) != 1 || list2[0].ID != list[0].ID || list2[0].Plays != list[0].Plays {
		t.Errorf("laptop 2 has %+v, laptop 1 %+v", list2, list)
	}
	_, table, _ := run(t, laptop2, "workshops")
	if !strings.Contains(table, list[0].Title) {
		t.Errorf("workshops table lacks the title:\n%s", table)
	}
}

func TestBrokenWorkshopFileChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"format\": \"deckhand.workshop\",\n  \"version\": 1,\n  \"workshop\": {\n"), 0o644)
	code, _, errOut := run(t, db, "workshop", "import", bad)
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") || !strings.Contains(errOut, "bad.json") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	os.WriteFile(bad, []byte(`{"format": "deckhand.workshop", "version": 99}`), 0o644)
	if _, _, errOut := run(t, db, "workshop", "import", bad); !strings.Contains(errOut, "newer version of Deckhand") {
		t.Errorf("newer version: %q", errOut)
	}
	_, out, _ := run(t, db, "workshops", "--json")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("a broken file left a workshop: %s", out)
	}
	if code, _, _ := run(t, db, "workshop", "export", "--workshop", "nope", "-o", filepath.Join(dir, "x.json")); code != ExitError {
		t.Errorf("export of an unknown workshop: exit %d", code)
	}
	if code, _, _ := run(t, db, "workshop"); code != ExitUsage {
		t.Errorf("workshop without a command: exit %d", code)
	}
}
