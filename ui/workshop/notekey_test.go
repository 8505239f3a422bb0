package workshop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/game"
	"deckhand/ui/kit"
)

// F3 takes the note-taker from the code box to the note field of the card
// shown, where a note is typed and saved with Enter: the whole step by
// keyboard.
func TestF3WritesANoteOnTheCardShown(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	kit.BindKeys(f.Win.Canvas(), ws.KeyRows(nil)) // as the main window binds them
	typeCode(ws, "R07")
	ws.TypedRune('1')
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // no ratings now
	ws.Code.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF3})
	if f.Win.Canvas().Focused() != ws.Detail.NoteText {
		t.Fatalf("after F3 the focus is on %T, not the note field", f.Win.Canvas().Focused())
	}
	test.Type(ws.Detail.NoteText, "q:We keep what we need")
	ws.Detail.NoteText.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := f.Session(ws.Session.Workshop.ID)
	if len(s.Notes) != 1 || s.Notes[0].Kind != game.NoteQuote || s.Notes[0].Text != "We keep what we need" || s.Notes[0].PlayID != s.Plays[0].ID {
		t.Errorf("notes after F3 = %+v; want the quote on R07", s.Notes)
	}
}
