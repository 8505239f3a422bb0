package workshop

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// screenText is every text the window shows: labels, buttons, rich texts,
// canvas texts, fields, the overlays' too.
func screenText(w fyne.Window) string {
	var out strings.Builder
	visit := func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out.WriteString(x.Text + "\n")
		case *widget.Button:
			out.WriteString(x.Text + "\n")
		case *widget.RichText:
			out.WriteString(x.String() + "\n")
		case *canvas.Text:
			out.WriteString(x.Text + "\n")
		case *widget.Entry:
			out.WriteString(x.Text + "\n")
		}
	}
	uitest.Walk(w.Content(), visit)
	for _, o := range w.Canvas().Overlays().List() {
		uitest.Walk(o, visit)
	}
	return out.String()
}

// A blind round for three participants on one card, by keys: Ctrl+Shift+B,
// then each participant's number and a digit per criterion. Each rating is
// stored with the participant as its rater. Until Ctrl+Shift+R the board,
// the card's details and the status line say how many have rated and
// never a value; after it the values show.
func TestABlindRoundIsTypedByKeysAndHiddenUntilRevealed(t *testing.T) {
	f, ws, people := newBlindFixture(t, "Ara", "Bo", "Cy")
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	play := f.Session(id).Plays[0]

	pressShortcut(c, fyne.KeyB)
	if ws.Keys.Kind != modeBlind || !ws.Banner.root.Visible() || !strings.Contains(ws.Banner.Label.Text, "Blind rating: R07") {
		t.Fatalf("Ctrl+Shift+B: mode %q, banner shown %v: %q", ws.Keys.Kind, ws.Banner.root.Visible(), ws.Banner.Label.Text)
	}
	// Table order is by pseudonym: Ara 1, Bo 2, Cy 3. Cy first, then Ara,
	// then Bo, as they finish.
	typed := map[string]string{"Cy": "1443", "Ara": "4352", "Bo": "2215"}
	order := []struct{ name, number, count string }{{"Cy", "3", "1 of 3 has rated"}, {"Ara", "1", "2 of 3 have rated"}, {"Bo", "2", "3 of 3 have rated"}}
	for _, o := range order {
		uitest.TypeInWindow(c, o.number)
		if want := fmt.Sprintf("participant %s of 3", o.number); !strings.Contains(ws.Banner.Label.Text, want) {
			t.Errorf("typing %s's ratings, the banner reads %q; want %q", o.name, ws.Banner.Label.Text, want)
		}
		uitest.TypeInWindow(c, typed[o.name])
		if want := o.count; !strings.Contains(screenText(f.Win), want) {
			t.Errorf("after %s the screen does not say %q:\n%s", o.name, want, screenText(f.Win))
		}
	}

	s := f.Session(id)
	criteria := ws.Deck().Criteria
	for name, digits := range typed {
		got := game.Current(s.Ratings, play.ID, people[name].ID)
		for i, k := range criteria {
			if want := int(digits[i] - '0'); got[k.Key].Value != want || got[k.Key].Rater != people[name].ID {
				t.Errorf("%s's %s: %+v; want %d by %s", name, k.Key, got[k.Key], want, people[name].ID)
			}
		}
	}
	if n := len(game.Current(s.Ratings, play.ID, game.RaterTeam)); n != 0 {
		t.Errorf("the blind round gave %d team ratings", n)
	}

	// The values as they show once revealed: none of them before.
	shown := func(digits string) string {
		var parts []string
		for i, k := range criteria {
			parts = append(parts, k.Name.Or(ws.lang(), ws.Deck().DefaultLang)+" "+digits[i:i+1])
		}
		return strings.Join(parts, " · ")
	}
	valueNamed := regexp.MustCompile(`(Önskvärdhet|Användbarhet|Lönsamhet|Genomförbarhet|Desirability|Usability|Profitability|Feasibility) [0-9]( ·|\n|$)`)
	ws.SelectPlay(play.ID)
	before := screenText(f.Win)
	for name, digits := range typed {
		if strings.Contains(before, shown(digits)) {
			t.Errorf("before the reveal the screen shows %s's ratings:\n%s", name, before)
		}
	}
	if m := valueNamed.FindString(before); m != "" {
		t.Errorf("before the reveal the screen shows a value, %q:\n%s", m, before)
	}
	if chip := chipOf(t, ws, play.ID).full; !strings.Contains(chip, "3 of 3 have rated") || strings.Contains(chip, "–") {
		t.Errorf("the card on the board reads %q during the round", chip)
	}
	if want := "✓ Saved R07: a blind rating of participant 2 · 10:00:00"; ws.saved.Text != want {
		t.Errorf("the status line reads %q; want %q, without the value", ws.saved.Text, want)
	}

	pressShortcut(c, fyne.KeyR)
	if ws.blind != nil || ws.Banner.root.Visible() {
		t.Fatal("Ctrl+Shift+R left the round on")
	}
	after := screenText(f.Win)
	for name, digits := range typed {
		if !strings.Contains(after, shown(digits)) {
			t.Errorf("after the reveal the screen lacks %s's ratings %q:\n%s", name, shown(digits), after)
		}
	}
}

// Ctrl+Shift+B on a table with no participants says to add them and
// starts nothing; a number beyond the table's says so and saves nothing.
func TestABlindRoundNeedsTheTablesParticipants(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	id := ws.Session.Workshop.ID
	c.Focus(ws.Code.Entry)
	uitest.TypeInWindow(c, "R07")
	uitest.PressInWindow(c, fyne.KeyReturn)
	uitest.TypeInWindow(c, "2")
	uitest.PressInWindow(c, fyne.KeyEscape)
	pressShortcut(c, fyne.KeyB)
	if ws.blind != nil || !strings.Contains(ws.saved.Text, "no participants") {
		t.Fatalf("with nobody at the table: round %v, status %q", ws.blind, ws.saved.Text)
	}
	if err := f.Store.SaveParticipant(context.Background(), id, &game.Participant{TeamID: ws.TeamID, Pseudonym: "Ara"}); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	pressShortcut(c, fyne.KeyB)
	uitest.TypeInWindow(c, "2")
	if ws.Keys.Kind != modeBlind || !strings.Contains(ws.saved.Text, "Bord 1 has no participant 2") {
		t.Errorf("participant 2 of 1: mode %q, status %q", ws.Keys.Kind, ws.saved.Text)
	}
	uitest.TypeInWindow(c, "1")
	uitest.PressInWindow(c, fyne.KeyEscape) // stop Ara before a rating
	uitest.PressInWindow(c, fyne.KeyEscape) // pause the round
	if ws.Keys.Kind != "" || ws.blind == nil || !strings.Contains(ws.Banner.Label.Text, "paused") {
		t.Errorf("after Esc Esc: mode %q, banner %q", ws.Keys.Kind, ws.Banner.Label.Text)
	}
	if n := len(f.Session(id).Ratings); n != 0 {
		t.Errorf("%d ratings saved", n)
	}
	// From the other table, Ctrl+Shift+B goes on with the round at its own.
	ws.nextTeam(1)
	pressShortcut(c, fyne.KeyB)
	if ws.Keys.Kind != modeBlind || ws.TeamID != ws.Session.Teams[0].ID || ws.Selected != ws.blind.playID {
		t.Errorf("going on from Bord 2: mode %q, table %s, selected %s", ws.Keys.Kind, ws.TeamID, ws.Selected)
	}
}
