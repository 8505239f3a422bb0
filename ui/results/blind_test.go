package results

import (
	"context"
	"testing"

	"deckhand/storage"
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
