package cli

import (
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// report --chart-only writes the matrix alone as a PNG or an SVG, by the
// file's extension or --format, on the axes asked, in the language asked.
func TestReportChartOnlyWritesThePNGAndTheSVG(t *testing.T) {
	db, id := exampleDB(t)
	dir := t.TempDir()

	pngFile := filepath.Join(dir, "matrix.png")
	code, out, errOut := run(t, db, "report", "--workshop", id, "--chart-only", "-o", pngFile)
	if code != ExitOK {
		t.Fatalf("report --chart-only: exit %d: %s %s", code, out, errOut)
	}
	width, height := pngSize(t, pngFile)
	if width != 1600 || height < 800 || height > 1600 {
		t.Errorf("the PNG is %d × %d; want 1600 wide, about as high", width, height)
	}
	if want := "wrote " + pngFile + ": Kundens perspektiv × organisationens perspektiv (PNG, 1600 × "; !strings.HasPrefix(out, want) {
		t.Errorf("report --chart-only printed %q, want it to start %q", out, want)
	}

	small := filepath.Join(dir, "small.png")
	if code, out, errOut := run(t, db, "report", "--workshop", id, "--chart-only", "-o", small, "--width", "800",
		"--across", "feasibility", "--up", "desirability", "--lang", "fi"); code != ExitOK || !strings.Contains(out, "Toivottavuus × toteutettavuus") {
		t.Fatalf("report --chart-only on two criteria: exit %d: %q %s", code, out, errOut)
	}
	if w, _ := pngSize(t, small); w != 800 {
		t.Errorf("--width 800 wrote a PNG %d wide", w)
	}

	svgFile := filepath.Join(dir, "matrix.svg")
	if code, out, errOut := run(t, db, "report", "--workshop", id, "--chart-only", "-o", svgFile, "--lang", "fi"); code != ExitOK {
		t.Fatalf("report --chart-only -o .svg: exit %d: %s %s", code, out, errOut)
	}
	texts := svgTexts(t, svgFile)
	for _, want := range []string{"Asiakkaan näkökulma × organisaation näkökulma", "Tee nyt", "Pysäköi", "R01", "Bord 2",
		"↑ Asiakkaan näkökulma (Toivottavuus, Käytettävyys)"} {
		if !texts[want] {
			t.Errorf("the SVG has no text %q", want)
		}
	}
	// --format wins over the name.
	named := filepath.Join(dir, "matrix.image")
	if code, _, errOut := run(t, db, "report", "--workshop", id, "--chart-only", "--format", "svg", "-o", named); code != ExitOK || !svgTexts(t, named)["R01"] {
		t.Errorf("--format svg: exit %d %s", code, errOut)
	}
}

// Flags that do not go together are refused before anything is written,
// in one sentence each.
func TestReportChartOnlyRefusesWhatDoesNotGoTogether(t *testing.T) {
	db, id := exampleDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.pdf")}, ExitUsage, "is not a .png or .svg file"},
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.png"), "--format", "gif"}, ExitUsage, `unknown format "gif"`},
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.png"), "--width", "50"}, ExitUsage, "--width must be from 400 to 8000 pixels, not 50"},
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.svg"), "--width", "900"}, ExitUsage, "--width is a PNG's"},
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.png"), "--names"}, ExitUsage, "--names is for the PDF report"},
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.png"), "--top", "3"}, ExitUsage, "--top is for the PDF report"},
		{[]string{"-o", filepath.Join(dir, "m.pdf"), "--width", "900"}, ExitUsage, "--width is for the matrix as a picture; add --chart-only"},
		{[]string{"--chart-only", "-o", filepath.Join(dir, "m.png"), "--up", "cost"}, ExitUsage, `--up "cost" is no axis of the workshop's deck`},
	} {
		code, _, errOut := run(t, db, append([]string{"report", "--workshop", id}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.says) {
			t.Errorf("%v: exit %d %q; want %d saying %q", c.args, code, errOut, c.code, c.says)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused charts left %d files", len(entries))
	}
}

func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s is no PNG: %v", path, err)
	}
	return cfg.Width, cfg.Height
}

// svgTexts parses an SVG as XML and returns its texts: its <title>'s and
// its <text> elements'.
func svgTexts(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := map[string]bool{}
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Fatalf("%s is not XML: %v", path, err)
		}
		if e, ok := tok.(xml.StartElement); ok && (e.Name.Local == "text" || e.Name.Local == "title") {
			var s string
			if err := dec.DecodeElement(&s, &e); err != nil {
				t.Fatal(err)
			}
			texts[s] = true
		}
	}
}
