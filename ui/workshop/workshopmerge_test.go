package workshop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// boardLines are the lines of the chips on the board shown.
func boardLines(ws *Screen) []string {
	var out []string
	uitest.Walk(ws.board.content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*PlayChip); ok {
			out = append(out, c.full)
		}
	})
	return out
}

// A file from another laptop merged into the workshop on screen shows at
// once on the board, in the notes and on the status line, with no tab or
// table switched.
func TestMergeIntoTheOpenWorkshopShowsOnTheBoard(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "R07")
	ws.TypedRune('2')
	for _, r := range "4352" {
		ws.TypedRune(r)
	}
	ws.Refresh("") // as after a tab switch: the screen keeps what it shows
	if lines := boardLines(ws); len(lines) != 1 || !strings.Contains(lines[0], "R07 [4 3 5 2]") {
		t.Fatalf("board before the merge = %q", lines)
	}

	// The other laptop's file: R05 laid on the same table, R07's
	// desirability rated again, a note on R07 (the card chosen on screen).
	ctx := context.Background()
	file, err := f.Store.ExportWorkshop(ctx, ws.Session.Workshop.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	now, other := time.Now().UTC(), "laptop-2"
	r07 := file.Plays[0]
	r05 := game.Play{ID: cards.NewID(), TeamID: ws.TeamID, Code: "R05", Area: "use", Position: 1, Updated: now, Device: other}
	file.Plays = append(file.Plays, r05)
	file.Ratings = append(file.Ratings, game.Rating{ID: cards.NewID(), PlayID: r07.ID, Criterion: "desirability", Value: 1,
		Rater: game.RaterTeam, At: now, Updated: now, Device: other})
	file.Notes = append(file.Notes, game.Note{ID: cards.NewID(), TeamID: ws.TeamID, PlayID: r07.ID, Kind: game.NoteIdea,
		Text: "Kunderna vill ha kvitto", At: now, Updated: now, Device: other})
	path := filepath.Join(t.TempDir(), "laptop2.json")
	w, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := game.WriteFile(w, file); err != nil {
		t.Fatal(err)
	}
	w.Close()

	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	ws.askMerge(path)
	ui.Next(t, "the merge's confirmation")
	if !strings.Contains(f.DialogText(), "adds 3 records") {
		t.Fatalf("the confirmation says:\n%s", f.DialogText())
	}
	if lines := boardLines(ws); len(lines) != 1 {
		t.Fatalf("the board changed before the merge was confirmed: %q", lines)
	}
	f.TapDialogButton("Yes")
	ui.Next(t, "the merged workshop")

	lines := strings.Join(boardLines(ws), "\n")
	if !strings.Contains(lines, "R07 [1 3 5 2]") || !strings.Contains(lines, "R05 [– – – –]") {
		t.Errorf("board after the merge:\n%s", lines)
	}
	if notes := uitest.AllText(ws.Detail.content()); !strings.Contains(notes, "Kunderna vill ha kvitto") {
		t.Errorf("R07's notes after the merge:\n%s", notes)
	}
	if want := "Merged: 1 card laid, 1 rating changed, 1 note on Bord 1"; !strings.Contains(ws.saved.Text, want) {
		t.Errorf("status = %q, want %q", ws.saved.Text, want)
	}
	// The other table shows its own (unchanged) board.
	ws.TeamSel.SetSelected("Bord 2")
	if lines := boardLines(ws); len(lines) != 0 {
		t.Errorf("Bord 2's board = %q", lines)
	}
}

// The status sentence counts in the interface language, one and several.
func TestMergeSentenceInFinnish(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	at := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	teams := []game.Team{{ID: "t1", Name: "Pöytä 1"}, {ID: "t2", Name: "Pöytä 2"}}
	before := &game.File{Teams: teams, Plays: []game.Play{{ID: "p1", TeamID: "t1", Code: "R07", Area: "use"}}}
	after := &game.File{Teams: teams,
		Plays: []game.Play{{ID: "p1", TeamID: "t1", Code: "R07", Area: "use"}, {ID: "p2", TeamID: "t1", Code: "R05", Area: "use"},
			{ID: "p3", TeamID: "t2", Code: "R09", Area: "use"}},
		Ratings: []game.Rating{{ID: "r1", PlayID: "p1", Criterion: "desirability", Value: 4, Rater: game.RaterTeam, At: at},
			{ID: "r2", PlayID: "p1", Criterion: "usability", Value: 2, Rater: game.RaterTeam, At: at}},
	}
	want := "Yhdistetty: 1 kortti asetettu, 2 arviota muuttunut – Pöytä 1; 1 muutos toisessa pöydässä."
	if got := mergeSentence(before, after, "t1"); got != want {
		t.Errorf("sentence = %q, want %q", got, want)
	}
	if got, want := mergeSentence(after, after, "t2"), "Yhdistetty: ei muutoksia – Pöytä 2."; got != want {
		t.Errorf("no change: %q, want %q", got, want)
	}
}
