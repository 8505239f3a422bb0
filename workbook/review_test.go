package workbook

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"deckhand/game"
)

// chartXML is the first chart's XML, its namespace's prefix dropped.
func chartXML(t *testing.T, path string) string {
	t.Helper()
	return strings.NewReplacer("<c:", "<", "</c:", "</", "&#39;", "'").Replace(zipPart(t, path, "xl/charts/chart1.xml"))
}

// Every point of the matrix carries its card's code: each card is a
// series named by the cell of its code, whose name is its label; the
// legend keeps only the tables and the midpoint, which carry no label.
func TestEveryPointOfTheMatrixIsLabelledByItsCode(t *testing.T) {
	f := exampleFile(t)
	r := game.Results(f)
	path, x := writeWorkbook(t, f, Options{})
	chart := chartXML(t, path)
	rated := 0
	for _, p := range r.Plays {
		if p.Rated() {
			rated++
		}
	}
	if n := strings.Count(chart, "<ser>"); n != rated+3 {
		t.Fatalf("the chart has %d series, want one per rated card (%d), one per table and the midpoint's", n, rated)
	}
	for row := 2; row <= rated+1; row++ {
		code := value(t, x, "Matris", 1, row, false)
		ref := "<tx><strRef><f>'Matris'!$B$" + itoa(row) + "</f>"
		if !strings.Contains(chart, ref) || !strings.Contains(chart, "<xVal><numRef><f>'Matris'!$D$"+itoa(row)+"</f>") {
			t.Errorf("no series is named by %s's code (%s)", code, ref)
		}
	}
	if !strings.Contains(chart, `<showSerName val="1">`) {
		t.Error("the chart does not label its points by their series' names")
	}
	if n := strings.Count(chart, `<legendEntry><idx val="`); n != rated {
		t.Errorf("the legend leaves out %d entries, want the %d cards'", n, rated)
	}
	// Three cards of the example share a point (2, 4): their codes go
	// right of it, below and above, not over each other.
	for _, place := range []string{"b", "t"} {
		if n := strings.Count(chart, `<dLblPos val="`+place+`">`); n != 1 {
			t.Errorf("%d labels are placed %q, want one of the three cards at one point", n, place)
		}
	}
	if n := strings.Count(chart, `<dLbls><delete val="1"></delete></dLbls>`); n != 3 {
		t.Errorf("%d series are unlabelled, want the two tables' and the midpoint's", n)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// The chart is titled by what it plots, as the report's matrix, in the
// workbook's language, and follows the axes a caller chooses.
func TestTheMatrixIsTitledByWhatItPlots(t *testing.T) {
	f := exampleFile(t)
	for _, tt := range []struct {
		o      Options
		titles []string
		heads  []string
	}{
		{Options{}, []string{"Kundens perspektiv × organisationens perspektiv", "Organisationens perspektiv (Lönsamhet, Genomförbarhet)"}, []string{"Organisationens perspektiv", "Kundens perspektiv"}},
		{Options{Lang: "fi"}, []string{"Asiakkaan näkökulma × organisaation näkökulma"}, []string{"Organisaation näkökulma", "Asiakkaan näkökulma"}},
		{Options{Across: "feasibility", Up: "desirability"}, []string{"Önskvärdhet × genomförbarhet"}, []string{"Genomförbarhet", "Önskvärdhet"}},
	} {
		path, x := writeWorkbook(t, f, tt.o)
		chart := chartXML(t, path)
		for _, want := range tt.titles {
			if !strings.Contains(chart, "<a:t>"+want+"</a:t>") {
				t.Errorf("%+v: the chart lacks the title %q", tt.o, want)
			}
		}
		if strings.Contains(chart, f.Workshop.Title) {
			t.Errorf("%+v: the chart is still titled by the workshop", tt.o)
		}
		sheet := x.GetSheetName(1)
		if got := row(t, x, sheet, 1)[3:5]; !slices.Equal(got, tt.heads) {
			t.Errorf("%+v: the matrix's means are headed %q, want %q", tt.o, got, tt.heads)
		}
	}
}

// The cells only the chart reads, the midpoint's lines and the tables'
// names for the legend, are in hidden columns.
func TestTheChartsHelperCellsAreHidden(t *testing.T) {
	path, x := writeWorkbook(t, exampleFile(t), Options{})
	for _, col := range []string{helperFrom, helperTo} {
		visible, err := x.GetColVisible("Matris", col)
		if err != nil || visible {
			t.Errorf("column %s, which holds the midpoint's cells, is visible (%v)", col, err)
		}
	}
	if got := value(t, x, "Matris", 6, 1, false); got != "Mittpunkt" {
		t.Errorf("the midpoint's series is named by %q", got)
	}
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		if visible, _ := x.GetColVisible("Matris", col); !visible {
			t.Errorf("the points' column %s is hidden", col)
		}
	}
	if !strings.Contains(chartXML(t, path), `<plotVisOnly val="0">`) {
		t.Error("the chart leaves out hidden cells, so it would draw no midpoint")
	}
}

// Every sheet prints on A4 at a size people read: upright when its
// columns fit, across when they fit that way, shrunk to the page's width
// only when that keeps the text at four fifths of its size or more,
// otherwise at full size across pages with the columns up to the code
// repeated; the header row is repeated on every page.
func TestEverySheetPrintsLegiblyOnA4(t *testing.T) {
	_, x := writeWorkbook(t, exampleFile(t), Options{})
	for _, sheet := range x.GetSheetList() {
		layout, err := x.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := x.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fit := props.FitToPage != nil && *props.FitToPage
		if *layout.Size != paperA4 {
			t.Errorf("%s prints on paper %d, not A4", sheet, *layout.Size)
		}
		cols, _ := x.GetCols(sheet)
		width := 0.0
		for i := range cols {
			if visible, _ := x.GetColVisible(sheet, colName(i)); !visible {
				continue
			}
			w, _ := x.GetColWidth(sheet, colName(i))
			width += w
		}
		if sheet == "Matris" {
			width = 0
			for _, c := range []string{"A", "B", "C", "D", "E"} {
				w, _ := x.GetColWidth(sheet, c)
				width += w
			}
		}
		scale := 1.0
		if fit {
			scale = landscapeWidth / width
			if *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
				t.Errorf("%s fits %d pages wide and %d high", sheet, *layout.FitToWidth, *layout.FitToHeight)
			}
		}
		if scale < leastScale {
			t.Errorf("%s is shrunk to %.0f%% to fit a page's width", sheet, 100*scale)
		}
		if *layout.Orientation == "portrait" && width > portraitWidth {
			t.Errorf("%s prints upright though its columns are %.0f wide", sheet, width)
		}
		if *layout.Orientation == "landscape" && width <= portraitWidth {
			t.Errorf("%s prints across though its columns (%.0f) fit upright", sheet, width)
		}
		titles := ""
		for _, n := range x.GetDefinedName() {
			if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet {
				titles = n.RefersTo
			}
		}
		if !strings.HasSuffix(titles, "!$1:$1") {
			t.Errorf("%s repeats %q on every page, not its header row", sheet, titles)
		}
		if width > landscapeWidth && !fit && sheet == "Rangordning" && !strings.Contains(titles, "!$A:$B,") {
			t.Errorf("the ranking runs across pages without its rank and code on each: %q", titles)
		}
	}
	for width, want := range map[int]string{60: "portrait", 100: "landscape", 150: "landscape"} {
		if got, _ := printLayout(width); got != want {
			t.Errorf("columns %d wide print %s, want %s", width, got, want)
		}
	}
	if _, fit := printLayout(300); fit {
		t.Error("columns 300 wide are shrunk to a page's width, too small to read")
	}
}

