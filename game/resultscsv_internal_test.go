package game

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"deckhand/cards"
)

// The results CSV encodes its cells itself, to the bytes encoding/csv
// writes with its Comma set to the same separator: quotes, the separator,
// line breaks, leading spaces of every kind and `\.` are quoted, anything
// else (a comma under ";") is written as it is.
func TestResultsCSVFieldsAreEncodingCSVs(t *testing.T) {
	for _, s := range []string{"", "plain", "Bord, 1", "Bord; 1", "a\tb", `"Kick-off"`, `say "hi"`, "a\nb", "a\rb", "a\r\nb", " lead", "\tlead",
		"\u00a0lead", "\u3000lead", "trail ", `\.`, `\..`, "å ä ö", "=1+2", "'=x", "\xff\xfe", ",", ";", "\t"} {
		fieldIsEncodingCSVs(t, s)
	}
}

func FuzzResultsCSVField(f *testing.F) {
	for _, seed := range []string{"", "a,b", "a;b", "a\tb", `"`, "\r\n", " x", `\.`} {
		f.Add(seed)
	}
	f.Fuzz(fieldIsEncodingCSVs)
}

// fieldIsEncodingCSVs checks s under every separator.
func fieldIsEncodingCSVs(t *testing.T, s string) {
	for _, sep := range []CSVSeparator{Comma, Semicolon, Tab} {
		var want bytes.Buffer
		cw := csv.NewWriter(&want)
		cw.Comma = rune(sep)
		if err := cw.Write([]string{s, "x"}); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		if got := string(newCSVCells(sep).field(nil, s)) + string(rune(sep)) + "x\n"; got != want.String() {
			t.Errorf("%q is written %q with %q between cells, encoding/csv writes %q", s, got, rune(sep), want.String())
		}
	}
}

// A rating's time is the cell the text of its RFC 3339 form in UTC
// makes, escaped too in the years whose form starts with a sign.
func TestResultsCSVTimeCells(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2026, 3, 12, 12, 30, 0, 5, time.FixedZone("EET", 2*3600)),
		time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(12026, 1, 1, 0, 0, 0, 0, time.UTC),
		{},
	} {
		cells := newCSVCells(Comma)
		want := cells.field(nil, cards.EscapeCell(at.UTC().Format(time.RFC3339)))
		if got := cells.timeCell([]byte("x,"), at); string(got) != "x,"+string(want) {
			t.Errorf("%v is written %q, want %q", at, got[2:], want)
		}
	}
}
