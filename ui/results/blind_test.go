package results

import (
	"testing"
)

// While the Workshop screen has a blind round on a card not revealed, the
// Results screen leaves that card's ratings out, and so the report and
// exports made from it.
func TestResultsLeaveOutABlindRoundNotRevealed(t *testing.T) {
	_, r := newResultsFixture(t)
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
	r.BlindPlay = func() (string, string) { return workshopID, rated }
	r.Refresh(workshopID)
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
	r.BlindPlay = func() (string, string) { return "", "" } // revealed
	r.Refresh(workshopID)
	for _, p := range r.results.Plays {
		if p.Play.ID == rated && !p.Customer.Rated {
			t.Errorf("%s shows no ratings once revealed", p.Play.Code)
		}
	}
}
