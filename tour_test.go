package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestTourScreenshots takes the screenshots of the README's tour from the
// real binary under a virtual display, by keyboard, on a database holding
// the example workshop: the Decks screen searched, the Print screen, the
// Workshop board, the Results, the shortcuts sheet (F1) and Settings. It
// writes them to DECKHAND_TOUR/<language>/ for each language of
// DECKHAND_TOUR_LANGS (default "en"). `make screenshots` renews the
// README's (docs/screenshots/en and fi); `make tour` takes the tour in all
// three languages into build/tour for a person to go through.
func TestTourScreenshots(t *testing.T) {
	out := os.Getenv("DECKHAND_TOUR")
	if out == "" {
		t.Skip("set DECKHAND_TOUR=folder (make screenshots or make tour) to take the tour's screenshots")
	}
	langs := strings.Fields(os.Getenv("DECKHAND_TOUR_LANGS"))
	if len(langs) == 0 {
		langs = []string{"en"}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	if b, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	display := startXvfb(t)
	locales := map[string]string{"en": "en_GB.UTF-8", "sv": "sv_SE.UTF-8", "fi": "fi_FI.UTF-8"}
	for _, language := range langs {
		locale, ok := locales[language]
		if !ok {
			t.Fatalf("no tour in %q; the languages are en, sv and fi", language)
		}
		t.Run(language, func(t *testing.T) { tour(t, bin, display, locale, filepath.Join(out, language)) })
	}
}

// tour takes one language's screenshots. The interface follows the
// system's language (LANG), as it does on a new laptop.
func tour(t *testing.T, bin, display, locale, shots string) {
	home := t.TempDir()
	db := filepath.Join(home, "tour.db")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bin, "--db", db, "workshop", "import", filepath.Join("docs", "example-workshop.json")).CombinedOutput(); err != nil {
		t.Fatalf("import the example workshop: %v\n%s", err, b)
	}
	d := &desktop{t: t, display: display, shots: shots, db: db}
	d.launch(bin, locale, home)
	d.key("ctrl+f")
	d.typeText(map[string]string{"en": "customer", "sv": "kund", "fi": "asiakas"}[locale[:2]])
	d.shot("decks")
	d.key("ctrl+2")
	d.waitChange(2 * time.Second) // preflight's findings
	d.shot("print")
	d.key("ctrl+3")
	d.typeText("R01") // on the board already: chosen, its ratings asked
	d.key("Return")
	d.shot("workshop")
	d.key("Escape")
	d.key("ctrl+4")
	d.waitChange(2 * time.Second) // the results, read off the UI goroutine
	d.shot("results")
	d.key("F1")
	d.shotOther("shortcuts")
	d.key("Escape")
	d.closeOthers()
	d.key("ctrl+comma")
	d.shotOther("settings")
	d.closeOthers()
	d.quit()
}

// others are the visible windows besides the main one, newest last.
func (d *desktop) others() []string {
	d.t.Helper()
	cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", ".+")
	cmd.Env = append(os.Environ(), "DISPLAY="+d.display)
	out, _ := cmd.Output() // no window found is exit status 1
	var ids []string
	for _, id := range strings.Fields(string(out)) {
		if id != d.window && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// shotOther keeps a screenshot of the window that opened last, besides
// the main one.
func (d *desktop) shotOther(name string) {
	d.t.Helper()
	var ids []string
	for range 50 {
		if ids = d.others(); len(ids) > 0 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if len(ids) == 0 {
		d.shot("failed")
		d.t.Fatalf("no window opened for %s", name)
	}
	d.waitDrawn(ids[len(ids)-1], 30*time.Second)
	d.run("import", "-window", ids[len(ids)-1], filepath.Join(d.shots, name+".png"))
}

// closeOthers closes the windows besides the main one, as their close
// button does, and gives the keyboard back to the main window.
func (d *desktop) closeOthers() {
	d.t.Helper()
	for _, id := range d.others() {
		d.run("xdotool", "windowfocus", "--sync", id)
		d.run("xdotool", "key", "--clearmodifiers", "Escape")
	}
	// Under Wine a window takes a second or two to go.
	left := d.others()
	for i := 0; i < 50 && len(left) > 0; i++ {
		time.Sleep(200 * time.Millisecond)
		left = d.others()
	}
	if len(left) > 0 {
		d.t.Fatalf("windows %v did not close on Escape within 10 s", left)
	}
	d.run("xdotool", "windowfocus", "--sync", d.window)
}
