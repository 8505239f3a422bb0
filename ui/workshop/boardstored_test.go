package workshop

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// refusingStore is the database refusing every rating, as a full disk does.
type refusingStore struct{ Store }

func (refusingStore) AddRating(context.Context, string, *game.Rating) error {
	return errors.New("the disk is full")
}

// newTwoCardBoard is the Workshop screen with its keys bound and two cards
// laid by keys at the first table: R07 in the second area, rated 4 and 3
// on the first two criteria and linked to I03, and R01 in its own area,
// not rated. It returns the two plays.
func newTwoCardBoard(t *testing.T) (*uitest.Fixture, *Screen, game.Play, game.Play) {
	t.Helper()
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	layByKeys(c, ws, "R07", "243")
	r07 := f.Session(ws.Session.Workshop.ID).Plays[0]
	linked := r07
	linked.Interactions = []string{"I03"}
	ws.changePlay(r07, linked, "link")
	layByKeys(c, ws, "R01", "")
	var r01 game.Play
	for _, p := range f.Session(ws.Session.Workshop.ID).Plays {
		switch p.Code {
		case "R07":
			r07 = p
		case "R01":
			r01 = p
		}
	}
	if r01.ID == "" || len(r07.Interactions) != 1 {
		t.Fatalf("the board holds %+v", f.Session(ws.Session.Workshop.ID).Plays)
	}
	return f, ws, r07, r01
}

// layByKeys lays a card as the note-taker does: its code and Enter in the
// code box, then what is typed (the area's number and ratings; Enter alone
// for its own area, with nothing typed), then Esc.
func layByKeys(c fyne.Canvas, ws *Screen, code, typed string) {
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, code)
	uitest.PressInWindow(c, fyne.KeyReturn)
	if typed == "" {
		uitest.PressInWindow(c, fyne.KeyReturn)
	}
	uitest.TypeInWindow(c, typed)
	uitest.PressInWindow(c, fyne.KeyEscape)
}

// shownIsStored checks that the screen holds the workshop as the database
// does, and shows it: each card's chip its stored team ratings, the chosen
// card's chip alone highlighted, and the detail pane the chosen card's
// ratings, area and interaction cards.
func shownIsStored(t *testing.T, f *uitest.Fixture, ws *Screen, after string) {
	t.Helper()
	stored := f.Session(ws.Session.Workshop.ID)
	if !reflect.DeepEqual(ws.Session.Ratings, stored.Ratings) || !reflect.DeepEqual(ws.Session.Plays, stored.Plays) {
		t.Fatalf("after %s the screen holds\n%+v\n%+v\nthe database\n%+v\n%+v", after, ws.Session.Plays, ws.Session.Ratings, stored.Plays, stored.Ratings)
	}
	if !reflect.DeepEqual(ws.Session, stored) {
		t.Fatalf("after %s the screen holds another workshop than the database", after)
	}
	deck := ws.Deck()
	for _, plays := range game.BoardOf(stored.Plays, ws.TeamID) {
		for _, p := range plays {
			chip := chipOf(t, ws, p.ID)
			marks := ratingMarks(deck, game.Current(stored.Ratings, p.ID, game.RaterTeam))
			if want := fmt.Sprintf("%s [%s]", p.Code, marks); !strings.HasPrefix(chip.full, want) {
				t.Errorf("after %s the chip of %s reads %q; want it to start %q", after, p.Code, chip.full, want)
			}
			if chosen := chip.Importance == widget.HighImportance; chosen != (p.ID == ws.Selected) {
				t.Errorf("after %s the chip of %s is highlighted %v; chosen is %v", after, p.Code, chosen, p.ID == ws.Selected)
			}
		}
	}
	p, ok := ws.Play(ws.Selected)
	if !ok {
		return
	}
	parts := ws.Detail.parts
	current := game.Current(stored.Ratings, p.ID, game.RaterTeam)
	for i, k := range deck.Criteria {
		want := ""
		if r, ok := current[k.Key]; ok {
			want = strconv.Itoa(r.Value)
		}
		if got := parts.radios[i].Selected; got != want {
			t.Errorf("after %s the pane shows %s's %s as %q; stored %q", after, p.Code, k.Key, got, want)
		}
	}
	if area, _ := deck.Area(p.Area); !strings.HasSuffix(parts.area.Selected, area.Name.Or(ws.lang(), deck.DefaultLang)) {
		t.Errorf("after %s the pane shows %s in the area %q; stored %q", after, p.Code, parts.area.Selected, p.Area)
	}
	var ticked []string
	for _, label := range parts.interactions.Selected {
		ticked = append(ticked, parts.codeOf[label])
	}
	if strings.Join(ticked, " ") != strings.Join(p.Interactions, " ") {
		t.Errorf("after %s the pane ticks %v for %s; stored %v", after, ticked, p.Code, p.Interactions)
	}
}

