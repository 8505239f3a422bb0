package cli

import (
	"io"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/workbook"
)

// writeWorkbook writes "results --all --format xlsx": one workbook of the
// workshops with ids, in that order (workbook.Book). Each workshop is read
// whole (Session), since its notes are in the workbook and
// storage.EachResultsFile leaves them out; and a workbook is a zip of its
// sheets, written at the end, so its cells are kept until then.
func (a *allResults) writeWorkbook(e *env, store *storage.Store, ids []string, w io.Writer) error {
	b := workbook.New(workbook.Options{IncludeNames: true, Lang: a.lang})
	defer b.Close()
	for _, id := range ids {
		f, err := store.Session(e.ctx, id, false)
		if err != nil {
			return err
		}
		if err := b.Add(f, game.Results(f)); err != nil {
			return err
		}
	}
	a.plays, a.ratings = b.Written()
	return b.Write(w)
}
