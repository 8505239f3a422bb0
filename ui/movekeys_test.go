package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"deckhand/game"
)

// On a Mac, Option (Alt) with a number types a character (Option+1 is ¡),
// so Ctrl+Shift+number moves the chosen card too, on every system: from
// the code box, where the focus is nearly all the time, and from the board
// with nothing focused. The prompt and the F1 sheet say so, in the
// interface language.
func TestCtrlShiftNumberMovesTheChosenCard(t *testing.T) {
	f, m := newMainFixture(t, "fi")
	m.showTab(2)
	ws := m.workshop
	chosen := ws.Session.Plays[0]
	ws.TeamSel.SetSelected(teamName(ws, chosen.TeamID))
	ws.SelectPlay(chosen.ID)
	play := func() game.Play {
		for _, p := range f.Session(ws.OpenWorkshopID()).Plays {
			if p.ID == chosen.ID {
				return p
			}
		}
		t.Fatal("the chosen card is not on the board")
		return game.Play{}
	}
	areas := ws.Deck().Board.Areas
	var others []int
	for i, a := range areas {
		if a.Key != chosen.Area {
			others = append(others, i)
		}
	}
	ctrlShift := fyne.KeyModifierControl | fyne.KeyModifierShift
	move := func(target int) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(target + 1)), Modifier: ctrlShift}
	}

	f.Win.Canvas().Focus(ws.Code.Entry)
	ws.Code.Entry.TypedShortcut(move(others[0]))
	if got := play().Area; got != areas[others[0]].Key {
		t.Errorf("Ctrl+Shift+%d in the code box left the card in %q, want %q", others[0]+1, got, areas[others[0]].Key)
	}
	if ws.Code.Entry.Text != "" {
		t.Errorf("Ctrl+Shift+%d typed %q into the code box", others[0]+1, ws.Code.Entry.Text)
	}

	f.Win.Canvas().Unfocus()
	f.Win.Canvas().(fyne.Shortcutable).TypedShortcut(move(others[1]))
	if got := play().Area; got != areas[others[1]].Key {
		t.Errorf("Ctrl+Shift+%d on the board left the card in %q, want %q", others[1]+1, got, areas[others[1]].Key)
	}

	ws.Code.Idle()
	if p := ws.Code.Prompt.Text; !strings.Contains(p, "Ctrl+Shift+1…4") || !strings.Contains(p, "Alt+1…4") {
		t.Errorf("the code box's prompt does not name both ways to move a card: %q", p)
	}
	for _, r := range ws.KeyRows(nil) {
		if r.Action == "Move the selected card to another area" {
			if !covers(r.KeysText(), "Ctrl+Shift+1") || !covers(r.KeysText(), "Ctrl+Shift+9") || !covers(r.KeysText(), "Alt+4") {
				t.Errorf("the sheet writes the keys that move a card as %q", r.KeysText())
			}
			if lang.L(r.Action) == r.Action {
				t.Errorf("%q is not in Finnish", r.Action)
			}
			return
		}
	}
	t.Error("no row of the key table moves a card")
}
