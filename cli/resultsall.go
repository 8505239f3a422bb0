package cli

import (
	"fmt"
	"io"

	"deckhand/game"
	"deckhand/storage"
)

// resultsAllJSON is what "results --all --format json" writes: each
// workshop's results and the comparison of card codes across them. It is
// written a workshop at a time (allResults), with the bytes writeJSON
// would write of the whole.
type resultsAllJSON struct {
	Workshops []*game.WorkshopResults `json:"workshops"`
	Cards     []game.CardSummary      `json:"cards"`
}

// allResults writes "results --all" a workshop at a time: each workshop is
// read (storage.EachResultsFile), written and let go before the next, so
// that thousands of workshops take the memory of one (a workbook, which is
// written whole at the end, excepted: writeWorkbook). What it keeps of
// each is its cards for the comparison (game.CardsOf) and the counts the
// closing line gives.
type allResults struct {
	format         string
	filter         game.Filter
	sep            game.CSVSeparator // between the cells of the CSV
	lang           string            // of the workbook: --lang, "" for the first workshop's
	plays, ratings int               // for the closing line
}

// write writes the results of the workshops with ids, in that order.
func (a *allResults) write(e *env, store *storage.Store, ids []string, w io.Writer) error {
	a.plays, a.ratings = 0, 0
	var each func(f *game.File) error
	var finish func() error
	switch a.format {
	case game.ResultsXLSX:
		return a.writeWorkbook(e, store, ids, w)
	case game.ResultsCSV:
		rw, err := game.NewResultsCSVWriter(w, true, a.sep)
		if err != nil {
			return err
		}
		each = rw.Write
		finish = func() error {
			a.plays, a.ratings = rw.Written()
			return rw.Close()
		}
	default:
		jw := &resultsJSONWriter{w: w}
		var compared []game.WorkshopCards
		each = func(f *game.File) error {
			r := game.Results(f)
			a.plays += len(r.Plays)
			a.ratings += r.RatingsCounted()
			compared = append(compared, game.CardsFrom(r))
			return jw.workshop(r.WithoutDeck())
		}
		finish = func() error { return jw.finish(game.CompareCards(compared, a.filter)) }
	}
	if err := store.EachResultsFile(e.ctx, ids, each); err != nil {
		return err
	}
	return finish()
}

// resultsJSONWriter writes resultsAllJSON as writeJSON does (two spaces of
// indent, no HTML escaping), one workshop at a time, into a buffer kept
// from one workshop to the next (game.AppendJSON).
type resultsJSONWriter struct {
	w         io.Writer
	workshops int
	out       []byte
}

// workshop writes one element of "workshops".
func (jw *resultsJSONWriter) workshop(r *game.WorkshopResults) error {
	lead := ",\n    "
	if jw.workshops == 0 {
		lead = "{\n  \"workshops\": [\n    "
	}
	jw.workshops++
	return jw.write(lead, "    ", r)
}

// finish writes "cards" and closes the document.
func (jw *resultsJSONWriter) finish(cards []game.CardSummary) error {
	lead := "\n  ],\n  \"cards\": "
	if jw.workshops == 0 {
		lead = "{\n  \"workshops\": [],\n  \"cards\": "
	}
	if err := jw.write(lead, "  ", cards); err != nil {
		return err
	}
	_, err := io.WriteString(jw.w, "\n}\n")
	return err
}

// write writes lead, then v indented as a value whose lines start with
// prefix.
func (jw *resultsJSONWriter) write(lead, prefix string, v any) error {
	out, err := game.AppendJSON(append(jw.out[:0], lead...), v, prefix, "  ")
	if err != nil {
		return fmt.Errorf("write results JSON: %w", err)
	}
	jw.out = out
	_, err = jw.w.Write(out)
	return err
}
