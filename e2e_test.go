package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestEndToEndWorkshopByKeyboard drives the real binary under a virtual
// display as a note-taker would, by keyboard only: it opens the app on a
// fresh database, goes to the Workshop tab (Ctrl+3), makes a workshop
// from the default deck (Ctrl+N, a title, Enter),
// lays card R01 in the first area and rates it (R01, Enter, 1, then four
// numbers), and quits (Ctrl+Q). Then the command line, reading the same
// file, must find the workshop, the card and the four ratings. The
// screenshots of each step stay in build/e2e/<language>/ for a person to
// look at. It runs in English and in Finnish, from `make e2e` (part of
// `make test`).
func TestEndToEndWorkshopByKeyboard(t *testing.T) {
	if os.Getenv("DECKHAND_E2E") == "" {
		t.Skip("set DECKHAND_E2E=1 (make e2e) to drive the real app under Xvfb")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import", "sqlite3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing; make test installs it", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	display := startXvfb(t)
	// The keys are the same in every interface language; Finnish shows
	// that nothing depends on the English texts.
	for _, locale := range []string{"en_US.UTF-8", "fi_FI.UTF-8"} {
		t.Run(locale[:2], func(t *testing.T) { keyboardWorkshop(t, bin, display, locale) })
	}
}

// keyboardWorkshop is one run of TestEndToEndWorkshopByKeyboard, on a new
// database, with the interface in the locale's language.
func keyboardWorkshop(t *testing.T, bin, display, locale string) {
	dir := t.TempDir()
	shots := filepath.Join("build", "e2e", locale[:2])
	if err := os.RemoveAll(shots); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "e2e.db")
	d := &desktop{t: t, display: display, shots: shots, db: db}
	d.launch(bin, locale, dir)
	d.shot("1-start")
	d.key("ctrl+3")
	d.shot("2-workshop-tab")
	d.key("ctrl+n")
	d.typeText("Keyboard workshop")
	d.shot("3-new-workshop")
	d.key("Return")
	d.waitSQL("SELECT COUNT(*) FROM workshops WHERE title = 'Keyboard workshop'", "1")
	d.shot("4-board")
	d.typeText("R01")
	d.key("Return")
	d.typeText("1")
	d.waitSQL("SELECT COUNT(*) FROM plays WHERE code = 'R01' AND area = 'collection' AND deleted_at IS NULL", "1")
	d.shot("5-placed")
	for _, value := range []string{"4", "3", "5", "2"} {
		d.typeText(value)
	}
	d.waitSQL("SELECT COUNT(*) FROM ratings WHERE deleted_at IS NULL", "4")
	d.shot("6-rated")

	// Two participants join the table (Ctrl+Shift+P, a pseudonym, Enter),
	// then rate R01 blind (Ctrl+Shift+B, a participant's number and a digit
	// per criterion), and the facilitator reveals the ratings.
	d.key("ctrl+shift+p")
	for _, name := range []string{"Owl", "Fox"} {
		d.typeText(name)
		d.key("Return")
	}
	d.waitSQL("SELECT COUNT(*) FROM participants WHERE deleted_at IS NULL", "2")
	d.shot("7-participants")
	d.key("Escape")
	d.key("ctrl+shift+b")
	// Participants are numbered by pseudonym: Fox is 1, Owl 2.
	blind := map[string][]int{"Fox": {5, 4, 3, 2}, "Owl": {2, 3, 4, 5}}
	for number, name := range []string{"Fox", "Owl"} {
		d.typeText(strconv.Itoa(number + 1))
		for _, v := range blind[name] {
			d.typeText(strconv.Itoa(v))
		}
	}
	d.waitSQL("SELECT COUNT(*) FROM ratings WHERE deleted_at IS NULL", "12")
	d.shot("8-blind")
	d.key("ctrl+shift+r")
	d.shot("9-revealed")

	// A note on R01 (F3, a quote by its prefix, Enter), then corrected
	// (F2: the note's text, all of it replaced, Enter).
	d.key("F3")
	d.typeText("q:We keep what we need")
	d.key("Return")
	d.waitSQL("SELECT COUNT(*) FROM notes WHERE deleted_at IS NULL AND kind = 'quote'", "1")
	d.key("F2")
	d.key("ctrl+a")
	d.typeText("We keep only what we need")
	d.key("Return")
	d.waitSQL("SELECT COUNT(*) FROM notes WHERE deleted_at IS NULL", "1")
	d.shot("10-note-edited")
	d.quit()

	// The command line reads what the keyboard made.
	var list []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Teams int    `json:"teams"`
		Plays int    `json:"plays"`
	}
	d.cli(&list, bin, "workshops", "--json")
	if len(list) != 1 || list[0].Title != "Keyboard workshop" || list[0].Plays != 1 || list[0].Teams < 1 {
		t.Fatalf("deckhand workshops --json = %+v; want the one workshop with one card played", list)
	}
	var results []struct {
		Plays []struct {
			Play struct {
				Code string `json:"code"`
				Area string `json:"area"`
			} `json:"play"`
			Criteria map[string]struct {
				Mean   float64 `json:"mean"`
				Raters int     `json:"raters"`
			} `json:"criteria"`
		} `json:"plays"`
	}
	d.cli(&results, bin, "results", "--workshop", list[0].ID, "--format", "json")
	if len(results) != 1 || len(results[0].Plays) != 1 {
		t.Fatalf("deckhand results = %+v; want one workshop with one play", results)
	}
	p := results[0].Plays[0]
	// Each criterion counts the table's rating and the two blind ones.
	table := []int{4, 3, 5, 2}
	if p.Play.Code != "R01" || p.Play.Area != "collection" {
		t.Errorf("the play read back is %s in %s; want R01 in collection", p.Play.Code, p.Play.Area)
	}
	for i, criterion := range []string{"desirability", "usability", "profitability", "feasibility"} {
		want := float64(table[i]+blind["Fox"][i]+blind["Owl"][i]) / 3
		if got := p.Criteria[criterion]; got.Mean != want || got.Raters != 3 {
			t.Errorf("%s of R01 read back as %v from %d raters; want %v from 3 (typed by keyboard)", criterion, got.Mean, got.Raters, want)
		}
	}
	// The note, as corrected, travels in the workshop's file.
	file := filepath.Join(t.TempDir(), "workshop.json")
	if out, err := exec.Command(bin, "--db", d.db, "workshop", "export", "--workshop", list[0].ID, "-o", file).CombinedOutput(); err != nil {
		t.Fatalf("deckhand workshop export: %v\n%s", err, out)
	}
	var exported struct {
		Notes []struct {
			Kind, Text string
			Deleted    bool
		} `json:"notes"`
	}
	if data, err := os.ReadFile(file); err != nil || json.Unmarshal(data, &exported) != nil {
		t.Fatalf("read the exported workshop: %v", err)
	}
	var live []string
	for _, n := range exported.Notes {
		if !n.Deleted {
			live = append(live, n.Kind+": "+n.Text)
		}
	}
	if len(live) != 1 || live[0] != "quote: We keep only what we need" {
		t.Errorf("the workshop file's notes are %q; want the corrected quote", live)
	}
	t.Logf("screenshots in %s", shots)
}

