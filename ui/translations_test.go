package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"deckhand/assets"
)

// Every text the screens show through lang.L must be translated into each
// language Deckhand speaks, with the same format verbs, or a Swedish or
// Finnish user meets English in the middle of a screen (or a garbled
// number).
func TestEveryTextIsTranslated(t *testing.T) {
	used := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")\)`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			text, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			used[text] = true
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d texts; the scan is broken", len(used))
	}
	verbs := regexp.MustCompile(`%(\.\d)?[dsqf%]`)
	for _, lang := range []string{"en", "sv", "fi"} {
		data, err := assets.Translations.ReadFile("translations/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var table map[string]string
		if err := json.Unmarshal(data, &table); err != nil {
			t.Fatalf("%s.json: %v", lang, err)
		}
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
