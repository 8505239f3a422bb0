package cards_test

import (
	"bytes"
	"strings"
	"testing"

	"deckhand/cards"
)

// posIn is the line and column (in characters) where marker first occurs
// in s, as an editor shows them.
func posIn(tb testing.TB, s, marker string) (line, col int) {
	tb.Helper()
	i := strings.Index(s, marker)
	if i < 0 {
		tb.Fatalf("marker %q not in test input", marker)
	}
	before := s[:i]
	return strings.Count(before, "\n") + 1, len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
}

// Each of these deck files was once read without a word, losing or
// hiding what its author wrote; each must be refused with its place.
func TestReadJSONRefusesWhatItOnceAccepted(t *testing.T) {
	good := exampleJSON(t)
	long := strings.Repeat("a", 1<<20)
	tests := []struct {
		name   string
		in     string
		marker string // where the problem is in the file; "" when it is a field's
		want   wantAt // line and column are taken from marker
	}{
		{"a field twice", replace(t, good, `"name": "Exempelkortlek",`, `"name": "Exempelkortlek", "name": "Other",`),
			`"name": "Other"`, wantAt{field: "", msg: "the field name appears twice"}},
		{"a field twice in other case", replace(t, good, `"name": "Exempelkortlek",`, `"name": "Exempelkortlek", "Name": "Other",`),
			`"Name"`, wantAt{msg: "the field Name appears twice"}},
		{"a card's title twice", replace(t, good, `"sv": "Kundpanel"`, `"sv": "Kundpanel", "sv": "Panel"`),
			`"sv": "Panel"`, wantAt{msg: "cards[1].title.sv appears twice"}},
		{"a second object after the deck", good + "{}\n", "{}\n", wantAt{msg: "the file goes on after the closing }"}},
		{"text after the deck", good + "zzz", "zzz", wantAt{msg: "the file goes on after the closing }"}},
		{"bytes that are not UTF-8", replace(t, good, `"Kundpanel"`, "\"Kund\xe4panel\""),
			"\xe4", wantAt{msg: "not UTF-8"}},
		{"a NUL in the deck's name", replace(t, good, `"name": "Exempelkortlek",`, `"name": "Exempel\u0000kortlek",`),
			"", wantAt{field: "name", msg: "line break or control character"}},
		{"a line break in the deck's name", replace(t, good, `"name": "Exempelkortlek",`, `"name": "Exempel\nkortlek",`),
			"", wantAt{field: "name", msg: "line break or control character"}},
		{"a line break in a card's title", replace(t, good, `"sv": "Kundpanel"`, `"sv": "Kund\npanel"`),
			"", wantAt{field: "title_sv", card: "I01", msg: "line break or control character"}},
		{"a NUL in a card's title", replace(t, good, `"sv": "Kundpanel"`, `"sv": "Kund\u0000panel"`),
			"", wantAt{field: "title_sv", card: "I01", msg: "line break or control character"}},
		{"a right-to-left override in a card's title", replace(t, good, `"sv": "Kundpanel"`, `"sv": "Kund\u202epanel"`),
			"", wantAt{field: "title_sv", card: "I01", msg: "U+202E, a character that changes the direction of text"}},
		{"a direction isolate in the deck's name", replace(t, good, `"name": "Exempelkortlek",`, `"name": "Exempel\u2066kortlek",`),
			"", wantAt{field: "name", msg: "U+2066"}},
		{"an id of a megabyte", replace(t, good, `"code": "I01",`, `"id": "`+long+`", "code": "I01",`),
			"", wantAt{field: "id", card: "I01", msg: "id is longer than 100 characters"}},
		{"se as a language", replace(t, good, `"fi",
    "en"
  ]`, `"fi",
    "en",
    "se"
  ]`), "", wantAt{field: "languages", msg: "for Swedish write sv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cards.ReadJSON(strings.NewReader(tt.in))
			if d != nil {
				t.Errorf("read a deck of %d cards; a refused file gives none", len(d.Cards))
			}
			want := tt.want
			if tt.marker != "" {
				want.line, want.col = posIn(t, tt.in, tt.marker)
			}
			ps := problemsOf(t, err)
			if len(ps) > 1 {
				ps = ps[:1] // the one this case is about comes first; a NUL also breaks the name's spaces rule
			}
			checkProblems(t, ps, []wantAt{want})
		})
	}
}

