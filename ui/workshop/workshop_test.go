package workshop

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// newWorkshopFixture opens the Workshop screen on a fresh workshop with two
// teams, made from the default deck.
func newWorkshopFixture(t *testing.T) (*uitest.Fixture, *Screen) {
	return newWorkshopFixtureOf(t, nil)
}

// newWorkshopFixtureOf is newWorkshopFixture with the workshop's deck
// snapshot changed first by change, when it is not nil.
func newWorkshopFixtureOf(t *testing.T, change func(*cards.Deck)) (*uitest.Fixture, *Screen) {
	f := uitest.NewFixture(t)
	deck := f.Stored(f.DefaultDeckID())
	if change != nil {
		change(deck)
	}
	w := &game.Workshop{ID: cards.NewID(), Title: "Pilot", Client: "Acme Oy", Date: "2026-03-12", Language: "sv",
		DeckID: deck.ID, DeckEdition: deck.Edition, Deck: deck}
	teams := []game.Team{{ID: cards.NewID(), Name: "Bord 1"}, {ID: cards.NewID(), Name: "Bord 2", Position: 1}}
	if err := f.Store.CreateWorkshop(context.Background(), w, teams); err != nil {
		t.Fatal(err)
	}
	ws := New(f.App, f.Win, f.Store)
	ws.Now = func() time.Time { return time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC) }
	ws.Refresh(w.ID)
	f.Win.SetContent(ws.Content())
	return f, ws
}

// typeCode types a code in the code box and presses Enter.
func typeCode(ws *Screen, code string) {
	test.Type(ws.Code.Entry, code)
	ws.Code.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestPlaceAndRateACardByKeyboard(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "r07")
	if ws.Keys.Kind != modeArea || !strings.Contains(ws.Code.Prompt.Text, "R07 in which area?") {
		t.Fatalf("after the code: mode %q, prompt %q", ws.Keys.Kind, ws.Code.Prompt.Text)
	}
	ws.TypedRune('2') // Användning
	s := f.Session(ws.Session.Workshop.ID)
	if len(s.Plays) != 1 || s.Plays[0].Code != "R07" || s.Plays[0].Area != "use" || s.Plays[0].TeamID != ws.TeamID {
		t.Fatalf("plays after placing = %+v", s.Plays)
	}
	if ws.Keys.Kind != modeRate || !strings.Contains(ws.saved.Text, "Saved") {
		t.Fatalf("after placing: mode %q, saved %q", ws.Keys.Kind, ws.saved.Text)
	}
	for _, r := range "4352" {
		ws.TypedRune(r)
	}
	s = f.Session(ws.Session.Workshop.ID)
	got := game.Current(s.Ratings, s.Plays[0].ID, game.RaterTeam)
	want := map[string]int{"desirability": 4, "usability": 3, "profitability": 5, "feasibility": 2}
	for k, v := range want {
		if got[k].Value != v {
			t.Errorf("rating %s = %d, want %d (all: %+v)", k, got[k].Value, v, got)
		}
	}
	if ws.Keys.Kind != "" {
		t.Errorf("still asking after the last criterion: %q", ws.Keys.Kind)
	}
	// Undo takes back the last rating, then redo puts it back.
	ws.Undo()
	if _, ok := game.Current(f.Session(ws.Session.Workshop.ID).Ratings, s.Plays[0].ID, game.RaterTeam)["feasibility"]; ok {
		t.Error("undo left the last rating")
	}
	ws.Redo()
	if game.Current(f.Session(ws.Session.Workshop.ID).Ratings, s.Plays[0].ID, game.RaterTeam)["feasibility"].Value != 2 {
		t.Error("redo did not bring the rating back")
	}
	// Undoing everything takes the card off the board; nothing doubles on redo.
	for range 5 {
		ws.Undo()
	}
	if n := len(f.Session(ws.Session.Workshop.ID).Plays); n != 0 {
		t.Errorf("plays after undoing all = %d", n)
	}
	for range 5 {
		ws.Redo()
	}
	s = f.Session(ws.Session.Workshop.ID)
	if len(s.Plays) != 1 || len(game.Current(s.Ratings, s.Plays[0].ID, game.RaterTeam)) != 4 {
		t.Errorf("after redoing all: %d plays, ratings %+v", len(s.Plays), s.Ratings)
	}
}

