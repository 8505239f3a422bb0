//go:build unix

package workbook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"deckhand/game"
)

// officeTimeout bounds a conversion, which takes seconds; a LibreOffice
// that hangs fails the test instead of make test.
const officeTimeout = 90 * time.Second

// The workbook opens in LibreOffice Calc, a spreadsheet that is not
// excelize: converted to PDF there, its first page holds the ranking's
// first rows, and the matrix's page draws both tables' markers in their
// colours. The matrix's page is kept as a PNG in $DECKHAND_WB_SHOTS when
// that is set, to look at.
func TestTheWorkbookOpensInLibreOffice(t *testing.T) {
	for _, tool := range []string{"soffice", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (Debian: libreoffice-calc-nogui and poppler-utils, which make test installs), so the workbook is not opened in LibreOffice", tool)
		}
	}
	f := exampleFile(t)
	r := game.Results(f)
	path, _ := writeWorkbook(t, f, Options{})
	dir := filepath.Dir(path)
	pdfPath := convertToPDF(t, path, dir)

	// The ranking prints across pages, its rank and code on each: the
	// first holds the rank, the card, the title's first words and the table.
	first := pdfText(t, pdfPath, 1)
	for i, p := range r.Plays[:3] {
		want := []string{strconv.Itoa(i + 1), p.Play.Code, strings.Join(strings.Fields(p.Title)[:2], " "), p.Team}
		if !lineWith(first, want) {
			t.Errorf("the first page has no line with %q:\n%s", want, first)
		}
	}

	// The chart is titled by what it plots, names the tables and the
	// midpoint in its legend and every card by its code beside its point;
	// the midpoint's cells, hidden, print on no page.
	page := 0
	for n := 1; n <= 12; n++ {
		text := pdfText(t, pdfPath, n)
		if !strings.Contains(text, "Mittpunkt") {
			continue
		}
		if page != 0 {
			t.Errorf("pages %d and %d show the midpoint; only the chart's legend should", page, n)
		}
		page = n
		for _, want := range []string{"Kundens perspektiv × organisationens perspektiv", "Bord 1", "Bord 2"} {
			if !strings.Contains(text, want) {
				t.Errorf("the matrix's page lacks %q:\n%s", want, text)
			}
		}
		for _, p := range r.Plays {
			if p.Rated() && !strings.Contains(text, p.Play.Code) {
				t.Errorf("the matrix's page does not label %s:\n%s", p.Play.Code, text)
			}
		}
	}
	if page == 0 {
		t.Fatal("no page of the PDF shows the matrix's legend")
	}
	shots := os.Getenv("DECKHAND_WB_SHOTS")
	if shots == "" {
		shots = dir
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(shots, "matrix")
	run(t, "pdftoppm", "-png", "-r", "60", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-singlefile", pdfPath, prefix)
	img := readPNG(t, prefix+".png")
	for i := range 2 {
		c, _ := game.TeamStyle(i)
		if n := pixelsNear(img, color.RGBA{c.R, c.G, c.B, 255}); n < 20 {
			t.Errorf("the matrix's page has %d pixels in the colour of table %d; its markers are not drawn", n, i+1)
		}
	}
}

// convertToPDF converts the workbook at path with LibreOffice, in a
// profile of its own so that it neither waits for nor changes a person's
// running LibreOffice, and returns the PDF's path.
func convertToPDF(t *testing.T, path, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), officeTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) } // soffice.bin too, not only its launcher
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("LibreOffice did not convert the workbook in %v:\n%s", officeTimeout, out.String())
	}
	if err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, out.String())
	}
	t.Logf("LibreOffice converted the workbook in %v", time.Since(start).Round(time.Millisecond))
	pdfPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf"
	if _, err := os.Stat(pdfPath); err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v\n%s", err, out.String())
	}
	return pdfPath
}

// pdfText is the text of one page of a PDF, laid out as on the page.
func pdfText(t *testing.T, path string, page int) string {
	t.Helper()
	p := strconv.Itoa(page)
	return run(t, "pdftotext", "-layout", "-f", p, "-l", p, path, "-")
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// lineWith reports whether a line of text holds every one of words, in
// their order.
func lineWith(text string, words []string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		rest, found := line, true
		for _, w := range words {
			i := strings.Index(rest, w)
			if i < 0 {
				found = false
				break
			}
			rest = rest[i+len(w):]
		}
		if found {
			return true
		}
	}
	return false
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(fmt.Errorf("%s: %w", path, err))
	}
	return img
}

// pixelsNear counts the pixels of img within a small distance of c.
func pixelsNear(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			d := abs(int(r>>8)-int(c.R)) + abs(int(g>>8)-int(c.G)) + abs(int(bl>>8)-int(c.B))
			if d < 40 {
				n++
			}
		}
	}
	return n
}

func abs(x int) int { return max(x, -x) }
