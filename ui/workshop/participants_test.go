package workshop

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// pressShortcut presses Ctrl+Shift+key as the desktop driver delivers it:
// to the focused widget when it takes shortcuts (a field passes the
// window's on), else to the window.
func pressShortcut(c fyne.Canvas, key fyne.KeyName) {
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

// tabTo presses Tab until the button with text on the row of the
// participant named who has the focus.
func tabTo(t *testing.T, c fyne.Canvas, d *participantsDialog, who, text string) {
	t.Helper()
	var target fyne.Focusable
	for _, row := range d.Rows.Objects {
		if !strings.Contains(uitest.AllText(row), "  "+who) {
			continue
		}
		uitest.Walk(row, func(o fyne.CanvasObject) {
			if db, ok := o.(*kit.DialogButton); ok && db.Text == text {
				target = db
			}
		})
	}
	if target == nil {
		t.Fatalf("the list has no %q button on %s's row:\n%s", text, who, uitest.AllText(d.Rows))
	}
	for range 60 {
		if c.Focused() == target {
			return
		}
		c.FocusNext()
	}
	t.Fatalf("Tab never reaches %q on %s's row", text, who)
}

// shownParticipants is the participants list on top, found by its rows.
func shownParticipants(t *testing.T, ws *Screen) *participantsDialog {
	t.Helper()
	if ws.participants == nil || ws.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no participants list is shown")
	}
	return ws.participants
}

func livePseudonyms(f *game.File, teamID string) []string {
	var out []string
	for _, p := range f.Participants {
		if p.TeamID == teamID && !p.Deleted {
			out = append(out, p.Pseudonym)
		}
	}
	slices.Sort(out)
	return out
}

// Ctrl+Shift+P opens the table's participants; a pseudonym, a role and a
// real name typed with Tab between them and Enter add one, numbered in
// table order; Rename… and Remove… on a row, reached by Tab and pressed
// with Enter, change and take away that participant, keeping the real
// name apart and intact; Esc closes the list.
func TestParticipantsAreAddedRenamedAndRemovedByKeys(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	id := ws.Session.Workshop.ID
	c.Focus(ws.Code.Entry)

	pressShortcut(c, fyne.KeyP)
	d := shownParticipants(t, ws)
	if c.Focused() != d.Pseudonym {
		t.Fatalf("the list opens with the focus on %T, want the pseudonym field", c.Focused())
	}
	uitest.TypeInWindow(c, "Ugglan")
	c.FocusNext()
	uitest.TypeInWindow(c, "ekonomi")
	c.FocusNext()
	uitest.TypeInWindow(c, "Aino Virtanen")
	uitest.PressInWindow(c, fyne.KeyReturn)
	for _, name := range []string{"Räven", "Björnen"} {
		if c.Focused() != d.Pseudonym {
			t.Fatalf("after adding, the focus is on %T, want the pseudonym field", c.Focused())
		}
		uitest.TypeInWindow(c, name)
		uitest.PressInWindow(c, fyne.KeyReturn)
	}

	s := f.Session(id)
	if got := livePseudonyms(s, ws.TeamID); strings.Join(got, " ") != "Björnen Räven Ugglan" {
		t.Fatalf("participants of the table = %v", got)
	}
	var ugglan game.Participant
	for _, p := range s.Participants {
		if p.Pseudonym == "Ugglan" {
			ugglan = p
		}
	}
	names, err := f.Store.RealNames(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if ugglan.Role != "ekonomi" || names[ugglan.ID] != "Aino Virtanen" {
		t.Fatalf("Ugglan saved with role %q and real name %q", ugglan.Role, names[ugglan.ID])
	}
	list := uitest.AllText(d.Rows)
	for _, want := range []string{"1  Björnen", "2  Räven", "3  Ugglan · ekonomi"} {
		if !strings.Contains(list, want) {
			t.Errorf("the list lacks %q:\n%s", want, list)
		}
	}
	if strings.Contains(uitest.AllText(c.Overlays().Top()), "Aino") {
		t.Error("the list shows the real name")
	}

	// Rename Ugglan: the form proposes the pseudonym, selected; the real
	// name stays stored.
	tabTo(t, c, d, "Ugglan", "Rename…")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "Uven")
	uitest.PressInWindow(c, fyne.KeyReturn)
	s = f.Session(id)
	if got := livePseudonyms(s, ws.TeamID); strings.Join(got, " ") != "Björnen Räven Uven" {
		t.Fatalf("after renaming Ugglan the table holds %v", got)
	}
	if names, _ := f.Store.RealNames(context.Background(), id); names[ugglan.ID] != "Aino Virtanen" {
		t.Errorf("renaming lost the real name: %q", names[ugglan.ID])
	}
	if !strings.Contains(uitest.AllText(d.Rows), "3  Uven · ekonomi") {
		t.Errorf("the list does not show the new name:\n%s", uitest.AllText(d.Rows))
	}

	// Remove Räven, after Yes (Enter).
	tabTo(t, c, d, "Räven", "Remove…")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if text := uitest.DialogText(f.Win); !strings.Contains(text, "Remove participant 2, Räven, from Bord 1?") {
		t.Fatalf("Remove… asks:\n%s", text)
	}
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := livePseudonyms(f.Session(id), ws.TeamID); strings.Join(got, " ") != "Björnen Uven" {
		t.Fatalf("after removing Räven the table holds %v", got)
	}
	if list := uitest.AllText(d.Rows); !strings.Contains(list, "2  Uven") || strings.Contains(list, "Räven") {
		t.Errorf("after removing Räven the list reads:\n%s", list)
	}

	uitest.PressInWindow(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc left the list open")
	}
	// The other table has none of them.
	other := ws.Session.Teams[1].ID
	if got := livePseudonyms(f.Session(id), other); len(got) != 0 {
		t.Errorf("the other table got %v", got)
	}
	// Ctrl+Z on the board brings Räven back.
	ws.Undo()
	if got := livePseudonyms(f.Session(id), ws.TeamID); strings.Join(got, " ") != "Björnen Räven Uven" {
		t.Errorf("after undo the table holds %v", got)
	}
}

