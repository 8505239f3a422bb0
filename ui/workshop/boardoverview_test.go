package workshop

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// fullRoutines are the seven cards laid in the second area (Användning)
// of the first table by newTwelveTables.
var fullRoutines = []string{"R19", "R02", "R03", "R04", "R05", "R06", "R08"}

// newTwelveTables opens the Workshop screen on a workshop of twelve tables
// whose first has seven cards in one area, the first of them in a path,
// with a customer's role and two interaction cards.
func newTwelveTables(t *testing.T, size fyne.Size) (*uitest.Fixture, *Screen, []game.Team) {
	t.Helper()
	f := uitest.NewFixture(t)
	ctx := context.Background()
	deck := f.Stored(f.DefaultDeckID())
	w := &game.Workshop{ID: cards.NewID(), Title: "Pilot", Client: "Acme Oy", Date: "2026-03-12", Language: "sv",
		DeckID: deck.ID, DeckEdition: deck.Edition, Deck: deck}
	var teams []game.Team
	for i := range 12 {
		teams = append(teams, game.Team{ID: cards.NewID(), Name: fmt.Sprintf("Bord %d", i+1), Position: i})
	}
	if err := f.Store.CreateWorkshop(ctx, w, teams); err != nil {
		t.Fatal(err)
	}
	path := game.Path{ID: cards.NewID(), TeamID: teams[0].ID, Name: "Stig A"}
	if err := f.Store.SavePath(ctx, w.ID, &path); err != nil {
		t.Fatal(err)
	}
	for i, code := range fullRoutines {
		p := game.Play{ID: cards.NewID(), TeamID: teams[0].ID, Code: code, Area: "use", Position: i}
		if i == 0 {
			p.PathID, p.Role, p.Interactions = path.ID, "C02", []string{"I03", "I05"}
		}
		if err := f.Store.SavePlay(ctx, w.ID, &p); err != nil {
			t.Fatal(err)
		}
	}
	ws := New(f.App, f.Win, f.Store)
	ws.Now = func() time.Time { return time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC) }
	ws.Refresh(w.ID)
	f.Win.SetContent(ws.Content())
	f.Win.Resize(size)
	return f, ws, teams
}

// codesInArea are the codes of a table's live cards in an area, in the
// board's order, as stored.
func codesInArea(f *uitest.Fixture, ws *Screen, area string) []string {
	var out []string
	for _, p := range game.BoardOf(f.Session(ws.Session.Workshop.ID).Plays, ws.TeamID)[area] {
		out = append(out, p.Code)
	}
	return out
}

// within reports whether o lies wholly inside the rectangle at with size.
func within(o fyne.CanvasObject, at fyne.Position, size fyne.Size) bool {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return pos.X >= at.X-0.5 && pos.Y >= at.Y-0.5 &&
		pos.X+o.Size().Width <= at.X+size.Width+0.5 && pos.Y+o.Size().Height <= at.Y+size.Height+0.5
}

func TestTheTableInPlayIsNamedLargeAndTheSelectorReachesTheTwelfth(t *testing.T) {
	f, ws, teams := newTwelveTables(t, fyne.NewSize(1024, 700))
	window := f.Win.Canvas().Size()
	if got := ws.Tables.Heading.Text; got != "Bord 1 · 1 of 12" {
		t.Errorf("the heading says %q; want %q", got, "Bord 1 · 1 of 12")
	}
	if h, body := ws.Tables.Heading.MinSize().Height, widget.NewLabel("Bord 1").MinSize().Height; h <= body {
		t.Errorf("the table's name is %.0f px high, body text %.0f: want it larger", h, body)
	}
	for name, o := range map[string]fyne.CanvasObject{"heading": ws.Tables.Heading, "table drop-down": ws.TeamSel, "next table": ws.Tables.Next} {
		if !o.Visible() || o.Size().Width < 20 || !within(o, fyne.NewPos(0, 0), window) {
			t.Errorf("the %s is not in sight at 1024×700 (%v at %v)", name, o.Size(), fyne.CurrentApp().Driver().AbsolutePositionForObject(o))
		}
	}

	// The drop-down lists all twelve, and choosing the last shows it.
	test.Tap(ws.TeamSel)
	var listed []string
	uitest.Walk(f.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if text, ok := o.(*canvas.Text); ok && strings.HasPrefix(text.Text, "Bord ") {
			listed = append(listed, text.Text)
		}
	})
	if len(listed) != 12 || listed[11] != "Bord 12" {
		t.Errorf("the drop-down lists %q; want Bord 1 … Bord 12", listed)
	}
	f.Win.Canvas().Overlays().Remove(f.Win.Canvas().Overlays().Top())
	ws.TeamSel.SetSelected("Bord 12")
	if ws.TeamID != teams[11].ID || ws.Tables.Heading.Text != "Bord 12 · 12 of 12" {
		t.Errorf("after choosing Bord 12: table %q, heading %q", ws.TeamID, ws.Tables.Heading.Text)
	}
	// The arrow and Ctrl+PageUp go round the tables.
	test.Tap(ws.Tables.Next)
	if ws.TeamID != teams[0].ID || ws.Tables.Heading.Text != "Bord 1 · 1 of 12" {
		t.Errorf("after the next-table arrow on Bord 12: heading %q", ws.Tables.Heading.Text)
	}
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.Focus(ws.Code.Entry)
	ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault})
	if ws.TeamID != teams[11].ID || ws.Tables.Heading.Text != "Bord 12 · 12 of 12" {
		t.Errorf("after Ctrl+PageUp on Bord 1: heading %q", ws.Tables.Heading.Text)
	}
}

