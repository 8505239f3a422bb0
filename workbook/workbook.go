// Package workbook writes a workshop's results as an Excel workbook that
// the consultant sends the client: the ranking, the desirability ×
// feasibility matrix as a native chart the client can restyle, a sheet per
// area of the board and per table, the notes, and every rating in long
// form (the rows of the results CSV). Sheet names and headers are in the
// workshop's language; every sheet has a frozen header row, an autofilter
// and columns that fit their content; numbers are stored as numbers and
// dates as dates, and texts as strings that never become formulas.
//
// It is the only package that knows excelize.
package workbook

import (
	"cmp"
	"io"

	"github.com/xuri/excelize/v2"

	"deckhand/game"
)

// Options are the settings of a workbook.
type Options struct {
	// IncludeNames names raters by pseudonym on the Ratings sheet, as the
	// results CSV does with includeNames; else they are numbered
	// ("participant 1"). A participant's real name is never written.
	IncludeNames bool
	// Lang is the language of the workbook's sheet names, headers and
	// words (sv, fi or en); "" is the workshop's (Write), or the first
	// workshop's (New).
	Lang string
	// Across and Up are the keys (game.AxisKeys) of the axes the Matrix
	// sheet plots; "" is the organisation's view across and the
	// customer's up.
	Across, Up string
}

// Write writes the workbook of one workshop, whose results are r (as
// game.Results computes them from f). Its sheets, in order: Ranking,
// Matrix (the chart and the points it draws), one per area of the board,
// one per table, Notes, Ratings.
func Write(w io.Writer, f *game.File, r *game.WorkshopResults, o Options) error {
	b := newBook(o, false)
	defer b.Close()
	b.title = f.Workshop.Title
	if err := b.begin(cmp.Or(o.Lang, f.Workshop.Language), func() error { return b.addWorkshopSheets(f, r) }); err != nil {
		return err
	}
	if err := b.Add(f, r); err != nil {
		return err
	}
	return b.Write(w)
}

// Book is a workbook of several workshops, added one at a time: one
// Ranking with the workshop's title and date on every row, one Notes and
// one Ratings sheet, which a client filters by workshop, table or area. A
// workshop's own sheets (the matrix, areas and tables) are left to its own
// workbook (Write). The sheets are named in the first workshop's language.
type Book struct {
	x       *excelize.File
	o       Options
	lang    string
	names   sheetNames
	styles  styles
	sheets  int    // made so far
	several bool   // a workshop's title and date on the ranking and notes
	title   string // of the document: the workshop's, when it is one

	ranking, notes, ratings *sheet // filled a workshop at a time

	plays, ratingRows int
}

// New starts a workbook of several workshops; Add adds them to it.
func New(o Options) *Book { return newBook(o, true) }

func newBook(o Options, several bool) *Book {
	return &Book{x: excelize.NewFile(), o: o, several: several}
}

// begin adds the sheets, named in lang: Ranking, then those sheets adds,
// then Notes and Ratings.
func (b *Book) begin(lang string, sheets func() error) error {
	b.lang = lang
	var err error
	if b.styles, err = newStyles(b.x, lang); err != nil {
		return err
	}
	if b.ranking, err = b.addSheet(say(lang, wordRanking), rankingColumns(b.several)); err != nil {
		return err
	}
	if sheets != nil {
		if err := sheets(); err != nil {
			return err
		}
	}
	if b.notes, err = b.addSheet(say(lang, wordNotes), noteColumns(b.several)); err != nil {
		return err
	}
	b.ratings, err = b.addSheet(say(lang, wordRatings), ratingColumns())
	return err
}

// Add adds a workshop's ranking, notes and ratings after those of the
// workshops added before. r is its results (game.Results of f).
func (b *Book) Add(f *game.File, r *game.WorkshopResults) error {
	if b.ranking == nil {
		if err := b.begin(cmp.Or(b.o.Lang, f.Workshop.Language), nil); err != nil {
			return err
		}
	}
	for _, add := range []func(*game.File, *game.WorkshopResults) error{b.addRanking, b.addNotes, b.addRatings} {
		if err := add(f, r); err != nil {
			return err
		}
	}
	b.plays += len(r.Plays)
	return nil
}

// Written is how many cards played and ratings the workshops added hold.
func (b *Book) Written() (plays, ratings int) { return b.plays, b.ratingRows }

// Write finishes the sheets and writes the workbook to w, its first sheet
// shown when it is opened.
func (b *Book) Write(w io.Writer) error {
	if b.ranking == nil {
		if err := b.begin(b.o.Lang, nil); err != nil { // no workshop: the sheets, empty, in English unless Lang says otherwise
			return err
		}
	}
	for _, s := range []*sheet{b.ranking, b.notes, b.ratings} {
		if err := s.finish(); err != nil {
			return err
		}
	}
	b.x.SetActiveSheet(0)
	if err := b.x.SetDocProps(&excelize.DocProperties{Creator: "Deckhand", Title: b.title, Language: b.lang}); err != nil {
		return err
	}
	return b.x.Write(w)
}

// Close lets go of the workbook's temporary files.
func (b *Book) Close() error { return b.x.Close() }
