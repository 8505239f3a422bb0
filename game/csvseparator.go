package game

import "strings"

// A CSVSeparator is the character between the cells of a results CSV
// row.
type CSVSeparator byte

// The separators a results CSV is written with.
const (
	Comma     CSVSeparator = ',' // English spreadsheets, and statistics programs
	Semicolon CSVSeparator = ';' // Swedish and Finnish Excel, whose decimal mark is the comma
	Tab       CSVSeparator = '\t'
)

// CSVSeparatorFor is the separator a spreadsheet in the language opens a
// CSV file with: Excel splits a double-clicked CSV at its list separator,
// which is ";" wherever the decimal mark is "," (Swedish and Finnish), and
// "," in English and anything else. The language is a workshop's ("sv") or
// a locale's ("sv_SE", "fi-FI").
func CSVSeparatorFor(language string) CSVSeparator {
	base := strings.ToLower(language)
	if i := strings.IndexAny(base, "_-"); i >= 0 {
		base = base[:i]
	}
	if base == "sv" || base == "fi" {
		return Semicolon
	}
	return Comma
}
