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
	"fyne.io/fyne/v2/lang"
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
	w.SetContent(screen.Content())
	w.SetMainMenu(mainMenu(screen))
	addShortcuts(w, screen)
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
