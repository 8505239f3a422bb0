package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A code typed the short way, r7, is the card R07; a code that is no card
// leaves its text selected, so the next code typed replaces it.
func TestTheCodeBoxTakesShortCodesAndSelectsAMistake(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	typeCode(ws, "r7")
	if ws.Keys.Kind != modeArea || !strings.Contains(ws.Code.Prompt.Text, "R07 in which area?") {
		t.Fatalf("after r7: mode %q, prompt %q", ws.Keys.Kind, ws.Code.Prompt.Text)
	}
	ws.TypedRune('1')
	if s := f.Session(ws.Session.Workshop.ID); len(s.Plays) != 1 || s.Plays[0].Code != "R07" {
		t.Fatalf("plays after r7 and area 1 = %+v", s.Plays)
	}
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // no ratings now

	typeCode(ws, "Q99")
	if !strings.Contains(ws.Code.Prompt.Text, `"Q99" is not a routine or blank card`) {
		t.Fatalf("after Q99 the prompt says %q", ws.Code.Prompt.Text)
	}
	if got := ws.Code.Entry.SelectedText(); got != "Q99" {
		t.Errorf("after the mistake the box has %q selected; want Q99", got)
	}
	test.Type(ws.Code.Entry, "R01")
	if got := ws.Code.Entry.Text; got != "R01" {
		t.Errorf("typing after the mistake leaves %q in the box; want R01", got)
	}
}
