package workshop

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// seat puts a participant at the table shown, through the store, and
// shows the workshop read again.
func seat(t *testing.T, f *uitest.Fixture, ws *Screen, pseudonym string) *game.Participant {
	t.Helper()
	p := &game.Participant{TeamID: ws.TeamID, Pseudonym: pseudonym, RealName: pseudonym + " Virtanen"}
	if err := f.Store.SaveParticipant(context.Background(), ws.Session.Workshop.ID, p); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	return p
}

// A table with nothing on it but people is removed only after a question
// that counts them; they go with it as tombstones, real names kept apart,
// and Ctrl+Z brings back the table and exactly them, not the participant
// removed before.
func TestATableGoesWithItsParticipantsAfterAQuestion(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	ctx := context.Background()
	id := ws.Session.Workshop.ID
	ws.TeamSel.SetSelected("Bord 2")
	table := ws.TeamID
	owl := seat(t, f, ws, "Uggla")
	fox := seat(t, f, ws, "Räv")
	left := seat(t, f, ws, "Hare")
	left.Deleted = true
	if err := f.Store.SaveParticipant(ctx, id, left); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	before := recordStates(t, f, id)

	if d := ws.RemoveTable(); d == nil {
		t.Fatal("a table with two participants was removed without a question")
	}
	if q := f.DialogText(); !strings.Contains(q, "Bord 2") || !strings.Contains(q, "2 participants") {
		t.Fatalf("the question says %q", q)
	}
	f.TapDialogButton("Yes")
	after := recordStates(t, f, id)
	for _, k := range []string{"team " + table, "participant " + owl.ID, "participant " + fox.ID} {
		if !after[k] {
			t.Errorf("%s is live after the table's removal", k)
		}
	}
	if names, _ := f.Store.RealNames(ctx, id); len(names) != 0 {
		t.Errorf("real names of live participants after the removal: %v", names)
	}
	ws.Undo()
	if got := recordStates(t, f, id); !reflect.DeepEqual(got, before) {
		t.Errorf("after undo the records are %v; want as before %v", got, before)
	}
	if names, _ := f.Store.RealNames(ctx, id); names[owl.ID] != "Uggla Virtanen" || names[fox.ID] != "Räv Virtanen" {
		t.Errorf("real names after undo: %v", names)
	}
	if len(ws.TeamSel.Options) != 2 {
		t.Errorf("after undo the screen lists the tables %v", ws.TeamSel.Options)
	}
}

// The question counts each kind in the form its number takes, and says
// everything comes back with Ctrl+Z.
func TestTheTableQuestionCountsWhatGoesWithIt(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	lay(t, f, ws, "R01", '1')
	ws.SelectPlay("")
	ws.Detail.NoteText.SetText("En anteckning")
	ws.Detail.addNote()
	seat(t, f, ws, "Uggla")
	ws.RemoveTable()
	if q := f.DialogText(); !strings.Contains(q, "1 card, 1 note and 1 participant") || !strings.Contains(q, "Ctrl+Z") {
		t.Errorf("the question says %q", q)
	}
	f.TapDialogButton("No")
	lay(t, f, ws, "R02", '1')
	seat(t, f, ws, "Räv")
	ws.RemoveTable()
	if q := f.DialogText(); !strings.Contains(q, "2 cards, 1 note and 2 participants") {
		t.Errorf("the question says %q", q)
	}
	f.TapDialogButton("No")
	if n := len(f.Session(ws.Session.Workshop.ID).Teams); n != 2 {
		t.Errorf("%d tables after No; want 2", n)
	}
	ws.TeamSel.SetSelected("Bord 2")
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d := ws.RemoveTable(); d != nil {
		t.Errorf("removing an empty table asked %q", f.DialogText())
	}
}