func TestAnAreaWithSevenCardsShowsEachInSightOrUnderPlusN(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1366, Height: 768}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			f, ws, _ := newTwelveTables(t, size)
			panel := ws.board.panels[1]
			at := fyne.CurrentApp().Driver().AbsolutePositionForObject(panel.root)
			var hidden []string
			inSight := 0
			for _, c := range panel.chips {
				switch {
				case !c.Visible():
					hidden = append(hidden, c.id)
				case within(c, at, panel.root.Size()):
					inSight++
				default:
					t.Errorf("%s is drawn outside its area's panel, out of sight", c.Text)
				}
			}
			if inSight+len(hidden) != len(fullRoutines) {
				t.Fatalf("%d cards in sight and %d hidden; want the %d laid", inSight, len(hidden), len(fullRoutines))
			}
			if len(hidden) == 0 {
				if panel.More.Visible() {
					t.Errorf("all cards are in sight, yet the panel shows %q", panel.More.Text)
				}
				return
			}
			if want := fmt.Sprintf("+%d more", len(hidden)); !panel.More.Visible() || panel.More.Text != want || !within(panel.More, at, panel.root.Size()) {
				t.Fatalf("%d cards are hidden; the panel's button is %q (shown %v); want %q in the panel", len(hidden), panel.More.Text, panel.More.Visible(), want)
			}
			test.Tap(panel.More)
			var listed []string
			uitest.Walk(f.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
				if c, ok := o.(*PlayChip); ok {
					listed = append(listed, c.id)
				}
			})
			if !slices.Equal(listed, hidden) {
				t.Errorf("the list under %q holds %v; want the hidden %v", panel.More.Text, listed, hidden)
			}
		})
	}
}

func TestACardsRowNamesItsPathRoleAndInteractions(t *testing.T) {
	_, ws, _ := newTwelveTables(t, fyne.NewSize(1366, 768))
	first := ws.board.panels[1].chips[0]
	if want := "R19 [– – – –] · Stig A · C02 · I03 I05 · "; !strings.HasPrefix(first.full, want) {
		t.Errorf("the card's row is %q; want it to begin %q", first.full, want)
	}
	if second := ws.board.panels[1].chips[1].full; !strings.HasPrefix(second, "R02 [– – – –] · ") || strings.Contains(second, "Stig A") {
		t.Errorf("a card in no path, with no role, reads %q", second)
	}
}

// dragTo drags a chip to an absolute position and lets it go there.
func dragTo(c *PlayChip, pos fyne.Position) {
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: pos}, Dragged: fyne.NewDelta(1, 1)})
	c.DragEnd()
}

func TestADraggedCardMovesAcrossAndWithinAreasAndCtrlZTakesItBack(t *testing.T) {
	f, ws, _ := newTwelveTables(t, fyne.NewSize(1366, 768))
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.Focus(ws.Code.Entry)
	d := fyne.CurrentApp().Driver()
	undo := func() { ws.Code.Entry.TypedShortcut(&fyne.ShortcutUndo{}) }

	// R02 onto the first area (Insamling), over its panel's middle.
	target := ws.board.panels[0].root
	mid := d.AbsolutePositionForObject(target).Add(fyne.NewPos(target.Size().Width/2, target.Size().Height/2))
	dragTo(chipOf(t, ws, ws.board.panels[1].chips[1].id), mid)
	if got := codesInArea(f, ws, "collection"); !slices.Equal(got, []string{"R02"}) {
		t.Fatalf("after dropping R02 on Insamling it holds %v", got)
	}
	undo()
	if got := codesInArea(f, ws, "use"); !slices.Equal(got, fullRoutines) {
		t.Fatalf("after Ctrl+Z Användning holds %v; want %v", got, fullRoutines)
	}

	// R04 dropped over the top of the area's first card goes first.
	top := d.AbsolutePositionForObject(ws.board.panels[1].chips[0]).Add(fyne.NewPos(20, 2))
	dragTo(chipOf(t, ws, ws.board.panels[1].chips[3].id), top)
	want := []string{"R04", "R19", "R02", "R03", "R05", "R06", "R08"}
	if got := codesInArea(f, ws, "use"); !slices.Equal(got, want) {
		t.Errorf("after dropping R04 on the first card Användning holds %v; want %v", got, want)
	}
	if got := ws.board.panels[1].chips[0].full; !strings.HasPrefix(got, "R04 ") {
		t.Errorf("the board's first card is %q; want R04", got)
	}
	undo()
	if got := codesInArea(f, ws, "use"); !slices.Equal(got, fullRoutines) {
		t.Errorf("after Ctrl+Z Användning holds %v; want %v", got, fullRoutines)
	}
}