// radioChoice is the choice of a value in the pane's rating of the i-th
// criterion.
func radioChoice(t *testing.T, ws *Screen, i int, value string) *kit.RadioChoice {
	t.Helper()
	var found *kit.RadioChoice
	group := ws.Detail.parts.radios[i]
	uitest.Walk(group, func(o fyne.CanvasObject) {
		if c, ok := o.(*kit.RadioChoice); ok && group.Options[c.Index] == value {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("the rating of criterion %d offers no %q", i, value)
	}
	return found
}

// A tap, a rating by key and by a click, an undo and a redo each leave the
// screen with the workshop the database holds: the ratings saved are
// applied to what the screen holds rather than read again, and the chips
// and the detail pane are changed in place rather than made again.
func TestTheBoardShowsWhatIsStoredAfterEachChange(t *testing.T) {
	f, ws, r07, r01 := newTwoCardBoard(t)
	c := f.Win.Canvas()
	shownIsStored(t, f, ws, "laying two cards")

	test.Tap(chipOf(t, ws, r01.ID))
	shownIsStored(t, f, ws, "a tap on R01")
	test.Tap(chipOf(t, ws, r07.ID))
	shownIsStored(t, f, ws, "a tap on R07")
	test.Tap(chipOf(t, ws, r01.ID))

	uitest.PressInWindow(c, fyne.KeyReturn) // Enter in the empty box rates R01
	uitest.TypeInWindow(c, "5")
	shownIsStored(t, f, ws, "a rating by key")
	if chip := chipOf(t, ws, r01.ID).full; !strings.HasPrefix(chip, "R01 [5 – – –]") {
		t.Errorf("R01's chip reads %q after rating it 5", chip)
	}
	uitest.PressInWindow(c, fyne.KeyEscape)
	test.Tap(radioChoice(t, ws, 1, "2"))
	shownIsStored(t, f, ws, "a rating by a click")
	if chip := chipOf(t, ws, r01.ID).full; !strings.HasPrefix(chip, "R01 [5 2 – –]") {
		t.Errorf("R01's chip reads %q after a click on 2", chip)
	}

	ws.Undo()
	shownIsStored(t, f, ws, "an undo")
	if chip := chipOf(t, ws, r01.ID).full; !strings.HasPrefix(chip, "R01 [5 – – –]") {
		t.Errorf("R01's chip reads %q after the undo", chip)
	}
	ws.Redo()
	shownIsStored(t, f, ws, "a redo")
	test.Tap(chipOf(t, ws, r07.ID))
	shownIsStored(t, f, ws, "a tap on R07 again")
}

// A rating the database refuses says so and leaves the screen as stored:
// the chip's ratings, and the choice clicked in the pane back on the value
// stored. A click on the value given already keeps it.
func TestARefusedRatingShowsTheStoredOne(t *testing.T) {
	f, ws, r07, _ := newTwoCardBoard(t)
	c := f.Win.Canvas()
	test.Tap(chipOf(t, ws, r07.ID))
	ws.store = refusingStore{ws.store}

	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "2")
	if !strings.Contains(ws.saved.Text, "Not saved") || !strings.Contains(ws.saved.Text, "disk is full") {
		t.Errorf("after a refused rating by key the status line reads %q", ws.saved.Text)
	}
	shownIsStored(t, f, ws, "a rating by key refused")
	uitest.PressInWindow(c, fyne.KeyEscape)

	ws.say("", widget.MediumImportance)
	test.Tap(radioChoice(t, ws, 0, "1"))
	if !strings.Contains(ws.saved.Text, "Not saved") {
		t.Errorf("after a refused click the status line reads %q", ws.saved.Text)
	}
	shownIsStored(t, f, ws, "a click on a rating refused")
	if got := ws.Detail.parts.radios[0].Selected; got != "4" {
		t.Errorf("the refused click left the choice on %q; stored 4", got)
	}

	test.Tap(radioChoice(t, ws, 0, "4"))
	shownIsStored(t, f, ws, "a click on the rating given")
	if chip := chipOf(t, ws, r07.ID).full; !strings.HasPrefix(chip, "R07 [4 3 – –]") {
		t.Errorf("R07's chip reads %q; stored 4 3", chip)
	}
}
