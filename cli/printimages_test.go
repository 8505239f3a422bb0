package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// print images writes one PNG a card face and a back a card type into the
// folder, each (cut + 2 × bleed) × dpi pixels; board-image writes the board
// as wide as asked. A resolution out of range and a file given as the
// folder are refused with a sentence, and nothing is written.
func TestPrintImagesWritesAPictureACardFace(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "d.db"), filepath.Join(dir, "pictures")
	code, stdout, stderr := run(t, db, "print", "images", "--deck", "4K data routines", "--only", "R01,I02", "--backs", "--bleed", "3", "--dpi", "150", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "wrote 4 pictures") || !strings.Contains(stdout, "410 × 560 pixels at 150 dpi") {
		t.Errorf("stdout %q", stdout)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if b := img.Bounds(); b.Dx() != 410 || b.Dy() != 560 { // 69.5 × 94.9 mm at 150 dpi
			t.Errorf("%s is %d × %d", e.Name(), b.Dx(), b.Dy())
		}
	}
	if got := strings.Join(names, " "); got != "I02-front.png R01-front.png back-interaction.png back-routine.png" {
		t.Errorf("the folder holds %s", got)
	}
	board := filepath.Join(dir, "board.png")
	if code, _, stderr := run(t, db, "print", "board-image", "--deck", "4K data routines", "--width", "1200", "-o", board); code != 0 {
		t.Fatalf("board-image: exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(board)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 848 { // A2's 594 × 420 mm
		t.Fatalf("the board picture: %v, %v", err, img)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--dpi", "40", "-o", filepath.Join(dir, "low")}, "the resolution must be between 72 and 1200 dpi, not 40"},
		{[]string{"-o", board}, "is a file, not a folder"},
	} {
		code, _, stderr := run(t, db, append([]string{"print", "images", "--deck", "4K data routines"}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "written before") {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, stderr, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "low")); err == nil {
		t.Error("a refused run made its folder")
	}
}

// --preset prints to the shop's template: pictures of its pixel size, and a
// flag the preset sets, typed as well, is refused rather than one of them
// silently winning.
func TestPresetsOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "d.db"), filepath.Join(dir, "tgc")
	if code, _, stderr := run(t, db, "print", "images", "--deck", "4K data routines", "--preset", "tgc-poker", "--only", "R01", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "R01-front.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != 825 || img.Bounds().Dy() != 1125 {
		t.Fatalf("a tgc-poker picture: %v, %v", err, img.Bounds())
	}
	// MakePlayingCards' preset numbers the fronts in the deck's order.
	mpc := filepath.Join(dir, "mpc")
	if code, _, stderr := run(t, db, "print", "images", "--deck", "4K data routines", "--preset", "mpc-poker", "--only", "R02,R01,I01", "--backs", "-o", mpc); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if names, _ := filepath.Glob(filepath.Join(mpc, "*.png")); len(names) != 5 ||
		filepath.Base(names[0]) != "001-R01-front.png" || filepath.Base(names[1]) != "002-R02-front.png" || filepath.Base(names[2]) != "003-I01-front.png" {
		t.Errorf("mpc-poker wrote %v; want the three fronts numbered in the deck's order, and the two backs", names)
	}
	for _, args := range [][]string{
		{"print", "images", "--preset", "tgc-poker", "--dpi", "600", "-o", out},
		{"print", "images", "--preset", "tgc-poker", "--numbered", "-o", out},
		{"print", "cards", "--preset", "mpc-poker", "--bleed", "2", "-o", filepath.Join(dir, "c.pdf")},
		{"print", "cards", "--preset", "nope", "-o", filepath.Join(dir, "c.pdf")},
	} {
		code, _, stderr := run(t, db, append(args, "--deck", "4K data routines")...)
		if code == 0 || (!strings.Contains(stderr, "leave --") && !strings.Contains(stderr, "unknown print-shop preset")) {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c.pdf")); err == nil {
		t.Error("a refused print wrote its PDF")
	}
}
