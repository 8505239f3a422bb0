package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"deckhand/cards"
)

// TestEveryDocumentNamesItsFontsAsTaggedSubsets reads the fonts of every
// document Deckhand writes with poppler's pdffonts: each is an embedded
// subset named with six capital letters, a plus and its PostScript name;
// and every entry of the file's cross-reference table still points at its
// object, as a strict reader finds them.
func TestEveryDocumentNamesItsFontsAsTaggedSubsets(t *testing.T) {
	posterNeedPoppler(t)
	tagged := regexp.MustCompile(`^[A-Z]{6}\+LiberationSans(-Bold)?$`)
	for name, data := range everyDocument(t, "fi") {
		checkXref(t, name, data)
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdffonts", path).CombinedOutput()
		if err != nil || strings.Contains(string(out), "Error") {
			t.Fatalf("%s: pdffonts: %v\n%s", name, err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		if len(lines) == 0 {
			t.Errorf("%s has no fonts", name)
		}
		// The tag comes from each subset's own font file.
		tags := map[string]bool{}
		for _, line := range lines {
			tag, _, _ := strings.Cut(line, "+")
			tags[tag] = true
		}
		if len(tags) != len(lines) {
			t.Errorf("%s: two fonts share a tag:\n%s", name, out)
		}
		for _, line := range lines {
			f := strings.Fields(line)
			// name, type (two words), encoding, emb, sub, uni, object, generation
			if len(f) < 9 || !tagged.MatchString(f[0]) || f[5] != "yes" || f[4] != "yes" {
				t.Errorf("%s: the font line %q is not an embedded subset with its tag", name, line)
			}
		}
		if out, err := exec.Command("pdftotext", path, "-").CombinedOutput(); err != nil || strings.Contains(string(out), "Syntax Error") {
			t.Errorf("%s: pdftotext: %v\n%.300s", name, err, out)
		}
	}
}

// checkXref finds every object where the cross-reference table says it is.
func checkXref(t *testing.T, name string, data []byte) {
	t.Helper()
	at, err := startXref(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	lines, _, err := xrefTable(data[at:])
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for i, line := range lines[2:] {
		if line[17] != 'n' {
			continue
		}
		offset, _ := strconv.Atoi(string(line[:10]))
		if !bytes.HasPrefix(data[offset:], fmt.Appendf(nil, "%d 0 obj", i)) {
			t.Errorf("%s: object %d is not at %d, where the table says", name, i, offset)
			return
		}
	}
}

// A file cut short, or whose table is not where its end says, is refused
// rather than written half renamed.
func TestTaggingRefusesABrokenFile(t *testing.T) {
	good := everyDocument(t, "sv")["calibration.pdf"]
	for what, data := range map[string][]byte{
		"cut short":       good[:len(good)/2],
		"moved startxref": bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n1"), 1),
	} {
		var out bytes.Buffer
		if err := writeTagged(&out, data); err == nil || out.Len() > 0 {
			t.Errorf("a file %s is tagged (%v), %d bytes written", what, err, out.Len())
		}
	}
}

// A logo is embedded as it is stored, so its bytes may hold anything,
// fpdf's font names too (here in a JPEG's comment): the renaming touches
// only the fonts' own dictionaries, and the logo reaches the file byte for
// byte.
func TestALogoHoldingAFontsNameIsLeftAsItIs(t *testing.T) {
	posterNeedPoppler(t)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 20)), nil); err != nil {
		t.Fatal(err)
	}
	comment := []byte("/BaseFont /utf8liberationsans /FontName /utf8liberationsansB ")
	segment := append([]byte{0xff, 0xfe, 0, byte(len(comment) + 2)}, comment...)
	logo := append(append(append([]byte{}, buf.Bytes()[:2]...), segment...), buf.Bytes()[2:]...)
	d := testDeck(t)
	d.Look = &cards.Look{Logo: logo}
	var out bytes.Buffer
	if _, err := RatingSheets(&out, d, SheetOptions{Paper: Papers["a4"], Created: posterFixed}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), logo) {
		t.Error("the logo's bytes were changed in the file")
	}
	checkXref(t, "rating-sheets.pdf", out.Bytes())
	path := filepath.Join(t.TempDir(), "sheets.pdf")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := exec.Command("pdfimages", "-list", path).CombinedOutput(); err != nil || strings.Contains(string(got), "Error") {
		t.Errorf("pdfimages: %v\n%s", err, got)
	}
}
