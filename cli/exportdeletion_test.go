package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/storage"
)

// A deleted workshop's deletion is exported by its id, as a file holding
// the tombstone and none of the workshop's people or notes; its title no
// longer finds it.
func TestTheDeletionOfAWorkshopIsExportedByItsID(t *testing.T) {
	laptop1, _, _ := twoLaptops(t)
	s, err := storage.Open(laptop1)
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.FindWorkshop(context.Background(), exampleTitle)
	if err == nil {
		err = s.DeleteWorkshop(context.Background(), w.ID)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "deletion.json")
	code, out, errOut := run(t, laptop1, "workshop", "export", "--workshop", w.ID, "-o", file)
	if code != ExitOK || !strings.Contains(out, "the deletion of \""+exampleTitle+"\"") {
		t.Fatalf("export of the deleted workshop: %d %q %q", code, out, errOut)
	}
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), `"deleted": true`) || strings.Contains(string(b), `"notes": [{`) || strings.Contains(string(b), "pseudonym") {
		t.Errorf("the deletion file holds more than the tombstone (%v):\n%.600s", err, b)
	}
	if code, _, errOut := run(t, laptop1, "workshop", "export", "--workshop", exampleTitle, "-o", file, "--force"); code == ExitOK || !strings.Contains(errOut, "there is no workshop titled") {
		t.Errorf("the title of a deleted workshop still exports: %d %q", code, errOut)
	}
}
