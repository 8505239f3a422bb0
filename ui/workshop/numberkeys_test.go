package workshop

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// A digit ends a number at once unless a further digit could still make
// one in range.
func TestANumberEndsWhenNoFurtherDigitFits(t *testing.T) {
	for _, c := range []struct {
		typed string
		max   int
		done  bool
	}{
		{"4", 5, true}, {"9", 9, true}, {"1", 9, true},
		{"1", 10, false}, {"10", 10, true}, {"2", 10, true}, {"0", 10, true},
		{"1", 12, false}, {"2", 12, true}, {"12", 12, true},
		{"1", 100, false}, {"10", 100, false}, {"100", 100, true}, {"11", 100, true},
	} {
		if got := numberDone(c.typed, c.max); got != c.done {
			t.Errorf("numberDone(%q, %d) = %v; want %v", c.typed, c.max, got, c.done)
		}
	}
}

// On a criterion rated 0–10, "1" waits: "0" makes it 10, Enter keeps it
// 1; "7" is a rating at once. The prompt shows the digit kept.
func TestARatingAboveNineIsTyped(t *testing.T) {
	f, ws := newWorkshopFixtureOf(t, func(d *cards.Deck) { d.Criteria[0].Max = 10 })
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	first := ws.Deck().Criteria[0].Key
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R07")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "2")
	play := f.Session(ws.Session.Workshop.ID).Plays[0]
	rated := func() int {
		return game.Current(f.Session(ws.Session.Workshop.ID).Ratings, play.ID, game.RaterTeam)[first].Value
	}

	uitest.TypeInWindow(c, "1")
	if n := len(f.Session(ws.Session.Workshop.ID).Ratings); n != 0 || !strings.Contains(ws.Code.Prompt.Text, "1…") {
		t.Fatalf("after 1 on a 0–10 scale: %d ratings saved, prompt %q; want none and the 1 shown", n, ws.Code.Prompt.Text)
	}
	uitest.TypeInWindow(c, "0")
	if v := rated(); v != 10 {
		t.Errorf("1 0 saved %d; want 10", v)
	}
	if ws.Keys.criterion != 1 {
		t.Errorf("after 10 the next criterion asked is %d; want 1", ws.Keys.criterion)
	}

	uitest.PressInWindow(c, fyne.KeyEscape)
	uitest.PressInWindow(c, fyne.KeyReturn) // rate the selected card again
	uitest.TypeInWindow(c, "1")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if v := rated(); v != 1 {
		t.Errorf("1 Enter saved %d; want 1", v)
	}
	uitest.PressInWindow(c, fyne.KeyEscape)
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "7")
	if v := rated(); v != 7 {
		t.Errorf("7 saved %d; want 7", v)
	}
}

// At a table of eleven, participant 10 and 11 are typed as two digits, and
// participant 1 as 1 and Enter; their blind ratings are theirs.
func TestATenthParticipantIsTyped(t *testing.T) {
	var names []string
	for i := 1; i <= 11; i++ {
		names = append(names, fmt.Sprintf("P%02d", i))
	}
	f, ws, people := newBlindFixture(t, names...)
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	pressShortcut(c, fyne.KeyB)
	uitest.TypeInWindow(c, "1")
	if ws.Keys.Kind != modeBlind || !strings.Contains(ws.Code.Prompt.Text, "1…") {
		t.Fatalf("after 1 at a table of eleven: mode %q, prompt %q; want the number waiting", ws.Keys.Kind, ws.Code.Prompt.Text)
	}
	uitest.TypeInWindow(c, "0")
	if ws.Keys.Kind != modeBlindRate || ws.blind.rater.ID != people["P10"].ID {
		t.Fatalf("1 0 chose %+v in mode %q; want P10", ws.blind.rater, ws.Keys.Kind)
	}
	uitest.TypeInWindow(c, "4352")
	uitest.TypeInWindow(c, "1")
	uitest.PressInWindow(c, fyne.KeyReturn)
	if ws.blind.rater.ID != people["P01"].ID {
		t.Fatalf("1 Enter chose %+v; want P01", ws.blind.rater)
	}
	uitest.TypeInWindow(c, "2215")
	uitest.TypeInWindow(c, "11")
	uitest.TypeInWindow(c, "3333")
	s := f.Session(id)
	play := s.Plays[0]
	crit := ws.Deck().Criteria
	for name, digits := range map[string]string{"P10": "4352", "P01": "2215", "P11": "3333"} {
		got := game.Current(s.Ratings, play.ID, people[name].ID)
		for i, k := range crit {
			if want := int(digits[i] - '0'); got[k.Key].Value != want {
				t.Errorf("%s's %s = %d; want %d", name, k.Key, got[k.Key].Value, want)
			}
		}
	}
	if said := screenText(f.Win); !strings.Contains(said, "3 of 11 have rated") {
		t.Errorf("the screen does not count three of eleven:\n%s", said)
	}
}
