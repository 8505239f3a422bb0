package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
	"deckhand/ui/room"
)

// dropTicks stands for fyne.Do for the room view's clock ticks: a test
// shows the clock itself.
func dropTicks(func()) {}

// openRoom opens the room view from the View menu's item, as a click does.
func openRoom(t *testing.T, m *mainView) *room.View {
	t.Helper()
	m.roomToUI = dropTicks
	menuItemNamed(t, m, "View", "Room view").Action()
	if m.room == nil {
		t.Fatal("View → Room view opened no room view")
	}
	t.Cleanup(m.closeRoom)
	return m.room
}

// menuItemNamed is the item of a main menu, by their labels.
func menuItemNamed(t *testing.T, m *mainView, menu, item string) *fyne.MenuItem {
	t.Helper()
	for _, mn := range m.win.MainMenu().Items {
		if mn.Label != menu {
			continue
		}
		for _, it := range mn.Items {
			if it.Label == item {
				return it
			}
		}
	}
	t.Fatalf("no item %q in a menu %q", item, menu)
	return nil
}

// laidCard lays a card the table shown has not laid, in the first area, by
// keyboard on the Workshop screen, and returns its code and title.
func laidCard(t *testing.T, m *mainView) (code, title string) {
	t.Helper()
	ws := m.workshop
	laid := map[string]bool{}
	for _, p := range ws.Session.Plays {
		if p.TeamID == ws.TeamID {
			laid[p.Code] = true
		}
	}
	for _, c := range ws.Session.Workshop.Deck.Cards {
		if c.Type == "routine" && !laid[c.Code] {
			code, title = c.Code, c.Title.Or(ws.Session.Workshop.Language, ws.Deck().DefaultLang)
			break
		}
	}
	if code == "" {
		t.Fatal("the table has laid every routine card")
	}
	test.Type(ws.Code.Entry, code)
	ws.Code.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ws.TypedRune('1')
	return code, title
}

// View → Room view (and F11, from the code box too) opens the room view in
// a window of its own, full screen, without taking the main window's keys:
// the code box keeps the focus, and the menu sits between the screens'
// menus and Help.
func TestTheRoomViewOpensFromTheViewMenu(t *testing.T) {
	f, m := newMainFixture(t, "en")
	var labels []string
	for _, mn := range m.win.MainMenu().Items {
		labels = append(labels, mn.Label)
	}
	if n := len(labels); n < 3 || labels[n-2] != "View" || labels[n-1] != "Help" {
		t.Fatalf("the menus are %v; want View just before Help", labels)
	}
	var row kit.KeyRow
	for _, r := range m.keyRows() {
		if r.Menu == kit.MenuRoomView {
			row = r
		}
	}
	if row.KeysText() != "F11" || row.Action != "Room view" {
		t.Fatalf("the room view's row is %q on %q; want Room view on F11", row.Action, row.KeysText())
	}
	m.showTab(2)
	f.Win.Canvas().Focus(m.workshop.Code.Entry)
	m.roomToUI = dropTicks
	uitest.PressInWindow(f.Win.Canvas(), fyne.KeyF11)
	if m.room == nil {
		t.Fatal("F11 in the code box opened no room view")
	}
	v := m.room
	t.Cleanup(m.closeRoom)
	if !slices.Contains(f.App.Driver().AllWindows(), v.Win) || v.Win == f.Win || v.Win.Title() != "Room view" {
		t.Errorf("the room view is not a window of its own titled Room view (%q)", v.Win.Title())
	}
	if !v.Win.FullScreen() {
		t.Error("the room view did not go full screen")
	}
	if f.Win.Canvas().Focused() != m.workshop.Code.Entry {
		t.Errorf("after opening the room view the main window's focus is on %T, not the code box", f.Win.Canvas().Focused())
	}
	v.Win.SetFullScreen(false)
	menuItemNamed(t, m, "View", "Room view").Action()
	if m.room != v || !v.Win.FullScreen() {
		t.Error("the menu item, with the room view open, did not put that one back in full screen")
	}
	test.Type(m.workshop.Code.Entry, "R0")
	if m.workshop.Code.Entry.Text != "R0" {
		t.Errorf("typing in the code box with the room view open gives %q", m.workshop.Code.Entry.Text)
	}
	sheet := uitest.AllText(keySheet(append(m.keyRows(), room.KeyRows()...)))
	if !strings.Contains(sheet, "Leave full screen, or close the room view") {
		t.Error("the shortcuts sheet does not list the room window's keys")
	}
}

