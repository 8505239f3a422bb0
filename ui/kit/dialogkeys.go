package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Every dialog of the app is made here, so that all of them answer the
// keyboard alike: a form takes the focus on its first field, Enter is the
// dialog's main button, Esc cancels or closes, and nothing typed while a
// dialog is up reaches the screen behind it. Fyne's dialogs do none of
// this by themselves: their buttons swallow Enter and Esc, and a key typed
// while no field of the dialog has the focus goes to the window's handlers
// (BindKeys), where on the Workshop screen an "r" would rate a card.
//
// The window's handlers ask DialogKey first: while a dialog made here is on
// top it takes Enter and Esc, and while any overlay is shown (a dialog, a
// progress box, a drop-down) every other key goes nowhere.

// KeyedDialog is a Fyne dialog with buttons of its own that answer Enter
// and Esc, and the keys of the window while it is shown.
type KeyedDialog struct {
	*dialog.CustomDialog
	win      fyne.Window
	callback func(ok bool) // told once how the dialog was left; may be nil
	Enter    func()        // what Enter does: the main button
	confirm  *DialogButton // the main button, nil when there is none
	first    fyne.Focusable
	popup    fyne.CanvasObject // the overlay showing it, while shown
	done     bool
}

// ShownDialogs are the dialogs made here that are on screen, and Fyne's
// file dialogs (filedialogkeys.go), by the overlay that shows them. Only
// the UI goroutine touches it.
var ShownDialogs = map[fyne.CanvasObject]keyedOverlay{}

// keyedOverlay is a dialog that answers Enter (Submit) and Esc (Dismiss).
type keyedOverlay interface {
	Submit()
	Dismiss()
}

// NewKeyedDialog makes a dialog with content and a row of buttons: dismiss
// ("" for none) answers false, confirm answers true and is what Enter
// does. With no confirm, Enter closes the dialog as its dismiss does.
func NewKeyedDialog(win fyne.Window, title string, content fyne.CanvasObject, dismiss, confirm string, callback func(bool)) *KeyedDialog {
	k := &KeyedDialog{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win), win: win, callback: callback}
	var buttons []fyne.CanvasObject
	if dismiss != "" {
		buttons = append(buttons, NewDialogButton(k, dismiss, func() { k.Finish(false) }))
	}
	k.Enter = func() { k.Finish(false) }
	if confirm != "" {
		k.confirm = NewDialogButton(k, confirm, func() { k.Finish(true) })
		k.confirm.Importance = widget.HighImportance
		buttons = append(buttons, k.confirm)
		k.Enter = func() {
			if !k.confirm.Disabled() {
				k.Finish(true)
			}
		}
	}
	k.SetButtons(buttons)
	return k
}

// Show puts the dialog on screen and gives its first field the focus, its
// text selected so that typing replaces what it proposes.
func (k *KeyedDialog) Show() {
	k.done = false
	k.CustomDialog.Show()
	c := k.win.Canvas()
	k.popup = c.Overlays().Top()
	ShownDialogs[k.popup] = k
	if k.first == nil {
		// A widget behind the dialog (the card list clicked to leave a
		// card) must not keep the keys: Enter and Esc are the dialog's.
		c.Unfocus()
		return
	}
	c.Focus(k.first)
	if e, ok := k.first.(fyne.Shortcutable); ok {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// Submit does what the main button does, as Enter does.
func (k *KeyedDialog) Submit() { k.Enter() }

// Hide closes the dialog as its dismiss button does.
func (k *KeyedDialog) Hide() { k.Finish(false) }

// Dismiss is part of dialog.Dialog: as Hide.
func (k *KeyedDialog) Dismiss() { k.Finish(false) }

// Finish takes the dialog off the screen and tells the callback, once.
func (k *KeyedDialog) Finish(ok bool) {
	if k.done {
		return
	}
	k.done = true
	delete(ShownDialogs, k.popup)
	k.CustomDialog.Hide()
	if k.callback != nil {
		k.callback(ok)
	}
}

// DialogKey is asked first by every key handler of a window: it reports
// whether an overlay is shown, and so whether the key stops here. Enter
// and Esc act on a dialog made here, or a file dialog, that is on top.
func DialogKey(c fyne.Canvas, e *fyne.KeyEvent) bool {
	if c == nil || c.Overlays().Top() == nil {
		return false
	}
	if k, ok := ShownDialogs[c.Overlays().Top()]; ok {
		switch e.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			k.Submit()
		case fyne.KeyEscape:
			k.Dismiss()
		}
	}
	return true
}

// OverlayShown reports whether something is shown over the window's
// content, so that what is typed is not the screen's.
func OverlayShown(c fyne.Canvas) bool { return c != nil && c.Overlays().Top() != nil }

// DialogButton is a dialog's button: Enter taps it, Esc cancels the dialog,
// when the button has the focus (Tab reaches it).
type DialogButton struct {
	widget.Button
	k *KeyedDialog
}

func NewDialogButton(k *KeyedDialog, text string, tapped func()) *DialogButton {
	b := &DialogButton{k: k}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey is part of fyne.Focusable.
func (b *DialogButton) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.OnTapped()
	case fyne.KeyEscape:
		b.k.Finish(false)
	default:
		b.Button.TypedKey(e)
	}
}

