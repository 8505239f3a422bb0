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
// every unit.
func asExcelWritesScatter(x *excelize.File, unit float64) {
	valueTail := `<crossBetween val="midCat"></crossBetween><majorUnit val="` + strconv.FormatFloat(unit, 'f', -1, 64) + `"></majorUnit></valAx>`
	x.Pkg.Range(func(key, value any) bool {
		name, _ := key.(string)
		part, ok := value.([]byte)
		if ok && strings.HasPrefix(name, "xl/charts/chart") {
			part = stringAcross.ReplaceAll(part, []byte(`<xVal><numRef><f>$1</f></numRef></xVal>`))
			x.Pkg.Store(name, []byte(strings.Replace(string(part), categoryTail, valueTail, 1)))
		}
		return true
	})
}