func TestFastTypingNeverPlacesTwiceAndBadInputSavesNothing(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "R01")
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter: the card's own area
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // a second Enter skips a criterion
	ws.Code.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := f.Session(ws.Session.Workshop.ID)
	if len(s.Plays) != 1 || s.Plays[0].Area != "collection" {
		t.Fatalf("plays = %+v", s.Plays)
	}
	ws.TypedRune('9') // outside the scale of the second criterion
	if len(f.Session(ws.Session.Workshop.ID).Ratings) != 0 || !strings.Contains(ws.saved.Text, "Not saved") {
		t.Errorf("a 9 was taken: %q", ws.saved.Text)
	}
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	typeCode(ws, "I01") // an interaction card is not laid on the board
	if ws.Keys.Kind != "" || !strings.Contains(ws.Code.Prompt.Text, "not a routine") {
		t.Errorf("I01: mode %q, prompt %q", ws.Keys.Kind, ws.Code.Prompt.Text)
	}
	typeCode(ws, "Z99")
	if len(f.Session(ws.Session.Workshop.ID).Plays) != 1 {
		t.Error("an unknown code placed a card")
	}
}

func TestMoveLinkAndNote(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "R10")
	ws.TypedRune('1')
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	id := f.Session(ws.Session.Workshop.ID).Plays[0].ID
	ws.SelectPlay(id)
	ws.MoveSelected(3)
	if p := f.Session(ws.Session.Workshop.ID).Plays[0]; p.Area != "development" {
		t.Fatalf("moved to %q", p.Area)
	}
	ws.Undo()
	if p := f.Session(ws.Session.Workshop.ID).Plays[0]; p.Area != "collection" {
		t.Errorf("undo of the move left it in %q", p.Area)
	}
	p, _ := ws.Play(id)
	linked := p
	linked.Role, linked.Interactions = "C02", []string{"I03", "I05"}
	ws.changePlay(p, linked, "link")
	if got := f.Session(ws.Session.Workshop.ID).Plays[0]; got.Role != "C02" || strings.Join(got.Interactions, ",") != "I03,I05" {
		t.Errorf("links = %q %v", got.Role, got.Interactions)
	}
	ws.Detail.NoteKind.SetKey(game.NoteDecision)
	ws.Detail.NoteText.SetText("Vi börjar med en kundpanel i april.")
	ws.Detail.addNote()
	notes := f.Session(ws.Session.Workshop.ID).Notes
	if len(notes) != 1 || notes[0].Kind != game.NoteDecision || notes[0].PlayID != id || notes[0].TeamID != ws.TeamID {
		t.Errorf("notes = %+v", notes)
	}
	// Team 2's board is its own.
	ws.TeamSel.SetSelected("Bord 2")
	if ws.TeamID == p.TeamID || len(game.BoardOf(ws.Session.Plays, ws.TeamID)) != 0 {
		t.Error("the second team sees the first team's cards")
	}
	ws.removePlay(id)
	if len(f.Session(ws.Session.Workshop.ID).Plays) != 0 {
		t.Error("the card is still on the board")
	}
}

// After placing and rating, the focus is back in the code box; Ctrl+Z there
// undoes on the board while the box is empty.
func TestUndoFromTheEmptyCodeBox(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "R03")
	ws.TypedRune('1')
	for _, r := range "1234" {
		ws.TypedRune(r)
	}
	ws.Code.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	s := f.Session(ws.Session.Workshop.ID)
	if got := game.Current(s.Ratings, s.Plays[0].ID, game.RaterTeam); len(got) != 3 {
		t.Errorf("after Ctrl+Z in the code box: %d ratings, want 3", len(got))
	}
	ws.Code.Entry.TypedShortcut(&fyne.ShortcutRedo{})
	if got := game.Current(f.Session(ws.Session.Workshop.ID).Ratings, s.Plays[0].ID, game.RaterTeam); len(got) != 4 {
		t.Errorf("after Ctrl+Y: %d ratings, want 4", len(got))
	}
}

