package ui

import (
	"testing"
	"time"

	"deckhand/ui/internal/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// newMainFixture builds the whole main window (the four tabs with every
// screen made, the menu and the keys) on a real database holding the default deck and the example
// workshop, in the language code ("" leaves it as it is).
func newMainFixture(t *testing.T, code string) (*uitest.Fixture, *mainView) {
	t.Helper()
	if code != "" {
		uitest.UseLanguage(t, code)
	}
	f := uitest.NewFixture(t)
	f.ImportExample()
	m := newMainView(f.App, f.Win, f.Store, viewActions{})
	m.decks.Editor.Delay = time.Hour
	m.makeAll() // as once each tab has been shown
	return f, m
}
