package cards_test

import (
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
)

const bom = "\xEF\xBB\xBF"

// TestReadCSVReadsWhatSpreadsheetsWrite feeds ReadCSV the variants that
// Excel, LibreOffice and Numbers really produce and checks every card field.
// The template is the default deck's: routine, interaction, role and blank
// types, the 4K areas, sv+fi+en with sv as default.
func TestReadCSVReadsWhatSpreadsheetsWrite(t *testing.T) {
	routine := func(code string, title cards.Text) cards.Card {
		return cards.Card{Code: code, Type: "routine", Copies: 1, Title: title, Body: cards.Text{}}
	}
	tests := []struct {
		name      string
		in        string
		languages []string
		defLang   string
		cards     []cards.Card
	}{{
		name: "UTF-8 without BOM, comma, all columns",
		in: "code,type,theme,area,level,copies,tags,title_sv,body_sv,title_fi,body_fi,title_en,body_en\n" +
			"R01,routine,governance,collection,operative,3,data-minimisation,Samla bara det som behövs,Gå igenom formulären.,Kerää vain tarpeellinen,Käy läpi lomakkeet.,Collect only what is needed,Go through the forms.\n",
		languages: []string{"sv", "fi", "en"},
		defLang:   "sv",
		cards: []cards.Card{{
			Code: "R01", Type: "routine", Theme: "governance", Area: "collection", Level: "operative", Copies: 3,
			Tags:  []string{"data-minimisation"},
			Title: cards.Text{"sv": "Samla bara det som behövs", "fi": "Kerää vain tarpeellinen", "en": "Collect only what is needed"},
			Body:  cards.Text{"sv": "Gå igenom formulären.", "fi": "Käy läpi lomakkeet.", "en": "Go through the forms."},
		}},
	}, {
		// Nordic Excel: "CSV UTF-8" gives a BOM, ';' between fields (',' is
		// the decimal mark) and CRLF. A CRLF inside a quoted cell must come
		// back as a plain "\n" so the card prints the same as one typed in
		// the app.
		name: "BOM, semicolon, CRLF, quoted line break",
		in: bom + "code;type;area;title_sv;body_sv\r\n" +
			"R02;routine;use;Använd data öppet;\"Första raden; med semikolon\r\nandra raden, med komma\"\r\n",
		languages: []string{"sv"},
		defLang:   "sv",
		cards: []cards.Card{{
			Code: "R02", Type: "routine", Area: "use", Copies: 1,
			Title: cards.Text{"sv": "Använd data öppet"},
			Body:  cards.Text{"sv": "Första raden; med semikolon\nandra raden, med komma"},
		}},
	}, {
		name:      "BOM and comma",
		in:        bom + "code,type,title_fi\nR03,routine,Älä säilytä turhaa\n",
		languages: []string{"fi"},
		defLang:   "fi", // sv is not in the file, so the first title language becomes the default
		cards:     []cards.Card{routine("R03", cards.Text{"fi": "Älä säilytä turhaa"})},
	}, {
		name: "quoted fields with delimiter, doubled quotes and newlines",
		in: "code,type,title_sv,body_sv\n" +
			"I01,interaction,\"Kundpanel, fast grupp\",\"Hon sa \"\"hej\"\"\n\nny stycke\"\n",
		languages: []string{"sv"},
		defLang:   "sv",
		cards: []cards.Card{{Code: "I01", Type: "interaction", Copies: 1,
			Title: cards.Text{"sv": "Kundpanel, fast grupp"},
			Body:  cards.Text{"sv": "Hon sa \"hej\"\n\nny stycke"}}},
	}, {
		// Spreadsheets leave empty rows, and rows of bare delimiters when
		// cells were cleared; neither is a card.
		name:      "blank rows skipped",
		in:        "code;type;title_sv\n\n;;\n R04 ;routine;Första\n \t; ;\n\nR05;routine;Andra\n;;\n",
		languages: []string{"sv"},
		defLang:   "sv",
		cards: []cards.Card{routine("R04", cards.Text{"sv": "Första"}),
			routine("R05", cards.Text{"sv": "Andra"})},
	}, {
		// People type headers by hand; "Title_SV " must still be title_sv.
		// Keys are lowered too: "Routine" is the routine type.
		name:      "header names and keys case- and space-insensitive",
		in:        " Code , TYPE ,Area,Title_SV \nR06,Routine,USE,Dela data\n",
		languages: []string{"sv"},
		defLang:   "sv",
		cards:     []cards.Card{{Code: "R06", Type: "routine", Area: "use", Copies: 1, Title: cards.Text{"sv": "Dela data"}, Body: cards.Text{}}},
	}, {
		// The deck's languages follow the order of the title columns.
		name:      "column order free",
		in:        "title_fi,copies,title_sv,type,code\nKeruu,2,Insamling,role,C01\n",
		languages: []string{"fi", "sv"},
		defLang:   "sv",
		cards: []cards.Card{{Code: "C01", Type: "role", Copies: 2,
			Title: cards.Text{"fi": "Keruu", "sv": "Insamling"}, Body: cards.Text{}}},
	}, {
		name:      "copies defaults to 1 when the column is absent or the cell empty",
		in:        "code,type,copies,title_en\nB01,blank,,Blank\nB02,blank,0,Blank\n",
		languages: []string{"en"},
		defLang:   "en",
		cards: []cards.Card{
			{Code: "B01", Type: "blank", Copies: 1, Title: cards.Text{"en": "Blank"}, Body: cards.Text{}},
			{Code: "B02", Type: "blank", Copies: 0, Title: cards.Text{"en": "Blank"}, Body: cards.Text{}},
		},
	}, {
		// Tags may be separated by commas, semicolons or spaces, whichever
		// the person typed.
		name:      "tags split",
		in:        "code,type,tags,title_sv\nR07,routine,\"panel, data-minimisation;  kund_data\",Titel\nR08,routine,,Titel\n",
		languages: []string{"sv"},
		defLang:   "sv",
		cards: []cards.Card{
			{Code: "R07", Type: "routine", Copies: 1, Tags: []string{"panel", "data-minimisation", "kund_data"},
				Title: cards.Text{"sv": "Titel"}, Body: cards.Text{}},
			routine("R08", cards.Text{"sv": "Titel"}),
		},
	}, {
		name:      "code of exactly MaxCodeLen characters",
		in:        "code,type,title_sv\n" + strings.Repeat("R", cards.MaxCodeLen) + ",routine,Titel\n",
		languages: []string{"sv"},
		defLang:   "sv",
		cards:     []cards.Card{routine(strings.Repeat("R", cards.MaxCodeLen), cards.Text{"sv": "Titel"})},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			template := defaultDeck(t)
			d, err := cards.ReadCSV(strings.NewReader(tt.in), template)
			if err != nil {
				t.Fatalf("ReadCSV: %v\n%s", err, dumpProblems(problemsOf(t, err)))
			}
			if !reflect.DeepEqual(d.Languages, tt.languages) || d.DefaultLang != tt.defLang {
				t.Errorf("languages %v default %q, want %v default %q", d.Languages, d.DefaultLang, tt.languages, tt.defLang)
			}
			if !reflect.DeepEqual(d.Cards, tt.cards) {
				t.Errorf("cards:\n got %#v\nwant %#v", d.Cards, tt.cards)
			}
			// The rest of the deck comes from the template, not the file.
			if d.Name != template.Name || len(d.CardTypes) != 4 || len(d.Board.Areas) != 4 || d.Edition != 1 {
				t.Errorf("deck does not carry the template's vocabulary: %q, %d types, %d areas, edition %d",
					d.Name, len(d.CardTypes), len(d.Board.Areas), d.Edition)
			}
		})
	}
}

