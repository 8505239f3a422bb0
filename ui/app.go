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
	"fyne.io/fyne/v2/widget"

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
)

// Run opens the main window on the store and runs the app until it closes.
func Run(a fyne.App, store *storage.Store) {
	loadTranslations()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Deckhand")
	screen := NewDecksScreen(a, w, store)
	printing := NewPrintScreen(a, w, store)
	tabs := newMainTabs(screen, printing)
	w.SetContent(tabs)
	w.SetMainMenu(mainMenu(screen))
	addShortcuts(w, screen)
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { tabs.SelectIndex(1) })
	p := a.Preferences()
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWindowWidth, 1280)), float32(p.FloatWithFallback(prefWindowHeight, 800))))
	w.SetCloseIntercept(func() {
		screen.BeforeLeaving(func() {
			size := w.Canvas().Size()
			p.SetFloat(prefWindowWidth, float64(size.Width))
			p.SetFloat(prefWindowHeight, float64(size.Height))
			w.Close()
		})
	})
	w.SetMaster()
	w.ShowAndRun()
}

// ShowStartError shows why the app could not open its database, in a window
// of its own, and runs until it is closed.
func ShowStartError(a fyne.App, err error) {
	loadTranslations()
	w := a.NewWindow("Deckhand")
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Deckhand cannot open its database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(widget.NewButton(lang.L("Quit"), a.Quit)),
		nil, nil, msg))
	w.Resize(fyne.NewSize(560, 220))
	w.ShowAndRun()
}

// newMainTabs puts the screens in tabs. The Print screen follows the deck
// chosen in the Decks screen, and "Fix" on a preflight issue goes back to
// the card in the Decks screen.
func newMainTabs(decks *DecksScreen, printing *PrintScreen) *container.AppTabs {
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Decks"), theme.FolderOpenIcon(), decks.Content()),
		container.NewTabItemWithIcon(lang.L("Print"), theme.DocumentPrintIcon(), printing.Content()),
	)
	tabs.OnSelected = func(item *container.TabItem) {
		if item.Content == printing.Content() {
			decks.BeforeLeaving(func() {})
			printing.Refresh(decks.DeckID())
		}
	}
	printing.onFixCard = func(deckID, code string) {
		tabs.SelectIndex(0)
		decks.ShowCard(deckID, code)
	}
	return tabs
}

func loadTranslations() {
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		// The English texts in the code still work; say why the others do not.
		fmt.Println("deckhand: translations not loaded:", err)
	}
}

func mainMenu(s *DecksScreen) *fyne.MainMenu {
	file := fyne.NewMenu(lang.L("File"),
		fyne.NewMenuItem(lang.L("New deck…"), s.newDeck),
		fyne.NewMenuItem(lang.L("Import deck…"), s.importDeck),
		fyne.NewMenuItem(lang.L("Export deck…"), s.exportDeck),
	)
	deck := fyne.NewMenu(lang.L("Deck"),
		fyne.NewMenuItem(lang.L("New card"), s.newCard),
		fyne.NewMenuItem(lang.L("Edit deck details…"), s.editDeck),
		fyne.NewMenuItem(lang.L("Clone deck for a client…"), s.cloneDeck),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Delete card…"), s.deleteCard),
		fyne.NewMenuItem(lang.L("Delete deck…"), s.deleteDeck),
	)
	return fyne.NewMainMenu(file, deck)
}
