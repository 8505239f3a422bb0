package workbook

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/words"
)

// The Matrix sheet's columns: the points of the chart, a table's after
// another's, each named by its card's code; the two means are the axes'
// (matrixAxes), headed by their names.
var matrixColumns = []column{
	{head: wordTable, kind: kindText}, {head: wordCode, kind: kindText}, {head: wordTitle, kind: kindText},
	{kind: kindMean}, {kind: kindMean},
}

const (
	matrixX, matrixY = "D", "E" // the means across and up
	// The cells the chart draws from that are no table of the client's:
	// the midpoint's lines and the tables' names for the legend. Their
	// columns are hidden; the chart still draws them (excelize writes
	// plotVisOnly false, so hidden cells are plotted).
	helperFrom, helperTo = "G", "H"
	matrixChartAt        = "J2"
)

// markerSymbols are Excel's nearest to the matrix's shapes (game.TeamStyle),
// so a table keeps its colour and roughly its marker.
var markerSymbols = [game.MarkerShapes]string{
	game.ShapeCircle: "circle", game.ShapeSquare: "square", game.ShapeTriangle: "triangle",
	game.ShapeDiamond: "diamond", game.ShapeTriangleDown: "x", game.ShapeHexagon: "plus",
	game.ShapeStar: "star", game.ShapePentagon: "dash",
}

// matrixAxes are the axes the matrix plots, named in the workbook's
// language as the report and the chart for slides name them: the
// Options' when given, else the organisation's view across and the
// customer's up, as the Results screen draws it by default.
func (b *Book) matrixAxes(d *cards.Deck) game.MatrixAxes {
	across, up := b.o.Across, b.o.Up
	if across == "" {
		across = game.AxisOrganisation
	}
	if up == "" {
		up = game.AxisCustomer
	}
	if d == nil {
		d = &cards.Deck{}
	}
	lang := b.lang
	if len(d.Criteria) > 0 {
		lang = d.Lang(b.lang)
	}
	say := words.In(b.lang).Say
	return game.MatrixAxes{Across: game.AxisIn(d, across, lang, say), Up: game.AxisIn(d, up, lang, say)}
}

// addMatrix adds the Matrix sheet: every play rated on both axes with its
// means, table by table, and a native scatter chart of them titled by
// what it plots. Each card is a series of its own, named by its code,
// which is its point's label, in its table's colour and marker; the
// legend names the tables (a series each without points) and the
// midpoint of the scale, drawn as two dashed lines.
func (b *Book) addMatrix(f *game.File, r *game.WorkshopResults) error {
	axes := b.matrixAxes(f.Workshop.Deck)
	cols := append([]column(nil), matrixColumns...)
	cols[3].title, cols[4].title = axes.Across.Name, axes.Up.Name
	s, err := b.addSheet(say(b.lang, wordMatrix), cols)
	if err != nil {
		return err
	}
	var cardSeries, tableSeries []excelize.ChartSeries
	var labelAt []string            // each card's label's place beside its point
	atPoint := map[[2]float64]int{} // the cards drawn at a point so far
	helperRow := 8                  // below the midpoint's rows
	for i, t := range liveTeams(f) {
		colour, shape := game.TeamStyle(i)
		marker := teamMarker(colour, shape)
		drawn := false
		for _, p := range r.Plays {
			across, up := axes.Across.Score(p), axes.Up.Score(p)
			if p.Play.TeamID != t.ID || !across.Rated || !up.Rated {
				continue
			}
			if err := s.add(text(t.Name), text(p.Play.Code), text(p.Title), mean(across), mean(up)); err != nil {
				return err
			}
			row := strconv.Itoa(s.rows + 1)
			point := [2]float64{across.Mean, up.Mean}
			labelAt = append(labelAt, labelPlaces[atPoint[point]%len(labelPlaces)])
			atPoint[point]++
			cardSeries = append(cardSeries, excelize.ChartSeries{
				Name:       sheetRef(s.name, "$B$"+row),
				Categories: sheetRef(s.name, "$"+matrixX+"$"+row),
				Values:     sheetRef(s.name, "$"+matrixY+"$"+row),
				Marker:     marker,
			})
			drawn = true
		}
		if !drawn {
			continue // nothing of the table's to draw
		}
		// The table's entry in the legend: its name, beside its marker,
		// and no point.
		ref := strconv.Itoa(helperRow)
		if err := b.x.SetCellStr(s.name, helperFrom+ref, t.Name); err != nil {
			return err
		}
		tableSeries = append(tableSeries, excelize.ChartSeries{
			Name:       sheetRef(s.name, "$"+helperFrom+"$"+ref),
			Categories: sheetRef(s.name, "$"+helperTo+"$"+ref),
			Values:     sheetRef(s.name, "$"+helperTo+"$"+ref),
			Marker:     marker,
		})
		helperRow++
	}
	if err := s.finish(); err != nil {
		return err
	}
	low, high := axes.Up.Lo, axes.Up.Hi
	mid, err := b.addMidpoint(s.name, low, high, (low+high)/2) // game.Midpoint, on the same scale
	if err != nil {
		return err
	}
	if err := b.x.SetColVisible(s.name, helperFrom+":"+helperTo, false); err != nil {
		return err
	}
	// The chart prints on a page of its own, after the points'.
	if err := b.x.InsertPageBreak(s.name, matrixChartAt[:1]+"1"); err != nil {
		return err
	}
	const tick = 1 // a gridline at every value of the scale
	axis := func(a game.MatrixAxis) excelize.ChartAxis {
		return excelize.ChartAxis{Minimum: ptr(a.Lo), Maximum: ptr(a.Hi), MajorUnit: tick, MajorGridLines: true,
			Font:  excelize.Font{Color: "#404040"}, // excelize's default grey is too pale to read printed
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: a.Label()}}}}
	}
	series := append(append(cardSeries, tableSeries...), mid)
	err = b.x.AddChart(s.name, matrixChartAt, &excelize.Chart{
		Type:         excelize.Scatter,
		Series:       series,
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: axes.Title()}}},
		XAxis:        axis(axes.Across),
		YAxis:        axis(axes.Up),
		Legend:       excelize.ChartLegend{Position: "right"},
		PlotArea:     excelize.ChartPlotArea{ShowSerName: true},        // each card's code beside its point
		Dimension:    excelize.ChartDimension{Width: 720, Height: 440}, // on one landscape A4 page
		ShowBlanksAs: "gap",
		Format:       excelize.GraphicOptions{AltText: axes.Title()},
	})
	if err != nil {
		return err
	}
	asExcelWritesScatter(b.x, tick, labelAt)
	return nil
}