// A card laid on the Workshop screen appears on the room view's board at
// once, with its title; another table shows that table's cards; undo takes
// the card off again.
func TestACardLaidOnTheWorkshopScreenShowsInTheRoom(t *testing.T) {
	_, m := newMainFixture(t, "en")
	m.showTab(2)
	v := openRoom(t, m)
	ws := m.workshop
	shown := uitest.AllText(v.Win.Content())
	if !strings.Contains(shown, ws.Session.Workshop.Title) || !strings.Contains(shown, ws.TeamSel.Selected) {
		t.Errorf("the room view names neither the workshop %q nor the table %q:\n%s", ws.Session.Workshop.Title, ws.TeamSel.Selected, shown)
	}
	for _, p := range game.BoardOf(ws.Session.Plays, ws.TeamID)[ws.Deck().Board.Areas[0].Key] {
		if !strings.Contains(shown, p.Code+"  ") {
			t.Errorf("the room view lacks %s, on the table already", p.Code)
		}
	}
	code, title := laidCard(t, m)
	line := code + "  " + title
	if shown := uitest.AllText(v.Win.Content()); !strings.Contains(shown, line) {
		t.Fatalf("after laying %s the room view lacks %q:\n%s", code, line, shown)
	}
	first := ws.TeamSel.Selected
	ws.TeamSel.SetSelected(ws.TeamSel.Options[1])
	if ws.TeamSel.Selected == first {
		t.Fatal("the second table is the first")
	}
	shown = uitest.AllText(v.Win.Content())
	if strings.Contains(shown, line) || !strings.Contains(shown, ws.TeamSel.Selected) {
		t.Errorf("on table %q the room view still shows %q or lacks the table's name:\n%s", ws.TeamSel.Selected, line, shown)
	}
	ws.TeamSel.SetSelected(first)
	ws.Undo()
	if shown := uitest.AllText(v.Win.Content()); strings.Contains(shown, line) {
		t.Errorf("after undo the room view still shows %q", line)
	}
}

// Rating a card moves the room view's matrix: a card rated on every
// criterion is one point more, undone one point less.
func TestARatingChangesTheRoomMatrix(t *testing.T) {
	_, m := newMainFixture(t, "en")
	m.showTab(2)
	v := openRoom(t, m)
	v.Win.Canvas().OnTypedRune()('m')
	if !v.MatrixShown() {
		t.Fatal("M in the room window did not show the matrix")
	}
	before := len(v.Matrix.Points)
	if before == 0 {
		t.Fatal("the example workshop's matrix is empty in the room view")
	}
	code, _ := laidCard(t, m)
	if got := len(v.Matrix.Points); got != before {
		t.Errorf("with %s laid and not rated the matrix has %d points, want %d", code, got, before)
	}
	criteria := len(m.workshop.Deck().Criteria)
	for range criteria {
		m.workshop.TypedRune('4')
	}
	if got := len(v.Matrix.Points); got != before+1 {
		t.Fatalf("after rating %s on every criterion the matrix has %d points, want %d", code, got, before+1)
	}
	found := false
	for _, p := range v.Matrix.Points {
		found = found || p.Label == code
	}
	if !found {
		t.Errorf("no point of the matrix is %s", code)
	}
	for range criteria {
		m.workshop.Undo()
	}
	if got := len(v.Matrix.Points); got != before {
		t.Errorf("after undoing the ratings the matrix has %d points, want %d", got, before)
	}
}

