// Package ui is Deckhand's desktop app, built with Fyne: one file per screen,
// custom widgets in ui/widgets. Screens are made by functions that take what
// they need (a store, a window), so tests drive them with fyne.io/fyne/v2/test
// and check what reached the database. Long work runs off the UI goroutine and
// comes back with fyne.Do.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"deckhand/assets"
	"deckhand/storage"
)

// AppID identifies Deckhand to the desktop (preferences, window grouping).
const AppID = "app.deckhand.desktop"

// Preference keys.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefLastDeck     = "decks.last"
	prefCardLanguage = "decks.language"
	prefLastWorkshop = "workshop.last"
)

// Opener opens a database the way the app does: creating it with the
// default deck the first time.
type Opener func(path string) (*storage.Store, error)

// newMainTabs puts the screens in tabs. The Print screen follows the deck
// chosen in the Decks screen, and "Fix" on a preflight issue goes back to
// the card in the Decks screen.
func newMainTabs(decks *DecksScreen, printing *PrintScreen, workshop *WorkshopScreen, results *ResultsScreen) *container.AppTabs {
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Decks"), theme.FolderOpenIcon(), decks.Content()),
		container.NewTabItemWithIcon(lang.L("Print"), theme.DocumentPrintIcon(), printing.Content()),
		container.NewTabItemWithIcon(lang.L("Workshop"), theme.GridIcon(), workshop.Content()),
		container.NewTabItemWithIcon(lang.L("Results"), theme.InfoIcon(), results.Content()),
	)
	tabs.OnSelected = func(item *container.TabItem) {
		decks.BeforeLeaving(func() {})
		switch item.Content {
		case printing.Content():
			printing.Refresh(decks.DeckID())
		case workshop.Content():
			workshop.Refresh("")
		case results.Content():
			id := ""
			if workshop.session != nil {
				id = workshop.session.Workshop.ID
			}
			results.Refresh(id)
		}
	}
	printing.onFixCard = func(deckID, code string) {
		tabs.SelectIndex(0)
		decks.ShowCard(deckID, code)
	}
	return tabs
}

// addWorkshopKeys sends the keys typed outside any field to the Workshop
// screen while it is shown (numbers for areas and ratings), and binds the
// keys that work everywhere: Ctrl+P print, Ctrl+1…4 the tabs, Ctrl+Z and
// Ctrl+Y undo and redo on the board, Alt+1…9 move the selected card.
func addWorkshopKeys(w fyne.Window, tabs *container.AppTabs, ws *WorkshopScreen) {
	onBoard := func() bool { return tabs.Selected() != nil && tabs.Selected().Content == ws.Content() }
	c := w.Canvas()
	c.SetOnTypedRune(func(r rune) {
		if onBoard() {
			ws.TypedRune(r)
		}
	})
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if onBoard() {
			ws.TypedKey(e)
		}
	})
	bind := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	ctrl := fyne.KeyModifierShortcutDefault
	bind(fyne.KeyP, ctrl, func() { tabs.SelectIndex(1) })
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4} {
		bind(key, ctrl, func() { tabs.SelectIndex(i) })
	}
	// The desktop driver turns Ctrl+Z into fyne.ShortcutUndo and Ctrl+Y or
	// Ctrl+Shift+Z into fyne.ShortcutRedo before the canvas sees them.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) {
		if onBoard() {
			ws.Undo()
		}
	})
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) {
		if onBoard() {
			ws.Redo()
		}
	})
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9} {
		bind(key, fyne.KeyModifierAlt, func() {
			if onBoard() {
				ws.moveSelected(i)
			}
		})
	}
}

func loadTranslations() {
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		// The English texts in the code still work; say why the others do not.
		fmt.Println("deckhand: translations not loaded:", err)
	}
}

// mainMenu is the window's menu bar: File, Deck and Help.
func mainMenu(s *DecksScreen, check func(), about *fyne.MenuItem) *fyne.MainMenu {
	file := fyne.NewMenu(lang.L("File"),
		fyne.NewMenuItem(lang.L("New deck…"), s.newDeck),
		fyne.NewMenuItem(lang.L("Import deck…"), s.importDeck),
		fyne.NewMenuItem(lang.L("Export deck…"), s.exportDeck),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Check the database"), check),
	)
	deck := fyne.NewMenu(lang.L("Deck"),
		fyne.NewMenuItem(lang.L("New card"), s.newCard),
		fyne.NewMenuItem(lang.L("Edit deck details…"), s.editDeck),
		fyne.NewMenuItem(lang.L("Clone deck for a client…"), s.cloneDeck),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Delete card…"), s.deleteCard),
		fyne.NewMenuItem(lang.L("Delete deck…"), s.deleteDeck),
	)
	help := fyne.NewMenu(lang.L("Help"), about)
	return fyne.NewMainMenu(file, deck, help)
}
