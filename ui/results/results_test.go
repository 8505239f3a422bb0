package results

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/assets"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// newResultsFixture opens the Results screen on the example workshop,
// with the comparison across workshops read.
func newResultsFixture(t *testing.T) (*uitest.Fixture, *Screen) {
	f := uitest.NewFixture(t)
	f.ImportExample()
	file, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	r := newQueued(f.App, f.Win, f.Store)
	f.Win.SetContent(r.Content())
	r.tabs.SelectIndex(len(r.tabs.Items) - 1) // "Across workshops", read when shown
	queues[r].Next(t, "the workshops read for the comparison across them")
	visit(t, r, file.Workshop.ID)
	return f, r
}

// queues are the screens' stand-ins for fyne.Do.
var queues = map[*Screen]uitest.UIQueue{}

// newQueued is New with what the screen hands back to the UI goroutine
// waiting in a queue until visit runs it.
func newQueued(a fyne.App, w fyne.Window, store Store) *Screen {
	r := New(a, w, store)
	q := uitest.NewUIQueue()
	r.toUI, queues[r] = q.Do, q
	return r
}

// visit shows the workshop with id, as going to the screen does, and lets
// the comparison across workshops be read.
func visit(t *testing.T, r *Screen, id string) {
	t.Helper()
	r.Refresh(id)
	queues[r].Next(t, "the workshops read for the comparison across them")
}

func TestResultsScreenShowsTheMatrixAndRanking(t *testing.T) {
	_, r := newResultsFixture(t)
	if r.results == nil || len(r.results.Plays) < 12 {
		t.Fatalf("results = %+v", r.results)
	}
	rated := 0
	for _, p := range r.results.Plays {
		if p.Customer.Rated && p.Organisation.Rated {
			rated++
		}
	}
	if len(r.matrix.Points) != rated || rated == 0 {
		t.Errorf("matrix shows %d points, %d plays are rated on both axes", len(r.matrix.Points), rated)
	}
	// The matrix knows how many people rated, so it draws a spread only for several.
	i := 0
	for _, p := range r.results.Plays {
		if !p.Customer.Rated || !p.Organisation.Rated || i >= len(r.matrix.Points) {
			continue
		}
		if pt := r.matrix.Points[i]; pt.XRaters != p.Organisation.Raters || pt.YRaters != p.Customer.Raters {
			t.Errorf("%s: raters %d/%d on the matrix, %d/%d in the results", p.Play.Code, pt.XRaters, pt.YRaters, p.Organisation.Raters, p.Customer.Raters)
		}
		i++
	}
	if len(r.ranking.Objects) != len(r.results.Plays) {
		t.Errorf("ranking lists %d rows for %d plays", len(r.ranking.Objects), len(r.results.Plays))
	}
	// Choosing a criterion for an axis moves the points to that criterion.
	r.xAxis.SetKey("feasibility")
	for i, pt := range r.matrix.Points {
		if pt.X < r.matrix.Min || pt.X > r.matrix.Max {
			t.Errorf("point %d off the scale: %v", i, pt)
		}
	}
	r.pointChosen(0)
	if !strings.Contains(r.chosen.Text, r.matrix.Points[0].Label) {
		t.Errorf("tapping a point shows %q", r.chosen.Text)
	}
	if len(r.teams.Objects) != 2 || len(r.areas.Objects) != 4 {
		t.Errorf("teams %d, areas %d", len(r.teams.Objects), len(r.areas.Objects))
	}
}

