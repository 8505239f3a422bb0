package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The Windows checks: the package a Windows user downloads
// (dist/Deckhand-windows-amd64.zip, from make package-windows) is
// unpacked and its programs run under Wine, in a Wine prefix of the
// test's own, as on a new Windows laptop: the command line's main commands
// on a fresh database in the default data folder, checked as the Linux
// tests check them, and the desktop app under Xvfb, which must draw its
// window and turn Finnish when Suomi is chosen in Settings. The
// screenshots stay in build/windows/ for a person to look at.
//
// Wine 8 (Debian 12) lacks bcryptprimitives.dll, without which no Go
// program starts; the test builds the one function Go needs from
// testdata/wine with mingw and puts it in the prefix (real Windows 10 and
// 11 have the DLL). DECKHAND_WINE=1 (make windows-check, part of make
// test) runs it.

// wine is a Wine prefix of the test's own with the unpacked package.
type wine struct {
	t      *testing.T
	prefix string // the prefix, a Linux folder
	dir    string // where the package was unpacked
	env    []string
}

func TestWindowsPackageUnderWine(t *testing.T) {
	if os.Getenv("DECKHAND_WINE") == "" {
		t.Skip("set DECKHAND_WINE=1 (make windows-check) to run the Windows package under Wine")
	}
	for _, tool := range []string{"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool", "import", "tesseract", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing; make windows-check installs it", tool)
		}
	}
	w := newWine(t, filepath.Join("dist", "Deckhand-windows-amd64.zip"))
	t.Run("commands", func(t *testing.T) { w.in(t).commands(t) })
	t.Run("desktop", func(t *testing.T) { w.in(t).desktop(t) })
}

// in is the same prefix, for a subtest: its failures are the subtest's.
func (w *wine) in(t *testing.T) *wine {
	c := *w
	c.t = t
	return &c
}

