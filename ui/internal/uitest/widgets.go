package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/kit"
)

// UseLanguage sets the interface language for one test and English after it.
func UseLanguage(t *testing.T, code string) {
	t.Helper()
	kit.SetLanguage(code)
	t.Cleanup(func() { kit.SetLanguage("en") })
}

// TapDialogButton taps the button with the given text in the dialog on top.
func TapDialogButton(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is shown; wanted to tap %q", text)
	}
	if b := FindButton(top, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("the dialog has no button %q", text)
}

// DialogText returns all label text in the dialog on top, "" when none.
func DialogText(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var out string
	Walk(top, func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			out += l.Text + "\n"
		case *widget.RichText:
			out += l.String() + "\n"
		}
	})
	return out
}

// FindButton finds the first button with the text in o, a dialog's too.
func FindButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	Walk(o, func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if db, isDialogs := o.(*kit.DialogButton); isDialogs {
			b, ok = &db.Button, true
		}
		if ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// Walk visits o and everything inside it, including widgets' renderers.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			Walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			Walk(c, visit)
		}
	}
}

// AppendText types at the end of an entry, as a person does after clicking
// behind the text.
func AppendText(e *kit.Field, text string) {
	e.CursorRow = len(strings.Split(e.Text, "\n")) - 1
	e.CursorColumn = len([]rune(e.Text[strings.LastIndex(e.Text, "\n")+1:]))
	test.Type(e, text)
}
