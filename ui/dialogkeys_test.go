package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// typeInWindow types text as the desktop driver delivers it: each
// character to the widget with the focus, or to the window's handler when
// none has it (dialogs included: a dialog's fields have a focus of their own).
func typeInWindow(c fyne.Canvas, text string) {
	for _, r := range text {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

// pressInWindow presses a key alone as the desktop driver delivers it.
func pressInWindow(c fyne.Canvas, name fyne.KeyName) {
	e := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(e)
	} else if h := c.OnTypedKey(); h != nil {
		h(e)
	}
}

// workshopWithAChosenCard shows the Workshop screen of the whole window on
// the example workshop, with a card of the shown table chosen: the state in
// which an "r" typed to the screen would rate it.
func workshopWithAChosenCard(t *testing.T) (*fixture, *WorkshopScreen, game.Play) {
	t.Helper()
	f, m := newMainFixture(t, "en")
	m.showTab(2)
	ws := m.workshop
	for _, p := range ws.session.Plays {
		if p.TeamID == ws.teamID {
			ws.selectPlay(p.ID)
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
	c := f.win.Canvas()
	ratings := len(session(t, f, ws).Ratings)

	ws.detail.newPath(p)
	typeInWindow(c, "Kundresa r2 och 45")
	pressInWindow(c, fyne.KeyReturn)

	s := session(t, f, ws)
	var path *game.Path
	for i := range s.Paths {
		if s.Paths[i].Name == "Kundresa r2 och 45" {
			path = &s.Paths[i]
		}
	}
	if path == nil {
		t.Fatalf("no path was named as typed; paths %+v, code box %q", s.Paths, ws.code.entry.Text)
	}
	for _, q := range s.Plays {
		if q.ID == p.ID && q.PathID != path.ID {
			t.Errorf("%s is in path %q; want the new one", p.Code, q.PathID)
		}
	}
	if ws.code.entry.Text != "" {
		t.Errorf("the code box holds %q: typing went behind the dialog", ws.code.entry.Text)
	}
	if n := len(s.Ratings); n != ratings || ws.keys.kind != "" {
		t.Errorf("%d ratings (had %d), key mode %q: something was rated", n, ratings, ws.keys.kind)
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
	c := f.win.Canvas()
	before := session(t, f, ws)
	ws.now = func() time.Time { return time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC) }

	ws.remindRetention()
	if !strings.Contains(f.dialogText(), "Erase its personal data now?") {
		t.Fatalf("no reminder: %q", f.dialogText())
	}
	typeInWindow(c, "r3R05")
	pressInWindow(c, fyne.KeyDelete)
	if ws.code.entry.Text != "" || ws.keys.kind != "" {
		t.Errorf("typed behind the confirmation: code box %q, key mode %q", ws.code.entry.Text, ws.keys.kind)
	}
	after := session(t, f, ws)
	if len(after.Ratings) != len(before.Ratings) || len(after.Plays) != len(before.Plays) {
		t.Errorf("typed behind the confirmation: %d ratings, %d plays; had %d, %d", len(after.Ratings), len(after.Plays), len(before.Ratings), len(before.Plays))
	}
	if _, ok := ws.play(p.ID); !ok {
		t.Error("Del behind the confirmation took the chosen card off the board")
	}
	pressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc left the confirmation open: %q", f.dialogText())
	}

	ws.remindRetention()
	pressInWindow(c, fyne.KeyReturn)
	if !strings.Contains(f.dialogText(), "for good?") {
		t.Fatalf("Enter on the reminder did not go on to the erasure: %q", f.dialogText())
	}
	pressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || session(t, f, ws).Participants[0].Pseudonym == "(erased)" {
		t.Fatal("Esc on the erasure did not cancel it")
	}

	ui := newUIQueue()
	ws.toUI = ui.do
	ws.remindRetention()
	pressInWindow(c, fyne.KeyReturn)
	pressInWindow(c, fyne.KeyReturn)
	// While the erasure runs, what is typed goes nowhere either.
	typeInWindow(c, "r3")
	pressInWindow(c, fyne.KeyReturn)
	if ws.keys.kind != "" || ws.code.entry.Text != "" || !strings.Contains(f.dialogText(), "Erasing personal data…") {
		t.Errorf("typed behind the box of the erasure: key mode %q, code box %q; on top: %q", ws.keys.kind, ws.code.entry.Text, f.dialogText())
	}
	ui.next(t, "the erasure")
	for _, q := range session(t, f, ws).Participants {
		if q.Pseudonym != "(erased)" {
			t.Errorf("Enter on the erasure left %q", q.Pseudonym)
		}
	}
	if !strings.Contains(f.dialogText(), "Erased") {
		t.Fatalf("no information box after the erasure: %q", f.dialogText())
	}
	typeInWindow(c, "r2")
	if ws.keys.kind != "" || ws.code.entry.Text != "" {
		t.Errorf("typed behind the information box: key mode %q, code box %q", ws.keys.kind, ws.code.entry.Text)
	}
	pressInWindow(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Error("Enter left the information box open")
	}
}

// Every form takes the focus on its first field, and Esc typed there
// cancels it.
func TestFormDialogsFocusTheirFirstField(t *testing.T) {
	f, m := newMainFixture(t, "en")
	c := f.win.Canvas()
	ws := m.workshop
	var play game.Play
	for _, p := range ws.session.Plays {
		if p.TeamID == ws.teamID {
			play = p
		}
	}
	for _, form := range []struct {
		name string
		open func()
	}{
		{"New deck", m.decks.newDeck},
		{"Clone deck", m.decks.cloneDeck},
		{"Deck details", m.decks.editDeck},
		{"New workshop", func() { m.showTab(2); ws.newWorkshop() }},
		{"New development path", func() { m.showTab(2); ws.detail.newPath(play) }},
		{"Blank card", func() {
			m.showTab(2)
			f.win.Canvas().Focus(ws.code.entry)
			typeInWindow(c, "B01")
			pressInWindow(c, fyne.KeyReturn)
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
		pressInWindow(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Errorf("%s: Esc in its first field left it open", form.name)
			c.Overlays().Remove(c.Overlays().Top())
		}
		m.showTab(0)
	}
}
