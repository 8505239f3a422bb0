package ui

import (
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/workshop"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func indexOf(order []fyne.Focusable, o fyne.Focusable) int {
	for i, f := range order {
		if f == o {
			return i
		}
	}
	return -1
}

// Tab goes through the Workshop screen in the order of the note-taker's
// work: the workshop, the team, the clock, the code box, the cards on the
// board, then the selected card's details (the kind of a note before its
// text).
func TestTabGoesThroughTheWorkshopInOrder(t *testing.T) {
	f, m := newMainFixture(t, "")
	m.showTab(2)
	ws := m.workshop
	if ws.Session == nil || len(ws.Session.Plays) == 0 {
		t.Fatal("the example workshop is not shown")
	}
	ws.SelectPlay(ws.Session.Plays[0].ID)
	f.Win.SetContent(ws.Content()) // the screen alone: Tab from its first stop
	order := uitest.FocusOrder(f.Win.Canvas(), nil)
	chip := -1
	for i, o := range order {
		if _, ok := o.(*workshop.PlayChip); ok && chip < 0 {
			chip = i
		}
	}
	steps := []struct {
		name string
		at   int
	}{
		{"the workshop", indexOf(order, ws.WorkshopSel)},
		{"the table", indexOf(order, ws.TeamSel)},
		{"the clock", indexOf(order, ws.Timer.Toggle)},
		{"the code box", indexOf(order, ws.Code.Entry)},
		{"the first card on the board", chip},
		{"the kind of a note", indexOf(order, ws.Detail.NoteKind)},
		{"the note's text", indexOf(order, ws.Detail.NoteText)},
	}
	for i, s := range steps {
		if s.at < 0 {
			t.Errorf("Tab never reaches %s", s.name)
			continue
		}
		if i > 0 && steps[i-1].at >= 0 && s.at <= steps[i-1].at {
			t.Errorf("Tab reaches %s (stop %d) before %s (stop %d)", s.name, s.at, steps[i-1].name, steps[i-1].at)
		}
	}
	// Typing into the code box after Tab works: it is a real stop.
	f.Win.Canvas().Focus(ws.Code.Entry)
	test.Type(ws.Code.Entry, "r0")
	if ws.Code.Entry.Text != "r0" {
		t.Errorf("code box holds %q after typing", ws.Code.Entry.Text)
	}
}
