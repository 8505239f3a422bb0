package results

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/chart"
	"deckhand/ui/internal/uitest"
)

// "Chart as image…" saves the matrix as shown as a PNG or an SVG, by the
// name typed in the save dialog, drawn off the UI goroutine and on the
// axes chosen on the screen; a name that is neither is one sentence and
// no file.
func TestChartAsImageWritesTheMatrixAsShown(t *testing.T) {
	f, r := newResultsFixture(t)
	dir := t.TempDir()
	pngPath := filepath.Join(dir, "matrix.png")
	saveWithButton(t, f, r, "Chart as image…", pngPath)
	file, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(file)
	file.Close()
	if err != nil || cfg.Width != chart.DefaultWidth {
		t.Errorf("the chart is %d wide (%v), want a PNG %d wide", cfg.Width, err, chart.DefaultWidth)
	}

	r.xAxis.SetKey("feasibility")
	svgPath := filepath.Join(dir, "matrix.svg")
	saveWithButton(t, f, r, "Chart as image…", svgPath)
	data, err := os.ReadFile(svgPath)
	if err != nil || !strings.Contains(string(data), "<title>Kundens perspektiv × genomförbarhet</title>") {
		t.Errorf("the SVG of the matrix across feasibility starts %.400q, %v", data, err)
	}

	txt := filepath.Join(dir, "matrix.txt")
	uitest.TapButtonIn(t, r.Content(), "Chart as image…")
	uitest.SaveNameField(t, f.Win.Canvas()).SetText(txt)
	f.TapDialogButton("Save")
	queues[r].Next(t, "the chart refused")
	if said := f.DialogText(); !strings.Contains(said, "A chart is saved as .png or .svg, and matrix.txt is neither") {
		t.Errorf("a .txt name is answered %q", said)
	}
	if _, err := os.Stat(txt); err == nil {
		t.Error("a chart was written to a .txt file")
	}
}
