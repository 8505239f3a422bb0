package game

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"deckhand/cards"
)

// ResultsCSVWriter writes the file WriteResultsCSV writes one workshop at
// a time, so that the workshops need not all be in memory at once. It
// writes the bytes encoding/csv would (csvCells), but encodes the cells
// a workshop, a play or a criterion shares once for all of its rows,
// since a results file of many workshops is mostly such repeated cells.
type ResultsCSVWriter struct {
	w              io.Writer
	buf            []byte // rows not written out yet
	cells          csvCells
	includeNames   bool
	plays, ratings int
}

// resultsCSVFlushAt is how many bytes of rows the writer keeps before it
// writes them out.
const resultsCSVFlushAt = 64 << 10

// NewResultsCSVWriter starts a results CSV file on w, its cells separated
// by sep (Comma when 0): the byte order mark and the header.
func NewResultsCSVWriter(w io.Writer, includeNames bool, sep CSVSeparator) (*ResultsCSVWriter, error) {
	rw := &ResultsCSVWriter{w: w, cells: newCSVCells(sep), includeNames: includeNames, buf: make([]byte, 0, 2*resultsCSVFlushAt)}
	rw.buf = append(rw.buf, "\uFEFF"...)
	for i, name := range ResultsColumns {
		if i > 0 {
			rw.buf = append(rw.buf, rw.cells.sep)
		}
		rw.buf = rw.cells.field(rw.buf, name)
	}
	rw.buf = append(rw.buf, '\n')
	if err := rw.flush(); err != nil {
		return nil, err
	}
	return rw, nil
}

// Close writes out what is buffered; the writer underneath stays open.
func (rw *ResultsCSVWriter) Close() error {
	return rw.flush()
}

// Written is how many cards played (as many as Results lists) and ratings
// (one a row, as many as CountedRatings lists) the workshops written so
// far hold.
func (rw *ResultsCSVWriter) Written() (plays, ratings int) { return rw.plays, rw.ratings }

func (rw *ResultsCSVWriter) flush() error {
	if len(rw.buf) == 0 {
		return nil
	}
	_, err := rw.w.Write(rw.buf)
	rw.buf = rw.buf[:0]
	if err != nil {
		return fmt.Errorf("write results CSV: %w", err)
	}
	return nil
}

