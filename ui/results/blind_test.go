package results

import (
	"context"
	"slices"
	"testing"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// While a blind round on a card is not revealed, the Results screen
// leaves that card's ratings out, and so the report and exports made from
// it, whatever the Workshop screen shows meanwhile: the round is read from
// the store.
func TestResultsLeaveOutABlindRoundNotRevealed(t *testing.T) {
	f, r := newResultsFixture(t)
	var rated string
	for _, p := range r.results.Plays {
		if p.Customer.Rated {
			rated = p.Play.ID
			break
		}
	}
	if rated == "" {
		t.Fatal("the example workshop has no rated card")
	}
	workshopID := r.session.Workshop.ID
	var teamID string
	for _, p := range r.session.Plays {
		if p.ID == rated {
			teamID = p.TeamID
		}
	}
	ctx := context.Background()
	if err := f.Store.StartBlindRound(ctx, &storage.BlindRound{WorkshopID: workshopID, PlayID: rated, TeamID: teamID}); err != nil {
		t.Fatal(err)
	}
	r.session = nil // as when another workshop was shown in between
	visit(t, r, workshopID)
	for _, p := range r.results.Plays {
		if p.Play.ID == rated && (p.Customer.Rated || p.Organisation.Rated) {
			t.Errorf("%s shows its ratings while its blind round is not revealed: %+v", p.Play.Code, p)
		}
	}
	for _, rt := range r.session.Ratings {
		if rt.PlayID == rated {
			t.Errorf("the file the exports are written from holds a rating of the blind card: %+v", rt)
		}
	}
	if err := f.Store.EndBlindRound(ctx, workshopID); err != nil {
		t.Fatal(err)
	}
	r.session = nil
	visit(t, r, workshopID)
	for _, p := range r.results.Plays {
		if p.Play.ID == rated && !p.Customer.Rated {
			t.Errorf("%s shows no ratings once revealed", p.Play.Code)
		}
	}
}

// "Across workshops" leaves out a blind round not revealed too: its card
// is compared as if its ratings were not there yet.
func TestAcrossWorkshopsLeavesOutABlindRoundNotRevealed(t *testing.T) {
	f := uitest.NewFixture(t)
	f.ImportExample()
	ctx := context.Background()
	list, err := f.Store.Workshops(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("workshops %v, %v", list, err)
	}
	file := f.Session(list[0].ID)
	var rated game.Play
	for _, p := range file.Plays {
		if len(game.Current(file.Ratings, p.ID, game.RaterTeam)) > 0 {
			rated = p
			break
		}
	}
	if err := f.Store.StartBlindRound(ctx, &storage.BlindRound{WorkshopID: file.Workshop.ID, PlayID: rated.ID, TeamID: rated.TeamID}); err != nil {
		t.Fatal(err)
	}
	r := newQueued(f.App, f.Win, f.Store)
	f.Win.SetContent(r.Content())
	r.tabs.SelectIndex(len(r.tabs.Items) - 1)
	queues[r].Next(t, "the workshops read when the comparison is shown")
	visit(t, r, file.Workshop.ID)
	hidden := compareLines(game.Compare([]*game.File{file.HidingRatingsOf(rated.ID)}, game.Filter{}))
	shown := compareLines(game.Compare([]*game.File{file}, game.Filter{}))
	if slices.Equal(hidden, shown) {
		t.Fatal("hiding the round changes nothing in the comparison; the test would not tell")
	}
	if !slices.Equal(r.compare.lines, hidden) {
		t.Errorf("the comparison shows\n%q\nwant, without the blind round's ratings,\n%q", r.compare.lines, hidden)
	}
}