// newWine unpacks the zip, checks what it holds, and makes a new prefix
// with the DLL the Go runtime needs.
func newWine(t *testing.T, zipPath string) *wine {
	t.Helper()
	w := &wine{t: t, prefix: filepath.Join(t.TempDir(), "prefix"), dir: t.TempDir()}
	unpacked := unzip(t, zipPath, w.dir)
	for _, want := range []string{"Deckhand/Deckhand.exe", "Deckhand/deckhand-cli.exe", "Deckhand/README.txt", "Deckhand/LICENSE-LiberationSans.txt"} {
		if !unpacked[want] {
			t.Errorf("the zip lacks %s; it holds %v", want, unpacked)
		}
	}
	w.dir = filepath.Join(w.dir, "Deckhand")
	checkVersionResource(t, filepath.Join(w.dir, "Deckhand.exe"))
	readme, err := os.ReadFile(filepath.Join(w.dir, "README.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SVENSKA", "SUOMI", "ENGLISH", "Deckhand.exe", "deckhand-cli.exe", `%AppData%\Deckhand`} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.txt does not say %q", want)
		}
	}
	// Wine's own first-run installers (Mono, Gecko) would ask in a dialog.
	// Wine turns the command line into Windows' UTF-16 by the locale's
	// character set: a UTF-8 one, which every Debian has, keeps "ä".
	w.env = append(os.Environ(), "WINEPREFIX="+w.prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=", "WINEARCH=win64", "LC_ALL=C.UTF-8")
	w.run("wineboot", "--init")
	dll := filepath.Join(w.prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	w.run("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", dll,
		filepath.Join("testdata", "wine", "bcryptprimitives.c"), filepath.Join("testdata", "wine", "bcryptprimitives.def"), "-ladvapi32")
	t.Cleanup(func() {
		kill := exec.Command("wineserver", "-k")
		kill.Env = w.env
		kill.Run()
	})
	return w
}

// checkVersionResource checks that the desktop app carries the version
// resource Windows shows in its Properties: its name and the version and
// build of FyneApp.toml, as UTF-16 strings (the icon is beside them in the
// same resource section).
func checkVersionResource(t *testing.T, exe string) {
	t.Helper()
	meta, err := appMetadata()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	utf16 := func(s string) []byte {
		var out []byte
		for _, r := range s {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	version := meta.Version + "." + strconv.Itoa(meta.Build)
	for _, want := range []string{"ProductName", meta.Name, "ProductVersion", version} {
		if !bytes.Contains(b, utf16(want)) {
			t.Errorf("Deckhand.exe has no %q in its version resource", want)
		}
	}
}

// unzip unpacks a zip into dir and returns the names of the files in it.
func unzip(t *testing.T, zipPath, dir string) map[string]bool {
	t.Helper()
	r, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatalf("%v; make windows-check packages it first (make package-windows)", err)
	}
	defer r.Close()
	names := map[string]bool{}
	for _, f := range r.File {
		if f.FileInfo().IsDir() {
			continue
		}
		names[f.Name] = true
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		in, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return names
}

// run runs a Linux program with the prefix's environment and fails on an
// error.
func (w *wine) run(name string, args ...string) string {
	w.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = w.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		w.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// cli runs deckhand-cli.exe under Wine and returns its exit code, stdout
// and stderr.
func (w *wine) cli(args ...string) (int, string, string) {
	w.t.Helper()
	cmd := exec.Command("wine", append([]string{filepath.Join(w.dir, "deckhand-cli.exe")}, args...)...)
	cmd.Env = w.env
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		w.t.Fatalf("wine deckhand-cli.exe: %v", err)
	}
	return code, strings.ReplaceAll(out.String(), "\r\n", "\n"), strings.ReplaceAll(errOut.String(), "\r\n", "\n")
}

// ok runs a command that must succeed and returns what it printed.
func (w *wine) ok(args ...string) string {
	w.t.Helper()
	code, out, errOut := w.cli(args...)
	if code != 0 {
		w.t.Fatalf("deckhand-cli.exe %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// windowsPath is a Linux path as Wine's programs see it: on drive Z:.
func windowsPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	return `Z:` + strings.ReplaceAll(abs, "/", `\`)
}

// linuxPath is a path a Windows program printed, on drive C: of the
// prefix or Z:, as a Linux path.
func (w *wine) linuxPath(path string) string {
	path = strings.TrimSpace(path)
	switch {
	case strings.HasPrefix(path, `C:\`):
		return filepath.Join(w.prefix, "drive_c", filepath.FromSlash(strings.ReplaceAll(path[3:], `\`, "/")))
	case strings.HasPrefix(path, `Z:\`):
		return "/" + strings.ReplaceAll(path[3:], `\`, "/")
	}
	w.t.Fatalf("%q is not a path on drive C: or Z:", path)
	return ""
}

// defaultDatabase is the database in the default data folder of the
// prefix's user: %AppData%\Deckhand\deckhand.db.
func (w *wine) defaultDatabase() string {
	w.t.Helper()
	found, _ := filepath.Glob(filepath.Join(w.prefix, "drive_c", "users", "*", "AppData", "Roaming", "Deckhand", "deckhand.db"))
	if len(found) != 1 {
		w.t.Fatalf("the database is not in %%AppData%%\\Deckhand: found %v", found)
	}
	return found[0]
}

// pdfText is the text of a PDF, by pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

const (
	defaultDeck     = "4K data routines"
	exampleWorkshop = "Exempel: Ansvarsfull dataanvändning i kundservice"
)

// commands runs the command line's main commands on a fresh database in
// the default data folder.
func (w *wine) commands(t *testing.T) {
	out := t.TempDir()
	decks := w.ok("decks")
	if !strings.Contains(decks, defaultDeck) {
		t.Fatalf("decks does not list the default deck:\n%s", decks)
	}
	db := w.defaultDatabase()
	if info, err := os.Stat(db); err != nil || info.Size() == 0 {
		t.Fatalf("the default database %s: %v", db, err)
	}

	// A deck out to CSV and back in as a client's variant.
	csvPath := filepath.Join(out, "deck.csv")
	w.ok("export", "--deck", defaultDeck, "-o", windowsPath(csvPath))
	rows := readCSV(t, csvPath, ',')
	if len(rows) != 63 || rows[0][0] != "code" {
		t.Errorf("the exported deck has %d rows starting %q; want a header and 62 cards", len(rows), rows[0])
	}
	w.ok("import", windowsPath(csvPath), "--name", "Acme variant")
	var listed []struct{ Name string }
	if err := json.Unmarshal([]byte(w.ok("decks", "--json")), &listed); err != nil || len(listed) != 2 {
		t.Errorf("after the import, decks --json lists %v (%v); want the default deck and Acme variant", listed, err)
	}

	// Printing: the cards, and the whole kit into a folder.
	var cardList []struct{ Code string }
	if err := json.Unmarshal([]byte(w.ok("cards", "--deck", defaultDeck, "--lang", "en", "--json")), &cardList); err != nil || len(cardList) == 0 {
		t.Fatalf("cards --json: %v", err)
	}
	cardsPDF := filepath.Join(out, "cards.pdf")
	w.ok("print", "cards", "--deck", defaultDeck, "--lang", "en", "-o", windowsPath(cardsPDF))
	if text := pdfText(t, cardsPDF); !strings.Contains(text, cardList[0].Code) {
		t.Errorf("cards.pdf does not hold the first card's code %s", cardList[0].Code)
	}
	w.fileHeldOpen(cardsPDF, "print", "cards", "--deck", defaultDeck, "--lang", "en", "-o", windowsPath(cardsPDF))

	kit := filepath.Join(out, "kit")
	w.ok("print", "kit", "--deck", defaultDeck, "--tables", "2", "-o", windowsPath(kit))
	if pdfs, _ := filepath.Glob(filepath.Join(kit, "*", "*.pdf")); len(pdfs) < 4 {
		t.Errorf("the kit folder holds %v; want its PDFs (cards, board, sheets, guide) in the deck's folder", pdfs)
	}

	// Card pictures at a print shop's template size, and the board as a
	// picture: the same pixels as on Linux, since the font and the drawing
	// are Deckhand's own.
	pictures := filepath.Join(out, "pictures")
	w.ok("print", "images", "--deck", defaultDeck, "--preset", "tgc-poker", "--only", cardList[0].Code, "--backs", "-o", windowsPath(pictures))
	names, _ := filepath.Glob(filepath.Join(pictures, "*.png"))
	if len(names) != 2 {
		t.Errorf("print images wrote %v; want the card's front and its type's back", names)
	}
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != 825 || cfg.Height != 1125 {
			t.Errorf("%s under Windows: %d × %d, %v; want The Game Crafter's 825 × 1125", filepath.Base(name), cfg.Width, cfg.Height, err)
		}
	}
	board := filepath.Join(out, "board.png")
	w.ok("print", "board-image", "--deck", defaultDeck, "--width", "1000", "-o", windowsPath(board))
	if f, err := os.Open(board); err != nil {
		t.Error(err)
	} else if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != 1000 {
		t.Errorf("board.png under Windows: %+v, %v", cfg, err)
		f.Close()
	} else {
		f.Close()
	}

	// The client's look under Windows: a logo read from a Windows path,
	// scaled as on Linux, on the back's picture.
	logo := filepath.Join(out, "logo.png")
	logoImg := image.NewNRGBA(image.Rect(0, 0, 1600, 800))
	draw.Draw(logoImg, logoImg.Bounds(), image.NewUniform(color.NRGBA{255, 0, 255, 255}), image.Point{}, draw.Src)
	var logoPNG bytes.Buffer
	if err := png.Encode(&logoPNG, logoImg); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(logo, logoPNG.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if said := w.ok("decks", "look", "--deck", defaultDeck, "--logo", windowsPath(logo)); !strings.Contains(said, "1200 × 600 pixels") {
		t.Errorf("decks look under Windows says %q; want the logo scaled to 1200 × 600", said)
	}
	branded := filepath.Join(out, "branded")
	w.ok("print", "images", "--deck", defaultDeck, "--only", cardList[0].Code, "--backs", "--dpi", "100", "-o", windowsPath(branded))
	if backs, _ := filepath.Glob(filepath.Join(branded, "back-*.png")); len(backs) != 1 {
		t.Errorf("print images wrote backs %v", backs)
	} else if f, err := os.Open(backs[0]); err != nil {
		t.Error(err)
	} else {
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if r, g, bl, _ := img.At(b.Dx()/2, b.Dy()/4).RGBA(); r>>8 < 230 || g>>8 > 30 || bl>>8 < 230 {
			t.Errorf("the back's picture under Windows has #%02x%02x%02x where the logo goes", r>>8, g>>8, bl>>8)
		}
	}
	w.ok("decks", "look", "--deck", defaultDeck, "--no-logo")

	// A workshop in, out, its results and report.
	w.ok("workshop", "import", windowsPath(filepath.Join("docs", "example-workshop.json")))
	exported := filepath.Join(out, "workshop.json")
	w.ok("workshop", "export", "--workshop", exampleWorkshop, "-o", windowsPath(exported))
	var file struct {
		Workshop     struct{ Title string }
		Participants []struct{ Pseudonym string }
	}
	readJSON(t, exported, &file)
	if file.Workshop.Title != exampleWorkshop || len(file.Participants) == 0 {
		t.Errorf("the exported workshop is %q with %d participants", file.Workshop.Title, len(file.Participants))
	}
	resultsPath := filepath.Join(out, "results.csv")
	w.ok("results", "--workshop", exampleWorkshop, "--format", "csv", "-o", windowsPath(resultsPath))
	// The example workshop is Swedish: ";" between cells, for a Swedish Excel.
	if rows := readCSV(t, resultsPath, ';'); len(rows) < 2 || len(rows[0]) != 17 {
		t.Errorf("results.csv has %d rows, the first of %d cells; want a header of 17 and the routines", len(rows), len(rows[0]))
	}
	report := filepath.Join(out, "report.pdf")
	w.ok("report", "--workshop", exampleWorkshop, "-o", windowsPath(report))
	if text := pdfText(t, report); !strings.Contains(text, "Exempel") {
		t.Errorf("report.pdf does not name the workshop:\n%.400s", text)
	}

	// A team folder: this laptop writes its workshops there, a second
	// database merges them, as two laptops sharing a synced folder do.
	team := filepath.Join(out, "Deckhand team")
	if err := os.Mkdir(team, 0o755); err != nil {
		t.Fatal(err)
	}
	w.ok("sync", "--folder", windowsPath(team), "--remember", "--once")
	if files, _ := filepath.Glob(filepath.Join(team, "workshops", "*", "*.json")); len(files) != 1 {
		t.Errorf("after sync --once the team folder holds %v; want the example workshop's file", files)
	}
	second := windowsPath(filepath.Join(out, "second.db"))
	if merged := w.ok("--db", second, "sync", "--folder", windowsPath(team), "--once"); !strings.Contains(merged, "1 merged") {
		t.Errorf("a second database's sync --once says:\n%s\nwant it to merge the workshop", merged)
	}
	if listed := w.ok("--db", second, "workshops"); !strings.Contains(listed, exampleWorkshop) {
		t.Errorf("after merging the team folder, the second database lists:\n%s", listed)
	}
	if again := w.ok("sync", "--once"); !strings.Contains(again, "0 written") {
		t.Errorf("a second sync --once, with the folder remembered, says:\n%s\nwant nothing written", again)
	}
	// A published deck goes the same way, and arrives shared.
	w.ok("clone", "--deck", defaultDeck, "--name", "Kunde Oy")
	w.ok("decks", "publish", "--deck", "Kunde Oy")
	w.ok("sync", "--once")
	if files, _ := filepath.Glob(filepath.Join(team, "decks", "*", "*.json")); len(files) != 1 {
		t.Errorf("after publishing a deck the team folder holds %v; want its file", files)
	}
	w.ok("--db", second, "sync", "--folder", windowsPath(team), "--once")
	if listed := w.ok("--db", second, "decks"); !strings.Contains(listed, "Kunde Oy") || !strings.Contains(listed, "yes") {
		t.Errorf("after the deck's sync the second database lists:\n%s\nwant Kunde Oy, shared", listed)
	}

	backupOut := w.ok("backup")
	backup := w.linuxPath(strings.SplitN(backupOut, "\n", 2)[0])
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup printed %q, which is not a file: %v", backupOut, err)
	}
	w.ok("restore", windowsPath(backup))
	if check := w.ok("check"); !strings.Contains(check, "sound") && !strings.Contains(check, "ok") {
		t.Errorf("check after the restore says:\n%s", check)
	}
	w.ok("erase", "--workshop", exampleWorkshop)
	readJSON(t, exported, &file) // the file exported before still holds the names
	w.ok("workshop", "export", "--workshop", exampleWorkshop, "-o", windowsPath(exported), "--force")
	readJSON(t, exported, &file)
	for _, p := range file.Participants {
		if p.Pseudonym != "(erased)" {
			t.Errorf("after erase, a participant is %q; want (erased)", p.Pseudonym)
		}
	}
}

// fileHeldOpen runs a command that replaces path while another Windows
// program holds it open, shared for reading only, as a PDF viewer does:
// the command must say so in one sentence and leave the file as it was,
// and succeed once the program has let go.
func (w *wine) fileHeldOpen(path string, args ...string) {
	t := w.t
	t.Helper()
	holder := filepath.Join(t.TempDir(), "holdopen.exe")
	w.run("x86_64-w64-mingw32-gcc", "-municode", "-O2", "-o", holder, filepath.Join("testdata", "wine", "holdopen.c"))
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	hold := exec.Command("wine", holder, windowsPath(path))
	hold.Env = w.env
	stdin, err := hold.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := hold.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := hold.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); strings.TrimSpace(line) != "held" {
		t.Fatalf("holdopen.exe could not open %s: %q", path, line)
	}
	code, out, errOut := w.cli(args...)
	stdin.Close()
	hold.Wait()
	if code != 1 || !strings.Contains(errOut, "the file is open in another program; close it there") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("replacing a file another program has open: exit %d, said %q%q; want exit 1 and one line saying the file is open in another program", code, out, errOut)
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the refused command changed %s (%v)", path, err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(leftovers) > 0 {
		t.Errorf("the refused command left %v beside the file", leftovers)
	}
	w.ok(args...)
}

// readCSV reads the CSV file at path whose cells comma separates.
func readCSV(t *testing.T, path string, comma rune) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = comma
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %d rows, %v", path, len(rows), err)
	}
	rows[0][0] = strings.TrimPrefix(rows[0][0], "\ufeff")
	return rows
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// desktop starts Deckhand.exe under Wine and Xvfb, in English, looks at its
// window, chooses Suomi in Settings by clicking it, as a person does, and
// reads the window's texts again: they are Finnish.
func (w *wine) desktop(t *testing.T) {
	shots := filepath.Join("build", "windows")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	display := startXvfb(t)
	d := &desktop{t: t, display: display, shots: shots}
	app := exec.Command("wine", filepath.Join(w.dir, "Deckhand.exe"))
	app.Env = append(w.env, "DISPLAY="+display)
	var appLog strings.Builder
	app.Stdout, app.Stderr = &appLog, &appLog
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	d.exited = make(chan error, 1)
	go func() { d.exited <- app.Wait() }()
	t.Cleanup(func() {
		app.Process.Kill()
		if t.Failed() {
			t.Logf("app output:\n%s", appLog.String())
		}
	})
	d.waitWindow()
	d.shot("decks-en")
	checkScreenshot(t, filepath.Join(shots, "decks-en.png"))
	if words := ocrWords(t, filepath.Join(shots, "decks-en.png")); !hasWords(words, "Decks", "Print", "Results") {
		t.Errorf("the English window does not read Decks, Print, Results: %v", words)
	}

	d.key("ctrl+comma")
	d.shotOther("settings-en")
	settings := d.others()
	boxes := ocrBoxes(t, filepath.Join(shots, "settings-en.png"))
	suomi, found := boxes["Suomi"]
	if !found {
		t.Fatalf("Settings does not show Suomi: %v", boxes)
	}
	d.run("xdotool", "mousemove", "--window", settings[len(settings)-1], suomi[0], suomi[1], "click", "1")
	d.waitChange(10 * time.Second) // the screens are built again in Finnish
	d.shotOther("settings-fi")
	d.closeOthers()
	d.shot("decks-fi")
	if words := ocrWords(t, filepath.Join(shots, "decks-fi.png")); !hasWords(words, "Korttipakat", "Tulosta", "Tulokset") {
		t.Errorf("after Suomi was chosen, the window does not read Korttipakat, Tulosta, Tulokset: %v", words)
	}
	d.quit()
}
