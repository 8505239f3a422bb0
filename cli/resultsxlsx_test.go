package cli

import (
	"archive/zip"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// workbookParts reads the sheet names of an xlsx file and its shared
// strings (the texts of its cells), from the zip itself.
func workbookParts(t *testing.T, path string) (sheets []string, texts string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not an xlsx file: %v", path, err)
	}
	defer z.Close()
	read := func(name string) string {
		data, err := fs.ReadFile(z, name)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return string(data)
	}
	for _, m := range regexp.MustCompile(`<sheet name="([^"]*)"`).FindAllStringSubmatch(read("xl/workbook.xml"), -1) {
		sheets = append(sheets, m[1])
	}
	return sheets, read("xl/sharedStrings.xml")
}

// "results -o FILE.xlsx" writes the workshop's workbook, chosen by the
// file's extension: its sheets in the workshop's language, the raters by
// pseudonym as in the CSV, never a real name.
func TestResultsWorkbookOfTheExampleWorkshop(t *testing.T) {
	db, id := exampleDB(t)
	path := filepath.Join(t.TempDir(), "resultat.xlsx")
	code, out, errOut := run(t, db, "results", "--workshop", id, "-o", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "wrote "+path+": 1 workshop, 14 cards played, 58 ratings") {
		t.Errorf("said %q", out)
	}
	sheets, texts := workbookParts(t, path)
	if want := []string{"Rangordning", "Matris", "Insamling", "Användning", "Kommunikation", "Utveckling", "Bord 1", "Bord 2", "Anteckningar", "Bedömningar"}; !slices.Equal(sheets, want) {
		t.Errorf("sheets %q, want %q", sheets, want)
	}
	if !strings.Contains(texts, "Älgen") || strings.Contains(texts, "Greta Gustafsson") {
		t.Error("the workbook does not name raters by pseudonym, or names a real name")
	}
}

// "results --all --format xlsx" writes one workbook of every workshop,
// notes included; a workbook is never written to the terminal.
func TestResultsAllAsAWorkbook(t *testing.T) {
	db, _ := exampleDB(t)
	path := filepath.Join(t.TempDir(), "alla")
	code, out, errOut := run(t, db, "results", "--all", "--format", "xlsx", "-o", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "1 workshop, 14 cards played, 58 ratings") {
		t.Errorf("said %q", out)
	}
	sheets, texts := workbookParts(t, path)
	if !slices.Equal(sheets, []string{"Rangordning", "Anteckningar", "Bedömningar"}) {
		t.Errorf("sheets %q", sheets)
	}
	if !strings.Contains(texts, "Båda utvecklingsvägarna följs upp") {
		t.Error("the notes are not in the workbook of all workshops")
	}

	code, out, errOut = run(t, db, "results", "--all", "--format", "xlsx")
	if code != ExitUsage || !strings.Contains(errOut, "-o FILE.xlsx") || out != "" {
		t.Errorf("a workbook to the terminal: exit %d, %q, %q", code, out, errOut)
	}
	code, _, errOut = run(t, db, "results", "--all", "--format", "ods", "-o", path)
	if code != ExitUsage || !strings.Contains(errOut, "csv, json or xlsx") {
		t.Errorf("--format ods: exit %d, %q", code, errOut)
	}
}
