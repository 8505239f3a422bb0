package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestWorkshopDayByKeyboard runs a whole workshop as a note-taker does, by
// keyboard, in the real binary under a virtual display: three tables,
// four participants at each, two cards laid and rated per table, a blind
// round of the four on one of them, revealed; the room view opened for the
// projector; then every screen. It does this for each run of
// DECKHAND_DAY_RUNS (language:screen, default "fi:1366x768 sv:1024x700"),
// keeps a screenshot of each step in DECKHAND_DAY/<language>-<screen>/ for
// a person to look at, and checks through the command line what the day
// logged. `make day` runs it; it takes minutes, so make test does not.
func TestWorkshopDayByKeyboard(t *testing.T) {
	out := os.Getenv("DECKHAND_DAY")
	if out == "" {
		t.Skip("set DECKHAND_DAY=folder (make day) to run a workshop day by keyboard")
	}
	runs := strings.Fields(os.Getenv("DECKHAND_DAY_RUNS"))
	if len(runs) == 0 {
		runs = []string{"fi:1366x768", "sv:1024x700"}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "deckhand")
	if b, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	locales := map[string]string{"en": "en_GB.UTF-8", "sv": "sv_SE.UTF-8", "fi": "fi_FI.UTF-8"}
	for _, run := range runs {
		language, screen, _ := strings.Cut(run, ":")
		locale, ok := locales[language]
		if !ok || screen == "" {
			t.Fatalf("run %q: want language:screen, such as fi:1366x768", run)
		}
		t.Run(run, func(t *testing.T) {
			display := startXvfbSized(t, screen+"x24")
			workshopDay(t, bin, display, locale, screen, filepath.Join(out, language+"-"+screen))
		})
	}
}

// The day's people: four at each of three tables.
var dayTables = [][]string{
	{"Owl", "Fox", "Elk", "Lynx"},
	{"Hare", "Wolf", "Seal", "Crow"},
	{"Bear", "Moth", "Swan", "Mole"},
}

// The cards each table lays (in area 1 and 2) and its ratings of them.
var dayCards = [][]string{{"R01", "R07"}, {"R12", "r3"}, {"R21", "R30"}}

func workshopDay(t *testing.T, bin, display, locale, screen, shots string) {
	home := t.TempDir()
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	d := &desktop{t: t, display: display, shots: shots, db: filepath.Join(home, "day.db")}
	d.launch(bin, locale, home)
	d.shot("01-decks")
	d.key("ctrl+3")
	d.key("ctrl+n")
	d.typeText("Day workshop")
	d.shot("02-new-workshop")
	d.key("Return")
	d.waitSQL("SELECT COUNT(*) FROM teams WHERE deleted_at IS NULL", "3")
	for table, people := range dayTables {
		if table > 0 {
			d.key("ctrl+Next") // the next table
		}
		d.key("ctrl+shift+p")
		for _, name := range people {
			d.typeText(name)
			d.key("Return")
		}
		d.shot(fmt.Sprintf("%02d-table-%d-participants", 3+table*3, table+1))
		d.key("Escape")
		for i, code := range dayCards[table] {
			d.typeText(code)
			d.key("Return")
			d.typeText(strconv.Itoa(i + 1)) // its area
			d.typeText("4325")              // the table's ratings
		}
		d.shot(fmt.Sprintf("%02d-table-%d-laid", 4+table*3, table+1))
		// The last card laid is chosen: the four rate it blind, in turn.
		d.key("ctrl+shift+b")
		for number := range people {
			d.typeText(strconv.Itoa(number+1) + "3454")
		}
		d.key("ctrl+shift+r")
		d.shot(fmt.Sprintf("%02d-table-%d-revealed", 5+table*3, table+1))
	}
	// Participants are 12, each table's plays 2 with 4 ratings, and each
	// table's blind round 4 participants × 4 criteria.
	d.waitSQL("SELECT COUNT(*) FROM participants WHERE deleted_at IS NULL", "12")
	d.waitSQL("SELECT COUNT(*) FROM plays WHERE deleted_at IS NULL", "6")
	d.waitSQL("SELECT COUNT(*) FROM ratings WHERE deleted_at IS NULL", strconv.Itoa(6*4+3*4*4))

	// The room view, for the projector, beside the board.
	// The room view, for the projector. It opens full screen and hands
	// the keyboard back to the main window, which (with no window manager
	// here) then lies over it: it is raised to be looked at as a
	// projector's screen would show it. In it M shows the matrix; Esc
	// leaves full screen and a second Esc closes it.
	d.key("F11")
	rooms := d.others()
	if len(rooms) == 0 {
		d.shot("failed")
		t.Fatal("F11 opened no room view")
	}
	room := rooms[len(rooms)-1]
	id, err := strconv.ParseUint(room, 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	roomShot := func(name string) {
		d.run("xdotool", "windowraise", room)
		if err := settleWindow(d.display, uint32(id), time.Second); err != nil {
			t.Fatal(err)
		}
		d.run("import", "-window", "root", filepath.Join(d.shots, name+".png"))
	}
	roomShot("12-room-board")
	d.run("xdotool", "windowfocus", "--sync", room)
	d.run("xdotool", "key", "--clearmodifiers", "m")
	roomShot("13-room-matrix")
	d.run("xdotool", "key", "--clearmodifiers", "Escape") // out of full screen
	d.closeOthers()                                       // and closed
	for i, screen := range []string{"ctrl+1", "ctrl+2", "ctrl+4"} {
		d.key(screen)
		d.waitChange(2 * time.Second) // what the screen reads off the UI goroutine
		d.shot(fmt.Sprintf("%02d-screen-%s", 14+i, strings.TrimPrefix(screen, "ctrl+")))
	}
	d.key("F1")
	d.shotOther("17-shortcuts")
	// Every window fits the screen: the sheet is made 720 high.
	var screenW, screenH int
	fmt.Sscanf(screen, "%dx%d", &screenW, &screenH)
	for _, id := range append(d.others(), d.window) {
		if w, h := d.windowSize(id); w > screenW || h > screenH {
			t.Errorf("window %s is %d×%d on a %s screen", id, w, h, screen)
		}
	}
	d.closeOthers()
	d.quit()

	var list []struct {
		Title string `json:"title"`
		Teams int    `json:"teams"`
		Plays int    `json:"plays"`
	}
	d.cli(&list, bin, "workshops", "--json")
	if len(list) != 1 || list[0].Title != "Day workshop" || list[0].Teams != 3 || list[0].Plays != 6 {
		t.Errorf("deckhand workshops --json = %+v; want the day's workshop, 3 tables, 6 cards", list)
	}
	t.Logf("screenshots in %s", shots)
}
