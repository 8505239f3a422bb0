package workbook

import "github.com/xuri/excelize/v2"

// A4's printable width within margins of 0.6 inches, in the units of a
// column's width (a digit of the default 11-point font), as LibreOffice
// prints it with its wider stand-in for Calibri; Excel fits a little more.
const (
	portraitWidth  = 70
	landscapeWidth = 104
	margin         = 0.6 // inches, left and right
	// leastScale is the smallest a sheet is shrunk to fit a page's width:
	// 11-point text printed at about 9 points, still read without effort.
	leastScale = 0.8
	paperA4    = 9 // Excel's number of the paper size
)

// printLayout is how a sheet whose columns are width wide prints on A4:
// upright when they fit, else across, shrunk to the page's width when
// that leaves the text legible (leastScale), else at full size on as
// many pages across as it takes.
func printLayout(width int) (orientation string, fitToWidth bool) {
	switch {
	case width <= portraitWidth:
		return "portrait", false
	case width <= landscapeWidth:
		return "landscape", false
	case float64(width)*leastScale <= landscapeWidth:
		return "landscape", true
	}
	return "landscape", false
}

// printable sets how the sheet prints (printLayout), on A4, the header row
// again at the top of each page and, when the columns run across pages,
// the columns up to the card's code again at the left of each.
func (s *sheet) printable() error {
	x := s.b.x
	width := 0
	for i := range s.cols {
		width += s.colWidth(i)
	}
	orientation, fit := printLayout(width)
	layout := &excelize.PageLayoutOptions{Size: ptr(paperA4), Orientation: ptr(orientation)}
	if fit {
		layout.FitToWidth, layout.FitToHeight = ptr(1), ptr(0)
	}
	if err := x.SetPageLayout(s.name, layout); err != nil {
		return err
	}
	if err := x.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: ptr(margin), Right: ptr(margin), Top: ptr(0.75), Bottom: ptr(0.75)}); err != nil {
		return err
	}
	if err := x.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: ptr(fit)}); err != nil {
		return err
	}
	titles := sheetRef(s.name, "$1:$1")
	if keys := s.keyColumns(); width > landscapeWidth && !fit && keys > 0 {
		titles = sheetRef(s.name, "$A:$"+colName(keys-1)) + "," + titles
	}
	return x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: s.name})
}

// keyColumns is how many columns, from the first, say which card a row is
// about, up to its code; 0 when that takes more than a third of a page.
func (s *sheet) keyColumns() int {
	width := 0
	for i, c := range s.cols {
		width += s.colWidth(i)
		if width > landscapeWidth/3 {
			return 0
		}
		if c.head.Format == wordCode.Format && c.title == "" {
			return i + 1
		}
	}
	return 0
}
