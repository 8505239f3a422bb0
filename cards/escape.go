package cards

// EscapeCell guards a CSV cell against spreadsheet formula injection the
// way WriteCSV does: a cell starting with = + - @, a tab or a carriage
// return (or an apostrophe followed by one of them) gets a leading
// apostrophe, which spreadsheets hide. Other writers of CSV files for
// people (such as workshop results) use it so that every file Deckhand
// writes follows the same rule.
func EscapeCell(s string) string { return escapeFormula(s) }

// UnescapeCell is the text of a cell EscapeCell wrote: without the leading
// apostrophe it added, as ReadCSV reads it. A reader of Deckhand's CSV
// files that keeps cells as text (such as a workbook of the same rows)
// uses it to get back what was written.
func UnescapeCell(s string) string { return unescapeFormula(s) }
