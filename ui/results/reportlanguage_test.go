package results

import (
	"archive/zip"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
)

// A report is written in its workshop's language, whatever the
// interface's: with the interface in English, a Finnish workshop's report
// names the quadrants as the Finnish screen does, from the same words.
func TestAFinnishReportNamesTheQuadrantsAsTheFinnishScreen(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	_, r := newResultsFixture(t)
	finnish := r.matrix.Quadrants
	uitest.UseLanguage(t, "en")
	visit(t, r, r.session.Workshop.ID)
	if english := r.matrix.Quadrants; english == finnish {
		t.Fatalf("the screen names the quadrants %q in English and in Finnish", english)
	}
	r.session.Workshop.Language = "fi"
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := r.writeReport(path, r.reportRequest("a4", false)); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	if !strings.Contains(text, "Työpajaraportti") {
		t.Fatalf("the report is not in Finnish:\n%s", text)
	}
	for i, q := range finnish {
		if !strings.Contains(text, q) {
			t.Errorf("the Finnish report does not name the quadrant %q as the Finnish screen does", q)
		}
		if english := r.matrix.Quadrants[i]; strings.Contains(text, english) {
			t.Errorf("the Finnish report names a quadrant in English, %q", english)
		}
	}
}

// The workbook saved from the screen is written in the language the
// report is, the workshop's whatever the interface's, and its matrix
// plots the axes chosen on the screen, as the report's does.
func TestTheWorkbookIsInTheReportsLanguageOnTheScreensAxes(t *testing.T) {
	uitest.UseLanguage(t, "en")
	_, r := newResultsFixture(t)
	visit(t, r, r.session.Workshop.ID)
	r.session.Workshop.Language = "fi"
	r.xAxis.SetKey("feasibility")
	q := r.reportRequest("", false)
	if q.lang != "fi" {
		t.Fatalf("the report would be written in %q", q.lang)
	}
	path := filepath.Join(t.TempDir(), "results.xlsx")
	if err := writeExport(path, "xlsx", q); err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	read := func(name string) string {
		data, err := fs.ReadFile(z, name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if book := read("xl/workbook.xml"); !strings.Contains(book, `name="Arviot"`) {
		t.Errorf("the workbook's sheets are not Finnish:\n%.600s", book)
	}
	if chart := read("xl/charts/chart1.xml"); !strings.Contains(chart, "Asiakkaan näkökulma × toteutettavuus") {
		t.Errorf("the workbook's matrix does not plot the screen's axes in Finnish:\n%.1200s", chart)
	}
}
