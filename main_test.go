package main

import (
	"bufio"
	"context"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"deckhand/storage"
)

// TestSmokeRealAppOpensItsWindow starts the real binary under a virtual X
// display on a new database, waits for its window, takes a screenshot and
// checks that the window shows something and that the database was set up
// with the default deck. It runs from `make smoke` (part of `make test`),
// which installs Xvfb, xdotool and ImageMagick.
func TestSmokeRealAppOpensItsWindow(t *testing.T) {
	if os.Getenv("DECKHAND_SMOKE") == "" {
		t.Skip("set DECKHAND_SMOKE=1 (make smoke) to start the real app under Xvfb")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing; make test installs it (package xvfb, xdotool or imagemagick)", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	display := startXvfb(t)
	db := filepath.Join(dir, "smoke.db")
	app := exec.Command(bin, "--db", db)
	app.Env = append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
	var appLog strings.Builder
	app.Stdout, app.Stderr = &appLog, &appLog
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Process.Kill(); app.Wait() })

	search := exec.Command("timeout", "60", "xdotool", "search", "--sync", "--onlyvisible", "--name", "^Deckhand$")
	search.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := search.Output()
	if err != nil {
		t.Fatalf("no Deckhand window within 60 s: %v\napp output:\n%s", err, appLog.String())
	}
	window := strings.Fields(string(out))[0]
	id, err := strconv.ParseUint(window, 10, 32)
	if err != nil {
		t.Fatalf("xdotool gave window %q: %v", window, err)
	}
	// The window maps before its screens are built; wait until they are
	// drawn, then until the lists have filled and nothing moves.
	if _, err := waitForText(display, uint32(id), 60*time.Second); err != nil {
		t.Fatalf("%v\napp output:\n%s", err, appLog.String())
	}
	if err := settleWindow(display, uint32(id), time.Second); err != nil {
		t.Fatalf("%v\napp output:\n%s", err, appLog.String())
	}
	shot := screenshotPath(t)
	grab := exec.Command("import", "-window", window, shot)
	grab.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := grab.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	checkScreenshot(t, shot)

	app.Process.Kill()
	app.Wait()
	store, err := storage.Open(db)
	if err != nil {
		t.Fatalf("the app's database does not open after it ran: %v", err)
	}
	defer store.Close()
	decks, err := store.Decks(context.Background())
	if err != nil || len(decks) != 1 || decks[0].Cards < 60 {
		t.Fatalf("database after first run: %+v, %v; want the default deck", decks, err)
	}
	t.Logf("screenshot: %s", shot)
}

// startXvfb starts a virtual display and returns its name. Xvfb picks a
// free display number itself (-displayfd) and writes it when it is ready,
// so displays left over by other programs, or stale sockets, never clash.
// It is stopped with SIGTERM, which lets it remove its socket and lock.
func startXvfb(t *testing.T) string {
	t.Helper()
	return startXvfbSized(t, "1400x900x24")
}

// startXvfbSized is startXvfb with a screen of the given size and depth
// ("1024x700x24").
func startXvfbSized(t *testing.T, screen string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		x.Process.Signal(syscall.SIGTERM)
		x.Wait()
	})
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb did not start within 30 s")
	}
	return ""
}

// screenshotPath keeps the screenshot in build/ for a person to look at.
func screenshotPath(t *testing.T) string {
	if err := os.MkdirAll("build", 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join("build", "smoke-decks.png")
}

// checkScreenshot fails on a blank or tiny window: a real Decks screen has
// many colours (text, list, buttons) and is at least 800 × 500 pixels.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 800 || b.Dy() < 500 {
		t.Errorf("window is %d × %d pixels; want at least 800 × 500", b.Dx(), b.Dy())
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	if len(colours) < 50 {
		t.Errorf("screenshot has only %d colours: the window looks blank", len(colours))
	}
}

// A command run under the C locale, as in scripts and CI, prints only its
// own output: Fyne's complaint about the locale must not come first.
func TestCommandsUnderTheCLocalePrintNoNoise(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, locale := range []string{"C", "C.UTF-8", "POSIX"} {
		cmd := exec.Command(bin, "--db", filepath.Join(dir, "d.db"), "decks")
		cmd.Env = append(os.Environ(), "LANG="+locale, "LC_ALL=", "LC_MESSAGES=")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), "4K data routines") {
			t.Errorf("LANG=%s deckhand decks: %v\n%s", locale, err, out)
		}
		if stderr.Len() > 0 {
			t.Errorf("LANG=%s deckhand decks wrote to stderr:\n%s", locale, stderr.String())
		}
	}
}
