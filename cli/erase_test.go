package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestEraseWorkshop(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	example := filepath.Join("..", "docs", "example-workshop.json")
	if code, out, errOut := run(t, db, "workshop", "import", example); code != ExitOK {
		t.Fatalf("import example: %d %s %s", code, out, errOut)
	}
	_, out, _ := run(t, db, "workshops", "--json")
	var list []workshopJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("workshops --json = %s (%v)", out, err)
	}
	id := list[0].ID

	code, out, errOut := run(t, db, "erase", "--workshop", id)
	if code != ExitOK || !strings.Contains(out, "erased the personal data of workshop") || !strings.Contains(out, "pseudonyms and roles of 8 participants") ||
		strings.Contains(out, "notes") || !strings.Contains(out, "these backups, made before, still hold the data") {
		t.Errorf("erase: exit %d, %q, %q", code, out, errOut)
	}

	if code, out, errOut := run(t, db, "backup"); code != ExitOK {
		t.Fatalf("backup: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, db, "erase", "--workshop", list[0].Title, "--notes")
	if code != ExitOK || !strings.Contains(out, "the texts of 40 notes") ||
		!strings.Contains(out, "these backups, made before, still hold the data; delete them too, or they will be thinned in time:") ||
		!strings.Contains(out, filepath.Join("d-backups", "deckhand-")) {
		t.Errorf("erase --notes: exit %d, %q, %q", code, out, errOut)
	}

	code, _, errOut = run(t, db, "erase", "--workshop", "no such workshop")
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") || !strings.Contains(errOut, "no such workshop") {
		t.Errorf("erase of an unknown workshop: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, db, "erase"); code != ExitUsage {
		t.Errorf("erase without --workshop: exit %d", code)
	}
}