// TestReadCSVProblemsNameLineAndColumn checks that every problem points at
// the line and column a person must fix. Lines are physical lines of the
// file, as a text editor numbers them, so quoted line breaks and skipped
// blank rows count.
func TestReadCSVProblemsNameLineAndColumn(t *testing.T) {
	const h = "code,type,area,copies,title_sv,title_fi\n" // area is column 3, copies 4, title_fi 6
	tests := []struct {
		name string
		in   string
		want []wantAt
	}{
		{"unknown column", "code,type,colour,title_sv\n", []wantAt{{1, 3, "", "", `unknown column "colour"`}}},
		// title_xx would otherwise silently start a new language.
		{"unknown language column", "code,type,title_sv,title_xx\n", []wantAt{{1, 4, "", "", `unknown language "xx"`}}},
		{"body column of unknown language", "code,type,title_sv,body_zz\n", []wantAt{{1, 4, "", "", `unknown language "zz"`}}},
		{"column twice", "code,type,Code,title_sv\n", []wantAt{{1, 3, "", "", "appears twice"}}},
		{"missing code column", "type,title_sv\nroutine,Titel\n", []wantAt{{1, 0, "", "", `no "code" column`}}},
		{"missing type column", "code,title_sv\nR01,Titel\n", []wantAt{{1, 0, "", "", `no "type" column`}}},
		{"missing title column", "code,type,area\nR01,routine,use\n", []wantAt{{1, 0, "", "", "no title column"}}},
		{"body without its title", "code,type,title_sv,body_fi\n", []wantAt{{1, 4, "", "", "no matching title_fi"}}},
		{"bad area", h + "R01,routine,use,1,Titel,Otsikko\nR02,routine,kitchen,1,Titel,Otsikko\n",
			[]wantAt{{3, 3, "area", "R02", `unknown board area "kitchen"`}}},
		{"bad area, semicolons", "code;type;area;copies;title_sv;title_fi\nR01;routine;kök;1;Titel;Otsikko\n",
			[]wantAt{{2, 3, "area", "R01", `unknown board area "kök"`}}},
		{"unknown type", h + "R01,rutin,,,Titel,Otsikko\n", []wantAt{{2, 2, "type", "R01", `unknown card type "rutin"`}}},
		// Codes are matched without case, as note-takers type them.
		{"duplicate code", h + "R01,routine,,,Titel,Otsikko\nr01,routine,,,Titel,Otsikko\n",
			[]wantAt{{3, 1, "code", "r01", "already used"}}},
		{"empty title in one language", h + "R01,routine,,,Titel,  \n", []wantAt{{2, 6, "title_fi", "R01", "title in Suomi is empty"}}},
		{"code too long", h + strings.Repeat("R", cards.MaxCodeLen+1) + ",routine,,,Titel,Otsikko\n",
			[]wantAt{{2, 1, "code", strings.Repeat("R", cards.MaxCodeLen+1), "longer than 12"}}},
		{"copies not a number", h + "R01,routine,,two,Titel,Otsikko\n", []wantAt{{2, 4, "copies", "R01", `copies "two" is not a whole number`}}},
		{"copies a decimal", h + "R01,routine,,\"1,5\",Titel,Otsikko\n", []wantAt{{2, 4, "copies", "R01", "not a whole number"}}},
		{"negative copies", h + "R01,routine,,-1,Titel,Otsikko\n", []wantAt{{2, 4, "copies", "R01", "between 0 and 999"}}},
		{"bare quote in unquoted field", h + "R01,routine,,,Säg \"hej\",Otsikko\n", []wantAt{{2, 5, "", "", "broken quoting"}}},
		{"text after a closing quote", h + "R01,\"routine\"x,,,Titel,Otsikko\n", []wantAt{{2, 2, "", "", "broken quoting"}}},
		// The quote opens on line 2 and swallows the rest of the file; the
		// person must be sent to line 2, field 5, not to the end of the file.
		{"unclosed quote", h + "R01,routine,,,\"Titel,Otsikko\nR02,routine,,,Titel,Otsikko\nR03,routine,,,Titel,Otsikko\n",
			[]wantAt{{2, 5, "", "", "never closed"}}},
		{"unclosed quote in the last row", h + "R01,routine,,,Titel,\"Otsikko\n", []wantAt{{2, 6, "", "", "never closed"}}},
		// A closed quote followed by text is broken quoting even when the
		// quoted part spans lines; it is not an unclosed field.
		{"text after a multi-line quoted field", h + "R01,routine,,,\"Rad 1\nrad 2\"x,Otsikko\n", []wantAt{{3, 5, "", "", "broken quoting"}}},
		{"empty file", "", []wantAt{{1, 0, "", "", "the file is empty"}}},
		{"only a BOM", bom, []wantAt{{1, 0, "", "", "the file is empty"}}},
		{"only blank lines", "\r\n\r\n", []wantAt{{1, 0, "", "", "the file is empty"}}},
		{"more fields than the header", h + "R01,routine,,,Titel,Otsikko,extra\n",
			[]wantAt{{2, 7, "", "", "the row has 7 fields but the header only 6"}}},
		// A quoted cell spanning lines 2-4 puts the next row on line 5.
		{"multi-line cell moves later lines", h + "R01,routine,,,Titel,\"Rad 1\nrad 2\nrad 3\"\nR02,rutin,,,Titel,Otsikko\n",
			[]wantAt{{2, 6, "title_fi", "R01", "line break"}, {5, 2, "type", "R02", "unknown card type"}}},
		{"blank rows still counted", h + "\n,,,,,\nR01,routine,,,Titel,Otsikko\n\nR02,routine,,x,Titel,Otsikko\n",
			[]wantAt{{6, 4, "copies", "R02", "not a whole number"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cards.ReadCSV(strings.NewReader(tt.in), defaultDeck(t))
			if d != nil {
				t.Errorf("got a deck with %d cards, want none: a bad file must change nothing", len(d.Cards))
			}
			checkProblems(t, problemsOf(t, err), tt.want)
		})
	}
}

// Empty trailing cells are what spreadsheets write for cleared columns;
// only real content beyond the header is a problem.
func TestReadCSVAcceptsEmptyTrailingCells(t *testing.T) {
	d, err := cards.ReadCSV(strings.NewReader("code;type;title_sv\nR01;routine;Titel;;;\n"), defaultDeck(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Cards) != 1 || d.Cards[0].Title["sv"] != "Titel" {
		t.Errorf("cards = %#v", d.Cards)
	}
}

// The same file must always give the same list of problems: the first one
// is what the import dialog shows, and the CLI prints them in order.
func TestReadCSVHeaderProblemsInColumnOrder(t *testing.T) {
	const in = "code,type,title_sv,body_fi,body_en,body_da\n"
	for range 50 {
		_, err := cards.ReadCSV(strings.NewReader(in), defaultDeck(t))
		ps := problemsOf(t, err)
		if len(ps) != 3 || ps[0].Column != 4 || ps[1].Column != 5 || ps[2].Column != 6 {
			t.Fatalf("problems not in column order 4, 5, 6:\n%s", dumpProblems(ps))
		}
	}
}

// As an error, Problems reads as its first problem, with where it is, and
// how many more there are: the one line a status bar or log has room for.
func TestProblemsErrorCountsTheRest(t *testing.T) {
	const h = "code,type,title_sv\n"
	const first = `line 2, column 2 (type): card R01: unknown card type "rutin"`
	tests := []struct {
		name, in, suffix string
	}{
		{"one", h + "R01,rutin,Titel\n", ""},
		{"two", h + "R01,rutin,Titel\nR02,rutin,Titel\n", " (and 1 more problem)"},
		{"four", h + "R01,rutin,Titel\nR02,rutin,Titel\nR03,routine,\nR01,routine,Titel\n", " (and 3 more problems)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cards.ReadCSV(strings.NewReader(tt.in), defaultDeck(t))
			if err == nil || !strings.HasPrefix(err.Error(), first) || !strings.HasSuffix(err.Error(), tt.suffix) ||
				strings.Count(err.Error(), "more problem") != strings.Count(tt.suffix, "more problem") {
				t.Errorf("error:\n got %v\nwant %s…%s", err, first, tt.suffix)
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    cards.Problem
		want string
	}{
		{cards.Problem{Index: -1, Msg: "the deck has no name"}, "the deck has no name"},
		{cards.Problem{Index: 2, Msg: "m"}, "card 3: m"},
		{cards.Problem{Card: "R01", Index: 0, Field: "title_fi", Line: 4, Column: 9, Msg: "m"}, "line 4, column 9 (title_fi): card R01: m"},
		{cards.Problem{Index: -1, Line: 7, Msg: "m"}, "line 7: m"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
	if got := (cards.Problems{}).Error(); got != "no problems" {
		t.Errorf("empty Problems.Error() = %q", got)
	}
}

// A CSV file saved by Excel as plain "CSV" (Windows-1252, as Finnish and
// Swedish Excel write it) is read, its å, ä, ö and € right, with a note
// that says which line was not UTF-8 and what to check.
func TestReadCSVReadsWindows1252WithANote(t *testing.T) {
	file := "code;type;title_sv;title_fi\r\nR01;routine;Titel;Otsikko\r\nR02;routine;Gr\xe4ns f\xf6r \x80;Raja \xe5\r\n"
	d, err := cards.ReadCSV(strings.NewReader(file), defaultDeck(t))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	if got := d.Cards[1].Title["sv"]; got != "Gräns för €" {
		t.Errorf("R02's Swedish title = %q, want Gräns för €", got)
	}
	if got := d.Cards[1].Title["fi"]; got != "Raja å" {
		t.Errorf("R02's Finnish title = %q, want Raja å", got)
	}
	if len(d.ReadNotes) != 1 || !strings.Contains(d.ReadNotes[0].String(), "line 3 is not UTF-8 text, so the file was read as Windows-1252") {
		t.Errorf("notes = %v, want one that names line 3 and Windows-1252", d.ReadNotes)
	}
	// A UTF-8 file has none.
	d, err = cards.ReadCSV(strings.NewReader("code;type;title_sv;title_fi\r\nR01;routine;Gräns;Raja\r\n"), defaultDeck(t))
	if err != nil || len(d.ReadNotes) != 0 {
		t.Errorf("a UTF-8 file: notes %v, %v", d.ReadNotes, err)
	}
}