func TestOpenTheExampleWorkshop(t *testing.T) {
	f := uitest.NewFixture(t)
	ws := New(f.App, f.Win, f.Store)
	if ws.Session != nil || ws.body.Objects[0] != ws.Empty {
		t.Fatal("a fresh database should show the empty state")
	}
	uitest.TapButtonIn(t, ws.Empty, "Open the example workshop")
	list, err := f.Store.Workshops(context.Background())
	if err != nil || len(list) != 1 || list[0].Plays < 12 {
		t.Fatalf("workshops after opening the example = %+v, %v", list, err)
	}
	if ws.Session == nil || len(ws.Session.Teams) != 2 || len(game.BoardOf(ws.Session.Plays, ws.TeamID)) == 0 {
		t.Error("the example workshop is not shown with its first team's board")
	}
}

// A workshop logged on one laptop travels to another as a file.
func TestWorkshopFileBetweenLaptops(t *testing.T) {
	f1, ws1 := newWorkshopFixture(t)
	typeCode(ws1, "R07")
	ws1.TypedRune('2')
	for _, r := range "4352" {
		ws1.TypedRune(r)
	}
	path := t.TempDir() + "/table1.json"
	if err := ws1.writeWorkshopFile(path); err != nil {
		t.Fatal(err)
	}
	f2 := uitest.NewFixture(t)
	ws2 := New(f2.App, f2.Win, f2.Store)
	file, preview, err := ws2.previewWorkshopFile(path)
	if err != nil || file.Workshop.Title != "Pilot" || preview.Added == 0 {
		t.Fatalf("preview: %+v %v", preview, err)
	}
	if n, _ := f2.Store.Workshops(context.Background()); len(n) != 0 {
		t.Fatal("the preview imported the workshop")
	}
	r := ws2.merge(file)
	ws2.showMerge(r)
	if r.err != nil || !reflect.DeepEqual(r.sum, preview) || r.backup == "" {
		t.Fatalf("merge: %+v (preview %+v), backup %q, %v", r.sum, preview, r.backup, r.err)
	}
	if ws2.Session == nil || len(ws2.Session.Plays) != 1 || len(ws2.Session.Ratings) != 4 {
		t.Fatalf("laptop 2 shows %+v", ws2.Session)
	}
	// A workshop new here opens at its first table, all of it new.
	if want := "Merged: 1 card laid, 4 ratings changed on Bord 1."; !strings.Contains(ws2.saved.Text, want) {
		t.Errorf("after the first merge the status says %q, want %q", ws2.saved.Text, want)
	}
	again := ws2.merge(file)
	ws2.showMerge(again)
	if again.err != nil || again.sum.Added+again.sum.Updated+again.sum.Deleted != 0 {
		t.Errorf("a second merge changed things: %+v %v", again.sum, again.err)
	}
	if !strings.Contains(ws2.saved.Text, "Merged: nothing changed on Bord 1.") {
		t.Errorf("after the second merge the status says %q", ws2.saved.Text)
	}
	_ = f1
}

func TestEraseAndRetentionReminder(t *testing.T) {
	f := uitest.NewFixture(t)
	ws := New(f.App, f.Win, f.Store)
	f.Win.SetContent(ws.Content())
	uitest.TapButtonIn(t, ws.Empty, "Open the example workshop")
	if len(ws.Session.Participants) == 0 {
		t.Fatal("the example has no participants")
	}
	// The example's retention date is past on this clock: the screen asks.
	ws.Now = func() time.Time { return time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC) }
	ws.RemindRetention()
	if !strings.Contains(f.DialogText(), "Erase its personal data now?") {
		t.Fatalf("no reminder: %q", f.DialogText())
	}
	f.Win.Canvas().Overlays().Remove(f.Win.Canvas().Overlays().Top())
	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	ws.erase(true)
	ui.Next(t, "the erasure")
	s := f.Session(ws.Session.Workshop.ID)
	for _, p := range s.Participants {
		if p.Pseudonym != "(erased)" {
			t.Errorf("participant %s still called %q", p.ID, p.Pseudonym)
		}
	}
	for _, n := range s.Notes {
		if n.Text != "(erased)" {
			t.Errorf("note %s still reads %q", n.ID, n.Text)
		}
	}
	if len(s.Plays) < 12 || len(s.Ratings) == 0 {
		t.Error("erasure took the cards played or the ratings")
	}
}

