package cards_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
)

// Exporting a deck and importing the file again must give back the same
// deck: facilitators edit decks in spreadsheets and bring them back.
func TestDefaultDeckRoundTrip(t *testing.T) {
	tests := []struct {
		format string
		read   func(r *bytes.Buffer, template *cards.Deck) (*cards.Deck, error)
	}{
		{cards.FormatCSV, func(r *bytes.Buffer, template *cards.Deck) (*cards.Deck, error) { return cards.ReadCSV(r, template) }},
		{cards.FormatJSON, func(r *bytes.Buffer, _ *cards.Deck) (*cards.Deck, error) { return cards.ReadJSON(r) }},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			d := defaultDeck(t)
			var buf bytes.Buffer
			if err := cards.Write(&buf, d, tt.format); err != nil {
				t.Fatal(err)
			}
			got, err := tt.read(&buf, d.Template())
			if err != nil {
				t.Fatalf("reading back the exported deck: %v", err)
			}
			clearIDs(got)
			clearIDs(d)
			diffDecks(t, got, d)
		})
	}
}

// Titles such as "=SUM(A1)" would run as formulas when the facilitator opens
// the export in a spreadsheet, so such cells get a leading apostrophe. The
// apostrophe must be removed on import, and an apostrophe that is part of
// the text must survive both ways.
func TestCSVFormulaCellsRoundTrip(t *testing.T) {
	tests := []struct {
		text string // a title, or a body when it starts with a tab
		cell string // what WriteCSV must put in the file
	}{
		{"=SUM(A1)", "'=SUM(A1)"},
		{"+46 70 123 45 67", "'+46 70 123 45 67"},
		{"-5 % energi", "'-5 % energi"},
		{"@kund", "'@kund"},
		{"'=x", "''=x"},      // the person's own apostrophe before "=": kept as text
		{"'plain", "'plain"}, // no formula character follows, so nothing to escape
		{"''", "'''"},
		{"'", "'"},
		{"Vanlig titel", "Vanlig titel"},
		{"=HYPERLINK(\"http://example.com\";\"klicka\")", "'=HYPERLINK(\"http://example.com\";\"klicka\")"},
	}
	template := defaultDeck(t).Template()
	d := template.Template()
	d.Languages, d.DefaultLang = []string{"sv"}, "sv"
	for i, tt := range tests {
		d.Cards = append(d.Cards, cards.Card{Code: fmt.Sprintf("R%02d", i+1), Type: "routine", Copies: 1,
			Title: cards.Text{"sv": tt.text}, Body: cards.Text{"sv": "\t" + tt.text}})
	}
	var buf bytes.Buffer
	if err := cards.WriteCSV(&buf, d); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatalf("WriteCSV wrote CSV that encoding/csv cannot read: %v", err)
	}
	got, err := cards.ReadCSV(bytes.NewReader(buf.Bytes()), template)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	for i, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			row := rows[i+1]
			if title := row[7]; title != tt.cell {
				t.Errorf("title written as %q, want %q", title, tt.cell)
			}
			// A body starting with a tab is escaped too: a tab-led cell is
			// another way spreadsheets are tricked into formulas.
			if body := row[8]; body != "'\t"+tt.text {
				t.Errorf("body written as %q, want %q", body, "'\t"+tt.text)
			}
			c := got.Cards[i]
			if c.Title["sv"] != tt.text || c.Body["sv"] != "\t"+tt.text {
				t.Errorf("read back title %q body %q, want %q and %q", c.Title["sv"], c.Body["sv"], tt.text, "\t"+tt.text)
			}
		})
	}
}

// The exact file WriteCSV makes: a UTF-8 BOM so that Excel shows å ä ö,
// the fixed columns, then title and body per language in deck order.
func TestWriteCSVBytes(t *testing.T) {
	d := defaultDeck(t).Template()
	d.Languages = []string{"sv", "fi"}
	d.Cards = []cards.Card{{
		Code: "R01", Type: "routine", Theme: "governance", Area: "collection", Level: "operative", Copies: 2,
		Tags:  []string{"panel", "data-minimisation"},
		Title: cards.Text{"sv": "Åtgärd, ny", "fi": "Toimi \"heti\""},
		Body:  cards.Text{"sv": "Rad 1\nRad 2"},
	}, {
		Code: "B01", Type: "blank", Copies: 0, Title: cards.Text{"sv": "Egen", "fi": "Oma"},
	}}
	var buf bytes.Buffer
	if err := cards.WriteCSV(&buf, d); err != nil {
		t.Fatal(err)
	}
	want := bom + "code,type,theme,area,level,copies,tags,title_sv,body_sv,title_fi,body_fi\n" +
		"R01,routine,governance,collection,operative,2,\"panel,data-minimisation\",\"Åtgärd, ny\",\"Rad 1\nRad 2\",\"Toimi \"\"heti\"\"\",\n" +
		"B01,blank,,,,0,,Egen,,Oma,\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteCSV wrote\n%q\nwant\n%q", got, want)
	}
}