// labelPlaces are where the labels of cards at one point go, one after
// another, so that two or three codes there are all read: right of the
// point, below, above, left.
var labelPlaces = []string{"r", "b", "t", "l"}

// teamMarker is the marker of a table's points: its colour, and Excel's
// nearest to its shape.
func teamMarker(colour game.RGB, shape int) excelize.ChartMarker {
	hex := fmt.Sprintf("#%02X%02X%02X", colour.R, colour.G, colour.B)
	return excelize.ChartMarker{Symbol: markerSymbols[shape], Size: 8,
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}},
		Border: excelize.LineOptions{Type: excelize.LineSolid, Width: 0.75, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}}}
}

// addMidpoint writes the midpoint's lines in the hidden helper columns,
// and returns the series that draws them: from the bottom of the scale to
// its top at the midpoint across, a gap, then from its left to its right
// at the midpoint up (one series, so the legend names it once).
func (b *Book) addMidpoint(sheetName string, low, high, mid float64) (excelize.ChartSeries, error) {
	x := b.x
	if err := x.SetCellStr(sheetName, helperFrom+"1", say(b.lang, wordMidpoint)); err != nil {
		return excelize.ChartSeries{}, err
	}
	points := [][2]float64{{mid, low}, {mid, high}, {}, {low, mid}, {high, mid}}
	for i, p := range points {
		if i == 2 {
			continue // the gap between the two lines
		}
		row := strconv.Itoa(i + 2)
		for j, col := range []string{helperFrom, helperTo} {
			if err := x.SetCellFloat(sheetName, col+row, p[j], -1, 64); err != nil {
				return excelize.ChartSeries{}, err
			}
		}
	}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#7F7F7F"}}
	return excelize.ChartSeries{
		Name:       sheetRef(sheetName, "$"+helperFrom+"$1"),
		Categories: sheetRef(sheetName, columnRange(helperFrom, 2, 1+len(points))),
		Values:     sheetRef(sheetName, columnRange(helperTo, 2, 1+len(points))),
		Fill:       grey, // the line's colour
		Line:       excelize.LineOptions{Type: excelize.LineSolid, Dash: excelize.LineDashDash, Width: 1},
		Marker:     excelize.ChartMarker{Symbol: "none"},
	}, nil
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
