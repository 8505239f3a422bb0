package cli

import (
	"bytes"
	"encoding/json"
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
// that thousands of workshops take the memory of one. What it keeps of
// each is its cards for the comparison (game.CardsOf) and the counts the
// closing line gives.
type allResults struct {
	format         string
	filter         game.Filter
	count          bool // count plays and ratings for the closing line
	plays, ratings int
}

// write writes the results of the workshops with ids, in that order.
func (a *allResults) write(e *env, store *storage.Store, ids []string, w io.Writer) error {
	a.plays, a.ratings = 0, 0
	var each func(f *game.File) error
	var finish func() error
	if a.format == game.ResultsCSV {
		rw, err := game.NewResultsCSVWriter(w, true)
		if err != nil {
			return err
		}
		each = func(f *game.File) error {
			if a.count {
				a.plays += len(game.Results(f).Plays)
			}
			return rw.Write(f)
		}
		finish = rw.Close
	} else {
		jw := &resultsJSONWriter{w: w}
		var compared []game.WorkshopCards
		each = func(f *game.File) error {
			r := game.Results(f)
			a.plays += len(r.Plays)
			compared = append(compared, game.CardsFrom(r))
			return jw.workshop(r.WithoutDeck())
		}
		finish = func() error { return jw.finish(game.CompareCards(compared, a.filter)) }
	}
	err := store.EachResultsFile(e.ctx, ids, func(f *game.File) error {
		if a.count {
			a.ratings += len(game.CountedRatings(f))
		}
		return each(f)
	})
	if err != nil {
		return err
	}
	return finish()
}

// resultsJSONWriter writes resultsAllJSON as writeJSON does (two spaces of
// indent, no HTML escaping), one workshop at a time.
type resultsJSONWriter struct {
	w         io.Writer
	workshops int
	buf       bytes.Buffer
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
	jw.buf.Reset()
	jw.buf.WriteString(lead)
	enc := json.NewEncoder(&jw.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write results JSON: %w", err)
	}
	jw.buf.Truncate(jw.buf.Len() - 1) // Encode's newline: the document's own follows
	_, err := jw.w.Write(jw.buf.Bytes())
	return err
}