// ReadFile picks the format from the file name, or from the content when
// the name says nothing (a file saved without extension, a drag and drop).
func TestReadFileDetectsFormat(t *testing.T) {
	def := defaultDeck(t)
	var js, cs bytes.Buffer
	if err := cards.WriteJSON(&js, def); err != nil {
		t.Fatal(err)
	}
	if err := cards.WriteCSV(&cs, def); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"deck.json", js.Bytes()},
		{"DECK.JSON", js.Bytes()},
		{"deck", js.Bytes()},
		{"deck", append([]byte(bom+"\n  "), js.Bytes()...)},
		{"deck.csv", cs.Bytes()},
		{"deck.txt", cs.Bytes()},
		{"deck", cs.Bytes()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cards.ReadFile(tt.name, bytes.NewReader(tt.data), def.Template())
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Cards) != len(def.Cards) || d.Cards[0].Code != "R01" {
				t.Errorf("read %d cards, first %q", len(d.Cards), d.Cards[0].Code)
			}
		})
	}
	if err := cards.Write(&bytes.Buffer{}, def, "xlsx"); err == nil || !strings.Contains(err.Error(), `"xlsx"`) {
		t.Errorf("Write in an unknown format: error %v, want one naming the format", err)
	}
}

// The example files are the ones the file-format documentation shows; they
// must stay readable and stay what the documentation says they are.
func TestDocumentationExamples(t *testing.T) {
	csvData, err := os.ReadFile("testdata/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	jsonData, err := os.ReadFile("testdata/example.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(csvData, []byte(bom+"code;type;")) {
		t.Errorf("example.csv should start with a BOM and a ';'-separated header, as Nordic Excel writes it")
	}
	fromCSV, err := cards.ReadCSV(bytes.NewReader(csvData), defaultDeck(t))
	if err != nil {
		t.Fatalf("example.csv: %v", err)
	}
	fromJSON, err := cards.ReadJSON(bytes.NewReader(jsonData))
	if err != nil {
		t.Fatalf("example.json: %v", err)
	}
	for _, ex := range []struct {
		name string
		d    *cards.Deck
	}{{"example.csv", fromCSV}, {"example.json", fromJSON}} {
		t.Run(ex.name, func(t *testing.T) {
			var codes []string
			for _, c := range ex.d.Cards {
				codes = append(codes, c.Code)
			}
			if want := []string{"R01", "I01", "C01"}; !reflect.DeepEqual(codes, want) {
				t.Errorf("codes %v, want %v", codes, want)
			}
			if want := []string{"sv", "fi", "en"}; !reflect.DeepEqual(ex.d.Languages, want) {
				t.Errorf("languages %v, want %v", ex.d.Languages, want)
			}
			if got := ex.d.Cards[0].Title["fi"]; got != "Kerää vain tarpeellinen" {
				t.Errorf("Finnish title of R01 = %q", got)
			}
			if !strings.Contains(ex.d.Cards[0].Body["sv"], "?\nSamla") {
				t.Errorf("R01's Swedish body should show a line break inside a cell: %q", ex.d.Cards[0].Body["sv"])
			}
			if c := ex.d.Cards[2]; c.Copies != 2 || c.Type != "role" || !reflect.DeepEqual(c.Tags, []string{"informant"}) {
				t.Errorf("C01 = %#v", c)
			}
		})
	}
	// Both files hold the same cards, so the documentation can show them
	// side by side.
	if !reflect.DeepEqual(fromCSV.Cards, fromJSON.Cards) {
		t.Errorf("example.csv and example.json hold different cards:\n%#v\n%#v", fromCSV.Cards, fromJSON.Cards)
	}
	// example.json is exactly what Deckhand itself exports, so what the
	// documentation shows is what users will see in their own files.
	var out bytes.Buffer
	if err := cards.WriteJSON(&out, fromJSON); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), jsonData) {
		t.Errorf("example.json is not in the form WriteJSON writes; regenerate it from WriteJSON")
	}
}
