package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The dependency rule of docs/architecture.md: each third-party library
// has one home, and the arrows between our packages point one way. This
// test reads every package's direct imports with go list and fails on a
// dependency in the wrong place.
func TestDependencyRule(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := map[string][]string{ // our packages each may import, besides the standard library
		"deckhand/message":             {},
		"deckhand/words":               {"deckhand/message", "deckhand/assets", "github.com/nicksnyder/go-i18n/v2", "golang.org/x/text"},
		"deckhand/cards":               {"deckhand/message", "deckhand/assets", "deckhand/raster", "github.com/google/uuid", "golang.org/x/text"}, // x/text: normal form C, and how names order and compare (cards/names.go); raster: a logo scaled once when stored
		"deckhand/game":                {"deckhand/message", "deckhand/cards"},
		"deckhand/storage":             {"deckhand/message", "deckhand/cards", "deckhand/game", "github.com/mattn/go-sqlite3", "golang.org/x/sys"},
		"deckhand/storage/storagetest": {"deckhand/cards", "deckhand/game", "deckhand/assets", "deckhand/storage"},
		"deckhand/pdf":                 {"deckhand/message", "deckhand/words", "deckhand/cards", "deckhand/game", "deckhand/assets", "deckhand/raster", "deckhand/hyphen", "codeberg.org/go-pdf/fpdf"},
		"deckhand/hyphen":              {"deckhand/assets"},                       // where words break: the patterns' only reader
		"deckhand/raster":              {"deckhand/assets", "golang.org/x/image"}, // pictures: x/image only here
		"deckhand/assets":              {},
		"deckhand/workbook":            {"deckhand/message", "deckhand/words", "deckhand/cards", "deckhand/game", "deckhand/assets", "github.com/xuri/excelize/v2"}, // the results workbook: excelize only here
		"deckhand/teamfolder":          {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "github.com/fsnotify/fsnotify"},                 // the team folder: fsnotify only here
		"deckhand/chart":               {"deckhand/message", "deckhand/words", "deckhand/cards", "deckhand/game", "deckhand/assets", "deckhand/raster"},             // the matrix for slides
		// The main window knows the screens; no screen knows another.
		"deckhand/ui":                 {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/teamfolder", "deckhand/pdf", "deckhand/assets", "deckhand/ui/decks", "deckhand/ui/print", "deckhand/ui/workshop", "deckhand/ui/results", "deckhand/ui/room", "deckhand/ui/kit", "deckhand/ui/widgets", "fyne.io/fyne/v2", "github.com/go-gl/glfw"},
		"deckhand/ui/decks":           {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/pdf", "deckhand/assets", "deckhand/ui/kit", "deckhand/ui/widgets", "fyne.io/fyne/v2"},
		"deckhand/ui/print":           {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/pdf", "deckhand/assets", "deckhand/ui/kit", "deckhand/ui/widgets", "fyne.io/fyne/v2"},
		"deckhand/ui/workshop":        {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/pdf", "deckhand/assets", "deckhand/ui/kit", "deckhand/ui/widgets", "fyne.io/fyne/v2"},
		"deckhand/ui/results":         {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/pdf", "deckhand/workbook", "deckhand/chart", "deckhand/assets", "deckhand/ui/kit", "deckhand/ui/widgets", "fyne.io/fyne/v2"},
		"deckhand/ui/room":            {"deckhand/cards", "deckhand/game", "deckhand/ui/kit", "deckhand/ui/widgets", "fyne.io/fyne/v2"},
		"deckhand/ui/kit":             {"deckhand/message", "deckhand/words", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/pdf", "deckhand/assets", "fyne.io/fyne/v2", "github.com/jeandeaual/go-locale"},
		"deckhand/ui/internal/uitest": {"deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/assets", "deckhand/ui/kit", "fyne.io/fyne/v2"},
		"deckhand/ui/widgets":         {"deckhand/cards", "deckhand/game", "deckhand/pdf", "deckhand/assets", "fyne.io/fyne/v2"},
		"deckhand/cli":                {"deckhand/message", "deckhand/cards", "deckhand/game", "deckhand/storage", "deckhand/teamfolder", "deckhand/pdf", "deckhand/workbook", "deckhand/chart", "deckhand/assets"},
		"deckhand/cli/cleanlocale":    {},
		"deckhand/cmd/deckhand-cli":   {"deckhand/cli", "deckhand/cli/cleanlocale"},
		"deckhand":                    {"deckhand/cli", "deckhand/cli/cleanlocale", "deckhand/ui", "deckhand/storage", "deckhand/assets", "fyne.io/fyne/v2", "github.com/BurntSushi/toml"},
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		rules, known := allowed[pkg]
		if !known {
			t.Errorf("package %s is not in the dependency rule; add it to docs/architecture.md and this test", pkg)
			continue
		}
		for _, imp := range imports {
			if isStandard(imp) || permitted(imp, rules) {
				continue
			}
			t.Errorf("%s imports %s, which the dependency rule does not allow", pkg, imp)
		}
	}
}

func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && first != "deckhand"
}

func permitted(imp string, rules []string) bool {
	for _, r := range rules {
		if imp == r || strings.HasPrefix(imp, r+"/") {
			return true
		}
	}
	return false
}

// The console command line links no Fyne, directly or not: it must start
// where there is no display, and on Windows it is the program a terminal
// runs (cmd/deckhand-cli).
func TestConsoleCommandLineLinksNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-deps", "./cmd/deckhand-cli").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") || strings.HasPrefix(dep, "github.com/go-gl/") {
			t.Errorf("cmd/deckhand-cli depends on %s; the console command line must not need a display", dep)
		}
	}
}

// The rule holds for tests too where it matters most: no screen's code or
// tests import another screen or the main window, and the shared test
// helpers (ui/internal/uitest, storage/storagetest) are imported by tests
// only (and the one by the other).
func TestScreensStayApartInTestsToo(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f",
		`{{.ImportPath}}|{{join .Imports " "}}|{{join .TestImports " "}} {{join .XTestImports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	screens := []string{"deckhand/ui/decks", "deckhand/ui/print", "deckhand/ui/workshop", "deckhand/ui/results", "deckhand/ui/room"}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		pkg, imports, testImports := parts[0], strings.Fields(parts[1]), strings.Fields(parts[2])
		for _, helpers := range []string{"deckhand/ui/internal/uitest", "deckhand/storage/storagetest"} {
			if slices.Contains(imports, helpers) && pkg != "deckhand/ui/internal/uitest" {
				t.Errorf("%s imports %s outside its tests", pkg, helpers)
			}
		}
		if !slices.Contains(screens, pkg) {
			continue
		}
		for _, imp := range append(imports, testImports...) {
			if imp != pkg && (imp == "deckhand/ui" || slices.Contains(screens, imp)) {
				t.Errorf("%s (or its tests) imports %s; a screen knows no other screen", pkg, imp)
			}
		}
	}
}