// The code of a card the table has laid already chooses it and asks its
// ratings again, without laying a second copy; the code with a + lays one.
func TestACardOnTheBoardIsRatedAgainByItsCode(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "R07")
	ws.TypedRune('2')
	for _, r := range "4352" {
		ws.TypedRune(r)
	}
	first := f.Session(ws.Session.Workshop.ID).Plays[0]

	typeCode(ws, "r07")
	if ws.Keys.Kind != modeRate || ws.Keys.playID != first.ID || ws.Selected != first.ID {
		t.Fatalf("R07 again: mode %q on play %q, selected %q; want its ratings asked for play %s", ws.Keys.Kind, ws.Keys.playID, ws.Selected, first.ID)
	}
	ws.TypedRune('1')
	s := f.Session(ws.Session.Workshop.ID)
	if len(s.Plays) != 1 {
		t.Errorf("R07 again laid %d plays; want the one", len(s.Plays))
	}
	if got := game.Current(s.Ratings, first.ID, game.RaterTeam)["desirability"].Value; got != 1 {
		t.Errorf("desirability after rating again: %d; want 1", got)
	}
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})

	typeCode(ws, "R07+")
	if ws.Keys.Kind != modeArea {
		t.Fatalf("R07+: mode %q; want the area asked for another copy", ws.Keys.Kind)
	}
	ws.TypedRune('1')
	if n := len(f.Session(ws.Session.Workshop.ID).Plays); n != 2 {
		t.Errorf("R07+ laid %d plays in all; want 2", n)
	}
}

// The board fits a laptop's screen whatever the cards' titles and paths:
// with the example workshop's longest lines and a card chosen, the screen
// asks for no more than 1280 pixels, and a chip cuts its line to its width.
func TestTheBoardFitsALaptopScreen(t *testing.T) {
	f := uitest.NewFixture(t)
	ex, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Store.ImportWorkshop(context.Background(), ex); err != nil {
		t.Fatal(err)
	}
	ws := New(f.App, f.Win, f.Store)
	ws.Refresh(ex.Workshop.ID)
	f.Win.SetContent(ws.Content())
	for _, team := range ws.TeamSel.Options {
		ws.TeamSel.SetSelected(team)
		for _, p := range ws.Session.Plays {
			if p.TeamID == ws.TeamID {
				ws.SelectPlay(p.ID)
				if w := ws.Content().MinSize().Width; w > 1280 {
					t.Errorf("with %s of %s chosen the Workshop screen asks for %.0f pixels; want at most 1280", p.Code, team, w)
				}
			}
		}
	}

	line := "R25 [1 2 2 2] · Öppen redovisning av kunddata · C02 · I03 I05 · Förteckning över insamlade data"
	if got := fitLine(line, 10000); got != line {
		t.Errorf("a line that fits was cut: %q", got)
	}
	cut := fitLine(line, 200)
	if !strings.HasSuffix(cut, "…") || !strings.HasPrefix(line, strings.TrimSuffix(cut, "…")) ||
		fyne.MeasureText(cut, theme.TextSize(), fyne.TextStyle{Bold: true}).Width > 200 {
		t.Errorf("fitLine(…, 200) = %q; want a start of the line with … that fits 200 pixels", cut)
	}
}

// chipOf is the board's chip of a play.
func chipOf(t testing.TB, ws *Screen, playID string) *PlayChip {
	t.Helper()
	var found *PlayChip
	uitest.Walk(ws.board.content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*PlayChip); ok && c.id == playID {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("play %s has no chip on the board", playID)
	}
	return found
}

