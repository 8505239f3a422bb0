package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"deckhand/ui/internal/uitest"
)

// newFirstView is the main window as the start makes it, before any tab
// but the Decks screen's has been shown.
func newFirstView(t *testing.T) (*uitest.Fixture, *mainView) {
	t.Helper()
	uitest.UseLanguage(t, "en")
	f := uitest.NewFixture(t)
	f.ImportExample()
	m := newMainView(f.App, f.Win, f.Store, viewActions{})
	m.decks.Editor.Delay = time.Hour
	return f, m
}

// tabTitles are the texts of the window's tabs, in order.
func tabTitles(m *mainView) string {
	var titles []string
	for _, item := range m.tabs.Items {
		titles = append(titles, item.Text)
	}
	return strings.Join(titles, ",")
}

// The window opens on the Decks screen, made and showing its deck, beside
// the tabs of the other screens, which are made only when their tab first
// comes to the front: then they are shown and told, and their keys work
// (Ctrl+N on the board makes a workshop, not a card).
func TestOnlyTheDecksScreenIsMadeUntilAnotherTabIsShown(t *testing.T) {
	f, m := newFirstView(t)
	if m.printing != nil || m.workshop != nil || m.results != nil {
		t.Fatalf("before their tabs were shown: Print made %v, Workshop %v, Results %v; want none", m.printing != nil, m.workshop != nil, m.results != nil)
	}
	if got := tabTitles(m); got != "Decks,Print,Workshop,Results" {
		t.Errorf("the tabs are %s", got)
	}
	if m.tabs.Selected().Content != m.decks.Content() || m.decks.Cards.List.Length() != 62 || m.decks.Editor.Code.Text != "R01" {
		t.Errorf("the window opens on %v with %d cards listed and %q in the editor; want the Decks screen, 62 cards, R01",
			m.tabs.Selected().Text, m.decks.Cards.List.Length(), m.decks.Editor.Code.Text)
	}

	ctrl := fyne.KeyModifierShortcutDefault
	c := f.Win.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: ctrl})
	if m.workshop == nil || m.tabs.Selected().Content != m.workshop.Content() {
		t.Fatal("Ctrl+3 did not show the Workshop screen")
	}
	if m.workshop.Session == nil {
		t.Error("the Workshop screen was not told that it was shown: no workshop is open on it")
	}
	if m.printing != nil || m.results != nil {
		t.Error("showing the Workshop screen made the Print or Results screen too")
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if top := f.Win.Canvas().Overlays().Top(); top == nil || !uitest.HasText(uitest.WindowLabels(top), "New workshop") {
		t.Error("Ctrl+N on the Workshop screen made once shown opened no New workshop form")
	}
}

// The shortcuts sheet lists the keys of every screen, shown yet or not.
func TestTheShortcutsSheetListsTheKeysOfScreensNotShownYet(t *testing.T) {
	_, m := newFirstView(t)
	m.showSheet()
	if !uitest.HasText(uitest.WindowLabels(m.sheet.Content()), "Rate the selected card") {
		t.Errorf("the sheet lacks the Workshop screen's keys: %q", uitest.WindowLabels(m.sheet.Content()))
	}
}

// A change of language before the other screens were shown builds the
// window again in it as it was, the other screens still to be made; they
// come in the new language when shown. Closing saves and stops only what
// was made.
func TestALanguageChangeBeforeTheOtherScreensAreShownKeepsThemToBeMade(t *testing.T) {
	_, m := newFirstView(t)
	m.changeLanguage("sv", nil)
	if got := tabTitles(m); got != "Kortlekar,Skriv ut,Workshop,Resultat" {
		t.Errorf("the tabs after choosing Svenska are %s", got)
	}
	if m.printing != nil || m.workshop != nil || m.results != nil {
		t.Error("the change of language made screens that were not shown")
	}
	m.showTab(3)
	if m.results == nil || !uitest.HasText(uitest.WindowLabels(m.results.Content()), "Tryck på en punkt för att se dess kort.") {
		t.Fatalf("the Results screen shown after the change says %q", uitest.WindowLabels(m.tabs.Selected().Content))
	}
	left := false
	m.leaveAll(func() { left = true }, nil)
	m.stopAll()
	if !left {
		t.Error("leaving the window with screens not made did not go on")
	}
}
