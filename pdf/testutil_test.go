package pdf

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
)

// Helpers that check printed documents the way a person would, with
// poppler's tools. Set DECKHAND_PDF_KEEP to a folder to keep the files.

// posterFixed is the creation time of every test document.
var posterFixed = time.Date(2024, 5, 17, 9, 0, 0, 0, time.UTC)

func posterNeedPoppler(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
}

func posterDeck(t *testing.T) *cards.Deck {
	t.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// posterWrite runs print into a file named name in a temporary folder.
func posterWrite(t *testing.T, name string, print func(io.Writer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := print(&buf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("DECKHAND_PDF_KEEP"); keep != "" {
		_ = os.MkdirAll(keep, 0o755)
		_ = os.WriteFile(filepath.Join(keep, name), buf.Bytes(), 0o644)
	}
	return path
}

func posterRun(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var posterPageSize = regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)

// posterPages returns the size of every page in points, as pdfinfo reads it.
func posterPages(t *testing.T, path string) [][2]float64 {
	t.Helper()
	info := posterRun(t, "pdfinfo", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	var sizes [][2]float64
	for _, s := range posterPageSize.FindAllStringSubmatch(posterRun(t, "pdfinfo", "-f", "1", "-l", m[1], path), -1) {
		w, _ := strconv.ParseFloat(s[1], 64)
		h, _ := strconv.ParseFloat(s[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	if len(sizes) != n {
		t.Fatalf("pdfinfo says %d pages but lists %d sizes", n, len(sizes))
	}
	return sizes
}

// posterCheckSize fails unless every page is w × h points (to 0.1 pt).
func posterCheckSize(t *testing.T, sizes [][2]float64, w, h float64) {
	t.Helper()
	for i, s := range sizes {
		if abs(s[0]-w) > 0.1 || abs(s[1]-h) > 0.1 {
			t.Errorf("page %d is %.2f x %.2f pts, want %.2f x %.2f", i+1, s[0], s[1], w, h)
		}
	}
}

// posterText returns the text of a page (all pages when page is 0) with
// runs of space and line breaks made single spaces.
func posterText(t *testing.T, path string, page int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if page > 0 {
		args = append(args, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	}
	out := posterRun(t, "pdftotext", append(args, path, "-")...)
	return strings.Join(strings.Fields(out), " ")
}

// posterContains fails for each want missing from text.
func posterContains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("%s: %q is missing from the text", what, w)
		}
	}
}

// posterFontsEmbedded fails unless the regular and bold Liberation Sans are
// embedded and no other font is used.
func posterFontsEmbedded(t *testing.T, path string) {
	t.Helper()
	out := posterRun(t, "pdffonts", path)
	found := 0
	for _, line := range strings.Split(out, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 6 {
			continue
		}
		if !strings.Contains(strings.ToLower(f[0]), "liberationsans") {
			t.Errorf("unexpected font %s", line)
			continue
		}
		found++
		if f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}
	if found == 0 {
		t.Errorf("no Liberation Sans in the PDF:\n%s", out)
	}
}
