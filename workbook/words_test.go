package workbook

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"deckhand/words"
)

// wordCall finds the words and sentences of this package's source: the
// literals given to message.Word, Say and Refusal.
var wordCall = regexp.MustCompile(`message\.(?:Word|Say|Refusal)\(("(?:[^"\\]|\\.)*")`)

// Every word and sentence of the workbook is in the translation files of
// the three languages, en.json holding it as itself, sv.json and fi.json
// with the same verbs. Unlike the core packages' sentences a word may be
// the same in another language ("Workshop", "Organisation"): these are
// the app's own words, translated as its screens say them.
func TestEveryWordOfTheWorkbookIsTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range wordCall.FindAllStringSubmatch(string(src), -1) {
			format, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %s: %v", name, m[1], err)
			}
			formats[format] = name
		}
	}
	if len(formats) < 30 { // the quadrants and kinds of note are game's words
		t.Fatalf("found only %d words; the scan is broken", len(formats))
	}
	verbs := regexp.MustCompile(`%[-+# 0]*(\d+|\*)?(\.\d+)?[a-zA-Z%]`)
	for _, code := range []string{"en", "sv", "fi"} {
		table, err := words.Entries(code)
		if err != nil {
			t.Fatal(err)
		}
		for format, where := range formats {
			entry, ok := table[format]
			got := entry.Other
			switch {
			case !ok || got == "":
				t.Errorf("%s.json lacks %q (%s)", code, format, where)
			case code == "en" && got != format:
				t.Errorf("en.json holds %q as %q; it must be the English itself", format, got)
			case strings.Join(verbs.FindAllString(got, -1), " ") != strings.Join(verbs.FindAllString(format, -1), " "):
				t.Errorf("%s.json: %q and its translation %q have other verbs", code, format, got)
			}
		}
	}
}
