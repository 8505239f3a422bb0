package game_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"deckhand/game"
)

// exportFile is a workshop with a team whose name looks like a formula,
// Swedish letters everywhere, blind raters with real names, a superseded
// and a deleted rating, and a rating by a participant deleted since.
func exportFile(t *testing.T) *game.File {
	b := newBuilder(t)
	b.f.Workshop.Title = "Workshop på Åbo kontor"
	b.f.Teams[1].Name = "=Bord"
	b.f.Participants = append(b.f.Participants, game.Participant{ID: "u3", TeamID: "t2", Pseudonym: "Sälen", RealName: "Cecilia Cederlöf", Deleted: true})
	b.play("p1", "t1", "R01", "collection").PathID = "a1"
	b.rateAll("p1", game.RaterTeam, 5, 4, 4, 5)
	b.rate("p1", "desirability", "u1", 4)
	b.rate("p1", "desirability", "u2", 2)
	b.rate("p1", "desirability", "u2", 3) // replaces Räven's 2
	b.play("p2", "t2", "B01", "use").Text = "Kunden väljer själv vad som sparas"
	b.rate("p2", "usability", game.RaterTeam, 3)
	b.rate("p2", "feasibility", game.RaterTeam, 1).Deleted = true
	b.rate("p2", "feasibility", "u3", 2)
	b.play("p3", "t2", "R03", "use") // unrated: no rows
	// A rating's time in another zone is written in UTC.
	b.f.Ratings[0].At = time.Date(2026, 3, 12, 12, 30, 0, 0, time.FixedZone("EET", 2*3600))
	return b.f
}

// readResultsCSV reads a results CSV whose cells sep separates, after
// checking its byte order mark and header.
func readResultsCSV(t *testing.T, data []byte, sep game.CSVSeparator) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Fatalf("no UTF-8 BOM at the start: %q", data[:min(10, len(data))])
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = rune(sep)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], game.ResultsColumns) {
		t.Fatalf("header = %v", rows)
	}
	return rows
}

