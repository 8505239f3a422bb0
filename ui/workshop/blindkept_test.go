package workshop

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// Only Ctrl+Shift+R ends a blind round: not opening another workshop and
// coming back, not a restart of the app (a new screen on the same store),
// not its card taken off the board and put back by undo. Through all of
// them the values typed in the round stay hidden, and the count of those
// who have rated stays.
func TestOnlyRevealingEndsABlindRound(t *testing.T) {
	f, ws, _ := newBlindFixture(t, "Ara", "Bo")
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	ctx := context.Background()
	pressShortcut(c, fyne.KeyB)
	uitest.TypeInWindow(c, "14352") // Ara: 4, 3, 5, 2
	playID := ws.blind.playID

	// hidden fails unless the board and the card's details show the round
	// with Ara counted and none of Ara's values.
	hidden := func(when string) {
		t.Helper()
		if ws.blind == nil || ws.blind.playID != playID {
			t.Fatalf("%s: the blind round is over (%+v)", when, ws.blind)
		}
		ws.SelectPlay(playID)
		said := screenText(f.Win)
		if !strings.Contains(said, "1 of 2 has rated") {
			t.Errorf("%s: the screen does not count Ara:\n%s", when, said)
		}
		for _, value := range []string{"Önskvärdhet 4", "Användbarhet 3", "Lönsamhet 5", "Genomförbarhet 2"} {
			if strings.Contains(said, value) {
				t.Errorf("%s: the screen shows %q:\n%s", when, value, said)
			}
		}
	}

	// Another workshop opened, then this one again.
	deck := f.Stored(f.DefaultDeckID())
	other := &game.Workshop{ID: cards.NewID(), Title: "Other", Client: "Acme Oy", Date: "2026-03-13", Language: "sv",
		DeckID: deck.ID, DeckEdition: deck.Edition, Deck: deck}
	if err := f.Store.CreateWorkshop(ctx, other, []game.Team{{ID: cards.NewID(), Name: "Bord 1"}}); err != nil {
		t.Fatal(err)
	}
	ws.Refresh(other.ID)
	if ws.Session.Workshop.ID != other.ID || ws.blind != nil || ws.Banner.root.Visible() {
		t.Fatalf("the other workshop shows a blind round: workshop %s, round %+v", ws.Session.Workshop.ID, ws.blind)
	}
	ws.Refresh(id)
	hidden("back from another workshop")
	if !strings.Contains(ws.Banner.Label.Text, "paused") {
		t.Errorf("back from another workshop the banner reads %q; want the round paused", ws.Banner.Label.Text)
	}

	// A restart: a new screen on the same store.
	ws = New(f.App, f.Win, f.Store)
	ws.Now = func() time.Time { return time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC) }
	ws.Refresh(id)
	f.Win.SetContent(ws.Content())
	kit.BindKeys(c, ws.KeyRows(nil))
	hidden("after a restart")

	// The card taken off the board and put back.
	ws.SelectPlay(playID)
	uitest.PressInWindow(c, fyne.KeyDelete)
	if _, on := ws.Play(playID); on {
		t.Fatal("Delete left the card on the board")
	}
	if ws.blind == nil || !strings.Contains(ws.Banner.Label.Text, "off the board") {
		t.Errorf("with its card off the board: round %+v, banner %q", ws.blind, ws.Banner.Label.Text)
	}
	pressShortcut(c, fyne.KeyB)
	if ws.Keys.Kind == modeBlind {
		t.Errorf("Ctrl+Shift+B asks for a participant of a round whose card is off the board")
	}
	ws.Undo()
	hidden("after the card came back")

	// Ara goes on counted, Bo rates, and only the reveal shows the values.
	pressShortcut(c, fyne.KeyB)
	uitest.TypeInWindow(c, "22215")
	if said := screenText(f.Win); !strings.Contains(said, "2 of 2 have rated") {
		t.Errorf("after Bo:\n%s", said)
	}
	pressShortcut(c, fyne.KeyR)
	if _, kept, err := f.Store.BlindRoundOf(ctx, id); err != nil || kept {
		t.Errorf("after the reveal the store keeps a round: %v, %v", kept, err)
	}
	ws.SelectPlay(playID)
	if said := screenText(f.Win); !strings.Contains(said, "Önskvärdhet 4 · Användbarhet 3 · Lönsamhet 5 · Genomförbarhet 2") {
		t.Errorf("after the reveal Ara's ratings do not show:\n%s", said)
	}
}

// Someone seated during a blind round takes the next number: the numbers
// typed in the round stay those the table had when it began, though by
// pseudonym the newcomer would come first. After the reveal the table is
// numbered by pseudonym again.
func TestANewcomerDuringABlindRoundTakesTheNextNumber(t *testing.T) {
	f, ws, people := newBlindFixture(t, "Bo", "Cy")
	c := f.Win.Canvas()
	id := ws.Session.Workshop.ID
	pressShortcut(c, fyne.KeyB)
	aino := &game.Participant{TeamID: ws.TeamID, Pseudonym: "Aino"}
	if err := f.Store.SaveParticipant(context.Background(), id, aino); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	uitest.TypeInWindow(c, "2")
	if ws.blind.rater.ID != people["Cy"].ID {
		t.Errorf("2 chose %s; want Cy, number 2 when the round began", ws.blind.rater.Pseudonym)
	}
	uitest.TypeInWindow(c, "4352")
	uitest.TypeInWindow(c, "3")
	if ws.blind.rater.ID != aino.ID {
		t.Errorf("3 chose %s; want Aino, seated during the round", ws.blind.rater.Pseudonym)
	}
	uitest.TypeInWindow(c, "2215")
	ratings := f.Session(id).Ratings
	play := f.Session(id).Plays[0].ID
	if len(game.Current(ratings, play, people["Cy"].ID)) != 4 || len(game.Current(ratings, play, aino.ID)) != 4 || len(game.Current(ratings, play, people["Bo"].ID)) != 0 {
		t.Errorf("the ratings went to the wrong people: %+v", ratings)
	}
	// A restart in the middle keeps the numbers too.
	ws2 := New(f.App, f.Win, f.Store)
	ws2.Refresh(id)
	if got := ws2.participantsOf(ws.TeamID); len(got) != 3 || got[2].ID != aino.ID {
		t.Errorf("after a restart the table is numbered %v; want Aino third", got)
	}
	pressShortcut(c, fyne.KeyR)
	if got := ws.participantsOf(ws.TeamID); got[0].ID != aino.ID {
		t.Errorf("after the reveal the table is numbered %v; want Aino first, by pseudonym", got)
	}
}
