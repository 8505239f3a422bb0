package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"deckhand/words"
)

// Every text the screens show through lang.L must be translated into each
// language Deckhand speaks, with the same format verbs, or a Swedish or
// Finnish user meets English in the middle of a screen (or a garbled
// number).
func TestEveryTextIsTranslated(t *testing.T) {
	used := uiTexts(t)
	verbs := regexp.MustCompile(`%(\.\d)?[dsqf%]`)
	for _, lang := range []string{"en", "sv", "fi"} {
		table := readTranslations(t, lang)
		var missing []string
		for text := range used {
			got, ok := table[text]
			if !ok || got == "" {
				missing = append(missing, text)
				continue
			}
			if a, b := verbs.FindAllString(text, -1), verbs.FindAllString(got, -1); !equal(a, b) {
				t.Errorf("%s: %q has format verbs %v, its translation %q has %v", lang, text, a, got, b)
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			t.Errorf("%s.json lacks %q", lang, m)
		}
	}
}

// uiTexts are the texts the app's packages (this one, the screens, kit)
// give lang.L.
func uiTexts(t *testing.T) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	// Every package of the app below ui/ (this one, the screens, kit).
	var files []string
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	// Texts reach lang.L as literals, as keys of lang.X, and as the actions
	// and sections of the key table (kit/keys.go), which the sheet translates.
	quoted := `("(?:[^"\\]|\\.)*")`
	call := regexp.MustCompile(`lang\.L\(` + quoted + `\)|lang\.X\(` + quoted + `|Action: ` + quoted + `|\bSec[A-Z]\w* += ` + quoted)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			text, err := strconv.Unquote(m[1] + m[2] + m[3] + m[4])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			used[text] = true
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d texts; the scan is broken", len(used))
	}
	return used
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The three files hold the same texts, Fyne's own (for its dialogs and text
// fields) among them, so that none is English only by being forgotten.
func TestTranslationFilesHoldTheSameTexts(t *testing.T) {
	keys := map[string][]string{}
	for _, lang := range []string{"en", "sv", "fi"} {
		for k := range readTranslations(t, lang) {
			keys[lang] = append(keys[lang], k)
		}
		sort.Strings(keys[lang])
	}
	for _, lang := range []string{"sv", "fi"} {
		if !equal(keys["en"], keys[lang]) {
			t.Errorf("%s.json has %d texts, en.json %d, or other ones", lang, len(keys[lang]), len(keys["en"]))
		}
	}
	for _, fyneKey := range []string{"Cancel", "OK", "Yes", "No", "Save", "Open", "Confirm", "Error", "File", "Folder", "file.name", "Enter filename"} {
		if _, ok := readTranslations(t, "fi")[fyneKey]; !ok {
			t.Errorf("fi.json lacks Fyne's %q", fyneKey)
		}
	}
}

// readTranslations reads one of the catalogue's files (package words): each
// text, a counted phrase's as its form for every count but one.
func readTranslations(t *testing.T, lang string) map[string]string {
	t.Helper()
	table := map[string]string{}
	for key, e := range readEntries(t, lang) {
		table[key] = e.Other
	}
	return table
}

// readEntries reads one of the catalogue's files, plural forms and all.
func readEntries(t *testing.T, lang string) map[string]words.Entry {
	t.Helper()
	entries, err := words.Entries(lang)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}
