package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// "results --lang fi" writes a Swedish workshop's workbook in Finnish:
// its sheets, its headers and the deck's areas.
func TestResultsLangChoosesTheWorkbooksLanguage(t *testing.T) {
	db, id := exampleDB(t)
	for _, all := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "tulokset.xlsx")
		args := []string{"results", "--workshop", id, "--lang", "fi", "-o", path}
		if all {
			args = []string{"results", "--all", "--lang", "fi", "-o", path}
		}
		if code, _, errOut := run(t, db, args...); code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		sheets, texts := workbookParts(t, path)
		if !slices.Contains(sheets, "Arviot") || slices.Contains(sheets, "Bedömningar") {
			t.Errorf("%v: sheets %q, want Finnish ones", args, sheets)
		}
		for _, want := range []string{"Sija", "Pöytä", "Koodi", "Otsikko"} {
			if !strings.Contains(texts, "<t>"+want+"</t>") {
				t.Errorf("%v: the workbook has no header %q", args, want)
			}
		}
		if !all && !slices.Contains(sheets, "Keruu") {
			t.Errorf("%v: the deck's areas are not named in Finnish: %q", args, sheets)
		}
	}
}

// --lang chooses the CSV's separator too, --separator still overriding
// it; it is no language but sv, fi or en, and not for JSON.
func TestResultsLangChoosesTheCSVsSeparator(t *testing.T) {
	clearLocale(t, map[string]string{"LANG": "sv_SE.UTF-8"})
	db, id := exampleDBIn(t, "sv")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "en"}, ","},
		{[]string{"--lang", "fi"}, ";"},
		{[]string{"--lang", "en", "--separator", ";"}, ";"},
		{[]string{"--all", "--lang", "en"}, ","},
	} {
		args := append([]string{"results"}, tt.args...)
		if !slices.Contains(tt.args, "--all") {
			args = append(args, "--workshop", id)
		}
		code, out, errOut := run(t, db, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if !strings.HasPrefix(out, header(tt.want)) {
			t.Errorf("%v: the CSV starts %.60q, want %q between cells", args, out, tt.want)
		}
	}
	for _, args := range [][]string{{"--lang", "de"}, {"--lang", "fi", "--format", "json"}} {
		if code, _, errOut := run(t, db, append([]string{"results", "--workshop", id}, args...)...); code != ExitUsage || !strings.Contains(errOut, "--lang") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
}
