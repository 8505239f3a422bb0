package workbook

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"deckhand/game"
	"deckhand/message"
)

// kind is what a column holds, which decides how its cells are stored and
// shown: texts as strings, never as formulas; counts as whole numbers;
// means as numbers shown to one or two decimals; dates and times as
// Excel dates.
type kind int

const (
	kindText kind = iota
	kindLongText
	kindCount
	kindMean
	kindDate
	kindTime
)

// column is a column of a sheet: its header and what it holds.
type column struct {
	head  message.Message
	kind  kind
	title string // the header as it is, instead of head: a name the deck gives
	// dateWidth is how many characters a date or a time shows in the
	// workbook's language (dateFormats).
	dateWidth int
}

func col(head message.Message, k kind) column { return column{head: head, kind: k} }

// cell is one value of a row. A blank cell is left empty: a score nobody
// gave is never a zero.
type cell struct {
	blank  bool
	text   string  // a text; also a date that is not one
	number float64 // a count, a mean, or a date as Excel's serial number
	isText bool
}

func text(s string) cell       { return cell{text: s, isText: true} }
func count(n int) cell         { return cell{number: float64(n)} }
func number(x float64) cell    { return cell{number: x} }
func moment(t time.Time) cell  { return cell{number: excelTime(t)} }
func blankCell() cell          { return cell{blank: true} }
func mean(s game.Score) cell   { return scored(s.Rated, s.Mean) }
func lowOf(s game.Score) cell  { return scored(s.Rated, float64(s.Min)) }
func highOf(s game.Score) cell { return scored(s.Rated, float64(s.Max)) }

// scored is a score's number, or a blank cell when nobody rated.
func scored(rated bool, x float64) cell {
	if !rated {
		return blankCell()
	}
	return number(x)
}

// day is a date written YYYY-MM-DD as an Excel date, or as the text it is
// when it is not a date.
func day(s string) cell {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return text(s)
	}
	return moment(t)
}

// excelEpoch is day zero of Excel's dates (the 1900 date system, whose
// serial numbers count from here for every date after February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelTime is t in UTC as Excel's serial number: days and the fraction
// of a day since excelEpoch.
func excelTime(t time.Time) float64 {
	return float64(t.UTC().Sub(excelEpoch)) / float64(24*time.Hour)
}

// Column widths, in Excel's units of a digit's width.
const (
	minWidth       = 6
	maxWidth       = 50
	maxLongWidth   = 40 // a note's text, which wraps: the Notes sheet then fits a page's width (print.go)
	maxTextWidth   = 25 // a title, a name: longer ones wrap
	filterButton   = 3  // room for the header's filter button
	longCellToSize = 200
)

// sheet writes one sheet: a header row frozen above the data, an
// autofilter over the data, and column widths that fit what was written.
type sheet struct {
	b      *Book
	name   string
	cols   []column
	rows   int   // data rows written
	widths []int // the longest text of each column, in characters
	heads  []string
	// wrapped are the texts of long-text columns, by row: no spreadsheet
	// fits a row's height to wrapped text on opening, so finish does.
	wrapped map[int][]wrappedText
}

// wrappedText is a text in a column whose texts wrap.
type wrappedText struct {
	col  int
	text string
}

// addSheet adds a sheet named name (made unique and acceptable to Excel
// by sheetNames) with a header row of cols.
func (b *Book) addSheet(name string, cols []column) (*sheet, error) {
	s := &sheet{b: b, name: b.names.name(name), cols: append([]column(nil), cols...), widths: make([]int, len(cols))}
	if b.sheets == 0 {
		if err := b.x.SetSheetName(b.x.GetSheetName(0), s.name); err != nil {
			return nil, err
		}
	} else if _, err := b.x.NewSheet(s.name); err != nil {
		return nil, err
	}
	b.sheets++
	for i, c := range cols {
		head := c.title
		if head == "" {
			head = say(b.lang, c.head)
		}
		if err := b.x.SetCellStr(s.name, cellName(i, 1), head); err != nil {
			return nil, err
		}
		s.widths[i] = longestWord(head) + filterButton
		s.heads = append(s.heads, head)
		if c.kind == kindDate || c.kind == kindTime {
			s.cols[i].dateWidth = len(b.styles.dateShown[c.kind])
		}
	}
	return s, nil
}

// add writes the next data row.
func (s *sheet) add(cells ...cell) error {
	row := s.rows + 2
	if row > excelize.TotalRows {
		return message.Refusal("the sheet %q would have more than %d rows, more than Excel can hold; export fewer workshops at a time", s.name, excelize.TotalRows)
	}
	for i, c := range cells {
		if c.blank {
			continue
		}
		ref := cellName(i, row)
		var err error
		switch {
		case c.isText:
			err = s.b.x.SetCellStr(s.name, ref, c.text) // a string, never a formula, whatever it starts with
		case s.cols[i].kind == kindCount:
			err = s.b.x.SetCellInt(s.name, ref, int64(c.number))
		default:
			err = s.b.x.SetCellFloat(s.name, ref, c.number, -1, 64)
		}
		if err != nil {
			return err
		}
		s.widths[i] = max(s.widths[i], s.cols[i].width(c))
		if c.isText && (s.cols[i].kind == kindLongText || (s.cols[i].kind == kindText && textWidth(c.text) > maxTextWidth)) {
			if s.wrapped == nil {
				s.wrapped = map[int][]wrappedText{}
			}
			s.wrapped[row] = append(s.wrapped[row], wrappedText{i, c.text})
		}
	}
	s.rows++
	return nil
}

