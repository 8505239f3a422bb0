package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A window size remembered on a large monitor opens the window within a
// smaller screen: on a 1024×700 display the app remembered at 1900×1150
// opens no larger than the screen, so the code box at the bottom of the
// Workshop screen stays in reach. (No window manager runs under Xvfb, so
// nothing but the app keeps the window on the screen.)
func TestSmokeRememberedSizeFitsTheScreen(t *testing.T) {
	if os.Getenv("DECKHAND_SMOKE") == "" {
		t.Skip("set DECKHAND_SMOKE=1 (make smoke) to start the real app under Xvfb")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	prefs := filepath.Join(dir, "fyne", "app.deckhand.desktop", "preferences.json")
	if err := os.MkdirAll(filepath.Dir(prefs), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(prefs, []byte(`{"window.width": 1900, "window.height": 1150}`), 0o600); err != nil {
		t.Fatal(err)
	}
	display := startXvfbSized(t, "1024x700x24")
	app := exec.Command(bin, "--db", filepath.Join(dir, "size.db"))
	app.Env = append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
	var appLog strings.Builder
	app.Stdout, app.Stderr = &appLog, &appLog
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Process.Kill(); app.Wait() })
	d := &desktop{t: t, display: display, shots: dir}
	d.waitWindow()
	// The screens are built after the first turn of the event loop, which
	// is where the size is fitted; wait until they are drawn and still.
	if err := settleWindow(display, d.windowID(), time.Second); err != nil {
		t.Fatalf("%v\napp output:\n%s", err, appLog.String())
	}
	w, h := d.windowSize(d.window)
	if w > 1024 || h > 700 {
		t.Errorf("the window is %d×%d on a 1024×700 screen\napp output:\n%s", w, h, appLog.String())
	}
	if w < 900 || h < 500 {
		t.Errorf("the window is %d×%d: fitted, it should fill most of the 1024×700 screen", w, h)
	}
	t.Logf("window %s×%s", strconv.Itoa(w), strconv.Itoa(h))
}
