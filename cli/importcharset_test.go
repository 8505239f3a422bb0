package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A CSV file Excel saved as plain "CSV" (Windows-1252) is imported, its
// ä and ö right, and the command says on standard error that it was read
// so, and what to check.
func TestImportReadsAWindows1252CSVAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	csv := filepath.Join(dir, "excel.csv")
	if err := os.WriteFile(csv, []byte("code;type;title_sv;title_fi\r\nR01;routine;Gr\xe4ns;Ty\xf6\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, db, "import", csv, "--name", "Excel deck")
	if code != ExitOK {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "deckhand: note: excel.csv: line 2 is not UTF-8 text, so the file was read as Windows-1252") {
		t.Errorf("standard error = %q, want the note on Windows-1252", errOut)
	}
	_, out, _ = run(t, db, "cards", "--deck", "Excel deck", "--lang", "sv")
	if !strings.Contains(out, "Gräns") {
		t.Errorf("the imported card reads %q; want Gräns", out)
	}
}

// A count of one is said in the singular: "with 1 card", not "1 cards".
func TestOneCardIsSaidInTheSingular(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	csv := filepath.Join(dir, "one.csv")
	if err := os.WriteFile(csv, []byte("code;type;title_sv\nR01;routine;Titel\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, db, "import", csv, "--name", "One")
	if code != ExitOK || !strings.Contains(out, `imported deck "One" with 1 card (id `) {
		t.Errorf("import: %d %q %q", code, out, errOut)
	}
	_, out, errOut = run(t, db, "export", "--deck", "One", "-o", filepath.Join(dir, "out.csv"))
	if !strings.Contains(out, "(1 card)") {
		t.Errorf("export says %q %q; want (1 card)", out, errOut)
	}
}