// The note-taker clicks a card on the board, then types the next card's
// code: the code lays that card, and the clicked card keeps its ratings.
// Enter in the empty code box rates the chosen card.
func TestTypingACodeAfterAClickOnTheBoardLaysTheCard(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R04")
	uitest.PressInWindow(c, fyne.KeyReturn) // the code
	uitest.PressInWindow(c, fyne.KeyReturn) // its own area
	uitest.TypeInWindow(c, "4352")
	r04 := f.Session(ws.Session.Workshop.ID).Plays[0]
	want := game.Current(f.Session(ws.Session.Workshop.ID).Ratings, r04.ID, game.RaterTeam)
	if r04.Code != "R04" || len(want) != 4 {
		t.Fatalf("R04 laid as %+v with ratings %+v", r04, want)
	}

	test.Tap(chipOf(t, ws, r04.ID))
	if ws.Selected != r04.ID {
		t.Fatalf("the click chose %q; want R04's play", ws.Selected)
	}
	uitest.TypeInWindow(c, "R05")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.PressInWindow(c, fyne.KeyReturn)

	s := f.Session(ws.Session.Workshop.ID)
	var laid []string
	for _, p := range s.Plays {
		laid = append(laid, p.Code)
	}
	slices.Sort(laid)
	if strings.Join(laid, " ") != "R04 R05" {
		t.Errorf("after a click on R04 and R05 ⏎ ⏎ the board holds %v; want R04 R05", laid)
	}
	got := game.Current(s.Ratings, r04.ID, game.RaterTeam)
	for k, r := range want {
		if got[k].Value != r.Value {
			t.Errorf("R04's %s is %d after typing R05; was %d", k, got[k].Value, r.Value)
		}
	}

	// Enter in the empty code box rates the card clicked on.
	uitest.PressInWindow(c, fyne.KeyEscape)
	test.Tap(chipOf(t, ws, r04.ID))
	uitest.PressInWindow(c, fyne.KeyReturn)
	if ws.Keys.Kind != modeRate || ws.Keys.playID != r04.ID {
		t.Fatalf("Enter after a click on R04: mode %q on %q; want R04's ratings asked", ws.Keys.Kind, ws.Keys.playID)
	}
	uitest.TypeInWindow(c, "1")
	if v := game.Current(f.Session(ws.Session.Workshop.ID).Ratings, r04.ID, game.RaterTeam)["desirability"].Value; v != 1 {
		t.Errorf("R04's desirability after Enter and 1: %d; want 1", v)
	}
}

// Text left in the code box that laid nothing (a note typed there by
// mistake, a code half typed) goes with Esc, and with a click on the
// board: the next code typed is read alone, not glued to the old text.
func TestLeftoverTextInTheCodeBoxGoesWithEscAndAClick(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R04")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "4352")
	r04 := f.Session(ws.Session.Workshop.ID).Plays[0]

	uitest.TypeInWindow(c, "customers want to see")
	uitest.PressInWindow(c, fyne.KeyEscape)
	if got := ws.Code.Entry.Text; got != "" {
		t.Errorf("after Esc the code box holds %q; want it empty", got)
	}

	uitest.TypeInWindow(c, "customers want")
	test.Tap(chipOf(t, ws, r04.ID))
	uitest.TypeInWindow(c, "R05")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.PressInWindow(c, fyne.KeyReturn)
	var laid []string
	for _, p := range f.Session(ws.Session.Workshop.ID).Plays {
		laid = append(laid, p.Code)
	}
	slices.Sort(laid)
	if strings.Join(laid, " ") != "R04 R05" {
		t.Errorf("after text, a click on R04 and R05 ⏎ ⏎ the board holds %v (code box %q); want R04 R05", laid, ws.Code.Entry.Text)
	}
}

// The status line after a rating names the criterion rated, so that four
// ratings typed in a row read as four different things saved.
func TestRatingStatusNamesTheCriterion(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R04")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "4")
	deck := ws.Deck()
	first := deck.Criteria[0].Name.Or(ws.lang(), deck.DefaultLang)
	if want := "R04: " + first + " 4"; !strings.Contains(ws.saved.Text, want) {
		t.Errorf("status after the first rating = %q; want it to say %q", ws.saved.Text, want)
	}
	uitest.TypeInWindow(c, "352")
	last := deck.Criteria[3].Name.Or(ws.lang(), deck.DefaultLang)
	if want := "R04: " + last + " 2"; !strings.Contains(ws.saved.Text, want) {
		t.Errorf("status after the last rating = %q; want it to say %q", ws.saved.Text, want)
	}
}
