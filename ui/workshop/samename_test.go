package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/ui/internal/uitest"
)

// A table's name is taken in any case of å, ä and ö, and typed with a
// decomposed letter as macOS pastes it: the tables are chosen by name.
func TestATableNameIsTakenInAnyCaseOfÅÄÖ(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	ws.AddTable().SetText("Östra bordet")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := teamNames(f, id); got != "Bord 1, Bord 2, Östra bordet" {
		t.Fatalf("the tables are %s", got)
	}
	for _, typed := range []string{"östra BORDET", "O\u0308stra bordet"} {
		ws.AddTable().SetText(typed)
		uitest.PressInWindow(c, fyne.KeyReturn)
		f.Refused("Add a table", "A table is named Östra bordet already; choose another name.")
		f.TapDialogButton("Cancel")
		if got := teamNames(f, id); got != "Bord 1, Bord 2, Östra bordet" {
			t.Fatalf("a refused table %+q reached the database: %s", typed, got)
		}
	}
}

// A pseudonym is taken at the table in any case of å, ä and ö, and typed
// with a decomposed letter: the report names people by it.
func TestAPseudonymIsTakenInAnyCaseOfÅÄÖ(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	ws.ShowParticipants()
	d := ws.participants
	for _, name := range []string{"Åsa", "åSA", "A\u030asa"} {
		d.Pseudonym.SetText(name)
		d.addParticipant()
	}
	if got := strings.Join(livePseudonyms(f.Session(id), ws.TeamID), " "); got != "Åsa" {
		t.Errorf("the table holds %q; want Åsa once", got)
	}
	if !strings.Contains(d.said.Text, "Åsa is already at this table") {
		t.Errorf("the dialog says %q", d.said.Text)
	}
}