// Write adds a workshop's rows, after those of the workshops written
// before, in the order WriteResultsCSV promises.
func (rw *ResultsCSVWriter) Write(f *File) error {
	w := &f.Workshop
	idx := indexFile(f)
	for _, p := range f.Plays {
		if _, ok := idx.teams[p.TeamID]; ok && !p.Deleted {
			rw.plays++
		}
	}
	if w.Deck == nil {
		return nil
	}
	labels := raterLabels(f.Participants, rw.includeNames)
	label := func(rater string) string {
		if rater == RaterTeam {
			return RaterTeam
		}
		if l, ok := labels[rater]; ok {
			return l
		}
		return raterRemoved
	}
	cardOf := w.cardFinder()
	cells := rw.cells
	workshopCells := cells.texts(nil, w.Title, w.Client, w.Sector, w.Date)
	var playCells, criterionCells []byte
	var counted, ratings []*Rating
	for _, p := range boardOrder(f, idx) {
		card, found := cardOf(p.Code)
		title := w.titleOf(*p, card, found, w.Language)
		if !found {
			card = &cards.Card{}
		}
		var path string
		if a, ok := idx.paths[p.PathID]; ok {
			path = a.Name
		}
		playCells = cells.texts(playCells[:0], idx.teams[p.TeamID].Name, path, p.Code, title, card.Type, card.Theme, p.Area, card.Level)
		counted = countedOf(idx.ratings[p.ID], counted)
		for _, c := range w.Deck.Criteria {
			ratings = ofCriterion(counted, c.Key, ratings)
			slices.SortFunc(ratings, func(a, b *Rating) int {
				return cmp.Or(cmp.Compare(raterRank(a.Rater), raterRank(b.Rater)), strings.Compare(a.Rater, b.Rater))
			})
			criterionCells = cells.texts(criterionCells[:0], c.Key, c.Perspective)
			for _, r := range ratings {
				rw.buf = append(rw.buf, workshopCells...)
				rw.buf = append(rw.buf, playCells...)
				rw.buf = append(rw.buf, criterionCells...)
				rw.buf = strconv.AppendInt(rw.buf, int64(r.Value), 10) // a number, which no spreadsheet runs: "-2" stays -2
				rw.buf = append(rw.buf, cells.sep)
				rw.buf = cells.text(rw.buf, label(r.Rater))
				rw.buf = append(rw.buf, cells.sep)
				rw.buf = cells.timeCell(rw.buf, r.At)
				rw.buf = append(rw.buf, '\n')
				rw.ratings++
				if len(rw.buf) >= resultsCSVFlushAt {
					if err := rw.flush(); err != nil {
						return err
					}
				}
			}
		}
	}
	return rw.flush()
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
func boardOrder(f *File, idx fileIndex) []*Play {
	areaIndex := map[string]int{}
	for i, a := range f.Workshop.Deck.Board.Areas {
		areaIndex[a.Key] = i
	}
	type placed struct {
		play *Play
		team *Team
		area int // in the board's order; after them all when the board has none such
	}
	var plays []placed
	for i, p := range f.Plays {
		if t, ok := idx.teams[p.TeamID]; ok && !p.Deleted {
			area, ok := areaIndex[p.Area]
			if !ok {
				area = len(areaIndex)
			}
			plays = append(plays, placed{&f.Plays[i], t, area})
		}
	}
	slices.SortFunc(plays, func(a, b placed) int {
		return cmp.Or(
			cmp.Compare(a.team.Position, b.team.Position),
			strings.Compare(a.team.ID, b.team.ID),
			cmp.Compare(a.area, b.area),
			strings.Compare(a.play.Area, b.play.Area),
			cmp.Compare(a.play.Position, b.play.Position),
			strings.Compare(a.play.ID, b.play.ID),
		)
	})
	out := make([]*Play, len(plays))
	for i, p := range plays {
		out[i] = p.play
	}
	return out
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

// csvCells encodes cells as encoding/csv's Writer does with its Comma set
// to sep and "\n" after a record.
type csvCells struct {
	sep    byte
	quoted string // the bytes that get a cell quoted: the separator, '"', '\r' and '\n'
}

// newCSVCells is the encoding of cells separated by sep (Comma when 0).
func newCSVCells(sep CSVSeparator) csvCells {
	if sep == 0 {
		sep = Comma
	}
	return csvCells{sep: byte(sep), quoted: string(rune(sep)) + "\"\r\n"}
}

// texts appends text cells (text), each followed by the separator.
func (c csvCells) texts(dst []byte, cells ...string) []byte {
	for _, s := range cells {
		dst = append(c.text(dst, s), c.sep)
	}
	return dst
}

// text appends a text cell guarded against formula injection
// (cards.EscapeCell).
func (c csvCells) text(dst []byte, s string) []byte { return c.field(dst, cards.EscapeCell(s)) }

// timeCell appends a rating's time cell: RFC 3339 in UTC, as a text cell. A
// time starting with a digit needs neither escaping nor quotes (it holds
// no separator: only digits, '-', ':', 'T' and 'Z'), which spares the
// usual case a string of its own.
func (c csvCells) timeCell(dst []byte, t time.Time) []byte {
	start := len(dst)
	dst = t.UTC().AppendFormat(dst, time.RFC3339)
	if d := dst[start]; d >= '0' && d <= '9' {
		return dst
	}
	return c.text(dst[:start], string(dst[start:]))
}

// field appends one field as encoding/csv's Writer writes it: quoted, with
// quotes doubled, when it holds the separator, a quote, "\r" or "\n",
// starts with a space or is `\.`; else as it is.
func (c csvCells) field(dst []byte, s string) []byte {
	if !c.needsQuotes(s) {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		dst = append(dst, s[:i+1]...)
		dst = append(dst, '"')
		s = s[i+1:]
	}
	dst = append(dst, s...)
	return append(dst, '"')
}

// needsQuotes is encoding/csv's rule for a field.
func (c csvCells) needsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, c.quoted) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
