package ui

import (
	"image"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/kit"
)

// The app's radio group draws as Fyne's, pixel for pixel: with a choice
// picked, with the focus on a choice, and disabled.
func TestKeyedRadioGroupLooksAsFynes(t *testing.T) {
	test.NewTempApp(t)
	options := []string{"As a new deck", `Replace the cards of "4K data routines"`}
	capture := func(g fyne.CanvasObject, state func(fyne.Canvas)) image.Image {
		w := test.NewTempWindow(t, container.NewVBox(g))
		w.Resize(fyne.NewSize(420, 120))
		state(w.Canvas())
		return w.Canvas().Capture()
	}
	states := map[string]func(fyne.Canvas, fyne.Disableable){
		"picked":   func(fyne.Canvas, fyne.Disableable) {},
		"focused":  func(c fyne.Canvas, _ fyne.Disableable) { c.FocusNext() },
		"disabled": func(_ fyne.Canvas, g fyne.Disableable) { g.Disable() },
	}
	for name, state := range states {
		theirs := widget.NewRadioGroup(options, nil)
		theirs.SetSelected(options[1])
		ours := kit.NewKeyedRadioGroup(options, nil)
		ours.SetSelected(options[1])
		a := capture(theirs, func(c fyne.Canvas) { state(c, theirs) })
		b := capture(ours, func(c fyne.Canvas) { state(c, ours) })
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the app's radio group is drawn unlike Fyne's", name)
		}
	}
}

// The row of tick boxes draws as Fyne's horizontal check group.
func TestCheckRowLooksAsFynesCheckGroup(t *testing.T) {
	test.NewTempApp(t)
	options, ticked := []string{"sv", "fi", "en"}, []string{"sv", "en"}
	capture := func(o fyne.CanvasObject) image.Image {
		w := test.NewTempWindow(t, container.NewVBox(o))
		w.Resize(fyne.NewSize(420, 80))
		return w.Canvas().Capture()
	}
	theirs := widget.NewCheckGroup(options, nil)
	theirs.Horizontal = true
	theirs.SetSelected(ticked)
	if !reflect.DeepEqual(capture(theirs), capture(kit.NewCheckRow(options, ticked))) {
		t.Error("the row of tick boxes is drawn unlike Fyne's check group")
	}
}
