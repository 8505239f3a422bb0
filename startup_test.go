package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/cli"
	"deckhand/game"
)

// Start-up goal: Deckhand's window maps at most this many times later than
// the window of a Fyne program that does nothing else.
const startupGoal = 1.3

// drawnGoal: the Decks screen's card list is drawn at most this many times
// later than the bare window's list of the same cards.
const drawnGoal = 1.5

// startupApp is one of the programs timed, and what it was measured at.
type startupApp struct {
	name, title string
	args        func(run string) []string
	// list is where the window shows its list of cards, in the window's
	// pixels, and click a point on a row of it, away from the row
	// selected at start.
	list  rect
	click [2]int
	// From launch: until the window is mapped, until its list is drawn,
	// and until a click on the list has been answered on screen.
	mapped, drawn, answered []time.Duration
}

// TestStartupTimeAgainstBareWindow times the real binary on a database of
// 50 decks and 100 workshops and testdata/barewindow (a window of the same
// size with a label and a list of the default deck's cards), alternating
// runs under one Xvfb, from launch until the window is mapped, until the
// list of cards is drawn (on the Decks screen, for Deckhand) and until a
// click on a row of it has been answered on screen: the window is in use.
// It reports the medians and their ratios and never fails on time: a slow
// or busy machine must not break a build. It runs from `make startup`
// (DECKHAND_STARTUP=1; DECKHAND_STARTUP_RUNS sets the runs of each, 9 by
// default; DECKHAND_STARTUP_OTHER names another build of Deckhand to time
// beside it); docs/performance.md keeps the figures.
func TestStartupTimeAgainstBareWindow(t *testing.T) {
	if os.Getenv("DECKHAND_STARTUP") == "" {
		t.Skip("set DECKHAND_STARTUP=1 (make startup) to time the app's start under Xvfb")
	}
	runs := 9
	if n, err := strconv.Atoi(os.Getenv("DECKHAND_STARTUP_RUNS")); err == nil && n > 0 {
		runs = n
	}
	for _, tool := range []string{"Xvfb", "xev", "xdotool", "stdbuf"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing; make startup installs it (packages xvfb, x11-utils, xdotool, coreutils)", tool)
		}
	}
	dir := t.TempDir()
	deckhand, bare := filepath.Join(dir, "deckhand"), filepath.Join(dir, "barewindow")
	goBuild(t, deckhand, ".")
	goBuild(t, bare, "./testdata/barewindow")
	pristine := filepath.Join(dir, "pristine.db")
	fillDatabase(t, pristine, 50, 100)

	display := startXvfb(t)
	maps := watchMaps(t, display)
	apps := []*startupApp{
		// The bare window's list fills the window below its label.
		{name: "bare window", title: "Bare window", args: func(string) []string { return []string{bare} },
			list: rect{x: 10, y: 60, w: 400, h: 300}, click: [2]int{200, 250}},
		// The Decks screen's card list is the middle pane, its rows below
		// the search and the filters; the strip keeps left of the
		// window's middle, where the window says that the database is
		// being opened.
		{name: "Deckhand", title: "Deckhand", args: func(run string) []string {
			// A fresh copy each run: every start finds the same file, with
			// no backups yet, as on the first start of a day.
			db := filepath.Join(run, "deckhand.db")
			copyFile(t, pristine, db)
			return []string{deckhand, "--db", db}
		}, list: rect{x: 295, y: 280, w: 200, h: 360}, click: [2]int{400, 460}},
	}
	// Another build of Deckhand, timed beside this one on the same file:
	// before and after a change, in one session of a machine whose load
	// varies from run to run.
	if other := os.Getenv("DECKHAND_STARTUP_OTHER"); other != "" {
		a := *apps[1]
		a.name = "other"
		a.args = func(run string) []string { return append([]string{other}, apps[1].args(run)[1:]...) }
		apps = append(apps, &a)
	}
	for i := range runs {
		for k := range apps {
			a := apps[(i+k)%len(apps)] // alternate which goes first, so drift hits both
			run := filepath.Join(dir, fmt.Sprintf("run-%d-%d", i, k))
			if err := os.Mkdir(run, 0o755); err != nil {
				t.Fatal(err)
			}
			launch(t, display, maps, a, run)
		}
	}
	med := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2]
	}
	for _, a := range apps {
		t.Logf("%-11s mapped:   median %4d ms  runs %v", a.name, med(a.mapped).Milliseconds(), millis(a.mapped))
		t.Logf("%-11s drawn:    median %4d ms  runs %v", a.name, med(a.drawn).Milliseconds(), millis(a.drawn))
		t.Logf("%-11s answered: median %4d ms  runs %v", a.name, med(a.answered).Milliseconds(), millis(a.answered))
	}
	for _, a := range apps[1:] {
		ratio := func(what string, of func(*startupApp) []time.Duration, goal float64) {
			r := float64(med(of(a))) / float64(med(of(apps[0])))
			verdict := "within"
			if r > goal {
				verdict = "OVER"
			}
			t.Logf("ratio %s / bare window, %-9s %.2f (%s the goal of %.1f)", a.name, what+":", r, verdict, goal)
		}
		ratio("mapped", func(a *startupApp) []time.Duration { return a.mapped }, startupGoal)
		ratio("drawn", func(a *startupApp) []time.Duration { return a.drawn }, drawnGoal)
		ratio("answered", func(a *startupApp) []time.Duration { return a.answered }, drawnGoal)
	}
}

// goBuild builds a main package with the app's tags.
func goBuild(t *testing.T, out, pkg string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", out, pkg)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", pkg, err, b)
	}
}

