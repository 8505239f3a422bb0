package workbook

import (
	"cmp"
	"slices"
	"strings"

	"deckhand/game"
)

// noteKindOrder is the order of the Notes sheet, as the report's: the
// decisions and actions the client acts on first, then the ideas,
// concerns and quotes.
var noteKindOrder = []string{game.NoteDecision, game.NoteAction, game.NoteIdea, game.NoteConcern, game.NoteQuote}

// noteColumns are the columns of the Notes sheet: the note's kind, its
// table and the table's note-taker, the card it is about, its text and
// when it was written; on a workbook of several workshops led by the
// workshop's title and date.
func noteColumns(several bool) []column {
	var cols []column
	if several {
		cols = append(cols, col(wordWorkshop, kindText), col(wordDate, kindDate))
	}
	return append(cols,
		col(wordKind, kindText), col(wordTable, kindText), col(wordNoteTaker, kindText),
		col(wordCode, kindText), col(wordTitle, kindText), col(wordText, kindLongText),
		col(wordTimeUTC, kindTime))
}

// addNotes writes the workshop's live notes, by kind (noteKindOrder), then
// table (the whole workshop's first, as the report lists them), then time.
// A note about a card names the card's code and title.
func (b *Book) addNotes(f *game.File, _ *game.WorkshopResults) error {
	teams := map[string]game.Team{}
	position := map[string]int{"": -1}
	for i, t := range liveTeams(f) {
		teams[t.ID], position[t.ID] = t, i
	}
	plays := map[string]game.Play{}
	for _, p := range f.Plays {
		plays[p.ID] = p
	}
	kindRank := func(k string) int {
		if i := slices.Index(noteKindOrder, k); i >= 0 {
			return i
		}
		return len(noteKindOrder)
	}
	var notes []game.Note
	for _, n := range f.Notes {
		if _, live := position[n.TeamID]; live && !n.Deleted {
			notes = append(notes, n)
		}
	}
	slices.SortStableFunc(notes, func(a, b game.Note) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), strings.Compare(a.Kind, b.Kind),
			cmp.Compare(position[a.TeamID], position[b.TeamID]), a.At.Compare(b.At), strings.Compare(a.ID, b.ID))
	})
	w := &f.Workshop
	for _, n := range notes {
		var row []cell
		if b.several {
			row = append(row, text(w.Title), day(w.Date))
		}
		kind := say(b.lang, game.NoteKindWord(n.Kind))
		t := teams[n.TeamID]
		code, title := "", ""
		if p, ok := plays[n.PlayID]; ok && n.PlayID != "" {
			code, title = p.Code, w.PlayTitle(p)
		}
		row = append(row, text(kind), text(t.Name), text(t.NoteTaker), text(code), text(title), text(n.Text), moment(n.At))
		if err := b.notes.add(row...); err != nil {
			return err
		}
	}
	return nil
}
