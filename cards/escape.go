package cards

// EscapeCell guards a CSV cell against spreadsheet formula injection the
// way WriteCSV does: a cell starting with = + - @, a tab or a carriage
// return (or an apostrophe followed by one of them) gets a leading
// apostrophe, which spreadsheets hide. Other writers of CSV files for
// people (such as workshop results) use it so that every file Deckhand
// writes follows the same rule.
func EscapeCell(s string) string { return escapeFormula(s) }
