package kit

import (
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard works from one table: every key the app answers is a KeyRow,
// BindKeys binds the rows and the shortcuts sheet (F1) lists the same rows,
// so a key cannot be bound without being on the sheet. Nothing else in ui
// calls AddShortcut or sets the canvas's key handlers (ui/keys_test.go checks).

// Sections of the sheet, which are also the screens the keys work on. They
// are English texts; the sheet shows them translated.
const (
	SecEverywhere = "Everywhere"
	SecDecks      = "Decks"
	SecWorkshop   = "Workshop"
	// SecRoom are the keys of the room view's own window.
	SecRoom = "Room view"
)

// SheetSections is the order of the sections on the sheet.
var SheetSections = []string{SecEverywhere, SecDecks, SecWorkshop, SecRoom}

// AnyChar in KeyRow.Chars takes every printable character.
const AnyChar = "\x00any"

// Press is a key pressed with modifiers; a key alone (F1, Esc) has none.
type Press struct {
	Key fyne.KeyName
	Mod fyne.KeyModifier
}

// KeyRow is one line of the shortcuts sheet and the binding behind it.
type KeyRow struct {
	Section string   // SecEverywhere, SecDecks, SecWorkshop or SecRoom
	Action  string   // what the keys do, in English: the sheet shows lang.L of it
	Presses []Press  // keys, with or without modifiers
	Chars   string   // typed characters the row takes ("123456789"), or AnyChar
	Label   string   // the keys as the sheet writes them, when not spelled out from presses and chars
	Menu    MenuSlot // the main menu's item that does the same, if any (ui/appmenu.go)
	// Everywhere marks a screen's row that acts from every screen, not
	// only while its screen is in front (Screen.KeyRows).
	Everywhere bool
	When       func() bool
	// Run acts on the i-th press, or on the i-th of chars (the character
	// typed is r). It is nil for keys a widget answers itself (Tab, Enter in
	// the code box), which are only listed.
	Run func(i int, r rune)
}

// Active reports whether the row acts now.
func (k KeyRow) Active() bool { return k.Run != nil && (k.When == nil || k.When()) }

// Only returns the rows acting only while cond holds too: the rows of a
// screen act only while it is shown.
func Only(cond func() bool, rows []KeyRow) []KeyRow {
	out := make([]KeyRow, len(rows))
	for i, r := range rows {
		when := r.When
		r.When = func() bool { return cond() && (when == nil || when()) }
		out[i] = r
	}
	return out
}

// keyTarget is where keys are bound: a window's canvas.
type keyTarget interface {
	AddShortcut(fyne.Shortcut, func(fyne.Shortcut))
	SetOnTypedKey(func(*fyne.KeyEvent))
	SetOnTypedRune(func(rune))
}

// BindKeys binds the rows on a window's canvas: presses with Ctrl, Alt or
// Super as shortcuts, keys alone and typed characters through the canvas's
// handlers (which Fyne calls while no field has the focus; fields pass on
// what they have no use for, see field.go). Rows sharing a key are tried in
// table order and the first active one acts. While a dialog or another
// overlay is shown no row acts: what is typed there is not for the screen
// behind it (DialogKey gives a dialog its Enter and Esc).
func BindKeys(t keyTarget, rows []KeyRow) {
	c, _ := t.(fyne.Canvas)
	var names []string
	shortcuts := map[string]fyne.Shortcut{}
	for _, r := range rows {
		for _, p := range r.Presses {
			if r.Run == nil || !p.isShortcut() {
				continue
			}
			sc := p.Shortcut()
			if _, ok := shortcuts[sc.ShortcutName()]; !ok {
				names = append(names, sc.ShortcutName())
			}
			shortcuts[sc.ShortcutName()] = sc
		}
	}
	for _, name := range names {
		sc := shortcuts[name]
		t.AddShortcut(sc, func(got fyne.Shortcut) {
			if !OverlayShown(c) {
				runShortcut(rows, got)
			}
		})
	}
	t.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if !DialogKey(c, e) {
			DispatchKey(rows, e)
		}
	})
	t.SetOnTypedRune(func(r rune) {
		if !OverlayShown(c) {
			DispatchRune(rows, r)
		}
	})
}

// runShortcut runs the first active row with a press making the shortcut.
func runShortcut(rows []KeyRow, sc fyne.Shortcut) bool {
	for _, r := range rows {
		if !r.Active() {
			continue
		}
		for i, p := range r.Presses {
			if p.isShortcut() && p.Shortcut().ShortcutName() == sc.ShortcutName() {
				r.Run(i, 0)
				return true
			}
		}
	}
	return false
}

// DispatchKey runs the first active row taking a key pressed alone.
func DispatchKey(rows []KeyRow, e *fyne.KeyEvent) bool {
	for _, r := range rows {
		if !r.Active() {
			continue
		}
		for i, p := range r.Presses {
			if p.Mod == 0 && p.Key == e.Name {
				r.Run(i, 0)
				return true
			}
		}
	}
	return false
}

