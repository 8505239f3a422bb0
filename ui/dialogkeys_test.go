package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
	"deckhand/ui/workshop"
)

// workshopWithAChosenCard shows the Workshop screen of the whole window on
// the example workshop, with a card of the shown table chosen: the state in
// which an "r" typed to the screen would rate it.
func workshopWithAChosenCard(t *testing.T) (*uitest.Fixture, *workshop.Screen, game.Play) {
	t.Helper()
	f, m := newMainFixture(t, "en")
	m.showTab(2)
	ws := m.workshop
	for _, p := range ws.Session.Plays {
		if p.TeamID == ws.TeamID {
			ws.SelectPlay(p.ID)
			return f, ws, p
		}
	}
	t.Fatal("the example workshop's first table has no card")
	return nil, nil, game.Play{}
}

// In "New development path" the name typed goes into the name field, with
// its "r" and digits, and Enter creates the path: nothing reaches the code
// box behind the dialog and nothing is rated.
func TestNewPathDialogTakesTheTypingAndItsKeys(t *testing.T) {
	f, ws, p := workshopWithAChosenCard(t)
	c := f.Win.Canvas()
	ratings := len(f.Session(ws.OpenWorkshopID()).Ratings)

	ws.Detail.NewPath(p)
	uitest.TypeInWindow(c, "Kundresa r2 och 45")
	uitest.PressInWindow(c, fyne.KeyReturn)

	s := f.Session(ws.OpenWorkshopID())
	var path *game.Path
	for i := range s.Paths {
		if s.Paths[i].Name == "Kundresa r2 och 45" {
			path = &s.Paths[i]
		}
	}
	if path == nil {
		t.Fatalf("no path was named as typed; paths %+v, code box %q", s.Paths, ws.Code.Entry.Text)
	}
	for _, q := range s.Plays {
		if q.ID == p.ID && q.PathID != path.ID {
			t.Errorf("%s is in path %q; want the new one", p.Code, q.PathID)
		}
	}
	if ws.Code.Entry.Text != "" {
		t.Errorf("the code box holds %q: typing went behind the dialog", ws.Code.Entry.Text)
	}
	if n := len(s.Ratings); n != ratings || ws.Keys.Kind != "" {
		t.Errorf("%d ratings (had %d), key mode %q: something was rated", n, ratings, ws.Keys.Kind)
	}
	if c.Overlays().Top() != nil {
		t.Error("Enter left the dialog open")
	}
}

// A confirmation answers Esc (cancel) and Enter (its main button); letters
// and digits typed while it is up change nothing behind it; the boxes that
// follow (a confirmation of our own, an information box) answer the same.
func TestConfirmationKeysAndNothingReachesTheScreen(t *testing.T) {
	f, ws, p := workshopWithAChosenCard(t)
	c := f.Win.Canvas()
	before := f.Session(ws.OpenWorkshopID())
	ws.Now = func() time.Time { return time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC) }

	ws.RemindRetention()
	if !strings.Contains(f.DialogText(), "Erase its personal data now?") {
		t.Fatalf("no reminder: %q", f.DialogText())
	}
	uitest.TypeInWindow(c, "r3R05")
	uitest.PressInWindow(c, fyne.KeyDelete)
	if ws.Code.Entry.Text != "" || ws.Keys.Kind != "" {
		t.Errorf("typed behind the confirmation: code box %q, key mode %q", ws.Code.Entry.Text, ws.Keys.Kind)
	}
	after := f.Session(ws.OpenWorkshopID())
	if len(after.Ratings) != len(before.Ratings) || len(after.Plays) != len(before.Plays) {
		t.Errorf("typed behind the confirmation: %d ratings, %d plays; had %d, %d", len(after.Ratings), len(after.Plays), len(before.Ratings), len(before.Plays))
	}
	if _, ok := ws.Play(p.ID); !ok {
		t.Error("Del behind the confirmation took the chosen card off the board")
	}
	uitest.PressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc left the confirmation open: %q", f.DialogText())
	}

	ws.RemindRetention()
	uitest.PressInWindow(c, fyne.KeyReturn)
	if !strings.Contains(f.DialogText(), "for good?") {
		t.Fatalf("Enter on the reminder did not go on to the erasure: %q", f.DialogText())
	}
	uitest.PressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || f.Session(ws.OpenWorkshopID()).Participants[0].Pseudonym == "(erased)" {
		t.Fatal("Esc on the erasure did not cancel it")
	}

	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	ws.RemindRetention()
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.PressInWindow(c, fyne.KeyReturn)
	// While the erasure runs, what is typed goes nowhere either.
	uitest.TypeInWindow(c, "r3")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if ws.Keys.Kind != "" || ws.Code.Entry.Text != "" || !strings.Contains(f.DialogText(), "Erasing personal data…") {
		t.Errorf("typed behind the box of the erasure: key mode %q, code box %q; on top: %q", ws.Keys.Kind, ws.Code.Entry.Text, f.DialogText())
	}
	ui.Next(t, "the erasure")
	for _, q := range f.Session(ws.OpenWorkshopID()).Participants {
		if q.Pseudonym != "(erased)" {
			t.Errorf("Enter on the erasure left %q", q.Pseudonym)
		}
	}
	if !strings.Contains(f.DialogText(), "Erased") {
		t.Fatalf("no information box after the erasure: %q", f.DialogText())
	}
	uitest.TypeInWindow(c, "r2")
	if ws.Keys.Kind != "" || ws.Code.Entry.Text != "" {
		t.Errorf("typed behind the information box: key mode %q, code box %q", ws.Keys.Kind, ws.Code.Entry.Text)
	}
	uitest.PressInWindow(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Error("Enter left the information box open")
	}
}

// Every form takes the focus on its first field, and Esc typed there
// cancels it.
func TestFormDialogsFocusTheirFirstField(t *testing.T) {
	f, m := newMainFixture(t, "en")
	c := f.Win.Canvas()
	ws := m.workshop
	var play game.Play
	for _, p := range ws.Session.Plays {
		if p.TeamID == ws.TeamID {
			play = p
		}
	}
	for _, form := range []struct {
		name string
		open func()
	}{
		{"New deck", m.decks.NewDeck},
		{"Clone deck", m.decks.CloneDeck},
		{"Deck details", m.decks.EditDeck},
		{"New workshop", func() { m.showTab(2); ws.NewWorkshop() }},
		{"New development path", func() { m.showTab(2); ws.Detail.NewPath(play) }},
		{"Blank card", func() {
			m.showTab(2)
			f.Win.Canvas().Focus(ws.Code.Entry)
			uitest.TypeInWindow(c, "B01")
			uitest.PressInWindow(c, fyne.KeyReturn)
		}},
		{"Workshop report", func() { m.showTab(3); m.results.AskReport() }},
	} {
		form.open()
		top := c.Overlays().Top()
		if top == nil {
			t.Errorf("%s: no dialog", form.name)
			continue
		}
		var first fyne.Focusable
		uitest.Walk(top, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *kit.Field, *kit.KeyedSelect:
				if first == nil {
					first = x.(fyne.Focusable)
				}
			}
		})
		if first == nil || c.Focused() != first {
			t.Errorf("%s: the focus is on %T %p; want its first field %T %p", form.name, c.Focused(), c.Focused(), first, first)
		}
		uitest.PressInWindow(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Errorf("%s: Esc in its first field left it open", form.name)
			c.Overlays().Remove(c.Overlays().Top())
		}
		m.showTab(0)
	}
}