func TestWriteResultsCSV(t *testing.T) {
	f := exportFile(t)
	var buf bytes.Buffer
	if err := game.WriteResultsCSV(&buf, []*game.File{f}, true, game.Comma); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	rows := readResultsCSV(t, data, game.Comma)
	counted := game.CountedRatings(f)
	if len(counted) != 8 || len(rows)-1 != len(counted) {
		t.Fatalf("%d rows for %d counted ratings (want 8)", len(rows)-1, len(counted))
	}
	col := map[string]int{}
	for i, c := range game.ResultsColumns {
		col[c] = i
	}
	want := [][]string{
		// workshop, team, path, code, criterion, value, rater
		{"Workshop på Åbo kontor", "Bord 1", "Öppen redovisning", "R01", "desirability", "5", "team"},
		{"Workshop på Åbo kontor", "Bord 1", "Öppen redovisning", "R01", "desirability", "4", "Älgen"},
		{"Workshop på Åbo kontor", "Bord 1", "Öppen redovisning", "R01", "desirability", "3", "Räven"},
		{"Workshop på Åbo kontor", "Bord 1", "Öppen redovisning", "R01", "usability", "4", "team"},
		{"Workshop på Åbo kontor", "Bord 1", "Öppen redovisning", "R01", "profitability", "4", "team"},
		{"Workshop på Åbo kontor", "Bord 1", "Öppen redovisning", "R01", "feasibility", "5", "team"},
		{"Workshop på Åbo kontor", "'=Bord", "", "B01", "usability", "3", "team"},
		{"Workshop på Åbo kontor", "'=Bord", "", "B01", "feasibility", "2", "removed participant"},
	}
	for i, w := range want {
		r := rows[i+1]
		got := []string{r[col["workshop"]], r[col["team"]], r[col["path"]], r[col["code"]], r[col["criterion"]], r[col["value"]], r[col["rater"]]}
		if !slices.Equal(got, w) {
			t.Errorf("row %d = %q, want %q", i+1, got, w)
		}
	}
	first := rows[1]
	if first[col["client"]] != "Exempelbolaget Ab" || first[col["sector"]] != "Handel" || first[col["date"]] != "2026-03-12" ||
		first[col["title"]] != "Samla bara det som behövs" || first[col["type"]] != "routine" || first[col["theme"]] != "governance" ||
		first[col["area"]] != "collection" || first[col["level"]] != "operative" || first[col["perspective"]] != "customer" ||
		first[col["time"]] != "2026-03-12T10:30:00Z" {
		t.Errorf("first row = %q", first)
	}
	blank := rows[7]
	if blank[col["title"]] != "Kunden väljer själv vad som sparas" || blank[col["type"]] != "blank" || blank[col["area"]] != "use" || blank[col["perspective"]] != "customer" {
		t.Errorf("blank card's row = %q", blank)
	}
	for _, real := range []string{"Anna Andersson", "Bertil Berg", "Cecilia Cederlöf", "Sälen"} {
		if bytes.Contains(data, []byte(real)) {
			t.Errorf("the CSV holds %q", real)
		}
	}
	if !bytes.Contains(data, []byte("å")) || !bytes.Contains(data, []byte("ä")) || !bytes.Contains(data, []byte("ö")) {
		t.Errorf("å, ä or ö lost")
	}

	// Without names the participants are numbered by id; the team stays "team".
	buf.Reset()
	if err := game.WriteResultsCSV(&buf, []*game.File{f, f}, false, game.Comma); err != nil {
		t.Fatal(err)
	}
	rows = readResultsCSV(t, buf.Bytes(), game.Comma)
	if len(rows)-1 != 2*len(counted) {
		t.Errorf("two workshops: %d rows, want %d", len(rows)-1, 2*len(counted))
	}
	var raters []string
	for _, r := range rows[1:4] {
		raters = append(raters, r[col["rater"]])
	}
	if !slices.Equal(raters, []string{"team", "participant 1", "participant 2"}) {
		t.Errorf("raters without names = %q", raters)
	}
	if bytes.Contains(buf.Bytes(), []byte("Älgen")) || bytes.Contains(buf.Bytes(), []byte("Räven")) {
		t.Errorf("pseudonyms written without includeNames")
	}
}

// Written for a Swedish or Finnish Excel, with ";" between cells, the
// file holds the same cells: a cell with ";" in it is quoted, one with ","
// is not, and the byte order mark and the values (whole numbers, no
// decimal mark to write) are as with ",".
func TestWriteResultsCSVWithSemicolons(t *testing.T) {
	f := exportFile(t)
	f.Teams[0].Name = "Bord; 1"
	f.Paths[0].Name = "Öppen, ärlig redovisning"
	var commas, semicolons bytes.Buffer
	if err := game.WriteResultsCSV(&commas, []*game.File{f}, true, game.Comma); err != nil {
		t.Fatal(err)
	}
	if err := game.WriteResultsCSV(&semicolons, []*game.File{f}, true, game.Semicolon); err != nil {
		t.Fatal(err)
	}
	data := semicolons.String()
	if header := "\uFEFF" + strings.Join(game.ResultsColumns, ";") + "\n"; !strings.HasPrefix(data, header) {
		t.Errorf("the file starts %q, want %q", data[:min(len(data), len(header))], header)
	}
	if want := `;"Bord; 1";Öppen, ärlig redovisning;R01;`; !strings.Contains(data, want) {
		t.Errorf("no %q in the file:\n%s", want, data)
	}
	if got, want := readResultsCSV(t, semicolons.Bytes(), game.Semicolon), readResultsCSV(t, commas.Bytes(), game.Comma); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("with \";\" the cells are\n%q\nwith \",\"\n%q", got, want)
	}
}

