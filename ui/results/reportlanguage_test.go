package results

import (
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
