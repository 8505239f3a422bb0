package decks

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/ui/internal/uitest"
)

// What is typed for one area stays while another is picked and comes back
// with it; Save stores both at once, and Cancel drops what was typed.
func TestEachAreaKeepsWhatWasTypedUntilSave(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	c := f.win.Canvas()
	id := s.DeckID()
	before := f.stored(id)
	first, second := before.Board.Areas[0].Key, before.Board.Areas[1].Key
	store := f.countUpdates()

	// Cancel drops it.
	s.EditAreas()
	s.Shape.Names["fi"].SetText("Ei tallenneta")
	s.Shape.Pick.SetKey(second)
	f.tapDialogButton("Cancel")
	s.EditAreas()
	if got := s.Shape.Names["fi"].Text; got != before.Board.Areas[0].Name["fi"] {
		t.Errorf("after Cancel the first area opens named %q, want %q", got, before.Board.Areas[0].Name["fi"])
	}
	if !reflect.DeepEqual(f.stored(id).Board, before.Board) {
		t.Fatal("Cancel saved what was typed")
	}

	c.Focus(s.Shape.Names["fi"])
	s.Shape.Names["fi"].SetText("")
	uitest.TypeInWindow(c, "Tiedon keruu")
	s.Shape.Colour.SetText("#112233")
	s.Shape.Pick.SetKey(second)
	if got := s.Shape.Names["fi"].Text; got != before.Board.Areas[1].Name["fi"] {
		t.Fatalf("the second area shows %q, want its own name %q", got, before.Board.Areas[1].Name["fi"])
	}
	c.Focus(s.Shape.Texts["en"])
	s.Shape.Texts["en"].SetText("")
	uitest.TypeInWindow(c, "How is it used?")
	s.Shape.Pick.SetKey(first)
	if s.Shape.Names["fi"].Text != "Tiedon keruu" || s.Shape.Colour.Text != "#112233" {
		t.Fatalf("back on the first area the fields read %q, %q; want what was typed", s.Shape.Names["fi"].Text, s.Shape.Colour.Text)
	}
	f.saveShape()
	if c.Overlays().Top() != nil {
		t.Fatalf("the save was refused:\n%s", f.dialogText())
	}
	after := f.stored(id)
	a1, _ := after.Area(first)
	a2, _ := after.Area(second)
	if a1.Name["fi"] != "Tiedon keruu" || a1.Colour != "#112233" || a2.Question["en"] != "How is it used?" {
		t.Errorf("in the database: %s %q %s, %s asks %q", first, a1.Name["fi"], a1.Colour, second, a2.Question["en"])
	}
	if a2.Name["fi"] != before.Board.Areas[1].Name["fi"] || store.updates.Load() != 1 {
		t.Errorf("the second area is named %q after %d saves; want its own name, one save", a2.Name["fi"], store.updates.Load())
	}
}

// A value the deck's rules refuse (a colour in words, a scale in words)
// keeps the dialog with everything typed, and the reason over it; put
// right, it is saved.
func TestARefusedShapeKeepsEverythingTyped(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	id := s.DeckID()
	before := f.stored(id)
	for _, c := range []struct {
		title  string
		open   func()
		bad    func(*ShapeForm)
		reason string
		good   func(*ShapeForm)
		stored func(*cards.Deck) bool
	}{{
		"Board areas", s.EditAreas,
		func(sf *ShapeForm) { sf.Names["en"].SetText("Gathering"); sf.Colour.SetText("red") },
		`colour "red" is not of the form #RRGGBB`,
		func(sf *ShapeForm) { sf.Colour.SetText("#AA0000") },
		func(d *cards.Deck) bool {
			a := d.Board.Areas[0]
			return a.Name["en"] == "Gathering" && a.Colour == "#AA0000"
		},
	}, {
		"Criteria", s.EditCriteria,
		func(sf *ShapeForm) { sf.Names["en"].SetText("Wish"); sf.Max.SetText("seven") },
		"write both in figures",
		func(sf *ShapeForm) { sf.Max.SetText("7") },
		func(d *cards.Deck) bool { k := d.Criteria[0]; return k.Name["en"] == "Wish" && k.Max == 7 },
	}, {
		"Card types", s.EditCardTypes,
		func(sf *ShapeForm) { sf.Prefix.SetText("K"); sf.Colour.SetText("blue") },
		`colour "blue" is not of the form #RRGGBB`,
		func(sf *ShapeForm) { sf.Colour.SetText("#0000AA") },
		func(d *cards.Deck) bool { t := d.CardTypes[0]; return t.Prefix == "K" && t.Colour == "#0000AA" },
	}} {
		c.open()
		sf := s.Shape
		c.bad(sf)
		typed := sf.typed()
		if c.title == "Criteria" {
			sf.Dialog.Submit() // read before the store is asked
		} else {
			f.saveShape()
		}
		f.u.Refused(c.title, c.reason)
		if !reflect.DeepEqual(sf.typed(), typed) {
			t.Errorf("%s: after the refusal the fields hold %+v, want %+v", c.title, sf.typed(), typed)
		}
		if got := f.stored(id); got.Edition != before.Edition || c.stored(got) {
			t.Fatalf("%s: a refused change reached the database", c.title)
		}
		c.good(sf)
		f.saveShape()
		if f.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s: put right, it was refused:\n%s", c.title, f.dialogText())
		}
		if !c.stored(f.stored(id)) {
			t.Errorf("%s: put right, it is not in the database", c.title)
		}
	}
}