func TestAltUpAndAltDownMoveTheSelectedCardInItsArea(t *testing.T) {
	f, ws, _ := newTwelveTables(t, fyne.NewSize(1366, 768))
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	test.Tap(chipOf(t, ws, ws.board.panels[1].chips[2].id)) // R03; the focus goes to the code box
	alt := func(k fyne.KeyName) {
		ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt})
	}
	alt(fyne.KeyUp)
	if got, want := codesInArea(f, ws, "use"), []string{"R19", "R03", "R02", "R04", "R05", "R06", "R08"}; !slices.Equal(got, want) {
		t.Errorf("after Alt+Up on R03: %v; want %v", got, want)
	}
	alt(fyne.KeyDown)
	alt(fyne.KeyDown)
	if got, want := codesInArea(f, ws, "use"), []string{"R19", "R02", "R04", "R03", "R05", "R06", "R08"}; !slices.Equal(got, want) {
		t.Errorf("after Alt+Down twice: %v; want %v", got, want)
	}
	if !strings.Contains(ws.saved.Text, "moved R03 down") {
		t.Errorf("the status line says %q", ws.saved.Text)
	}
	for range 3 {
		ws.Code.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	}
	if got := codesInArea(f, ws, "use"); !slices.Equal(got, fullRoutines) {
		t.Errorf("after three Ctrl+Z: %v; want %v", got, fullRoutines)
	}
}

// The board does not move under the mouse when a key changes the prompt
// or a save changes the status line, short or long.
func TestTheBoardStaysPutWhenThePromptAndStatusChange(t *testing.T) {
	f, ws, _ := newTwelveTables(t, fyne.NewSize(1024, 700))
	d := fyne.CurrentApp().Driver()
	type place struct {
		at   fyne.Position
		size fyne.Size
	}
	places := func() []place {
		var out []place
		for _, p := range ws.board.panels {
			out = append(out, place{d.AbsolutePositionForObject(p.root), p.root.Size()})
		}
		for _, o := range []fyne.CanvasObject{ws.TeamSel, ws.Tables.Heading, ws.Code.Entry} {
			out = append(out, place{d.AbsolutePositionForObject(o), o.Size()})
		}
		return out
	}
	before := places()
	steps := []struct {
		name string
		do   func()
	}{
		{"a code typed (the area asked)", func() { typeCode(ws, "R07") }},
		{"Esc", func() { ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }},
		{"text matching no card (a short prompt)", func() { test.Type(ws.Code.Entry, "zzz") }},
		{"a long error", func() {
			ws.fail(fmt.Errorf("the database file is locked by another program; close the other copy of Deckhand and try again, or open another file"))
		}},
		{"a merge's long summary", func() {
			ws.status("Merged: 12 cards laid, 48 ratings changed on Bord 1; 60 changes on the other tables, among them the notes of Bord 2, Bord 3, Bord 4 and Bord 5")
		}},
		{"Esc (the prompt back to its hint)", func() { ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }},
		{"an empty status", func() { ws.say("", widget.MediumImportance) }},
	}
	for _, step := range steps {
		step.do()
		// As the driver does before it draws: lay everything out again
		// for the sizes the new texts ask.
		f.Win.Content().Refresh()
		if after := places(); !slices.Equal(after, before) {
			t.Errorf("after %s the board moved:\n before %v\n after  %v", step.name, before, after)
		}
	}
	if window := f.Win.Canvas().Size(); !within(ws.saved, fyne.NewPos(0, 0), window) {
		t.Errorf("the status line lies outside the window")
	}
}

// The Workshop screen with twelve tables and a full area, at a laptop's
// and a small screen's sizes, drawn to PNG (in build/corrections with
// DECKHAND_CAPTURES set, to look at).
func TestTheBoardOverviewIsDrawnAtLaptopSizes(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1024, Height: 700}} {
		f, ws, _ := newTwelveTables(t, size)
		ws.TeamSel.SetSelected("Bord 12")
		ws.TeamSel.SetSelected("Bord 1")
		ws.SelectPlay(ws.board.panels[1].chips[0].id)
		ws.status("Merged: 12 cards laid, 48 ratings changed on Bord 1")
		if got := f.Win.Canvas().Capture().Bounds().Dx(); got != int(size.Width) {
			t.Errorf("the capture is %d px wide; want %.0f", got, size.Width)
		}
		if w := ws.Content().MinSize().Width; w > size.Width {
			t.Errorf("the screen asks for %.0f px at %.0f", w, size.Width)
		}
		capture(t, f, fmt.Sprintf("board-%.0fx%.0f", size.Width, size.Height))
		if more := ws.board.panels[1].More; more.Visible() {
			test.Tap(more)
			capture(t, f, fmt.Sprintf("board-more-%.0fx%.0f", size.Width, size.Height))
		}
	}
}
