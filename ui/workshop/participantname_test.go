package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// A pseudonym already at the table is refused with a sentence: the
// note-taker is kept by pseudonym, and two of one name could not be told
// apart.
func TestAPseudonymIsNotGivenTwiceAtATable(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	ws.ShowParticipants()
	d := ws.participants
	for _, name := range []string{"Owl", "owl "} {
		test.Type(d.Pseudonym, name)
		d.addParticipant()
	}
	people := ws.participantsOf(ws.TeamID)
	if s := f.Session(ws.Session.Workshop.ID); len(people) != 1 || len(s.Participants) != 1 {
		t.Errorf("after Owl and owl the table has %d participants (%d stored); want 1", len(people), len(s.Participants))
	}
	if !strings.Contains(d.said.Text, "Owl is already at this table") {
		t.Errorf("the list says %q; want the refusal", d.said.Text)
	}
}
