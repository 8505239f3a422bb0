package ui

import (
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"

	"fyne.io/fyne/v2"
)

// metadataApp is the test app with the metadata a built Deckhand has (the
// test driver's own is empty).
type metadataApp struct {
	fyne.App
	meta fyne.AppMetadata
}

func (a metadataApp) Metadata() fyne.AppMetadata { return a.meta }

// Help → About shows the version and build of the running binary, taken
// from the app's metadata, with the database in use and the font's licence.
func TestAboutShowsVersionBuildAndDatabase(t *testing.T) {
	f := uitest.NewFixture(t)
	a := metadataApp{App: f.App, meta: fyne.AppMetadata{Name: "Deckhand", Version: "4.5.6", Build: 78}}
	view := newMainView(a, f.Win, f.Store, viewActions{})
	menu := view.mainMenu(view.keyRows())
	var about *fyne.MenuItem
	for _, m := range menu.Items {
		if m.Label != "Help" {
			continue
		}
		for _, item := range m.Items {
			if item.Label == "About Deckhand" {
				about = item
			}
		}
	}
	if about == nil {
		t.Fatal("the menu has no Help → About Deckhand")
	}
	about.Action()
	text := f.DialogText()
	for _, want := range []string{"Deckhand", "Version 4.5.6, build 78", f.Store.Path(), "Liberation Sans", "SIL Open Font License 1.1", "4K card game"} {
		if !strings.Contains(text, want) {
			t.Errorf("the About dialog lacks %q; it says:\n%s", want, text)
		}
	}
}
