package game_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// FuzzReadWorkshopFile checks, for any bytes at all, that ReadFile does
// not panic; that it returns either a workshop or an error, never both;
// that a problem with a place in the file points into the file; and that
// a workshop it accepts survives WriteFile and ReadFile unchanged (what a
// laptop exports, another imports as the same workshop).
func FuzzReadWorkshopFile(f *testing.F) {
	example, err := os.ReadFile("../assets/examples/workshop.json")
	if err != nil {
		f.Fatal(err)
	}
	sample := write(f, sampleFile(f))
	small := write(f, smallFile(f))
	swap := func(old, new string) []byte {
		if !bytes.Contains(small, []byte(old)) {
			f.Fatalf("%s is not in the small file", old)
		}
		return bytes.Replace(small, []byte(old), []byte(new), 1)
	}
	seeds := [][]byte{
		example,
		sample,
		small,
		append([]byte("\uFEFF"), small...),
		small[:len(small)/2],
		small[:len(small)-3],
		swap(`"version": 4`, `"version": 5`),
		swap(`"version": 4`, `"version": 1`),
		swap(`"format": "deckhand.workshop"`, `"format": "deckhand.deck"`),
		swap(`"value": 4`, `"value": 40`),
		swap(`"value": 4`, `"value": "4"`),
		swap(`"code": "R01"`, `"code": "r01"`),
		swap(`"team_id": "t1"`, `"team_id": "t2"`),
		swap(`"note_taker"`, `"Note_Taker"`),
		swap(`"at": "2026-03-12T10:50:00Z"`, `"at": "2026-03-12T10:50:00+02:00"`),
		swap(`"at": "2026-03-12T10:50:00Z"`, `"at": "0000-01-01T00:30:00+01:00"`),
		swap(`"interactions": [`, `"interactions": ["i03", `),
		swap(`"description": {`, `"description": {"de": "", `),
		[]byte(`{"format": "deckhand.workshop", "version": 2}`),
		[]byte(`{"format": "deckhand.workshop", "version": 2, "workshop": {"deck": {}}, "plays": [{}], "ratings": [null]}`),
		[]byte(`[]`),
		[]byte(`null`),
		[]byte(``),
		[]byte("{\"format\": \"deckhand.workshop\"}{}"),
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := game.ReadFile(bytes.NewReader(data))
		if err != nil {
			if w != nil {
				t.Fatalf("ReadFile returned both a workshop and an error (%v)", err)
			}
			var ps cards.Problems
			if errors.As(err, &ps) {
				if len(ps) == 0 {
					t.Fatal("ReadFile failed with an empty Problems")
				}
				lines := bytes.Count(data, []byte("\n")) + 1
				for _, p := range ps {
					if p.Line < 0 || p.Line > lines || p.Column < 0 || (p.Line > 0) != (p.Column > 0) {
						t.Fatalf("problem %+v does not point into the file's %d lines", p, lines)
					}
					if strings.TrimSpace(p.String()) == "" {
						t.Fatal("a problem without a message")
					}
				}
			}
			return
		}
		var buf bytes.Buffer
		if err := game.WriteFile(&buf, w); err != nil {
			t.Fatalf("WriteFile of a workshop ReadFile accepted: %v", err)
		}
		again, err := game.ReadFile(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("ReadFile of WriteFile's output failed: %v\nfile: %s", err, buf.Bytes())
		}
		if !reflect.DeepEqual(again, w) {
			t.Fatalf("the workshop changed on its way through a file:\nread    %+v\nre-read %+v", w, again)
		}
	})
}

// smallFile is sampleFile with a deck of a few cards, so that the fuzzer
// works on short inputs.
func smallFile(tb testing.TB) *game.File {
	tb.Helper()
	f := sampleFile(tb)
	d := f.Workshop.Deck
	var keep []cards.Card
	for _, c := range d.Cards {
		switch c.Code {
		case "R01", "R29", "I03", "I04", "C01", "B01":
			keep = append(keep, c)
		}
	}
	d.Cards = keep
	d.Languages, d.Description = []string{"sv"}, cards.Text{"sv": d.Description["sv"]}
	strip := func(t cards.Text) {
		for lang := range t {
			if lang != "sv" {
				delete(t, lang)
			}
		}
	}
	for i := range d.Cards {
		strip(d.Cards[i].Title)
		strip(d.Cards[i].Body)
	}
	return f
}