// NewForm makes a form dialog: Cancel and confirm, Enter in a one-line
// field confirms, the first field has the focus when it shows. As in
// Fyne's form dialog, confirm is disabled while a field is not valid.
func NewForm(win fyne.Window, title, confirm string, items []*widget.FormItem, callback func(bool)) *KeyedDialog {
	form := widget.NewForm(items...)
	k := NewKeyedDialog(win, title, form, lang.L("Cancel"), confirm, callback)
	valid := func(err error) {
		if err != nil {
			k.confirm.Disable()
		} else {
			k.confirm.Enable()
		}
	}
	valid(form.Validate())
	form.SetOnValidationChanged(valid)
	for _, it := range items {
		if f, ok := it.Widget.(fyne.Focusable); ok && k.first == nil {
			k.first = f
		}
		switch e := it.Widget.(type) {
		case *widget.Entry:
			submitOnEnter(&e.OnSubmitted, k)
		case *Field:
			submitOnEnter(&e.OnSubmitted, k)
		}
	}
	return k
}

// submitOnEnter makes a one-line field's Enter confirm the dialog, unless
// the field has an Enter of its own. A field of several lines keeps Enter
// for a new line; Shift+Enter confirms there (Fyne's own rule).
func submitOnEnter(onSubmitted *func(string), k *KeyedDialog) {
	if *onSubmitted == nil {
		*onSubmitted = func(string) { k.Enter() }
	}
}

// ShowForm shows a form dialog (see NewForm).
func ShowForm(win fyne.Window, title, confirm string, items []*widget.FormItem, callback func(bool)) *KeyedDialog {
	k := NewForm(win, title, confirm, items, callback)
	k.Resize(fyne.NewSize(520, k.MinSize().Height))
	k.Show()
	return k
}

// NewSaveForm makes a form dialog (NewForm) whose main button saves what
// is typed through save, and which closes only once that is saved. A save
// refused (save's error) leaves the form as it is, everything typed still
// in it, with the reason in one sentence over it (ShowRefusal). Cancel and
// Esc close it without saving.
func NewSaveForm(win fyne.Window, title, confirm string, items []*widget.FormItem, save func() error) *KeyedDialog {
	return NewSaveFormLater(win, title, confirm, items, func(done func(error)) { done(save()) })
}

// NewSaveFormLater is NewSaveForm for a save that ends later: save starts
// it (off the UI goroutine, behind ShowWorking) and calls done on the UI
// goroutine with its result. The main button does nothing meanwhile, so
// one Save is one save.
func NewSaveFormLater(win fyne.Window, title, confirm string, items []*widget.FormItem, save func(done func(error))) *KeyedDialog {
	k := NewForm(win, title, confirm, items, nil)
	saving := false
	submit := func() {
		if saving || k.confirm.Disabled() {
			return
		}
		saving = true
		typing := win.Canvas().Focused()
		if typing == nil {
			typing = k.first
		}
		save(func(err error) {
			saving = false
			if err != nil {
				ShowRefusal(win, err, typing)
				return
			}
			k.Finish(true)
		})
	}
	k.confirm.OnTapped, k.Enter = submit, submit
	return k
}

