package ui

import (
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// After a click on one of the Settings window's choices, which gives it the
// keyboard, Esc still closes the window, as it does before the click.
func TestEscapeClosesSettingsAfterAClickOnAChoice(t *testing.T) {
	for _, choice := range []string{"Dark", "Suomi"} {
		t.Run(choice, func(t *testing.T) {
			_, m := newMainFixture(t, "en")
			m.showSettings()
			win := m.settings
			test.Tap(settingsChoice(t, m, choice))
			if choice == "Suomi" && m.app.Preferences().String(kit.PrefLanguage) != "fi" {
				t.Fatalf("the click chose %q; want fi", m.app.Preferences().String(kit.PrefLanguage))
			}
			escape := &fyne.KeyEvent{Name: fyne.KeyEscape}
			if focused := win.Canvas().Focused(); focused != nil {
				focused.TypedKey(escape)
			} else {
				win.Canvas().OnTypedKey()(escape)
			}
			if m.settings != nil {
				t.Errorf("Esc after a click on %s left the Settings window open", choice)
			}
		})
	}
}

// settingsChoice is the choice of the Settings window that reads label.
func settingsChoice(t *testing.T, m *mainView, label string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	uitest.Walk(m.settings.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*kit.RadioChoice); ok && c.Group.Options[c.Index] == label {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("the Settings window has no keyed choice %q", label)
	}
	return found
}