// The room view's countdown follows the Workshop screen's clock: started,
// it counts down from the round's length; paused, it holds; past the
// round's end it is the alarm; reset, it is whole again.
func TestTheRoomCountdownFollowsTheWorkshopClock(t *testing.T) {
	_, m := newMainFixture(t, "en")
	m.showTab(2)
	v := openRoom(t, m)
	now := time.Now()
	v.Now = func() time.Time { return now }
	timer := m.workshop.Timer
	t.Cleanup(func() {
		if !m.workshop.Timer.Started.IsZero() {
			m.workshop.Timer.StartStop()
		}
	})
	timer.StartStop()
	_, started := timer.State()
	now = started.Add(2*time.Minute + 30*time.Second)
	v.SetClock(timer.State()) // as the room's tick shows it
	if v.ClockText() != "07:30" {
		t.Errorf("2:30 into the round the room reads %q, want 07:30", v.ClockText())
	}
	timer.StartStop()
	elapsed, paused := timer.State()
	if !paused.IsZero() {
		t.Fatal("the clock runs after a second Start/Stop")
	}
	held := clockAt(10*time.Minute - elapsed)
	now = now.Add(time.Hour)
	v.SetClock(timer.State())
	if v.ClockText() != held || v.Alarm() {
		t.Errorf("an hour after the pause the room reads %q (alarm %v), want %q", v.ClockText(), v.Alarm(), held)
	}
	timer.StartStop()
	_, started = timer.State()
	now = started.Add(11 * time.Minute)
	v.SetClock(timer.State())
	if !v.Alarm() || v.ClockText() != "00:00" {
		t.Errorf("11 minutes into a 10-minute round the room reads %q, alarm %v", v.ClockText(), v.Alarm())
	}
	timer.StartStop()
	test.Tap(replayButton(t, m.workshop.Content()))
	if v.ClockText() != "10:00" || v.Alarm() {
		t.Errorf("after the clock's reset the room reads %q (alarm %v), want 10:00", v.ClockText(), v.Alarm())
	}
}

// replayButton is the round clock's reset button.
func replayButton(t *testing.T, o fyne.CanvasObject) *widget.Button {
	t.Helper()
	var found *widget.Button
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.MediaReplayIcon().Name() {
			found = b
		}
	})
	if found == nil {
		t.Fatal("no reset button on the Workshop screen")
	}
	return found
}

func clockAt(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// Closing the main window closes the room view with it.
func TestTheRoomViewClosesWithTheMainWindow(t *testing.T) {
	f := uitest.NewFixture(t)
	f.ImportExample()
	win := test.NewWindow(nil) // closed by the test itself
	m := newMainView(f.App, win, f.Store, viewActions{})
	m.decks.Editor.Delay = time.Hour
	v := openRoom(t, m)
	win.Close()
	if m.room != nil || slices.Contains(f.App.Driver().AllWindows(), v.Win) {
		t.Error("the room view is still open after the main window closed")
	}
}

// A change of interface language builds the main window again; the room
// view stays open, speaks the new language, and follows the new Workshop
// screen.
func TestTheRoomViewStaysOpenAcrossALanguageChange(t *testing.T) {
	f, m := newMainFixture(t, "en")
	m.showTab(2)
	v := openRoom(t, m)
	v.Toggle()
	old := m.workshop
	m.changeLanguage("fi", nil)
	if m.workshop == old {
		t.Fatal("the change of language did not build the Workshop screen again")
	}
	if m.room != v || !slices.Contains(f.App.Driver().AllWindows(), v.Win) {
		t.Fatal("the room view closed with the change of language")
	}
	if v.Win.Title() != "Valkokangasnäkymä" || v.Switch.Text != "Näytä pelilauta" || !v.MatrixShown() {
		t.Errorf("after the change: title %q, button %q, matrix shown %v", v.Win.Title(), v.Switch.Text, v.MatrixShown())
	}
	v.Toggle()
	code, title := laidCard(t, m)
	if shown := uitest.AllText(v.Win.Content()); !strings.Contains(shown, code+"  "+title) {
		t.Errorf("a card laid after the change of language is not in the room view:\n%s", shown)
	}
}

// From the main window, Ctrl+F11 switches the room view between the
// matrix and the board, without typing in the code box; with no room view
// open it does nothing. (The code box passes the window's shortcuts to its
// canvas, which the test driver cannot find once a second window is open,
// so the shortcut goes to the canvas here.)
func TestCtrlF11SwitchesTheRoomFromTheMainWindow(t *testing.T) {
	f, m := newMainFixture(t, "en")
	m.showTab(2)
	c := f.Win.Canvas()
	press := func() {
		c.Focus(m.workshop.Code.Entry)
		c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF11, Modifier: fyne.KeyModifierControl})
	}
	press()
	if m.room != nil {
		t.Fatal("Ctrl+F11 opened a room view")
	}
	v := openRoom(t, m)
	for i, want := range []bool{!v.MatrixShown(), v.MatrixShown()} {
		press()
		if v.MatrixShown() != want {
			t.Errorf("Ctrl+F11 number %d: the room shows the matrix %v; want %v", i+1, v.MatrixShown(), want)
		}
	}
	if text := m.workshop.Code.Entry.Text; text != "" {
		t.Errorf("Ctrl+F11 typed %q in the code box", text)
	}
}
