// Barewindow is the yardstick for Deckhand's start-up time: a Fyne program
// that only opens an empty window of Deckhand's default size. It lives under
// testdata/ so that ./... neither builds nor tests it; startup_test.go builds
// it with the same tags as Deckhand and times both.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

func main() {
	a := app.NewWithID("app.deckhand.barewindow")
	w := a.NewWindow("Bare window")
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
