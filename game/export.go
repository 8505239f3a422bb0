package game

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"deckhand/cards"
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

// The formats a workshop's results are exported in. Both are CSV or JSON,
// as deck files are, but a results file is not a deck file: its names are
// its own, so that neither can grow a format the other does not have.
const (
	ResultsCSV  = "csv"  // WriteResultsCSV: one row per rating
	ResultsJSON = "json" // WriteResultsJSON: the computed scores
)

// ResultsFormatOf names the results format a file name asks for: ResultsJSON
// for .json, ResultsCSV for .csv, "" for anything else.
func ResultsFormatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return ResultsJSON
	case ".csv":
		return ResultsCSV
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
func WriteResultsCSV(w io.Writer, files []*File, includeNames bool) error {
	rw, err := NewResultsCSVWriter(w, includeNames)
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

// ResultsCSVWriter writes the file WriteResultsCSV writes one workshop at
// a time, so that the workshops need not all be in memory at once.
type ResultsCSVWriter struct {
	cw           *csv.Writer
	includeNames bool
}

// NewResultsCSVWriter starts a results CSV file on w: the byte order mark
// and the header.
func NewResultsCSVWriter(w io.Writer, includeNames bool) (*ResultsCSVWriter, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, fmt.Errorf("write results CSV: %w", err)
	}
	rw := &ResultsCSVWriter{cw: csv.NewWriter(w), includeNames: includeNames}
	if err := rw.cw.Write(ResultsColumns); err != nil {
		return nil, fmt.Errorf("write results CSV: %w", err)
	}
	return rw, nil
}

// Write adds a workshop's rows, after those of the workshops written
// before.
func (rw *ResultsCSVWriter) Write(f *File) error {
	if err := writeResultRows(rw.cw, f, rw.includeNames); err != nil {
		return fmt.Errorf("write results CSV: %w", err)
	}
	return nil
}

// Close writes out what is buffered; the writer underneath stays open.
func (rw *ResultsCSVWriter) Close() error {
	rw.cw.Flush()
	if err := rw.cw.Error(); err != nil {
		return fmt.Errorf("write results CSV: %w", err)
	}
	return nil
}

func writeResultRows(cw *csv.Writer, f *File, includeNames bool) error {
	w := &f.Workshop
	if w.Deck == nil {
		return nil
	}
	idx := indexFile(f)
	labels := raterLabels(f.Participants, includeNames)
	label := func(rater string) string {
		if rater == RaterTeam {
			return RaterTeam
		}
		if l, ok := labels[rater]; ok {
			return l
		}
		return raterRemoved
	}
	for _, p := range boardOrder(f, idx) {
		card, _ := w.Card(p.Code)
		counted := countedByCriterion(idx.ratings[p.ID], p.ID)
		for _, c := range w.Deck.Criteria {
			ratings := slices.Clone(counted[c.Key])
			slices.SortFunc(ratings, func(a, b Rating) int {
				return cmp.Or(cmp.Compare(raterRank(a.Rater), raterRank(b.Rater)), strings.Compare(a.Rater, b.Rater))
			})
			for _, r := range ratings {
				row := []string{
					w.Title, w.Client, w.Sector, w.Date,
					idx.teams[p.TeamID].Name, idx.paths[p.PathID].Name,
					p.Code, w.PlayTitle(p), card.Type, card.Theme, p.Area, card.Level,
					c.Key, c.Perspective, "", label(r.Rater), r.At.UTC().Format(time.RFC3339),
				}
				for i := range row {
					row[i] = cards.EscapeCell(row[i])
				}
				row[14] = strconv.Itoa(r.Value) // a number, which no spreadsheet runs: "-2" stays -2
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// raterRank puts the team's rating before the participants'.
func raterRank(rater string) int {
	if rater == RaterTeam {
		return 0
	}
	return 1
}

// boardOrder is the live plays of live teams by team position, then
// board area, then position on the board, then id.
func boardOrder(f *File, idx fileIndex) []Play {
	areaIndex := map[string]int{}
	for i, a := range f.Workshop.Deck.Board.Areas {
		areaIndex[a.Key] = i
	}
	area := func(key string) int {
		if i, ok := areaIndex[key]; ok {
			return i
		}
		return len(areaIndex)
	}
	var plays []Play
	for _, p := range f.Plays {
		if _, ok := idx.teams[p.TeamID]; ok && !p.Deleted {
			plays = append(plays, p)
		}
	}
	slices.SortFunc(plays, func(a, b Play) int {
		ta, tb := idx.teams[a.TeamID], idx.teams[b.TeamID]
		return cmp.Or(
			cmp.Compare(ta.Position, tb.Position),
			strings.Compare(ta.ID, tb.ID),
			cmp.Compare(area(a.Area), area(b.Area)),
			strings.Compare(a.Area, b.Area),
			cmp.Compare(a.Position, b.Position),
			strings.Compare(a.ID, b.ID),
		)
	})
	return plays
}

// raterLabels names each live participant as the results file shows them:
// by pseudonym, or numbered in the order of their ids.
func raterLabels(participants []Participant, includeNames bool) map[string]string {
	var live []Participant
	for _, p := range participants {
		if !p.Deleted {
			live = append(live, p)
		}
	}
	slices.SortFunc(live, func(a, b Participant) int { return strings.Compare(a.ID, b.ID) })
	labels := make(map[string]string, len(live))
	for i, p := range live {
		if includeNames {
			labels[p.ID] = p.Pseudonym
		} else {
			labels[p.ID] = raterParticipant + " " + strconv.Itoa(i+1)
		}
	}
	return labels
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
