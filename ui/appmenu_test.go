package ui

import (
	"slices"
	"strings"
	"testing"

	"deckhand/ui/kit"
)

// Every item of the main menu that a key does too is filled by exactly one
// key row, so the menu, the key and the shortcuts sheet say and do the
// same; the items come in the order the menus give them.
func TestEveryMenuItemHasOneKeyRow(t *testing.T) {
	_, m := newMainFixture(t, "en")
	rows := m.keyRows()
	for slot := kit.NoMenu + 1; slot < kit.MenuSlots; slot++ {
		var actions []string
		for _, r := range rows {
			if r.Menu == slot {
				actions = append(actions, r.Action)
			}
		}
		if len(actions) != 1 {
			t.Errorf("menu slot %d is filled by %d rows %v; want one", slot, len(actions), actions)
		}
	}
	var labels []string
	for _, menu := range m.win.MainMenu().Items {
		for _, item := range menu.Items {
			if !item.IsSeparator {
				labels = append(labels, item.Label)
			}
		}
	}
	want := "New deck…,Import deck…,Export deck…,Settings…,Quit,New card,Edit deck details…,Board areas…,Criteria…,Card types…,Client's look…,Clone deck for a client…,Delete card…,Delete deck…,Room view,Keyboard shortcuts,About Deckhand"
	if got := strings.Join(labels, ","); got != want {
		t.Errorf("the menus read\n%s\nwant\n%s", got, want)
	}
}

// The main window's own keys (the screens' Ctrl+digits, Ctrl+P, Settings,
// the sheet, Quit) come before the screens' rows in the table, so a
// screen row on one of them would never act: none may use them.
func TestScreensTakeNoKeyOfTheWindow(t *testing.T) {
	_, m := newMainFixture(t, "en")
	all, screens := m.keyRows(), m.screensKeyRows()
	window := all[:len(all)-len(screens)]
	for _, w := range window {
		if w.Run == nil {
			continue // listed only (Tab, Esc, Enter), answered by widgets
		}
		for _, p := range w.Presses {
			for _, s := range screens {
				if slices.Contains(s.Presses, p) {
					t.Errorf("%q of a screen uses %s, the key of the window's %q", s.Action, (kit.KeyRow{Presses: []kit.Press{p}}).KeysText(), w.Action)
				}
			}
		}
	}
	if len(screens) < 20 {
		t.Fatalf("only %d screen rows: the table is not what this test reads", len(screens))
	}
}
