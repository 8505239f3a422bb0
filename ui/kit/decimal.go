package kit

import (
	"strconv"
	"strings"
)

// Decimal is a mean or another measure with one decimal, as the interface
// language writes it: "3,5" in Swedish and Finnish, "3.5" in English, as
// the report prints it (pdf's report.number).
func Decimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if l := Language(); l == "sv" || l == "fi" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
