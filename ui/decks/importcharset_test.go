package decks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
)

// Importing a CSV file Excel saved as plain "CSV" (Windows-1252) shows
// the cards with their ä and ö and says, in the interface language, that
// the file was read as Windows-1252 and what to check.
func TestImportOfAWindows1252CSVSaysHowItWasRead(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	f := newFixture(t)
	s := f.screen
	path := filepath.Join(t.TempDir(), "excel.csv")
	if err := os.WriteFile(path, []byte("code;type;title_sv;title_fi\r\nR01;routine;Gr\xe4ns;Ty\xf6\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := s.readDeckFile(path, s.template)
	s.askImport(path, d, err)
	said := f.dialogText()
	if !strings.Contains(said, "Rivi 2 ei ole UTF-8-tekstiä, joten tiedosto luettiin Windows-1252-merkistönä") {
		t.Errorf("the import dialog says %q; want the note in Finnish", said)
	}
	f.tapDialogButton("Tuo")
	found := false
	for _, sum := range f.decks() {
		if sum.Name == "excel" {
			found = true
			if got := f.stored(sum.ID).Cards[0].Title["fi"]; got != "Työ" {
				t.Errorf("the imported card's Finnish title is %q, want Työ", got)
			}
		}
	}
	if !found {
		t.Errorf("no deck excel after the import: %v", f.decks())
	}
}
