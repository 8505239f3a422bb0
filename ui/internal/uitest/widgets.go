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

// TypeInWindow types text as the desktop driver delivers it: each
// character to the widget with the focus, or to the window's handler when
// none has it (dialogs included: a dialog's fields have a focus of their own).
func TypeInWindow(c fyne.Canvas, text string) {
	for _, r := range text {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

// PressInWindow presses a key alone as the desktop driver delivers it.
func PressInWindow(c fyne.Canvas, name fyne.KeyName) {
	e := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(e)
	} else if h := c.OnTypedKey(); h != nil {
		h(e)
	}
}

func WindowLabels(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// AllText is the text of every label, button and rich text in o.
func AllText(o fyne.CanvasObject) string {
	var out strings.Builder
	Walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out.WriteString(x.Text + "\n")
		case *widget.Button:
			out.WriteString(x.Text + "\n")
		case *widget.RichText:
			out.WriteString(x.String() + "\n")
		}
	})
	return out.String()
}

func HasText(texts []string, want string) bool {
	for _, t := range texts {
		if t == want {
			return true
		}
	}
	return false
}

// SaveNameField is the save dialog's name field, which must have the focus
// when the dialog shows; it fails the test when Fyne's dialog is shown
// as it is, its Esc doing nothing.
func SaveNameField(t *testing.T, c fyne.Canvas) *kit.Field {
	t.Helper()
	if c.Overlays().Top() == nil {
		t.Fatal("no save dialog is shown")
	}
	name, ok := c.Focused().(*kit.Field)
	if !ok {
		t.Fatalf("the save dialog's name field is %T, not the app's field: Esc in it would do nothing", c.Focused())
	}
	return name
}

// TapButtonIn taps the button with the text in o.
func TapButtonIn(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := FindButton(o, text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(b)
}

// FocusOrder is what Tab visits from start (nil: from nothing focused, as
// when the window opens) until it comes round again.
func FocusOrder(c fyne.Canvas, start fyne.Focusable) []fyne.Focusable {
	c.Unfocus()
	if start != nil {
		c.Focus(start)
	} else {
		c.FocusNext()
	}
	first := c.Focused()
	order := []fyne.Focusable{first}
	for range 500 {
		c.FocusNext()
		if c.Focused() == first || c.Focused() == nil {
			break
		}
		order = append(order, c.Focused())
	}
	return order
}