// width is how many characters a cell of the column shows.
func (c column) width(v cell) int {
	switch {
	case v.isText:
		return textWidth(v.text)
	case c.kind == kindCount:
		return len(strconv.FormatFloat(v.number, 'f', 0, 64))
	case c.kind == kindMean:
		return 4 // 3.25
	case c.kind == kindDate, c.kind == kindTime:
		return c.dateWidth
	}
	return len(strconv.FormatFloat(v.number, 'f', -1, 64))
}

// longestWord is the length of a text's longest word, in characters: a
// header wraps between its words.
func longestWord(s string) int {
	longest := 0
	for w := range strings.FieldsSeq(s) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	return longest
}

// textWidth is the length of a text's longest line, in characters, up to
// longCellToSize (no column is as wide).
func textWidth(s string) int {
	if len(s) > 4*longCellToSize {
		s = s[:4*longCellToSize]
	}
	longest := 0
	for line := range strings.SplitSeq(s, "\n") {
		longest = max(longest, utf8.RuneCountInString(line))
	}
	return min(longest, longCellToSize)
}

// finish styles the header and the columns, sets the widths, freezes the
// header row and puts an autofilter over the header and the data.
func (s *sheet) finish() error {
	x := s.b.x
	last := len(s.cols) - 1
	lastRow := s.rows + 1
	if err := x.SetCellStyle(s.name, cellName(0, 1), cellName(last, 1), s.b.styles.header); err != nil {
		return err
	}
	for i, c := range s.cols {
		if err := x.SetColWidth(s.name, colName(i), colName(i), float64(s.colWidth(i))); err != nil {
			return err
		}
		plain := c.kind == kindText && s.wrapped == nil // as a cell is by default, where no row is higher than a line
		style, ok := s.b.styles.of[c.kind]
		if c.kind == kindText && s.widths[i]+2 > maxTextWidth {
			style, ok, plain = s.b.styles.of[kindLongText], true, false // its longer texts wrap
		}
		if ok && s.rows > 0 && !plain {
			if err := x.SetCellStyle(s.name, cellName(i, 2), cellName(i, lastRow), style); err != nil {
				return err
			}
		}
	}
	if err := s.fitRows(); err != nil {
		return err
	}
	if err := x.SetPanes(s.name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := x.AutoFilter(s.name, cellName(0, 1)+":"+cellName(last, lastRow), nil); err != nil {
		return err
	}
	return s.printable() // after the filter, which sets the sheet's properties anew
}

// colWidth is the width of column i: its longest text's and a margin,
// within bounds.
func (s *sheet) colWidth(i int) int {
	widest := maxWidth
	switch s.cols[i].kind {
	case kindLongText:
		widest = maxLongWidth
	case kindText:
		widest = maxTextWidth
	}
	return min(max(s.widths[i]+2, minWidth), widest)
}

// rowHeight is the height of a line of text, in points, at the default
// font's size.
const rowHeight = 15

// fitRows makes each row with wrapped text as high as its lines, as near
// as the count of characters tells: a long note is read whole, not cut at
// the next row.
func (s *sheet) fitRows() error {
	head := 1
	for i, h := range s.heads {
		head = max(head, wrappedLines(h, s.colWidth(i)-filterButton+2))
	}
	if head > 1 {
		if err := s.b.x.SetRowHeight(s.name, 1, float64(head*rowHeight)); err != nil {
			return err
		}
	}
	for row, texts := range s.wrapped {
		lines := 1
		for _, t := range texts {
			lines = max(lines, wrappedLines(t.text, s.colWidth(t.col)))
		}
		if lines > 1 {
			if err := s.b.x.SetRowHeight(s.name, row, float64(lines*rowHeight)); err != nil {
				return err
			}
		}
	}
	return nil
}

// wrappedLines is about how many lines t takes in a column width
// characters wide, wrapped between its words as a spreadsheet wraps it: a
// text's letters are narrower than the digits a width counts, so a line
// holds some more of them.
func wrappedLines(t string, width int) int {
	per := max(width*115/100, 1)
	lines := 0
	for line := range strings.SplitSeq(t, "\n") {
		n, used := 1, 0
		for w := range strings.FieldsSeq(line) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case used+1+l <= per:
				used += 1 + l
			default:
				n, used = n+1, l
			}
			for used > per { // a word longer than a line breaks
				n, used = n+1, used-per
			}
		}
		lines += n
	}
	return min(lines, 409/rowHeight) // Excel's highest row
}

// cellName is the name of the cell in column col (from 0) and row (from
// 1): "A1".
func cellName(col, row int) string {
	return colName(col) + strconv.Itoa(row)
}

// colName is the letters of column col, from 0: "A", …, "Z", "AA".
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col + 1) // fails only beyond column XFD, which no sheet here has
	return name
}

func ptr[T any](v T) *T { return &v }
