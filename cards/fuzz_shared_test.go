package cards_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"deckhand/cards"
)

// FuzzReadShared feeds the shared deck reader anything, starting from the
// example of docs/file-formats.md: it must never panic, and a file it
// accepts must write and read back as the same bytes.
func FuzzReadShared(f *testing.F) {
	doc, err := os.ReadFile("../docs/file-formats.md")
	if err != nil {
		f.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json shared\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		f.Fatal("docs/file-formats.md has no shared deck example")
	}
	example := string(m[1])
	f.Add([]byte(example))
	f.Add([]byte(strings.Replace(example, `"version": 1`, `"version": 2`, 1)))
	f.Add([]byte(strings.Replace(example, `"deleted": true`, `"deleted": "yes"`, 1)))
	f.Add([]byte(strings.Replace(example, `"id": "c2"`, `"id": "c1"`, 1)))
	f.Add([]byte(example[:len(example)/2]))
	f.Add([]byte(`{"format": "deckhand.deck", "version": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sd, err := cards.ReadShared(data)
		if err != nil {
			return
		}
		var once bytes.Buffer
		if err := cards.WriteShared(&once, sd); err != nil {
			t.Fatalf("an accepted file does not write: %v", err)
		}
		back, err := cards.ReadShared(once.Bytes())
		if err != nil {
			t.Fatalf("a written file does not read back: %v\n%s", err, once.String())
		}
		var twice bytes.Buffer
		if err := cards.WriteShared(&twice, back); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("a file read back writes other bytes:\n%s\n%s", once.String(), twice.String())
		}
	})
}
