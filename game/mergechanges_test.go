package game_test

import (
	"testing"
	"time"

	"deckhand/game"
)

// What a merge did to each table is counted from the sessions before and
// after it, as the boards show them.
func TestChangesBetweenCountsPerTable(t *testing.T) {
	at := time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC)
	before := &game.File{
		Plays: []game.Play{
			{ID: "p1", TeamID: "t1", Code: "R07", Area: "use"},
			{ID: "p2", TeamID: "t1", Code: "R08", Area: "use"},
			{ID: "p3", TeamID: "t2", Code: "R09", Area: "use"},
		},
		Ratings: []game.Rating{
			{ID: "r1", PlayID: "p1", Criterion: "value", Value: 3, Rater: game.RaterTeam, At: at},
			{ID: "r2", PlayID: "p1", Criterion: "effort", Value: 2, Rater: game.RaterTeam, At: at},
		},
		Notes: []game.Note{{ID: "n1", TeamID: "t2", Kind: game.NoteIdea, Text: "keep"}},
	}
	after := &game.File{
		Plays: []game.Play{
			{ID: "p1", TeamID: "t1", Code: "R07", Area: "use"},
			{ID: "p2", TeamID: "t1", Code: "R08", Area: "collection"}, // moved
			{ID: "p3", TeamID: "t2", Code: "R09", Area: "use"},
			{ID: "p4", TeamID: "t1", Code: "R05", Area: "use"}, // laid
		},
		Ratings: []game.Rating{
			{ID: "r1", PlayID: "p1", Criterion: "value", Value: 3, Rater: game.RaterTeam, At: at},
			{ID: "r2", PlayID: "p1", Criterion: "effort", Value: 2, Rater: game.RaterTeam, At: at},
			// A newer rating of the same criterion with another value, and
			// one with the same value: only the first changes the board.
			{ID: "r3", PlayID: "p1", Criterion: "value", Value: 5, Rater: game.RaterTeam, At: at.Add(time.Minute)},
			{ID: "r4", PlayID: "p1", Criterion: "effort", Value: 2, Rater: game.RaterTeam, At: at.Add(time.Minute)},
		},
		Notes: []game.Note{
			{ID: "n1", TeamID: "t2", Kind: game.NoteIdea, Text: "keep"},
			{ID: "n2", PlayID: "p4", Kind: game.NoteIdea, Text: "about R05"}, // t1's through its play
		},
	}
	got := game.ChangesBetween(before, after)
	want := game.TableChanges{Laid: 1, Moved: 1, Ratings: 1, Notes: 1}
	if got["t1"] != want || len(got) != 1 {
		t.Errorf("changes = %+v, want only t1: %+v", got, want)
	}
	// The other way round: the card is taken off, the rating and the note
	// go back; a nil before is an empty workshop.
	back := game.ChangesBetween(after, before)
	if w := (game.TableChanges{Removed: 1, Moved: 1, Ratings: 1, Notes: 1}); back["t1"] != w {
		t.Errorf("reverse changes = %+v, want %+v", back["t1"], w)
	}
	if fresh := game.ChangesBetween(nil, before); fresh["t1"].Laid != 2 || fresh["t1"].Ratings != 2 || fresh["t2"].Notes != 1 {
		t.Errorf("from nothing = %+v", fresh)
	}
}
