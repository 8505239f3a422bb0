package workbook

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetNames gives each sheet a name Excel accepts, and no two sheets the
// same: a table or an area is named by people, and Excel refuses a sheet
// name of more than 31 characters, with any of : \ / ? * [ ], starting or
// ending with an apostrophe, or equal to another sheet's in any case.
type sheetNames struct {
	taken map[string]bool // lower case
}

// name is want made acceptable to Excel and unique in the workbook: its
// forbidden characters become dashes, it is cut to 31 characters, and a
// name taken gets a number, "Bord 1 (2)".
func (n *sheetNames) name(want string) string {
	if n.taken == nil {
		n.taken = map[string]bool{"history": true} // Excel keeps it for its change history
	}
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || r < ' ' {
			return '-'
		}
		return r
	}, want)
	base = strings.Trim(strings.TrimSpace(base), "'")
	if base == "" {
		base = "-"
	}
	name := cut(base, excelize.MaxSheetNameLength)
	for i := 2; n.taken[strings.ToLower(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = strings.TrimRight(cut(base, excelize.MaxSheetNameLength-utf8.RuneCountInString(suffix)), " '") + suffix
	}
	n.taken[strings.ToLower(name)] = true
	return name
}

// cut is s cut to at most n characters.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimRight(string([]rune(s)[:n]), " '")
}

// sheetRef is a reference to cells of the sheet named name, in a formula
// or a chart: the name quoted, its apostrophes doubled.
func sheetRef(name, cells string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'!" + cells
}
