package cards_test

import (
	"errors"
	"strings"
	"testing"

	"deckhand/cards"
)

// A deck file written by hand with a value of the wrong kind must say so in
// the words of JSON, with the field and the line: the reader has never
// seen the Go types the file is decoded into.
func TestReadJSONNamesKindsOfValueNotGoTypes(t *testing.T) {
	head := `{"format": "deckhand.deck", "version": 1,` + "\n"
	tests := []struct {
		name string
		in   string
		want string // the whole problem, line and column included
	}{
		{"a list, not a deck", "[1, 2]", `line 1, column 1: the file should hold one deck, a JSON object { … }, not a list [ … ]`},
		{"text, not a deck", `"deck"`, `line 1, column 1: the file should hold one deck, a JSON object { … }, not text in quotes`},
		{"version in quotes", `{"format": "deckhand.deck", "version": "1"}`, `line 1, column 43: field "version" should be a whole number, not text in quotes`},
		{"cards as an object", head + `"cards": {}}`, `line 2, column 11: field "cards" should be a list [ … ], not an object { … }`},
		{"a code as a number", head + `"cards": [{"code": 5}]}`, `line 2, column 21: field "cards.code" should be text in quotes, not a number`},
		{"a title as text", head + `"cards": [{"title": "x"}]}`, `line 2, column 24: field "cards.title" should be an object { … }, not text in quotes`},
		{"copies with a fraction", head + `"cards": [{"copies": 1.5}]}`, `line 2, column 25: field "cards.copies" should be a whole number, not the number 1.5`},
		{"tags as text", head + `"cards": [{"tags": "a"}]}`, `line 2, column 23: field "cards.tags" should be a list [ … ], not text in quotes`},
		{"a field no deck has", head + `"bogus": 1}`, `line 2, column 1: a deck file has no field "bogus"; remove it or check its spelling`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cards.ReadJSON(strings.NewReader(tt.in))
			var ps cards.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v (%T); want cards.Problems", err, err)
			}
			if len(ps) != 1 {
				t.Fatalf("%d problems, want 1: %v", len(ps), ps)
			}
			if got := ps[0].String(); got != tt.want {
				t.Errorf("problem\n got %q\nwant %q", got, tt.want)
			}
			if strings.Contains(err.Error(), "cards.") && !strings.Contains(tt.want, "cards.") || strings.Contains(err.Error(), "json:") {
				t.Errorf("the problem names Go's types or package: %q", err)
			}
		})
	}
}
