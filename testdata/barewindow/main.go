// Barewindow is the yardstick for Deckhand's start-up time: a Fyne program
// that opens a window of Deckhand's default size and shows in it what the
// Decks screen shows first, with nothing else: a label and a list of the
// default deck's 62 cards, each row its code and title. It lives under
// testdata/ so that ./... neither builds nor tests it; startup_test.go
// builds it with the same tags as Deckhand and times both.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
)

func main() {
	a := app.NewWithID("app.deckhand.barewindow")
	w := a.NewWindow("Bare window")
	w.Resize(fyne.NewSize(1280, 680))
	var rows []string
	if d, err := cards.DefaultDeck(); err == nil {
		for _, c := range d.Cards {
			rows = append(rows, c.Code+"  "+c.Title["en"])
		}
	}
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject { return widget.NewLabel("R00  title") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[id]) })
	label := widget.NewLabelWithStyle("Cards", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.SetContent(container.NewBorder(label, nil, nil, nil, list))
	w.ShowAndRun()
}
