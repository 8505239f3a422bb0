package ui

import (
	"strings"
	"testing"

	"deckhand/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// A fifth screen is one more entry in mainScreens: it gets a tab, Ctrl+5
// brings it to the front (and it is told), and the shortcuts sheet lists
// its key, with nothing else changed.
func TestAFifthScreenIsOneEntryInTheList(t *testing.T) {
	empty := &emptyScreen{content: widget.NewLabel("nothing here yet")}
	four := mainScreens
	t.Cleanup(func() { mainScreens = four })
	// A text of the test's own, not of the app: it needs no translation.
	show := "Show the Notes screen"
	mainScreens = func(m *mainView) []screenTab {
		return append(four(m), screenTab{Screen: empty, title: "Notes", action: show, shown: func() { empty.shown++ }})
	}
	f, m := newMainFixture(t, "en")

	var titles []string
	for _, item := range m.tabs.Items {
		titles = append(titles, item.Text)
	}
	if got := strings.Join(titles, ","); got != "Decks,Print,Workshop,Results,Notes" {
		t.Fatalf("the tabs are %s", got)
	}
	ctrl := fyne.KeyModifierShortcutDefault
	f.Win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key5, Modifier: ctrl})
	if m.tabs.SelectedIndex() != 4 || m.tabs.Selected().Content != empty.content || empty.shown != 1 {
		t.Errorf("after Ctrl+5: tab %d, told %d times; want the fifth tab, told once", m.tabs.SelectedIndex(), empty.shown)
	}
	f.Win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: ctrl})
	if m.tabs.SelectedIndex() != 2 {
		t.Errorf("after Ctrl+3 the tab is %d; the other screens' keys must stay", m.tabs.SelectedIndex())
	}
	var r kit.KeyRow
	for _, each := range m.keyRows() {
		if each.Action == show {
			r = each
		}
	}
	if len(r.Presses) != 1 || r.Presses[0] != (kit.Press{Key: fyne.Key5, Mod: ctrl}) {
		t.Errorf("the sheet's row for the fifth screen has keys %v; want Ctrl+5", r.Presses)
	}
}

// emptyScreen is a screen with nothing on it, which counts how often it
// was brought to the front.
type emptyScreen struct {
	kit.Base
	content fyne.CanvasObject
	shown   int
}

func (s *emptyScreen) Content() fyne.CanvasObject { return s.content }
