package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// teamNames are the live tables of a workshop in the database.
func teamNames(f *uitest.Fixture, workshopID string) string {
	var names []string
	for _, t := range f.Session(workshopID).Teams {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

// A table's name that another table has is refused in the Add form, which
// stays with the name typed and the focus in it; put right, Enter adds it.
func TestATakenTableNameKeepsTheAddForm(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	name := ws.AddTable()
	uitest.TypeInWindow(c, "bord 2")
	uitest.PressInWindow(c, fyne.KeyReturn)
	f.Refused("Add a table", "A table is named Bord 2 already; choose another name.")
	if name.Text != "bord 2" || c.Focused() != name {
		t.Errorf("after the refusal the name reads %q, focus on %T", name.Text, c.Focused())
	}
	if got := teamNames(f, id); got != "Bord 1, Bord 2" {
		t.Fatalf("a refused table reached the database: %s", got)
	}
	uitest.TypeInWindow(c, " bis")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := teamNames(f, id); got != "Bord 1, Bord 2, bord 2 bis" || c.Overlays().Top() != nil {
		t.Errorf("after the name was put right the tables are %s (form shown: %v)", got, c.Overlays().Top() != nil)
	}
}

// Renaming a table to another's name, or to none, is refused in the form,
// which stays with what was typed; a free name then renames it.
func TestARefusedTableNameKeepsTheRenameForm(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	name := ws.RenameTable()
	for typed, reason := range map[string]string{"BORD 2": "A table is named Bord 2 already", "   ": "The table has no name"} {
		name.SetText(typed)
		f.TapDialogButton("Rename")
		f.Refused("Rename the table", reason)
		if name.Text != typed {
			t.Errorf("after the refusal of %q the name reads %q", typed, name.Text)
		}
		if got := teamNames(f, id); got != "Bord 1, Bord 2" {
			t.Fatalf("a refused name reached the database: %s", got)
		}
	}
	name.SetText("Ledningen")
	f.TapDialogButton("Rename")
	if got := teamNames(f, id); got != "Ledningen, Bord 2" {
		t.Errorf("after a free name the tables are %s", got)
	}
}

// A note emptied in its form is refused, and the form keeps the kind and
// the card chosen in it; with a text it is saved, kind, card and all.
func TestAnEmptiedNoteKeepsItsForm(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	r07, r10 := lay(t, f, ws, "R07", '2'), lay(t, f, ws, "R10", '1')
	ws.SelectPlay(r10.ID)
	ws.Detail.NoteText.SetText("Kunderna vill se sina data")
	ws.Detail.addNote()
	id := ws.Session.Workshop.ID
	n := f.Session(id).Notes[0]
	form := ws.EditNote(n.ID)
	form.Kind.SetKey(game.NoteConcern)
	form.On.SetKey(r07.ID)
	form.Text.SetText("   ")
	f.TapDialogButton("Save")
	f.Refused("Edit the note", "The note is empty")
	if form.Kind.Key() != game.NoteConcern || form.On.Key() != r07.ID || form.Text.Text != "   " {
		t.Errorf("after the refusal the form holds %s on %s: %q", form.Kind.Key(), form.On.Key(), form.Text.Text)
	}
	if got := storedNote(t, f, id, n.ID); got.Text != n.Text || got.Kind != n.Kind || got.PlayID != r10.ID {
		t.Fatalf("a refused note reached the database: %+v", got)
	}
	form.Text.SetText("Kunderna oroar sig för sina data")
	f.TapDialogButton("Save")
	if got := storedNote(t, f, id, n.ID); got.Text != "Kunderna oroar sig för sina data" || got.Kind != game.NoteConcern || got.PlayID != r07.ID {
		t.Errorf("after the text was put back: %+v", got)
	}
}

// A participant's new pseudonym that is empty or another's at the table
// is refused in the Rename form, which keeps what was typed; a free one is
// saved with the role and real name typed with it.
func TestARefusedPseudonymKeepsTheRenameForm(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	ws.ShowParticipants()
	d := ws.participants
	for _, name := range []string{"Ara", "Bo"} {
		d.Pseudonym.SetText(name)
		d.addParticipant()
	}
	var bo game.Participant
	for _, p := range ws.participantsOf(ws.TeamID) {
		if p.Pseudonym == "Bo" {
			bo = p
		}
	}
	d.rename(bo)
	form := ws.forms.participant
	form.Role.SetText("ekonomi")
	form.RealName.SetText("Bo Ek")
	for typed, reason := range map[string]string{"ara": "Ara is already at this table; give another pseudonym.", " ": "Type a pseudonym first"} {
		form.Pseudonym.SetText(typed)
		f.TapDialogButton("Save")
		f.Refused("Rename Bo", reason)
		if form.Pseudonym.Text != typed || form.Role.Text != "ekonomi" || form.RealName.Text != "Bo Ek" {
			t.Errorf("after the refusal of %q the form holds %q, %q, %q", typed, form.Pseudonym.Text, form.Role.Text, form.RealName.Text)
		}
		if got := strings.Join(livePseudonyms(f.Session(id), ws.TeamID), " "); got != "Ara Bo" {
			t.Fatalf("a refused pseudonym reached the database: %s", got)
		}
	}
	form.Pseudonym.SetText("Cy")
	f.TapDialogButton("Save")
	s := f.Session(id)
	if got := strings.Join(livePseudonyms(s, ws.TeamID), " "); got != "Ara Cy" {
		t.Fatalf("after a free pseudonym the table holds %s", got)
	}
	names, err := f.Store.RealNames(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Participants {
		if p.ID == bo.ID && (p.Role != "ekonomi" || names[p.ID] != "Bo Ek") {
			t.Errorf("Cy is stored with role %q and real name %q", p.Role, names[p.ID])
		}
	}
	if !strings.Contains(uitest.AllText(d.Rows), "2  Cy · ekonomi") {
		t.Errorf("the list does not show Cy:\n%s", uitest.AllText(d.Rows))
	}
}

// A participant added without a pseudonym is refused in the list, whose
// fields keep the role and real name typed; with a pseudonym it is saved.
func TestAParticipantWithoutAPseudonymKeepsWhatWasTyped(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	ws.ShowParticipants()
	d := ws.participants
	d.Role.SetText("ekonomi")
	d.RealName.SetText("Aino Virtanen")
	d.addParticipant()
	if !strings.Contains(d.said.Text, "Type a pseudonym first") || d.Role.Text != "ekonomi" || d.RealName.Text != "Aino Virtanen" {
		t.Errorf("after the refusal the list says %q and holds %q, %q", d.said.Text, d.Role.Text, d.RealName.Text)
	}
	if got := f.Session(id).Participants; len(got) != 0 {
		t.Fatalf("a participant without a pseudonym reached the database: %+v", got)
	}
	d.Pseudonym.SetText("Ugglan")
	d.addParticipant()
	if got := f.Session(id).Participants; len(got) != 1 || got[0].Pseudonym != "Ugglan" || got[0].Role != "ekonomi" {
		t.Errorf("after the pseudonym was typed the table holds %+v", got)
	}
}

// A development path without a name is refused in its form, which stays;
// named, the path is made and the card put in it.
func TestAPathWithoutANameKeepsItsForm(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	r10 := lay(t, f, ws, "R10", '1')
	ws.Detail.NewPath(r10)
	name := ws.forms.pathName
	name.SetText("  ")
	f.TapDialogButton("Create")
	f.Refused("New development path", "The path has no name")
	if got := f.Session(id).Paths; len(got) != 0 {
		t.Fatalf("a path without a name reached the database: %+v", got)
	}
	name.SetText("Självservice")
	f.TapDialogButton("Create")
	s := f.Session(id)
	if len(s.Paths) != 1 || s.Paths[0].Name != "Självservice" || s.Plays[0].PathID != s.Paths[0].ID {
		t.Errorf("after the name was typed: paths %+v, R10 in %q", s.Paths, s.Plays[0].PathID)
	}
}
