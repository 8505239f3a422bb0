package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// countCall is a counted phrase in the source: the English for a count of
// one and for every other count (the catalogue's key), and where it is.
type countCall struct{ one, other, pos string }

// countCalls finds the calls pkg.Count(n, one, other, …) in the Go files
// under dirs (tests left out): message.Count in the core packages,
// kit.Count in the app. A phrase that is not two string literals is a
// problem, since its forms could not be checked.
func countCalls(t *testing.T, pkg string, dirs ...string) (calls []countCall, problems []string) {
	t.Helper()
	fset := token.NewFileSet()
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Count" {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != pkg {
					return true
				}
				pos := fset.Position(call.Pos()).String()
				one, okOne := stringLiteral(call.Args, 1)
				other, okOther := stringLiteral(call.Args, 2)
				if !okOne || !okOther {
					problems = append(problems, pos+": a counted phrase whose forms are not string literals cannot be checked for a translation")
					return true
				}
				calls = append(calls, countCall{one, other, pos})
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return calls, problems
}

// stringLiteral is args[i] when it is a string literal.
func stringLiteral(args []ast.Expr, i int) (string, bool) {
	if i >= len(args) {
		return "", false
	}
	lit, ok := args[i].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// allCountCalls are the counted phrases of the whole app: the core
// packages' and the screens'.
func allCountCalls(t *testing.T) []countCall {
	t.Helper()
	var dirs []string
	for _, p := range corePackages {
		dirs = append(dirs, filepath.Join("..", p))
	}
	core, problems := countCalls(t, "message", dirs...)
	screens, more := countCalls(t, "kit", ".")
	for _, p := range append(problems, more...) {
		t.Error(p)
	}
	if len(core) < 8 || len(screens) < 25 {
		t.Fatalf("found %d counted phrases in the core packages and %d in the app; the scan is broken", len(core), len(screens))
	}
	return append(core, screens...)
}

// Every phrase that counts something has plural forms in all three
// languages, chosen by the count: en.json holds the source's two English
// forms, sv.json and fi.json a form for one and one for every other count,
// each with the verbs of the English, so that no one reads "1 korttia" or
// "1 errors".
func TestCountedPhrasesHavePluralFormsInEveryLanguage(t *testing.T) {
	calls := allCountCalls(t)
	entries := map[string]map[string]entryForms{}
	for _, code := range []string{"en", "sv", "fi"} {
		entries[code] = map[string]entryForms{}
		for key, e := range readEntries(t, code) {
			entries[code][key] = entryForms{e.One, e.Other}
		}
	}
	verbs := func(s string) string { return strings.Join(printfVerb.FindAllString(s, -1), " ") }
	for _, c := range calls {
		if verbs(c.one) != verbs(c.other) {
			t.Errorf("%s: %q and %q have different verbs; both forms take the same arguments", c.pos, c.one, c.other)
		}
		if en := entries["en"][c.other]; en.one != c.one || en.other != c.other {
			t.Errorf("%s: en.json holds %q as %+v, want one %q and other %q", c.pos, c.other, en, c.one, c.other)
		}
		for _, code := range []string{"sv", "fi"} {
			e, ok := entries[code][c.other]
			switch {
			case !ok || e.one == "" || e.other == "":
				t.Errorf("%s: %s.json has no plural forms for %q: %+v", c.pos, code, c.other, e)
			case verbs(e.one) != verbs(c.other) || verbs(e.other) != verbs(c.other):
				t.Errorf("%s: %s.json's forms of %q, %q and %q, do not have its verbs", c.pos, code, c.other, e.one, e.other)
			}
		}
	}
}

// entryForms are a catalogue entry's two forms.
type entryForms struct{ one, other string }

// A phrase with plural forms is only ever said through a count: looked up
// as a plain text (lang.L, message.Say or Word) it would always read in its
// form for many, and a form no count asks for is one nobody keeps right.
func TestEveryPluralEntryIsCounted(t *testing.T) {
	counted := map[string]bool{}
	for _, c := range allCountCalls(t) {
		counted[c.other] = true
	}
	for key, e := range readEntries(t, "en") {
		if e.Counted() && !counted[key] {
			t.Errorf("en.json has plural forms for %q, which no Count call says", key)
		}
	}
	formats, _ := coreFormats(t)
	for f, pos := range formats {
		if counted[f] {
			t.Errorf("%s: %q is said without its count; make it a message.Count", pos, f)
		}
	}
	for text := range uiTexts(t) {
		if counted[text] {
			t.Errorf("%q goes through lang.L, which takes no count; say it with kit.Count", text)
		}
	}
}

// The PDFs' words are in the catalogue, looked up in the document's
// language: every one of them is a format the translations test checks
// (TestCoreMessagesAreTranslated reads pdf/ with the other core packages,
// following printed, word and the steps of the guide to their English),
// and the words of each kind of PDF are among them.
func TestPrintedWordsAreInTheCatalogue(t *testing.T) {
	formats, _ := coreFormats(t)
	fromPDF := 0
	for _, pos := range formats {
		if strings.Contains(pos, string(filepath.Separator)+"pdf"+string(filepath.Separator)) {
			fromPDF++
		}
	}
	if fromPDF < 120 {
		t.Errorf("found only %d formats in pdf/; the printed words are not all found", fromPDF)
	}
	for _, w := range []string{
		"edition", "Table", "Print at 100 % (actual size)", // cards
		"Workshop report", "Contents", "Not rated", "Decisions", "Note-taker: %s", // report
		"Development path", "Glue here", "Tile", // board
		"Facilitator guide", "Pick routines", "Wrap up", "scale %d–%d", // guide
		"Rating data routines", "Customer's view", // rating sheets
		"Duplex calibration", "the long edge", // calibration
		"Do now", "Make desirable", // the quadrants, game's words for screen and print
	} {
		if _, ok := formats[w]; !ok {
			t.Errorf("the printed word %q is not found among the formats", w)
		}
	}
	en := readEntries(t, "en")
	for _, c := range allCountCalls(t) {
		if strings.Contains(c.pos, string(filepath.Separator)+"pdf"+string(filepath.Separator)) {
			if _, ok := en[c.other]; !ok {
				t.Errorf("%s: the counted phrase %q is not in the catalogue", c.pos, c.other)
			}
		}
	}
}

// The PDFs keep no words of their own: a table of words by language in
// pdf/ would print another wording than the screen's, or none in a
// language added later. Their words live in the catalogue.
func TestNoWordMapIsLeftInPDF(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "pdf", "*.go"))
	if err != nil || len(paths) < 20 {
		t.Fatalf("pdf/*.go: %d files, %v", len(paths), err)
	}
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "map[string]map[string]string") {
			t.Errorf("%s keeps a table of words by language; put its words in assets/translations", path)
		}
	}
}

// The catalogue's files are read by the package words, and by Fyne for
// the screens (kit.SetLanguage): a package reading them its own way would
// not know plural forms, nor say its words as the screens do.
func TestOnlyTheCatalogueReadsTheTranslationFiles(t *testing.T) {
	allowed := map[string]bool{filepath.Join("..", "words", "words.go"): true, filepath.Join("..", "words", "entries.go"): true,
		filepath.Join("kit", "language.go"): true}
	for _, dir := range []string{"..", "."} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "ui" && dir == ".." || strings.HasPrefix(d.Name(), ".") && path != dir) {
				return filepath.SkipDir // ui/ is walked as "."
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || allowed[path] {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if strings.Contains(string(src), "assets.Translations") {
				t.Errorf("%s reads the translation files itself; take its words from the package words", path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