// "Export CSV…" of a Swedish workshop writes ";" between cells, which a
// Swedish or Finnish Excel opens in columns, whatever the interface's
// language: the file is for the client's spreadsheet.
func TestExportCSVOfASwedishWorkshopHasSemicolons(t *testing.T) {
	f, r := newResultsFixture(t)
	if r.session.Workshop.Language != "sv" {
		t.Fatalf("the example workshop is in %q, not Swedish", r.session.Workshop.Language)
	}
	c := f.Win.Canvas()
	path := filepath.Join(t.TempDir(), "results.csv")
	uitest.TapButtonIn(t, f.Win.Content(), "Export CSV…")
	uitest.SaveNameField(t, c).SetText(path)
	f.TapDialogButton("Save")
	queues[r].Next(t, "the export")
	if !strings.Contains(f.DialogText(), path) {
		t.Fatalf("after the export the screen says %q", f.DialogText())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if header := "\uFEFF" + strings.Join(game.ResultsColumns, ";") + "\n"; !bytes.HasPrefix(data, []byte(header)) {
		t.Fatalf("the file starts %.80q, want %q", data, header)
	}
	cells := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	cells.Comma = ';'
	rows, err := cells.ReadAll()
	if err != nil || len(rows) < 40 {
		t.Fatalf("read with \";\": %d rows, %v", len(rows), err)
	}
	if rows[1][0] != r.session.Workshop.Title || rows[1][14] == "" {
		t.Errorf("first row = %q", rows[1])
	}
}

func TestResultsExportAndReport(t *testing.T) {
	_, r := newResultsFixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "results.csv")
	if err := writeExport(path, "csv", r.reportRequest("", false)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	cells := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cells.Comma = ';' // the example workshop is Swedish
	rows, err := cells.ReadAll()
	if err != nil || len(rows) < 40 || rows[0][0] != "workshop" {
		t.Fatalf("CSV: %d rows, %v", len(rows), err)
	}
	report := filepath.Join(dir, "report.pdf")
	if err := r.writeReport(report, r.reportRequest("a4", false)); err != nil {
		t.Fatal(err)
	}
	pdfData, _ := os.ReadFile(report)
	if !bytes.HasPrefix(pdfData, []byte("%PDF-")) || len(pdfData) < 10000 {
		t.Errorf("report is not a real PDF (%d bytes)", len(pdfData))
	}
	if info, err := os.Stat(report); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("a report without names has mode %v, %v; want 0644", info.Mode().Perm(), err)
	}
	// With real names in it, a new report is its owner's alone.
	named := filepath.Join(dir, "report-names.pdf")
	if err := r.writeReport(named, r.reportRequest("a4", true)); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(named); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("a report with real names has mode %v, %v; want 0600", info.Mode().Perm(), err)
	}
	r.compare.client.SetText(r.session.Workshop.Client)
	if len(r.compare.list.Objects) == 0 || r.compare.lines[0] == "Reading the workshops…" {
		t.Error("the comparison across workshops lists no card for the example's client")
	}
	r.compare.client.SetText("No such client")
	if len(r.compare.list.Objects) != 0 {
		t.Error("a client without workshops still lists cards")
	}
}

// TestReportFollowsTheAxesChosenOnScreen writes the report after choosing
// the matrix's axes: its matrix plots them and is titled by them.
func TestReportFollowsTheAxesChosenOnScreen(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils; make test installs it)")
	}
	_, r := newResultsFixture(t)
	r.xAxis.SetKey("feasibility")
	r.yAxis.SetKey("desirability")
	q := r.reportRequest("a4", false)
	// What was chosen when Save was pressed is what the report plots,
	// whatever the screen shows while it is written.
	r.xAxis.SetKey("organisation")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := r.writeReport(path, q); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Önskvärdhet × genomförbarhet", "↑ Önskvärdhet (kundens perspektiv)", "Genomförbarhet (organisationens perspektiv) →"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is missing from the report", want)
		}
	}
}

// saveWithButton taps the button, saves as path in the save dialog and
// checks that the file is written off the UI goroutine, behind a box that
// says so, and that the window then says where it went.
func saveWithButton(t *testing.T, f *uitest.Fixture, r *Screen, button, path string) {
	t.Helper()
	uitest.TapButtonIn(t, r.Content(), button)
	uitest.SaveNameField(t, f.Win.Canvas()).SetText(path)
	f.TapDialogButton("Save")
	if said := f.DialogText(); !strings.Contains(said, "Writing…") {
		t.Errorf("while %s is written the window says %q", path, said)
	}
	queues[r].Next(t, "the file written")
	if said := f.DialogText(); !strings.Contains(said, "Wrote "+path) {
		t.Errorf("after %s is written the window says %q", path, said)
	}
}

// "Export Excel…" beside the other exports saves the workshop's workbook:
// written off the UI goroutine, behind a box that says so, then it says
// where the file went. The workbook's sheets are in the workshop's
// language and its matrix is a chart.
func TestExportExcelWritesTheWorkbook(t *testing.T) {
	f, r := newResultsFixture(t)
	path := filepath.Join(t.TempDir(), "resultat.xlsx")
	saveWithButton(t, f, r, "Export Excel…", path)
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("the export is not an xlsx file: %v", err)
	}
	defer z.Close()
	parts := map[string]string{}
	for _, name := range []string{"xl/workbook.xml", "xl/charts/chart1.xml", "xl/sharedStrings.xml"} {
		data, err := fs.ReadFile(z, name)
		if err != nil {
			t.Fatal(err)
		}
		parts[name] = string(data)
	}
	if book := parts["xl/workbook.xml"]; !strings.Contains(book, `<sheet name="Rangordning"`) || !strings.Contains(book, `<sheet name="Bedömningar"`) {
		t.Errorf("the workbook's sheets are not the Swedish workshop's: %.300s", book)
	}
	if !strings.Contains(parts["xl/charts/chart1.xml"], "scatterChart") {
		t.Error("the workbook has no scatter chart of the matrix")
	}
	if !strings.Contains(parts["xl/sharedStrings.xml"], "<t>Deltagare ") {
		t.Error("the screen's workbook does not number its raters (\"Deltagare 1\"), as its CSV does")
	}
}