// "Note-taker" on a participant's row saves them as the team's note-taker
// (Team.NoteTaker), the list says so, a rename carries it along, and
// "Not the note-taker" leaves the table without one.
func TestTheNoteTakerIsChosenFromTheParticipants(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	id := ws.Session.Workshop.ID
	c.Focus(ws.Code.Entry)
	noteTaker := func() string {
		for _, tm := range f.Session(id).Teams {
			if tm.ID == ws.TeamID {
				return tm.NoteTaker
			}
		}
		t.Fatal("the team is gone")
		return ""
	}

	pressShortcut(c, fyne.KeyP)
	d := shownParticipants(t, ws)
	for _, name := range []string{"Ara", "Bo"} {
		uitest.TypeInWindow(c, name)
		uitest.PressInWindow(c, fyne.KeyReturn)
	}
	tabTo(t, c, d, "Bo", "Note-taker")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := noteTaker(); got != "Bo" {
		t.Fatalf("the team's note-taker is %q, want Bo", got)
	}
	if list := uitest.AllText(d.Rows); !strings.Contains(list, "2  Bo · note-taker") || strings.Contains(list, "Ara · note-taker") {
		t.Errorf("the list reads:\n%s", list)
	}

	tabTo(t, c, d, "Bo", "Rename…")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "Cy")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := noteTaker(); got != "Cy" {
		t.Fatalf("after renaming Bo to Cy the note-taker is %q", got)
	}

	tabTo(t, c, d, "Cy", "Not the note-taker")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := noteTaker(); got != "" {
		t.Errorf("after \"Not the note-taker\" the note-taker is %q", got)
	}
	tabTo(t, c, d, "Ara", "Note-taker")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := noteTaker(); got != "Ara" {
		t.Errorf("the note-taker is %q, want Ara", got)
	}
}
