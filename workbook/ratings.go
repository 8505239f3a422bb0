package workbook

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// ratingWords head the Ratings sheet's columns, one for each of
// game.ResultsColumns, in its order.
var ratingWords = []column{
	col(wordWorkshop, kindText), col(wordClient, kindText), col(wordSector, kindText), col(wordDate, kindDate),
	col(wordTable, kindText), col(wordPath, kindText), col(wordCode, kindText), col(wordTitle, kindText),
	col(wordType, kindText), col(wordTheme, kindText), col(wordArea, kindText), col(wordLevel, kindText),
	col(wordCriterion, kindText), col(wordPerspective, kindText), col(wordValue, kindCount),
	col(wordRater, kindText), col(wordTimeUTC, kindTime),
}

func ratingColumns() []column { return ratingWords }

// addRatings writes every rating of the workshop that counts, one a row:
// the rows of the results CSV (game.WriteResultsCSV), read back from what
// that writer writes, so that the sheet and the file never disagree. Its
// texts are the CSV's without their guard against formulas (a string cell
// needs none) and with the deck's keys named in the workbook's language
// (ratingNames), the date and the time are Excel dates and the value a
// number.
func (b *Book) addRatings(f *game.File, _ *game.WorkshopResults) error {
	var buf bytes.Buffer
	if err := game.WriteResultsCSV(&buf, []*game.File{f}, b.o.IncludeNames, game.Comma); err != nil {
		return err
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		return fmt.Errorf("read the results CSV back: %w", err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], game.ResultsColumns) || len(game.ResultsColumns) != len(ratingWords) {
		return fmt.Errorf("the results CSV's columns are not the ones the workbook heads") // a change to one and not the other; a test keeps them together
	}
	d := f.Workshop.Deck
	names := ratingNames{lang: b.lang, deckLang: b.lang, d: d, numbered: !b.o.IncludeNames}
	if d != nil {
		names.deckLang = d.Lang(b.lang)
	}
	for _, row := range rows[1:] {
		cells := make([]cell, len(row))
		for i, v := range row {
			v = cards.UnescapeCell(v)
			if ratingWords[i].kind == kindText {
				v = names.name(game.ResultsColumns[i], v)
			}
			cells[i] = ratingCell(ratingWords[i].kind, v)
		}
		if err := b.ratings.add(cells...); err != nil {
			return err
		}
		b.ratingRows++
	}
	return nil
}

// ratingCell is one cell of a CSV row, as the column's kind stores it; a
// value that is not of its kind stays the text it is.
func ratingCell(k kind, v string) cell {
	switch k {
	case kindDate:
		return day(v)
	case kindCount:
		if n, err := strconv.Atoi(v); err == nil {
			return count(n)
		}
	case kindTime:
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return moment(t)
		}
	}
	return text(v)
}
