package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

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

// showsScreens says whether a window's content is the screens in their
// tabs (with the team folder's line below them), not what the start shows
// for a file it could not open.
func showsScreens(content fyne.CanvasObject) bool {
	c, ok := content.(*fyne.Container)
	if !ok {
		return false
	}
	return slices.ContainsFunc(c.Objects, func(o fyne.CanvasObject) bool {
		_, tabs := o.(*container.AppTabs)
		return tabs
	})
}