// ShowSaveForm shows a form dialog whose save may be refused (NewSaveForm).
func ShowSaveForm(win fyne.Window, title, confirm string, items []*widget.FormItem, save func() error) *KeyedDialog {
	k := NewSaveForm(win, title, confirm, items, save)
	k.Resize(fyne.NewSize(520, k.MinSize().Height))
	k.Show()
	return k
}

// ShowRefusal says over a form why what was typed in it was not saved, in
// one sentence, with OK; OK gives the focus back to the field the person
// was typing in (nil: none), so that they go on correcting it.
func ShowRefusal(win fyne.Window, err error, typing fyne.Focusable) *KeyedDialog {
	k := NewKeyedDialog(win, lang.L("Error"), Sentences(win, Sentence(ProblemText(err))), lang.L("OK"), "", func(bool) {
		if typing != nil {
			win.Canvas().Focus(typing)
		}
	})
	k.Show()
	return k
}

// NewChoice makes a dialog asking to confirm: content, dismiss and confirm.
func NewChoice(win fyne.Window, title string, content fyne.CanvasObject, dismiss, confirm string, callback func(bool)) *KeyedDialog {
	return NewKeyedDialog(win, title, content, dismiss, confirm, callback)
}

// NewCautiousChoice asks before something that loses work: keep is the
// main button, and Enter and Esc both keep; only risky, pressed (clicked,
// or Tab to it and Enter or Space), answers true.
func NewCautiousChoice(win fyne.Window, title string, content fyne.CanvasObject, risky, keep string, callback func(risky bool)) *KeyedDialog {
	k := &KeyedDialog{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win), win: win, callback: callback}
	riskyButton := NewDialogButton(k, risky, func() { k.Finish(true) })
	k.confirm = NewDialogButton(k, keep, func() { k.Finish(false) })
	k.confirm.Importance = widget.HighImportance
	k.Enter = func() { k.Finish(false) }
	k.SetButtons([]fyne.CanvasObject{riskyButton, k.confirm})
	return k
}

// ShowConfirm asks a question in a sentence, with No and Yes.
func ShowConfirm(win fyne.Window, title, message string, callback func(bool)) *KeyedDialog {
	k := NewChoice(win, title, Sentences(win, message), lang.L("No"), lang.L("Yes"), callback)
	k.Show()
	return k
}

// ShowInformation says something, with OK.
func ShowInformation(win fyne.Window, title, message string) *KeyedDialog {
	k := NewKeyedDialog(win, title, Sentences(win, message), lang.L("OK"), "", nil)
	k.Show()
	return k
}

// ShowError says what went wrong (a sentence made by the caller), with OK.
func ShowError(win fyne.Window, err error) *KeyedDialog {
	return ShowInformation(win, lang.L("Error"), err.Error())
}

// NewCustom makes a dialog showing content with one button that closes it.
func NewCustom(win fyne.Window, title, close string, content fyne.CanvasObject) *KeyedDialog {
	return NewKeyedDialog(win, title, content, close, "", nil)
}

// Sentences is a message in a dialog: as wide as it needs up to 440 pixels
// (or most of a narrow window), wrapped at words beyond that, and as tall
// as the wrapped text at that width.
func Sentences(win fyne.Window, text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	width := min(l.MinSize().Width, 440, win.Canvas().Size().Width*0.8)
	l.Wrapping = fyne.TextWrapWord
	return container.New(fixedWidth(width), l)
}

// fixedWidth lays one object out at a width, as tall as it asks to be there.
type fixedWidth float32

func (w fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	o := objects[0]
	if o.Size().Width != float32(w) {
		o.Resize(fyne.NewSize(float32(w), o.Size().Height))
	}
	return fyne.NewSize(float32(w), o.MinSize().Height)
}

func (w fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) { objects[0].Resize(size) }
