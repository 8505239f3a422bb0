package game

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// appendIndented indents what Marshal writes to the bytes json.Indent
// gives: empty objects and lists, strings holding quotes, backslashes and
// the punctuation of JSON, numbers, literals and a workshop's results.
func TestAppendIndentedIndentsAsJSONIndent(t *testing.T) {
	results := Results(&File{Workshop: Workshop{ID: "w1", Title: `"Kick-off" {1}, [2]: \ \\`, Updated: time.Date(2026, 3, 12, 9, 0, 0, 5, time.UTC)},
		Teams: []Team{{ID: "t1", Name: "Bord, 1"}}, Plays: []Play{{ID: "p1", TeamID: "t1", Code: "R01", Interactions: []string{"I01", "I02"}}}})
	for _, v := range []any{
		results,
		map[string]any{},
		[]any{},
		[]any{map[string]any{}, []any{}, nil, true, false, -1.5e-7, 12, "", `\`, `\"`, `"\\"`, "a\nb\u2028", "å ä ö"},
		map[string]any{"a": map[string]any{"b": []any{[]any{}, map[string]any{"c": "d,e:f{g}[h]"}}}},
		"text",
		42,
	} {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		indentsAsJSONIndent(t, compact)
	}
}

func FuzzAppendIndented(f *testing.F) {
	for _, seed := range []string{`{"a":[1,{"b":"c\"d"}],"e":{}}`, `[[],[{}],"\\\\\"",true,null]`, `"x"`, `-0.5e+10`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, data) != nil {
			return
		}
		indentsAsJSONIndent(t, compact.Bytes())
	})
}

func indentsAsJSONIndent(t *testing.T, compact []byte) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, compact, "    ", "  "); err != nil {
		t.Fatal(err)
	}
	if got := appendIndented([]byte("lead"), compact, "    ", "  "); string(got) != "lead"+want.String() {
		t.Errorf("%s\nindented to\n%s\nwant\n%s", compact, got[4:], want.Bytes())
	}
}
