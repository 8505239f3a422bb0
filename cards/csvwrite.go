package cards

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes the deck's cards as CSV that ReadCSV reads back into the
// same cards. It starts with a UTF-8 BOM so that spreadsheets open å, ä and ö
// correctly, and guards cells against spreadsheet formula injection.
func WriteCSV(w io.Writer, d *Deck) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	header := append([]string{}, fixedColumns...)
	for _, lang := range d.Languages {
		header = append(header, "title_"+lang, "body_"+lang)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	for _, c := range d.Cards {
		row := []string{c.Code, c.Type, c.Theme, c.Area, c.Level, strconv.Itoa(c.Copies), strings.Join(c.Tags, ",")}
		for _, lang := range d.Languages {
			row = append(row, c.Title[lang], c.Body[lang])
		}
		for i := range row {
			row[i] = escapeFormula(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// A cell starting with one of these is run as a formula by spreadsheets, so
// a card text such as "=HYPERLINK(…)" would become live in the facilitator's
// spreadsheet. Such cells are written with a leading apostrophe, which
// spreadsheets hide and ReadCSV removes.
const formulaStarts = "=+-@\t\r"

func escapeFormula(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune(formulaStarts, rune(s[0])) || (s[0] == '\'' && len(s) > 1 && strings.ContainsRune(formulaStarts+"'", rune(s[1]))) {
		return "'" + s
	}
	return s
}

func unescapeFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts+"'", rune(s[1])) {
		return s[1:]
	}
	return s
}