// Remove… asks, naming the area and how many of the deck's cards lie in
// it; Yes only marks it, in the drop-down and under the fields, and Undo
// there keeps it. A criterion removed, with another changed meanwhile, is
// gone from the database after Save, and the other changed.
func TestARemovalIsAskedAndUndoneUntilSave(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	id := s.DeckID()
	before := f.stored(id)
	inArea := 0
	for _, c := range before.Cards {
		if c.Area == "collection" {
			inArea++
		}
	}

	s.EditAreas()
	f.tapDialogButton("Remove…")
	question := f.dialogText()
	if want := "Remove the area Collection? "; !strings.Contains(question, want) || !strings.Contains(question, "cards of this deck lie in it") {
		t.Errorf("Remove… asks %q; want it to name Collection and count its cards", question)
	}
	if inArea > 1 && !strings.Contains(question, fmt.Sprintf("%d cards", inArea)) {
		t.Errorf("the question does not count the %d cards: %q", inArea, question)
	}
	f.tapDialogButton("No")
	if s.Shape.pending["collection"].removed {
		t.Fatal("No marked the area for removal")
	}
	f.tapDialogButton("Remove…")
	f.tapDialogButton("Yes")
	sf := s.Shape
	if !strings.Contains(sf.Pick.Selected, "removed on Save") || !strings.Contains(f.dialogText(), "Removed when the deck is saved.") || !sf.Key.Disabled() {
		t.Errorf("a pending removal shows as %q, fields disabled %v:\n%s", sf.Pick.Selected, sf.Key.Disabled(), f.dialogText())
	}
	f.tapDialogButton("Undo")
	if strings.Contains(sf.Pick.Selected, "removed") || sf.Key.Disabled() || len(sf.pending) != 0 {
		t.Errorf("after Undo the area shows as %q, fields disabled %v, pending %v", sf.Pick.Selected, sf.Key.Disabled(), sf.pending)
	}
	f.tapDialogButton("Remove…")
	f.tapDialogButton("Yes")
	f.tapDialogButton("Cancel")
	if !reflect.DeepEqual(f.stored(id).Board, before.Board) {
		t.Fatal("Cancel removed the area")
	}

	s.EditCriteria()
	s.Shape.Pick.SetKey("feasibility")
	f.tapDialogButton("Remove…")
	if got := f.dialogText(); !strings.Contains(got, "Remove the criterion Feasibility?") {
		t.Errorf("Remove… on a criterion asks %q", got)
	}
	f.tapDialogButton("Yes")
	s.Shape.Pick.SetKey("desirability")
	s.Shape.Names["en"].SetText("Wish")
	s.Shape.Pick.SetKey("feasibility")
	if !s.Shape.Max.Disabled() || !strings.Contains(f.dialogText(), "Removed when the deck is saved.") {
		t.Errorf("back on the criterion its removal is not shown:\n%s", f.dialogText())
	}
	f.saveShape()
	after := f.stored(id)
	if criterionIndex(after, "feasibility") >= 0 || len(after.Criteria) != len(before.Criteria)-1 {
		t.Errorf("after Save the criteria are %+v; want feasibility gone", after.Criteria)
	}
	if i := criterionIndex(after, "desirability"); i < 0 || after.Criteria[i].Name["en"] != "Wish" {
		t.Errorf("the other criterion's change did not reach the database: %+v", after.Criteria)
	}
}

// The removal question is asked in Swedish and Finnish too.
func TestTheRemovalQuestionIsAskedInSwedishAndFinnish(t *testing.T) {
	for _, c := range []struct{ lang, remove, want string }{{"sv", "Ta bort…", "Ta bort området "}, {"fi", "Poista…", "Poistetaanko alue "}} {
		uitest.UseLanguage(t, c.lang)
		f := newFixture(t)
		f.screen.EditAreas()
		f.tapDialogButton(c.remove)
		if got := f.dialogText(); !strings.Contains(got, c.want) {
			t.Errorf("in %s Remove… asks %q; want %q", c.lang, got, c.want)
		}
	}
}