// desktop is the virtual display with the app's window, driven by xdotool.
type desktop struct {
	t       *testing.T
	display string
	window  string
	shots   string
	db      string
	exited  chan error // the app's end, once launched
	// x reads the window's pixels to see when it has answered a key
	// (settle); opened with the window.
	x *xGrabber
}

// launch starts the app on the desktop's database with the interface in
// the locale's language and its settings in home, and waits for its window.
func (d *desktop) launch(bin, locale, home string) {
	d.t.Helper()
	app := exec.Command(bin, "--db", d.db)
	app.Env = append(os.Environ(), "DISPLAY="+d.display, "LANG="+locale, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
		"XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home)
	var appLog strings.Builder
	app.Stdout, app.Stderr = &appLog, &appLog
	if err := app.Start(); err != nil {
		d.t.Fatal(err)
	}
	d.exited = make(chan error, 1)
	go func() { d.exited <- app.Wait() }()
	t := d.t
	t.Cleanup(func() {
		app.Process.Kill()
		if t.Failed() {
			t.Logf("app output:\n%s", appLog.String())
		}
	})
	d.waitWindow()
}

// quit presses Ctrl+Q and waits for the app to end.
func (d *desktop) quit() {
	d.t.Helper()
	d.run("xdotool", "key", "--clearmodifiers", "ctrl+q")
	select {
	case <-d.exited:
	case <-time.After(20 * time.Second):
		d.shot("not-quit")
		d.t.Fatal("the app did not quit on Ctrl+Q within 20 s")
	}
}

func (d *desktop) run(name string, args ...string) string {
	d.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.display)
	out, err := cmd.CombinedOutput()
	if err != nil {
		d.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// waitWindow waits for the main window to be mapped and gives it the
// keyboard.
func (d *desktop) waitWindow() {
	d.t.Helper()
	out := d.run("timeout", "60", "xdotool", "search", "--sync", "--onlyvisible", "--name", "^Deckhand$")
	d.window = strings.Fields(out)[0]
	d.waitDrawn(d.window, 60*time.Second) // it maps before its screens are drawn
	d.run("xdotool", "windowfocus", "--sync", d.window)
	if d.x == nil {
		x, err := dialX(d.display)
		if err != nil {
			d.t.Fatal(err)
		}
		d.x = x
		d.t.Cleanup(func() { x.Close() })
	}
}

// windowID and windowSize are the main window's X id and size.
func (d *desktop) windowID() uint32 {
	d.t.Helper()
	id, err := strconv.ParseUint(d.window, 10, 32)
	if err != nil {
		d.t.Fatalf("window %q: %v", d.window, err)
	}
	return uint32(id)
}

func (d *desktop) windowSize(window string) (w, h int) {
	d.t.Helper()
	w, h = 600, 80
	for _, line := range strings.Fields(d.run("xdotool", "getwindowgeometry", "--shell", window)) {
		if v, ok := strings.CutPrefix(line, "WIDTH="); ok {
			w, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(line, "HEIGHT="); ok {
			h, _ = strconv.Atoi(v)
		}
	}
	return w, h
}

// look is a fingerprint of what the main window shows now.
func (d *desktop) look() uint64 {
	d.t.Helper()
	w, h := d.windowSize(d.window)
	sum, err := d.x.look(d.windowID(), w, h)
	if err != nil {
		d.t.Fatal(err)
	}
	return sum
}

// settle waits until the main window shows something other than before
// and has stopped changing: the app has answered what was sent. A key
// that opens another window, or changes nothing, is given changeBy.
func (d *desktop) settle(before uint64, changeBy time.Duration) {
	d.t.Helper()
	w, h := d.windowSize(d.window)
	if err := d.x.waitSettled(d.windowID(), w, h, before, changeBy, 150*time.Millisecond, 30*time.Second); err != nil {
		d.shot("failed")
		d.t.Fatal(err)
	}
}

// waitDrawn waits until a window shows text in its top strip (menus and
// tabs, a heading), polling its pixels rather than sleeping a guess.
func (d *desktop) waitDrawn(window string, timeout time.Duration) {
	d.t.Helper()
	id, err := strconv.ParseUint(window, 10, 32)
	if err != nil {
		d.t.Fatalf("window %q: %v", window, err)
	}
	w, h := d.windowSize(window)
	if _, err := waitForTextIn(d.display, uint32(id), min(w, 600), min(h, 80), timeout); err != nil {
		d.shot("failed")
		d.t.Fatal(err)
	}
}

// waitChange waits up to within for the main window to change by itself
// (work done off the UI goroutine coming back), then until it is still.
func (d *desktop) waitChange(within time.Duration) {
	d.t.Helper()
	d.settle(d.look(), within)
}

// key presses a key or chord and waits until the window has drawn what
// it did.
func (d *desktop) key(chord string) {
	d.t.Helper()
	before := d.look()
	d.run("xdotool", "key", "--clearmodifiers", chord)
	d.settle(before, time.Second)
}

// typeText types text key by key, as a person does, and waits until the
// window has drawn it.
func (d *desktop) typeText(text string) {
	d.t.Helper()
	before := d.look()
	d.run("xdotool", "type", "--delay", "60", text)
	d.settle(before, time.Second)
}

// shot keeps a screenshot of the window.
func (d *desktop) shot(name string) {
	d.t.Helper()
	d.run("import", "-window", d.window, filepath.Join(d.shots, name+".png"))
}

// waitSQL waits until a query on the app's database, read beside the
// running app, gives want: the app said it saved, so the file holds it.
func (d *desktop) waitSQL(query, want string) {
	d.t.Helper()
	var got string
	for range 100 {
		out, err := exec.Command("sqlite3", "-readonly", d.db, query).Output()
		if got = strings.TrimSpace(string(out)); err == nil && got == want {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	d.shot("failed")
	d.t.Fatalf("%s gave %q after 20 s; want %q (see %s/failed.png)", query, got, want, d.shots)
}

// cli runs a command of the binary on the same database and decodes its JSON.
func (d *desktop) cli(v any, bin string, args ...string) {
	d.t.Helper()
	out, err := exec.Command(bin, append([]string{"--db", d.db}, args...)...).Output()
	if err != nil {
		d.t.Fatalf("deckhand %s: %v", strings.Join(args, " "), err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		d.t.Fatalf("deckhand %s: %v\n%s", strings.Join(args, " "), err, fmt.Sprint(string(out)))
	}
}
