package workbook

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize writes a scatter chart's axis across as a category axis turned
// value axis, in two ways that Excel reads otherwise than a scatter chart
// it wrote itself. asExcelWritesScatter rewrites the chart parts as Excel
// writes them; the tests read the result, so a newer excelize that writes
// other XML fails them instead of a client's chart.
var (
	// The values across are referred to as text (strRef), which Excel
	// takes for labels: it places the points at 1, 2, 3 … in the order of
	// the rows instead of at their values, or drops the chart.
	stringAcross = regexp.MustCompile(`<xVal><strRef><f>([^<]*)</f></strRef></xVal>`)
	// The axis across ends with a category axis's elements, which a value
	// axis does not have, and without the unit of its ticks
	// (ChartAxis.MajorUnit is written for the axis up only).
	categoryTail = `<auto val="1"></auto><lblAlgn val="ctr"></lblAlgn><lblOffset val="100"></lblOffset><noMultiLvlLbl val="0"></noMultiLvlLbl></valAx>`
)

// asExcelWritesScatter refers the charts' values across to their cells as
// numbers (numRef) and ends their axis across as a value axis, with ticks
// every unit. Of its series, the first are the cards, one for each of
// labelAt, labelled by their names (the chart's showSerName) at the place
// labelAt says and left out of the legend; the others (the tables'
// entries in the legend and, last, the midpoint's lines) are not
// labelled, which excelize cannot say of a scatter chart's series.
func asExcelWritesScatter(x *excelize.File, unit float64, labelAt []string) {
	valueTail := `<crossBetween val="midCat"></crossBetween><majorUnit val="` + strconv.FormatFloat(unit, 'f', -1, 64) + `"></majorUnit></valAx>`
	x.Pkg.Range(func(key, value any) bool {
		name, _ := key.(string)
		part, ok := value.([]byte)
		if ok && strings.HasPrefix(name, "xl/charts/chart") {
			part = stringAcross.ReplaceAll(part, []byte(`<xVal><numRef><f>$1</f></numRef></xVal>`))
			chart := strings.Replace(string(part), categoryTail, valueTail, 1)
			x.Pkg.Store(name, []byte(labelOnlyCards(chart, labelAt)))
		}
		return true
	})
}

// seriesIndex finds where a series starts and its index.
var seriesIndex = regexp.MustCompile(`<ser><idx val="(\d+)">`)

// labelOnlyCards places the labels of the first len(labelAt) series and
// deletes their legend's entries, and deletes the labels of the others.
func labelOnlyCards(chart string, labelAt []string) string {
	cards := len(labelAt)
	var out strings.Builder
	rest := chart
	for {
		m := seriesIndex.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		i, _ := strconv.Atoi(rest[m[2]:m[3]])
		end := strings.Index(rest[m[0]:], "</ser>") + m[0]
		ser := rest[m[0]:end]
		// A series' own labels go before its values (CT_ScatterSer).
		if i >= cards {
			ser = strings.Replace(ser, "<xVal>", `<dLbls><delete val="1"></delete></dLbls><xVal>`, 1)
		} else if labelAt[i] != "r" { // right is where the chart's labels go
			ser = strings.Replace(ser, "<xVal>", `<dLbls><dLblPos val="`+labelAt[i]+`"></dLblPos><showLegendKey val="0"></showLegendKey><showVal val="0"></showVal><showCatName val="0"></showCatName><showSerName val="1"></showSerName><showPercent val="0"></showPercent><showBubbleSize val="0"></showBubbleSize></dLbls><xVal>`, 1)
		}
		out.WriteString(rest[:m[0]])
		out.WriteString(ser)
		rest = rest[end:]
	}
	out.WriteString(rest)
	var entries strings.Builder
	for i := range cards {
		entries.WriteString(`<legendEntry><idx val="` + strconv.Itoa(i) + `"></idx><delete val="1"></delete></legendEntry>`)
	}
	const pos = `<legendPos val="r"></legendPos>`
	return strings.Replace(out.String(), pos, pos+entries.String(), 1)
}
