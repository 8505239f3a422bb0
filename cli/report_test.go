package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pdfText returns a PDF's text as pdftotext reads it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils; make test installs it)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestReportOfTheExampleWorkshop(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	// The example workshop, with a real name for one participant.
	data, err := os.ReadFile(filepath.Join("..", "docs", "example-workshop.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	file["participants"].([]any)[0].(map[string]any)["real_name"] = "Karin Verkligsson"
	data, _ = json.Marshal(file)
	example := filepath.Join(dir, "example.json")
	if err := os.WriteFile(example, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, db, "workshop", "import", example); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	title := file["workshop"].(map[string]any)["title"].(string)

	pdfFile := filepath.Join(dir, "report.pdf")
	code, out, errOut := run(t, db, "report", "--workshop", title, "-o", pdfFile)
	if code != ExitOK {
		t.Fatalf("report: exit %d: %s %s", code, out, errOut)
	}
	pages := pdfPages(t, pdfFile)
	if n, _ := strconv.Atoi(pages); n <= 3 {
		t.Errorf("the report has %s pages, want more than 3", pages)
	}
	if want := "wrote " + pdfFile + ": " + pages + " pages\n"; out != want {
		t.Errorf("report printed %q, want %q", out, want)
	}
	text := pdfText(t, pdfFile)
	for _, want := range []string{"Workshoprapport", title, "Ekorren", "Gör nu", "sida 1/" + pages} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is missing from the report", want)
		}
	}
	if strings.Contains(text, "Karin Verkligsson") {
		t.Error("a real name is in the report without --names")
	}

	letter := filepath.Join(dir, "letter.pdf")
	if code, out, errOut := run(t, db, "report", "--workshop", title, "-o", letter, "--paper", "letter", "--lang", "en", "--names"); code != ExitOK {
		t.Fatalf("report --names: exit %d: %s %s", code, out, errOut)
	}
	text = pdfText(t, letter)
	for _, want := range []string{"Workshop report", "Do now", "Ekorren – Karin Verkligsson"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is missing from the report with --names in English", want)
		}
	}
}

func TestReportUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	out := filepath.Join(dir, "r.pdf")
	if code, _, _ := run(t, db, "report", "-o", out); code != ExitUsage {
		t.Errorf("no --workshop: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := run(t, db, "report", "--workshop", "x", "-o", out, "--paper", "a3"); code != ExitUsage {
		t.Errorf("--paper a3: exit %d, want %d", code, ExitUsage)
	}
	code, _, errOut := run(t, db, "report", "--workshop", "no such workshop", "-o", out)
	if code != ExitError || !strings.HasPrefix(errOut, "deckhand: ") {
		t.Errorf("unknown workshop: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed report left a file")
	}
	run(t, db, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json"))
	code, _, errOut = run(t, db, "report", "--workshop", "Exempel: Ansvarsfull dataanvändning i kundservice", "-o", out, "--lang", "de")
	if code != ExitError || !strings.Contains(errOut, "sv, fi, en") {
		t.Errorf("--lang de: exit %d, %q", code, errOut)
	}
}

// TestReportTopAndAxes prints the report with three top routines and the
// matrix of two criteria, as the Results screen names them.
func TestReportTopAndAxes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, out, errOut := run(t, db, "workshop", "import", filepath.Join("..", "docs", "example-workshop.json")); code != ExitOK {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	const title = "Exempel: Ansvarsfull dataanvändning i kundservice"
	pages := func(args ...string) (int, string) {
		t.Helper()
		out := filepath.Join(dir, "r.pdf")
		code, stdout, errOut := run(t, db, append([]string{"report", "--workshop", title, "-o", out, "--force"}, args...)...)
		if code != ExitOK {
			t.Fatalf("report %v: exit %d: %s %s", args, code, stdout, errOut)
		}
		n, _ := strconv.Atoi(pdfPages(t, out))
		return n, pdfText(t, out)
	}
	none, _ := pages("--top", "0")
	n, text := pages("--top", "3", "--across", "feasibility", "--up", "desirability")
	if n != none+3 {
		t.Errorf("--top 3: %d pages, %d with --top 0; want 3 more", n, none)
	}
	for _, want := range []string{"Önskvärdhet × genomförbarhet", "↑ Önskvärdhet (kundens perspektiv)", "Genomförbarhet (organisationens perspektiv) →",
		"De högst rankade rutinerna · 3 av 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is missing from the report with --top 3 --across feasibility --up desirability", want)
		}
	}
	if strings.Contains(text, "Kundens perspektiv × organisationens perspektiv") {
		t.Error("the matrix is still titled by the default axes")
	}
	// A criterion's name in another of the deck's languages names it too.
	if _, text := pages("--lang", "fi", "--across", "Toteutettavuus", "--up", "usability"); !strings.Contains(text, "Käytettävyys × toteutettavuus") {
		t.Error("--across Toteutettavuus --up usability: the matrix is not titled Käytettävyys × toteutettavuus")
	}
	n, _ = pages()
	if n != none+5 {
		t.Errorf("the default: %d pages, %d with --top 0; want 5 more", n, none)
	}

	out := filepath.Join(dir, "bad.pdf")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--up", "price"}, `--up "price" is no axis of the workshop's deck; use one of organisation, customer, desirability`},
		{[]string{"--across", ""}, `--across "" is no axis`},
		{[]string{"--top", "-2"}, "--top takes 0 or more routines, not -2"},
	} {
		code, _, errOut := run(t, db, append([]string{"report", "--workshop", title, "-o", out}, c.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, errOut, ExitUsage, c.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused report left a file")
	}
}