// Long texts wrap within columns as wide as their words need: no text
// column is wider than maxTextWidth, and its long cells wrap.
func TestLongTextsWrapInColumnsThatFitTheWords(t *testing.T) {
	_, x := writeWorkbook(t, exampleFile(t), Options{})
	const sheet = "Bedömningar"
	title := columnOf(t, x, sheet, "Titel")
	w, _ := x.GetColWidth(sheet, colName(title))
	if w > maxTextWidth {
		t.Errorf("the title column is %v wide", w)
	}
	id, _ := x.GetCellStyle(sheet, cellName(title, 2))
	style, _ := x.GetStyle(id)
	if style.Alignment == nil || !style.Alignment.WrapText {
		t.Error("the long titles do not wrap")
	}
	id, _ = x.GetCellStyle(sheet, "A1")
	if style, _ = x.GetStyle(id); style.Alignment == nil || !style.Alignment.WrapText {
		t.Error("the header does not wrap")
	}
}

// The Ratings sheet, a document for people, says the deck's keys and the
// raters in the workbook's language, with the words the deck and the app
// use: not "routine" but "Datarutin", not "team" but "Bordet".
func TestTheRatingsSheetSaysTheDecksKeysInItsLanguage(t *testing.T) {
	f := exampleFile(t)
	for lang, want := range map[string]map[string]string{
		"sv": {"Typ": "Datarutin", "Tema": "Hantering av data", "Område": "Insamling", "Nivå": "Operativ", "Kriterium": "Önskvärdhet", "Perspektiv": "Kund", "Bedömare": "Bordet"},
		"fi": {"Tyyppi": "Datarutiini", "Teema": "Datan hallinta", "Alue": "Keruu", "Taso": "Operatiivinen", "Kriteeri": "Toivottavuus", "Näkökulma": "Asiakas", "Arvioija": "Pöytä"},
	} {
		_, x := writeWorkbook(t, f, Options{Lang: lang})
		sheet := x.GetSheetName(x.SheetCount - 1)
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for head, name := range want {
			col := slices.Index(rows[0], head)
			if col < 0 {
				t.Errorf("%s: %s has no column %q: %q", lang, sheet, head, rows[0])
				continue
			}
			found := false
			for _, r := range rows[1:] {
				if col < len(r) {
					found = found || r[col] == name
					for _, key := range []string{"routine", "governance", "collection", "operative", "desirability", "customer", "team", "participant 1"} {
						if r[col] == key {
							t.Errorf("%s: %s shows the key %q", lang, head, key)
						}
					}
				}
			}
			if !found {
				t.Errorf("%s: no row's %s is %q", lang, head, name)
			}
		}
	}
}

// Dates and times are shown as each language writes them.
func TestDatesAreShownAsTheLanguageWritesThem(t *testing.T) {
	f := exampleFile(t)
	for lang, want := range map[string][2]string{
		"fi": {"d.m.yyyy", "d.m.yyyy h:mm"},
		"sv": {"yyyy-mm-dd", "yyyy-mm-dd hh:mm"},
		"en": {"d mmm yyyy", "d mmm yyyy h:mm AM/PM"},
	} {
		_, x := writeWorkbook(t, f, Options{Lang: lang})
		sheet := x.GetSheetName(x.SheetCount - 1)
		for i, col := range []int{3, 16} {
			id, err := x.GetCellStyle(sheet, cellName(col, 2))
			if err != nil {
				t.Fatal(err)
			}
			style, err := x.GetStyle(id)
			if err != nil || style.CustomNumFmt == nil || *style.CustomNumFmt != want[i] {
				t.Errorf("%s: column %d's format is %v, want %q", lang, col, style.CustomNumFmt, want[i])
			}
		}
		if got := value(t, x, sheet, 3, 2, false); lang == "fi" && got != "12.3.2026" {
			t.Errorf("the Finnish workbook shows the date as %q", got)
		}
	}
}
