package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// backedUpFirst is the path of the backup a command says it took first.
func backedUpFirst(t *testing.T, out string) string {
	t.Helper()
	path, _, found := strings.Cut(strings.TrimPrefix(out, "backed up the database first: "), "\n")
	if !found || !strings.HasPrefix(out, "backed up the database first: ") {
		t.Fatalf("the command does not name its backup first: %s", out)
	}
	return path
}

// heldBy are the paths listed, one a line, after the line that says the
// backups still hold the data.
func heldBy(out, lead string) []string {
	_, rest, found := strings.Cut(out, lead+"\n")
	if !found {
		return nil
	}
	var paths []string
	for _, line := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		paths = append(paths, strings.TrimPrefix(line, "  "))
	}
	return paths
}

// exampleTitle is the example workshop's.
const exampleTitle = "Exempel: Ansvarsfull dataanvändning i kundservice"

// twoLaptops are the databases of two laptops that hold the example
// workshop: the first imported it, the second merged the first's file,
// and out is what that merge said.
func twoLaptops(t *testing.T) (laptop1, laptop2, out string) {
	t.Helper()
	dir := t.TempDir()
	laptop1, laptop2 = filepath.Join(dir, "one.db"), filepath.Join(dir, "two.db")
	if code, out, errOut := run(t, laptop1, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json")); code != ExitOK {
		t.Fatalf("import example: %d %s %s", code, out, errOut)
	}
	file := filepath.Join(dir, "before.json")
	if code, out, errOut := run(t, laptop1, "workshop", "export", "--workshop", exampleTitle, "-o", file); code != ExitOK {
		t.Fatalf("export: %s %s", out, errOut)
	}
	code, out, errOut := run(t, laptop2, "workshop", "import", file)
	if code != ExitOK {
		t.Fatalf("import on laptop 2: %d %s %s", code, out, errOut)
	}
	return laptop1, laptop2, out
}

const (
	eraseHeld = "these backups, made before, still hold the data; delete them too, or they will be thinned in time:"
	mergeHeld = "the file carried an erasure of the workshop's personal data, now applied here; these backups of this database still hold the data; delete them too:"
)

// erase names the backups that hold the data, not the one taken before the
// workshop was imported, when the database had no workshop yet.
func TestEraseNamesNoBackupMadeBeforeTheWorkshop(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	code, out, errOut := run(t, db, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json"))
	if code != ExitOK {
		t.Fatalf("import example: %d %s %s", code, out, errOut)
	}
	empty := backedUpFirst(t, out)
	code, out, errOut = run(t, db, "erase", "--workshop", "Exempel: Ansvarsfull dataanvändning i kundservice")
	if code != ExitOK {
		t.Fatalf("erase: %d %s %s", code, out, errOut)
	}
	held := heldBy(out, eraseHeld)
	if len(held) != 1 || held[0] == empty || filepath.Dir(held[0]) != filepath.Join(filepath.Dir(db), "d-backups") {
		t.Errorf("erase names the backups %q; want only the one it took first, not %s (made before the workshop came):\n%s", held, empty, out)
	}
}

// An erasure that arrives by merge on laptop 2 names, one a line, laptop 2's
// backups that hold the data: the one the import takes first and the one
// made after the workshop came, not the one made before it came.
func TestWorkshopImportNamesBackupsHoldingDataAnErasureErased(t *testing.T) {
	laptop1, laptop2, out := twoLaptops(t)
	if strings.Contains(out, "still hold") {
		t.Fatalf("import on laptop 2: %s", out)
	}
	empty := backedUpFirst(t, out)
	code, out, errOut := run(t, laptop2, "backup")
	if code != ExitOK {
		t.Fatalf("backup on laptop 2: %s %s", out, errOut)
	}
	afterData, _, _ := strings.Cut(out, "\n")

	if code, out, errOut := run(t, laptop1, "erase", "--workshop", exampleTitle); code != ExitOK {
		t.Fatalf("erase on laptop 1: %s %s", out, errOut)
	}
	after := filepath.Join(filepath.Dir(laptop1), "after.json")
	if code, out, errOut := run(t, laptop1, "workshop", "export", "--workshop", exampleTitle, "-o", after); code != ExitOK {
		t.Fatalf("export after the erasure: %s %s", out, errOut)
	}
	code, out, errOut = run(t, laptop2, "workshop", "import", after)
	if code != ExitOK {
		t.Fatalf("the erasure's import on laptop 2: %d %s %s", code, out, errOut)
	}
	takenFirst := backedUpFirst(t, out)
	if held, want := heldBy(out, mergeHeld), []string{takenFirst, afterData}; !slices.Equal(held, want) {
		t.Errorf("the import names the backups %q; want %q (taken first, and made after the workshop came), not %s (made before it came):\n%s",
			held, want, empty, out)
	}
	if code, out, _ := run(t, laptop2, "workshop", "import", after); code != ExitOK || strings.Contains(out, "still hold") {
		t.Errorf("a second import of the same erasure: %d %s", code, out)
	}
}
