package game

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// ResultsColumns are the columns of WriteResultsCSV, in order.
var ResultsColumns = []string{
	"workshop", "client", "sector", "date", "team", "path", "code", "title", "type", "theme",
	"area", "level", "criterion", "perspective", "value", "rater", "time",
}

// Raters in WriteResultsCSV that are not a live participant's pseudonym.
const (
	raterRemoved     = "removed participant" // a participant deleted since they rated
	raterParticipant = "participant"         // numbered, "participant 1", without includeNames
)

// The formats a workshop's results are exported in. CSV and JSON are
// those of deck files too, but a results file is not a deck file: its
// names are its own, so that neither can grow a format the other does not
// have.
const (
	ResultsCSV  = "csv"  // WriteResultsCSV: one row per rating
	ResultsJSON = "json" // WriteResultsJSON: the computed scores
	ResultsXLSX = "xlsx" // an Excel workbook for the client (package workbook)
)

// ResultsFormatOf names the results format a file name asks for: ResultsJSON
// for .json, ResultsCSV for .csv, ResultsXLSX for .xlsx, "" for anything
// else.
func ResultsFormatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return ResultsJSON
	case ".csv":
		return ResultsCSV
	case ".xlsx":
		return ResultsXLSX
	}
	return ""
}

// WriteResultsCSV writes the ratings that count in the workshops
// (CountedRatings: per live play, criterion and rater the newest live
// rating) in long form, one rating a row, for a spreadsheet or a
// statistics program. The columns are ResultsColumns:
//
//   - workshop, client, sector, date: the workshop's title and fields;
//   - team, path: the names of the play's team and path ("" for none);
//   - code, title: the card's code and its title in the workshop's language
//     (a blank card's own text; see PlayTitle);
//   - type, theme, level: the card's keys from the deck snapshot; area:
//     the key of the area the card was laid in;
//   - criterion, perspective: the criterion's key and its perspective;
//     value: the rating;
//   - rater: "team" for a rating the team gave together, else the
//     participant's pseudonym when includeNames is set and "participant N"
//     when not (N numbers the workshop's live participants in the order of
//     their ids), or "removed participant" for a participant deleted since.
//     A participant's real name is never written;
//   - time: when the rating was given, RFC 3339 in UTC.
//
// Workshops come in the order given; in each, plays in board order (team
// position, board area, position on the board), then criteria in the
// deck's order, then the team before participants, participants by id
// (the order they are numbered in). Like
// cards.WriteCSV the file starts with a UTF-8 byte order mark so
// spreadsheets read å, ä and ö, and text cells that a spreadsheet would
// run as a formula are escaped with cards.EscapeCell (the value column is
// a number and written as one).
//
// Cells are separated by sep (CSVSeparatorFor names the one a language's
// spreadsheets open in columns) and quoted when they hold it. The only
// numbers are the values, whole numbers, so no decimal mark is ever
// written: a file with ";" reads in a Swedish or Finnish Excel as one
// with "," does in an English one.
func WriteResultsCSV(w io.Writer, files []*File, includeNames bool, sep CSVSeparator) error {
	rw, err := NewResultsCSVWriter(w, includeNames, sep)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := rw.Write(f); err != nil {
			return err
		}
	}
	return rw.Close()
}

// WithoutDeck returns a copy of the results without the workshop's deck
// snapshot, which a report does not need (the plays carry their codes and
// titles): what WriteResultsJSON writes.
func (r *WorkshopResults) WithoutDeck() *WorkshopResults {
	out := *r
	out.Workshop.Deck = nil
	return &out
}

// WriteResultsJSON writes the workshops' computed results as an indented
// JSON list, one WorkshopResults each (WithoutDeck: the deck snapshot is
// left out, its "deck" is null). Scores of unrated criteria and
// perspectives are written with "rated": false and must not be read as 0.
func WriteResultsJSON(w io.Writer, results []*WorkshopResults) error {
	out := make([]*WorkshopResults, 0, len(results))
	for _, r := range results {
		if r != nil {
			out = append(out, r.WithoutDeck())
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write results JSON: %w", err)
	}
	return nil
}
