package cards_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"deckhand/cards"
)

// exampleJSON is testdata/example.json, a small valid deck that the tests
// below break in one place each.
func exampleJSON(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/example.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// replace changes exactly one occurrence of old, so a test cannot silently
// stop breaking the file when example.json changes.
func replace(t *testing.T, s, old, new string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%q occurs %d times in the test input, want 1", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

// A person fixing a hand-edited deck file needs to be sent to the character
// that is wrong, as their editor numbers lines and columns (characters, not
// bytes: "Å" is one column).
func TestReadJSONSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
	}{
		{"missing comma", "{\n  \"format\": \"deckhand.deck\"\n  \"version\": 1\n}", 3, 3},
		{"on the first line", `{"format": x}`, 1, 12},
		{"after non-ASCII text", "{\n  \"name\": \"Åsa\" x\n}", 2, 17},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cards.ReadJSON(strings.NewReader(tt.in))
			ps := problemsOf(t, err)
			if len(ps) != 1 || ps[0].Line != tt.line || ps[0].Column != tt.col || !strings.Contains(ps[0].Msg, "malformed") {
				t.Errorf("problems:\n%swant one \"malformed\" at line %d, column %d", dumpProblems(ps), tt.line, tt.col)
			}
		})
	}
	t.Run("double comma in example.json", func(t *testing.T) {
		in := replace(t, exampleJSON(t), `"edition": 1,`, `"edition": 1,,`)
		ps := problemsOf(t, func() error { _, err := cards.ReadJSON(strings.NewReader(in)); return err }())
		if want := lineOf(t, in, `"edition"`); len(ps) != 1 || ps[0].Line != want || ps[0].Column != 16 {
			t.Errorf("problems:\n%swant line %d, column 16", dumpProblems(ps), want)
		}
	})
}

