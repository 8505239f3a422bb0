package workbook

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"deckhand/game"
)

// The Matrix sheet's columns: the points of the chart, a table's after
// another's so that each table is one series of the chart; beside them the
// midpoint's lines, and the chart beside those.
var matrixColumns = []column{
	{wordTable, kindText}, {wordCode, kindText}, {wordTitle, kindText},
	{wordOrgMean, kindMean}, {wordCustomerMean, kindMean},
}

const (
	matrixX, matrixY     = "D", "E" // the organisation's and the customer's means: across and up
	midpointX, midpointY = "G", "H"
	matrixChartAt        = "J2"
)

// markerSymbols are Excel's nearest to the matrix's shapes (game.TeamStyle),
// so a table keeps its colour and roughly its marker.
var markerSymbols = [game.MarkerShapes]string{
	game.ShapeCircle: "circle", game.ShapeSquare: "square", game.ShapeTriangle: "triangle",
	game.ShapeDiamond: "diamond", game.ShapeTriangleDown: "x", game.ShapeHexagon: "plus",
	game.ShapeStar: "star", game.ShapePentagon: "dash",
}

// addMatrix adds the Matrix sheet: every play rated from both perspectives
// with its organisation's and customer's means, table by table, and a
// native scatter chart of them as the Results screen draws it by default
// (organisation across, customer up), one series for each table with a
// rated play, in the table's colour, and the midpoint of the scale drawn
// as two lines, on the deck's scale.
func (b *Book) addMatrix(f *game.File, r *game.WorkshopResults) error {
	s, err := b.addSheet(say(b.lang, wordMatrix), matrixColumns)
	if err != nil {
		return err
	}
	var series []excelize.ChartSeries
	for i, t := range liveTeams(f) {
		first := s.rows + 2
		for _, p := range r.Plays {
			if p.Play.TeamID != t.ID || !p.Rated() {
				continue
			}
			if err := s.add(text(t.Name), text(p.Play.Code), text(p.Title), mean(p.Organisation), mean(p.Customer)); err != nil {
				return err
			}
		}
		last := s.rows + 1
		if last < first {
			continue // nothing of the table's to draw
		}
		colour, shape := game.TeamStyle(i)
		hex := fmt.Sprintf("#%02X%02X%02X", colour.R, colour.G, colour.B)
		series = append(series, excelize.ChartSeries{
			Name:       sheetRef(s.name, "$A$"+strconv.Itoa(first)),
			Categories: sheetRef(s.name, columnRange(matrixX, first, last)),
			Values:     sheetRef(s.name, columnRange(matrixY, first, last)),
			Marker: excelize.ChartMarker{Symbol: markerSymbols[shape], Size: 8,
				Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}},
				Border: excelize.LineOptions{Type: excelize.LineSolid, Width: 0.75, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}}},
		})
	}
	if err := s.finish(); err != nil {
		return err
	}
	low, high := scale(f)
	mid, err := b.addMidpoint(s.name, low, high, (low+high)/2) // game.Midpoint, on the same scale
	if err != nil {
		return err
	}
	series = append(series, mid)
	const tick = 1 // a gridline at every value of the scale
	axis := func(title string) excelize.ChartAxis {
		return excelize.ChartAxis{Minimum: ptr(low), Maximum: ptr(high), MajorUnit: tick, MajorGridLines: true,
			Font:  excelize.Font{Color: "#404040"}, // excelize's default grey is too pale to read printed
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}}}
	}
	err = b.x.AddChart(s.name, matrixChartAt, &excelize.Chart{
		Type:         excelize.Scatter,
		Series:       series,
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: f.Workshop.Title}}},
		XAxis:        axis(say(b.lang, wordOrgMean)),
		YAxis:        axis(say(b.lang, wordCustomerMean)),
		Legend:       excelize.ChartLegend{Position: "right"},
		Dimension:    excelize.ChartDimension{Width: 760, Height: 560},
		ShowBlanksAs: "gap",
		Format:       excelize.GraphicOptions{AltText: say(b.lang, wordMatrix)},
	})
	if err != nil {
		return err
	}
	asExcelWritesScatter(b.x, tick)
	return nil
}

// addMidpoint writes the midpoint's lines beside the points, and returns
// the series that draws them: from the bottom of the scale to its top at
// the midpoint across, a gap, then from its left to its right at the
// midpoint up (one series, so the legend names it once).
func (b *Book) addMidpoint(sheetName string, low, high, mid float64) (excelize.ChartSeries, error) {
	x := b.x
	if err := x.SetCellStr(sheetName, midpointX+"1", say(b.lang, wordMidpoint)); err != nil {
		return excelize.ChartSeries{}, err
	}
	points := [][2]float64{{mid, low}, {mid, high}, {}, {low, mid}, {high, mid}}
	for i, p := range points {
		if i == 2 {
			continue // the gap between the two lines
		}
		row := strconv.Itoa(i + 2)
		for j, col := range []string{midpointX, midpointY} {
			if err := x.SetCellFloat(sheetName, col+row, p[j], -1, 64); err != nil {
				return excelize.ChartSeries{}, err
			}
		}
	}
	if err := x.SetColWidth(sheetName, midpointX, midpointY, float64(max(textWidth(say(b.lang, wordMidpoint))+2, minWidth))); err != nil {
		return excelize.ChartSeries{}, err
	}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#7F7F7F"}}
	return excelize.ChartSeries{
		Name:       sheetRef(sheetName, "$"+midpointX+"$1"),
		Categories: sheetRef(sheetName, columnRange(midpointX, 2, 1+len(points))),
		Values:     sheetRef(sheetName, columnRange(midpointY, 2, 1+len(points))),
		Fill:       grey, // the line's colour
		Line:       excelize.LineOptions{Type: excelize.LineSolid, Dash: excelize.LineDashDash, Width: 1},
		Marker:     excelize.ChartMarker{Symbol: "none"},
	}, nil
}

// scale is the lowest and highest rating of the deck's scale (its first
// criterion's, as the quadrants' midpoint), 1–5 without criteria.
func scale(f *game.File) (low, high float64) {
	if d := f.Workshop.Deck; d != nil && len(d.Criteria) > 0 && d.Criteria[0].Max > d.Criteria[0].Min {
		return float64(d.Criteria[0].Min), float64(d.Criteria[0].Max)
	}
	return 1, 5
}

// columnRange is the absolute range of rows first to last of a column:
// "$D$2:$D$9".
func columnRange(col string, first, last int) string {
	return "$" + col + "$" + strconv.Itoa(first) + ":$" + col + "$" + strconv.Itoa(last)
}

// addWorkshopSheets adds a workshop's own sheets, between its ranking and
// its notes: the matrix, the areas and the tables.
func (b *Book) addWorkshopSheets(f *game.File, r *game.WorkshopResults) error {
	for _, add := range []func(*game.File, *game.WorkshopResults) error{b.addMatrix, b.addAreas, b.addTables} {
		if err := add(f, r); err != nil {
			return err
		}
	}
	return nil
}