// fillDatabase makes the database the timing starts on, through the same
// calls the app and the command line use: the default deck and clones of it
// up to decks, and workshops copies of the example workshop, each with its
// own ids and title.
func fillDatabase(t *testing.T, path string, decks, workshops int) {
	t.Helper()
	ctx := context.Background()
	store, err := cli.OpenStore(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	list, err := store.Decks(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("a new database holds %v, %v; want the default deck", list, err)
	}
	for i := 1; i < decks; i++ {
		if _, err := store.CloneDeck(ctx, list[0].ID, fmt.Sprintf("Client deck %02d", i), fmt.Sprintf("Client %02d", i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range workshops {
		f := freshExampleWorkshop(t)
		f.Workshop.Title = fmt.Sprintf("Workshop %03d", i+1)
		if _, err := store.ImportWorkshop(ctx, f); err != nil {
			t.Fatalf("import workshop %d: %v", i+1, err)
		}
	}
}

var uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// freshExampleWorkshop is the example workshop with a new id for every
// record (references follow), keeping its deck and the deck's ids.
func freshExampleWorkshop(t *testing.T) *game.File {
	t.Helper()
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	deck := f.Workshop.Deck
	f.Workshop.Deck = nil
	deckJSON, err := json.Marshal(deck)
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{f.Workshop.DeckID: true}
	for _, id := range uuidPattern.FindAllString(string(deckJSON), -1) {
		keep[id] = true
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	fresh := map[string]string{}
	data = uuidPattern.ReplaceAllFunc(data, func(id []byte) []byte {
		if keep[string(id)] {
			return id
		}
		if fresh[string(id)] == "" {
			fresh[string(id)] = cards.NewID()
		}
		return []byte(fresh[string(id)])
	})
	var out game.File
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	out.Workshop.Deck = deck
	return &out
}

// mapEvent is a top-level window mapped on the display, and when we saw it.
type mapEvent struct {
	window string
	at     time.Time
}

// watchMaps reports every top-level window mapped on display, as it
// happens: xev on the root window prints a MapNotify at once, where polling
// with `xdotool search --sync` would only look twice a second.
func watchMaps(t *testing.T, display string) <-chan mapEvent {
	t.Helper()
	cmd := exec.Command("stdbuf", "-oL", "xev", "-root", "-event", "substructure")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	events := make(chan mapEvent, 16)
	// xev prints a MapNotify on two lines; the second names the mapped window:
	//   MapNotify event, serial 18, synthetic NO, window 0x...,
	//       event 0x..., window 0x400001, override NO
	mapped := regexp.MustCompile(`^\s+event 0x[0-9a-f]+, window (0x[0-9a-f]+), override`)
	go func() {
		lines := bufio.NewScanner(out)
		inMap := false
		for lines.Scan() {
			line := lines.Text()
			if m := mapped.FindStringSubmatch(line); inMap && m != nil {
				events <- mapEvent{window: m[1], at: time.Now()}
			}
			inMap = strings.HasPrefix(line, "MapNotify event")
		}
		io.Copy(io.Discard, out)
	}()
	time.Sleep(300 * time.Millisecond) // let xev select its events before the first launch
	return events
}

// launch starts a once and adds its times: until its window is mapped,
// until text is drawn in its list (the window may map before its content
// is ready), and until a click on the list changes what the list shows
// (the row under the pointer lit, or selected): the window answers. The
// window's name is checked with xdotool, so a window of anything else
// cannot stop the clock.
func launch(t *testing.T, display string, maps <-chan mapEvent, a *startupApp, home string) {
	t.Helper()
	for len(maps) > 0 {
		<-maps
	}
	args := a.args(home)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	deadline := time.After(60 * time.Second)
	var window string
	for window == "" {
		select {
		case e := <-maps:
			get := exec.Command("xdotool", "getwindowname", e.window)
			get.Env = append(os.Environ(), "DISPLAY="+display)
			name, err := get.Output()
			if err == nil && strings.TrimSpace(string(name)) == a.title {
				window = e.window
				a.mapped = append(a.mapped, e.at.Sub(start))
			}
		case <-deadline:
			t.Fatalf("no %q window within 60 s; output:\n%s", a.title, log.String())
		}
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(window, "0x"), 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	drawn, err := waitForTextAt(display, uint32(id), a.list, 60*time.Second)
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, log.String())
	}
	a.drawn = append(a.drawn, drawn.Sub(start))
	answered, err := clickAndWaitForChange(display, uint32(id), a.list, a.click, 30*time.Second)
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, log.String())
	}
	a.answered = append(a.answered, answered.Sub(start))
}

// clickAndWaitForChange clicks at the point at of window and returns when
// the rectangle r first shows something else than before the click.
func clickAndWaitForChange(display string, window uint32, r rect, at [2]int, timeout time.Duration) (time.Time, error) {
	x, err := dialX(display)
	if err != nil {
		return time.Time{}, err
	}
	defer x.Close()
	before, err := x.lookAt(window, r)
	if err != nil {
		return time.Time{}, err
	}
	click := exec.Command("xdotool", "mousemove", "--window", fmt.Sprint(window), fmt.Sprint(at[0]), fmt.Sprint(at[1]), "click", "1")
	click.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := click.CombinedOutput(); err != nil {
		return time.Time{}, fmt.Errorf("xdotool click: %v\n%s", err, out)
	}
	for end := time.Now().Add(timeout); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if now, err := x.lookAt(window, r); err == nil && now != before {
			return time.Now(), nil
		}
	}
	return time.Time{}, fmt.Errorf("window %#x did not answer a click within %s", window, timeout)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func millis(ds []time.Duration) []int64 {
	out := make([]int64, len(ds))
	for i, d := range ds {
		out[i] = d.Milliseconds()
	}
	return out
}