// A value of the wrong type is reported on its own line with the field
// named as in the file. The card case matters most: a deck has hundreds of
// cards and the line is the only way to find the one that is wrong.
func TestReadJSONTypeErrorPosition(t *testing.T) {
	tests := []struct {
		name, old, new, field string
	}{
		{"deck field", `"edition": 1,`, `"edition": "1",`, `"edition"`},
		{"card field", `"copies": 2,`, `"copies": "two",`, `"cards.copies"`},
		{"criterion field", `"max": 5
    },
    {
      "key": "feasibility"`, `"max": "5"
    },
    {
      "key": "feasibility"`, `"criteria.max"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := replace(t, exampleJSON(t), tt.old, tt.new)
			_, err := cards.ReadJSON(strings.NewReader(in))
			ps := problemsOf(t, err)
			line := lineOf(t, in, strings.SplitN(tt.new, "\n", 2)[0])
			if len(ps) != 1 || ps[0].Line != line || !strings.Contains(ps[0].Msg, tt.field) || strings.Contains(ps[0].Msg, "Deck.") {
				t.Errorf("problems:\n%swant one at line %d naming field %s (not Go's struct name Deck)", dumpProblems(ps), line, tt.field)
			}
		})
	}
}

func TestReadJSONRefuses(t *testing.T) {
	tests := []struct {
		name, old, new string
		msg            []string // substrings of the error
	}{
		// A misspelt field would otherwise be dropped without a word.
		{"unknown deck field", `"name": "Exempelkortlek",`, `"nme": "Exempelkortlek",`, []string{`line 4, column 3: a deck file has no field "nme"; remove it or check its spelling`}},
		{"unknown card field", `"code": "I01",`, `"code": "I01", "colour": "#FF0000",`, []string{`a deck file has no field "colour"; remove it or check its spelling`}},
		{"newer version", `"version": 1,`, `"version": 2,`, []string{"newer", "version 2", "update Deckhand"}},
		{"version zero", `"version": 1,`, `"version": 0,`, []string{"no valid format version"}},
		{"no version", `"version": 1,`, ``, []string{"no valid format version"}},
		{"wrong format", `"format": "deckhand.deck",`, `"format": "deckhand.print",`, []string{"not a Deckhand deck", `"deckhand.print"`}},
		{"no format", `"format": "deckhand.deck",`, ``, []string{"not a Deckhand deck"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cards.ReadJSON(strings.NewReader(replace(t, exampleJSON(t), tt.old, tt.new)))
			if err == nil {
				t.Fatalf("read a deck of %d cards, want an error", len(d.Cards))
			}
			for _, m := range tt.msg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not say %q", err, m)
				}
			}
		})
	}
	for _, tt := range []struct{ name, in, msg string }{
		{"empty file", "", "the file is empty"},
		{"cut off", `{"format": "deckhand.deck", "version": 1, "cards": [`, "ends too early"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cards.ReadJSON(strings.NewReader(tt.in))
			checkProblems(t, problemsOf(t, err), []wantAt{{1, 1, "", "", tt.msg}})
		})
	}
}

// "copies" may be left out of a hand-written card: it is then printed once.
// An explicit 0 must stay 0, since it means "do not print this card".
func TestReadJSONCopies(t *testing.T) {
	tests := []struct {
		name, copies string
		want         int
	}{
		{"missing", ``, 1},
		{"null", `"copies": null,`, 1},
		{"zero", `"copies": 0,`, 0},
		{"three", `"copies": 3,`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := replace(t, exampleJSON(t), `"type": "interaction",
      "copies": 1,`, `"type": "interaction",`+tt.copies)
			d, err := cards.ReadJSON(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Cards[1].Copies; got != tt.want {
				t.Errorf("I01 copies = %d, want %d", got, tt.want)
			}
		})
	}
}

// A well-formed file holding an invalid deck is refused with every problem,
// each naming the card (code and index) and the field.
func TestReadJSONValidationProblems(t *testing.T) {
	in := replace(t, exampleJSON(t), `"type": "interaction",`, `"type": "interactoin",`)
	in = replace(t, in, `"name": "Exempelkortlek",`, `"name": "",`)
	in = replace(t, in, `"sv": "Uppgiftslämnare"`, `"sv": " "`)
	_, err := cards.ReadJSON(strings.NewReader(in))
	ps := problemsOf(t, err)
	checkProblems(t, ps, []wantAt{
		{0, 0, "name", "", "no name"},
		{0, 0, "type", "I01", `unknown card type "interactoin"`},
		{0, 0, "title_sv", "C01", "title in Svenska is empty"},
	})
	if len(ps) == 3 && (ps[0].Index != -1 || ps[1].Index != 1 || ps[2].Index != 2) {
		t.Errorf("indexes %d, %d, %d; want -1, 1, 2", ps[0].Index, ps[1].Index, ps[2].Index)
	}
}

// A deck file holds content, not database identity: exporting the same deck
// from two databases must give the same file, so ids and the parent deck
// stay out, and the deck being exported is left as it was.
func TestWriteJSONLeavesIDsOut(t *testing.T) {
	d := defaultDeck(t)
	d.ID = "5a0d8d0e-0000-4000-8000-000000000001"
	d.Parent = "5a0d8d0e-0000-4000-8000-000000000003"
	d.Cards[3].ID = "5a0d8d0e-0000-4000-8000-000000000002"
	var buf bytes.Buffer
	if err := cards.WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("5a0d8d0e")) || bytes.Contains(buf.Bytes(), []byte(`"id"`)) {
		t.Errorf("the JSON file holds database ids")
	}
	if d.ID == "" || d.Parent == "" || d.Cards[3].ID == "" {
		t.Errorf("WriteJSON cleared the ids of the deck it was given")
	}
	// Windows Notepad saves UTF-8 with a BOM.
	got, err := cards.ReadJSON(bytes.NewReader(append([]byte(bom), buf.Bytes()...)))
	if err != nil {
		t.Fatal(err)
	}
	d.ID, d.Parent, d.Cards[3].ID = "", "", ""
	diffDecks(t, got, d)
}

func TestReadJSONSizeLimit(t *testing.T) {
	big := bytes.Repeat([]byte(" "), cards.MaxFileSize+1)
	for _, read := range []func() error{
		func() error { _, err := cards.ReadJSON(bytes.NewReader(big)); return err },
		func() error { _, err := cards.ReadCSV(bytes.NewReader(big), &cards.Deck{}); return err },
	} {
		err := read()
		var ps cards.Problems
		if err == nil || errors.As(err, &ps) || !strings.Contains(err.Error(), "larger than 32 MB") {
			t.Errorf("a %d-byte file: error %v, want a plain size error", len(big), err)
		}
	}
}

// A workshop file opened where a deck is asked for says what it is and
// where it goes, not which of its fields a deck lacks.
func TestReadJSONNamesAWorkshopFile(t *testing.T) {
	file := `{"format": "deckhand.workshop", "version": 3, "workshop": {"id": "w1", "title": "Pilot"}, "teams": []}`
	_, err := cards.ReadFile("pilot.json", strings.NewReader(file), nil)
	if err == nil || !strings.Contains(err.Error(), "this is a workshop file, not a deck") || !strings.Contains(err.Error(), "Merge a workshop file") {
		t.Fatalf("ReadFile of a workshop file: %v", err)
	}
}