// The CSV reader's once-silent acceptances, refused with line and column.
func TestReadCSVRefusesWhatItOnceAccepted(t *testing.T) {
	const h = "code,type,title_sv,body_sv\n"
	tests := []struct {
		name string
		in   string
		want wantAt
	}{
		{"only a header", h, wantAt{1, 0, "", "", "a header row but no cards"}},
		{"a header and blank rows", h + ",,,\n\n", wantAt{1, 0, "", "", "a header row but no cards"}},
		{"a title_se column", "code,type,title_sv,title_se\nR01,routine,Titel,Titel\n",
			wantAt{1, 4, "", "", `column "title_se": se is not a language code Deckhand reads`}},
		{"a body_se column", "code,type,title_sv,body_se\nR01,routine,Titel,Text\n",
			wantAt{1, 4, "", "", "for Swedish write body_sv"}},
		{"a line break in a title", h + "R01,routine,\"Rad 1\nrad 2\",\n", wantAt{2, 3, "title_sv", "R01", "line break"}},
		{"a NUL in a title", h + "R01,routine,Ti\x00tel,\n", wantAt{2, 3, "title_sv", "R01", "control character"}},
		{"a right-to-left override in a title", h + "R01,routine,\u202eleT,\n", wantAt{2, 3, "title_sv", "R01", "U+202E"}},
		{"a left-to-right isolate in a title", h + "R01,routine,Titel\u2069,\n", wantAt{2, 3, "title_sv", "R01", "U+2069"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cards.ReadCSV(strings.NewReader(tt.in), defaultDeck(t))
			if d != nil {
				t.Errorf("got a deck with %d cards; a refused file gives none", len(d.Cards))
			}
			checkProblems(t, problemsOf(t, err), []wantAt{tt.want})
		})
	}
}

// A card's text that starts like a formula ("-10 % churn") is the card's
// text: it is read as written, written with the apostrophe that keeps a
// spreadsheet from running it, and read back unchanged.
func TestCSVFormulaLookingTextRoundTrips(t *testing.T) {
	texts := []string{"-10 % churn", "−10 % churn", "+5 customers", "=the same for all", "@home service", "'quoted", "'=already escaped"}
	var in strings.Builder
	in.WriteString("code,type,title_sv,body_sv\n")
	for i, s := range texts {
		in.WriteString("R" + string(rune('A'+i)) + ",routine,\"" + s + "\",\"" + s + "\"\n")
	}
	d, err := cards.ReadCSV(strings.NewReader(in.String()), defaultDeck(t))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	for i, c := range d.Cards {
		want := texts[i]
		if want == "'=already escaped" {
			want = "=already escaped" // a spreadsheet's own escape is taken off, as Deckhand's is
		}
		if c.Title["sv"] != want || c.Body["sv"] != want {
			t.Errorf("card %s read as %q / %q; want %q", c.Code, c.Title["sv"], c.Body["sv"], want)
		}
	}
	var out bytes.Buffer
	if err := cards.WriteCSV(&out, d); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{"'-10 % churn", "'+5 customers", "'=the same for all", "'@home service", "'=already escaped", "'quoted"} {
		if !strings.Contains(out.String(), ","+cell+",") {
			t.Errorf("written CSV lacks the escaped cell %q:\n%s", cell, out.String())
		}
	}
	if strings.Contains(out.String(), "'−10") {
		t.Errorf("a minus sign (U+2212) is not a formula, but was escaped:\n%s", out.String())
	}
	back, err := cards.ReadCSV(bytes.NewReader(out.Bytes()), defaultDeck(t))
	if err != nil {
		t.Fatalf("reading the written CSV: %v", err)
	}
	diffDecks(t, back, d)
}