func TestCSVSeparatorFollowsTheLanguage(t *testing.T) {
	for language, want := range map[string]game.CSVSeparator{
		"sv": game.Semicolon, "fi": game.Semicolon, "sv_SE": game.Semicolon, "sv_FI": game.Semicolon, "fi-FI": game.Semicolon, "FI": game.Semicolon,
		"en": game.Comma, "en_GB": game.Comma, "": game.Comma, "C": game.Comma, "svenska": game.Comma,
	} {
		if got := game.CSVSeparatorFor(language); got != want {
			t.Errorf("CSVSeparatorFor(%q) = %q, want %q", language, rune(got), rune(want))
		}
	}
}

func TestWriteResultsCSVEscapesFormulas(t *testing.T) {
	b := newBuilder(t)
	b.f.Workshop.Title = "+Workshop"
	b.f.Workshop.Client = "@Kund"
	b.f.Workshop.Sector = "-Sektor"
	b.f.Teams[0].Name = "\tBord"
	b.f.Paths[0].Name = "'=väg"
	b.play("p1", "t1", "B01", "collection").PathID = "a1"
	b.f.Plays[0].Text = "=HYPERLINK(\"http://example.com\")"
	b.rate("p1", "desirability", "u1", 4)
	b.f.Participants[0].Pseudonym = "=Älgen"
	var buf bytes.Buffer
	if err := game.WriteResultsCSV(&buf, []*game.File{b.f}, true, game.Comma); err != nil {
		t.Fatal(err)
	}
	rows := readResultsCSV(t, buf.Bytes(), game.Comma)
	if len(rows) != 2 {
		t.Fatalf("rows = %q", rows)
	}
	for i, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("column %s = %q is not escaped", game.ResultsColumns[i], cell)
		}
	}
	if rows[1][5] != "''=väg" || rows[1][7] != "'=HYPERLINK(\"http://example.com\")" || rows[1][15] != "'=Älgen" {
		t.Errorf("escaped row = %q", rows[1])
	}
}

func TestWriteResultsJSON(t *testing.T) {
	r := game.Results(exportFile(t))
	var buf bytes.Buffer
	if err := game.WriteResultsJSON(&buf, []*game.WorkshopResults{r}); err != nil {
		t.Fatal(err)
	}
	if r.Workshop.Deck == nil {
		t.Fatal("WriteResultsJSON took the deck out of the results it was given")
	}
	var back []game.WorkshopResults
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("the JSON does not read back: %v\n%s", err, buf.String())
	}
	if len(back) != 1 || back[0].Workshop.Deck != nil || back[0].Workshop.Title != r.Workshop.Title || back[0].Midpoint != 3 {
		t.Fatalf("read back %+v", back)
	}
	got, want := back[0].Plays, r.Plays
	if len(got) != 3 || got[0].Play.ID != want[0].Play.ID || got[0].Customer != want[0].Customer ||
		got[0].Criteria["desirability"] != want[0].Criteria["desirability"] || got[0].Quadrant != want[0].Quadrant || got[0].Team != "Bord 1" {
		t.Errorf("plays read back %+v\nwant %+v", got, want)
	}
	if s := buf.String(); strings.Contains(s, "Anna Andersson") || !strings.Contains(s, `"rated": false`) || strings.Contains(s, `\u00`) {
		t.Errorf("JSON:\n%s", s)
	}
	buf.Reset()
	if err := game.WriteResultsJSON(&buf, nil); err != nil || strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("no results: %q, %v", buf.String(), err)
	}
}

// A results file's name asks for its format by its own rule, not the deck
// files' (where .txt is a spreadsheet's CSV to read).
func TestResultsFormatOfAFileName(t *testing.T) {
	for name, want := range map[string]string{
		"results.json": game.ResultsJSON, "Results.JSON": game.ResultsJSON, "r.csv": game.ResultsCSV,
		"R.Csv": game.ResultsCSV, "r.txt": "", "results": "", "r.json.pdf": "",
		"results.xlsx": game.ResultsXLSX, "R.XLSX": game.ResultsXLSX, "r.xls": "",
	} {
		if got := game.ResultsFormatOf(name); got != want {
			t.Errorf("ResultsFormatOf(%q) = %q, want %q", name, got, want)
		}
	}
}
