package main

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Reading a screenshot's words with tesseract, for the checks that run the
// app where nothing else can tell what it drew (the Windows build under
// Wine): which words a window shows, and where, to click one. The image is
// read at twice its size, since the interface's text is small for OCR.

// ocrBoxes maps each word read in a PNG to the middle of its box, in the
// image's own pixels, as xdotool takes them.
func ocrBoxes(t *testing.T, png string) map[string][2]string {
	t.Helper()
	big := filepath.Join(t.TempDir(), "big.png")
	if out, err := exec.Command("convert", png, "-resize", "200%", big).CombinedOutput(); err != nil {
		t.Fatalf("convert %s: %v\n%s", png, err, out)
	}
	out, err := exec.Command("tesseract", big, "-", "tsv").Output()
	if err != nil {
		t.Fatalf("tesseract %s: %v", png, err)
	}
	boxes := map[string][2]string{}
	for _, line := range strings.Split(string(out), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 12 || strings.TrimSpace(f[11]) == "" {
			continue
		}
		n := make([]int, 4)
		for i := range n {
			n[i], _ = strconv.Atoi(f[6+i])
		}
		word := strings.Trim(f[11], ".,:;()|")
		boxes[word] = [2]string{strconv.Itoa((n[0] + n[2]/2) / 2), strconv.Itoa((n[1] + n[3]/2) / 2)}
	}
	return boxes
}

// ocrWords are the words read in a PNG, sorted.
func ocrWords(t *testing.T, png string) []string {
	t.Helper()
	var words []string
	for w := range ocrBoxes(t, png) {
		words = append(words, w)
	}
	slices.Sort(words)
	return words
}

// hasWords reports whether every one of want was read, alone or with an
// icon beside it read as a letter or two ("pTulosta").
func hasWords(words []string, want ...string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(words, func(read string) bool { return strings.Contains(read, w) }) {
			return false
		}
	}
	return true
}