// DispatchRune runs the first active row taking a typed character.
func DispatchRune(rows []KeyRow, ch rune) bool {
	for _, r := range rows {
		if r.Chars == "" || !r.Active() {
			continue
		}
		if r.Chars == AnyChar {
			if ch > ' ' {
				r.Run(0, ch)
				return true
			}
			continue
		}
		if i := slices.Index([]rune(r.Chars), ch); i >= 0 {
			r.Run(i, ch)
			return true
		}
	}
	return false
}

// isShortcut reports whether Fyne delivers the press as a shortcut: with
// Ctrl, Alt or Super (Shift alone makes a character, not a shortcut).
func (p Press) isShortcut() bool {
	return p.Mod&(fyne.KeyModifierControl|fyne.KeyModifierAlt|fyne.KeyModifierSuper) != 0
}

// Shortcut is the fyne.Shortcut the desktop driver makes of the press: it
// turns Ctrl+Z and Ctrl+Y into Undo and Redo before anyone sees them.
func (p Press) Shortcut() fyne.Shortcut {
	if p.Mod == fyne.KeyModifierShortcutDefault {
		switch p.Key {
		case fyne.KeyZ:
			return &fyne.ShortcutUndo{}
		case fyne.KeyY:
			return &fyne.ShortcutRedo{}
		}
	}
	return &desktop.CustomShortcut{KeyName: p.Key, Modifier: p.Mod}
}

// keyNames are the keys whose name on the keyboard is not Fyne's.
var keyNames = map[fyne.KeyName]string{
	fyne.KeyReturn: "Enter",
	fyne.KeyEnter:  "Enter",
	fyne.KeyEscape: "Esc",
	fyne.KeyDelete: "Del",
}

// Label is the press as written on the sheet: "Ctrl+Shift+N".
func (p Press) Label() string {
	var b strings.Builder
	if p.Mod&fyne.KeyModifierControl != 0 {
		b.WriteString("Ctrl+")
	}
	if p.Mod&fyne.KeyModifierSuper != 0 {
		if runtime.GOOS == "darwin" {
			b.WriteString("Cmd+")
		} else {
			b.WriteString("Super+")
		}
	}
	if p.Mod&fyne.KeyModifierAlt != 0 {
		b.WriteString("Alt+")
	}
	if p.Mod&fyne.KeyModifierShift != 0 {
		b.WriteString("Shift+")
	}
	if n, ok := keyNames[p.Key]; ok {
		b.WriteString(n)
	} else {
		b.WriteString(string(p.Key))
	}
	return b.String()
}

// KeysText is the row's keys as the sheet writes them: its label, or its
// presses ("Ctrl+Y, Ctrl+Shift+Z"; a run of digits as "Alt+1…9") and
// characters ("1…9", "R").
func (k KeyRow) KeysText() string {
	if k.Label != "" {
		return k.Label
	}
	var parts []string
	add := func(s string) {
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	for i := 0; i < len(k.Presses); {
		j := i
		for j+1 < len(k.Presses) && k.Presses[j+1].Mod == k.Presses[i].Mod && digitAfter(k.Presses[j].Key, k.Presses[j+1].Key) {
			j++
		}
		if j-i >= 2 {
			add(k.Presses[i].Label() + "…" + string(k.Presses[j].Key))
		} else {
			for _, p := range k.Presses[i : j+1] {
				add(p.Label())
			}
		}
		i = j + 1
	}
	if chars := []rune(k.Chars); len(chars) > 2 {
		add(string(chars[0]) + "…" + string(chars[len(chars)-1]))
	} else if len(chars) > 0 {
		add(strings.ToUpper(string(chars[0])))
	}
	return strings.Join(parts, ", ")
}

// digitAfter reports whether b is the digit following a: 1 then 2.
func digitAfter(a, b fyne.KeyName) bool {
	return len(a) == 1 && len(b) == 1 && a[0] >= '0' && a[0] < '9' && b[0] == a[0]+1
}

// CloseOnEscape lets Esc close a window of its own (the shortcuts sheet,
// Settings), as its Close button does; the sheet lists it under
// "Everywhere".
func CloseOnEscape(w fyne.Window) {
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			w.Close()
		}
	})
}

// lendDialogKeys gives a window without key handlers of its own (the start
// window, when the database cannot be opened) the Enter and Esc of a
// dialog shown on it (DialogKey); the function returned takes them back
// once the dialog is closed. A window with handlers has them already.
func lendDialogKeys(c fyne.Canvas) (giveBack func()) {
	if c.OnTypedKey() != nil {
		return func() {}
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { DialogKey(c, e) })
	return func() { c.SetOnTypedKey(nil) }
}
