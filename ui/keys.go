package ui

import (
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard works from one table: every key the app answers is a keyRow,
// bindKeys binds the rows and the shortcuts sheet (F1) lists the same rows,
// so a key cannot be bound without being on the sheet. Nothing else in ui
// calls AddShortcut or sets the canvas's key handlers (keys_test.go checks).

// Sections of the sheet, which are also the screens the keys work on. They
// are English texts; the sheet shows them translated.
const (
	secEverywhere = "Everywhere"
	secDecks      = "Decks"
	secWorkshop   = "Workshop"
)

// sheetSections is the order of the sections on the sheet.
var sheetSections = []string{secEverywhere, secDecks, secWorkshop}

// anyChar in keyRow.chars takes every printable character.
const anyChar = "\x00any"

// press is a key pressed with modifiers; a key alone (F1, Esc) has none.
type press struct {
	key fyne.KeyName
	mod fyne.KeyModifier
}

// keyRow is one line of the shortcuts sheet and the binding behind it.
type keyRow struct {
	section string   // secEverywhere, secDecks or secWorkshop
	action  string   // what the keys do, in English: the sheet shows lang.L of it
	presses []press  // keys, with or without modifiers
	chars   string   // typed characters the row takes ("123456789"), or anyChar
	label   string   // the keys as the sheet writes them, when not spelled out from presses and chars
	menu    menuSlot // the main menu's item that does the same, if any (appmenu.go)
	when    func() bool
	// run acts on the i-th press, or on the i-th of chars (the character
	// typed is r). It is nil for keys a widget answers itself (Tab, Enter in
	// the code box), which are only listed.
	run func(i int, r rune)
}

// active reports whether the row acts now.
func (k keyRow) active() bool { return k.run != nil && (k.when == nil || k.when()) }

// only returns the rows acting only while cond holds too: the rows of a
// screen act only while it is shown.
func only(cond func() bool, rows []keyRow) []keyRow {
	out := make([]keyRow, len(rows))
	for i, r := range rows {
		when := r.when
		r.when = func() bool { return cond() && (when == nil || when()) }
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

// bindKeys binds the rows on a window's canvas: presses with Ctrl, Alt or
// Super as shortcuts, keys alone and typed characters through the canvas's
// handlers (which Fyne calls while no field has the focus; fields pass on
// what they have no use for, see field.go). Rows sharing a key are tried in
// table order and the first active one acts. While a dialog or another
// overlay is shown no row acts: what is typed there is not for the screen
// behind it (dialogKey gives a dialog its Enter and Esc).
func bindKeys(t keyTarget, rows []keyRow) {
	c, _ := t.(fyne.Canvas)
	var names []string
	shortcuts := map[string]fyne.Shortcut{}
	for _, r := range rows {
		for _, p := range r.presses {
			if r.run == nil || !p.isShortcut() {
				continue
			}
			sc := p.shortcut()
			if _, ok := shortcuts[sc.ShortcutName()]; !ok {
				names = append(names, sc.ShortcutName())
			}
			shortcuts[sc.ShortcutName()] = sc
		}
	}
	for _, name := range names {
		sc := shortcuts[name]
		t.AddShortcut(sc, func(got fyne.Shortcut) {
			if !overlayShown(c) {
				runShortcut(rows, got)
			}
		})
	}
	t.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if !dialogKey(c, e) {
			dispatchKey(rows, e)
		}
	})
	t.SetOnTypedRune(func(r rune) {
		if !overlayShown(c) {
			dispatchRune(rows, r)
		}
	})
}

// runShortcut runs the first active row with a press making the shortcut.
func runShortcut(rows []keyRow, sc fyne.Shortcut) bool {
	for _, r := range rows {
		if !r.active() {
			continue
		}
		for i, p := range r.presses {
			if p.isShortcut() && p.shortcut().ShortcutName() == sc.ShortcutName() {
				r.run(i, 0)
				return true
			}
		}
	}
	return false
}

// dispatchKey runs the first active row taking a key pressed alone.
func dispatchKey(rows []keyRow, e *fyne.KeyEvent) bool {
	for _, r := range rows {
		if !r.active() {
			continue
		}
		for i, p := range r.presses {
			if p.mod == 0 && p.key == e.Name {
				r.run(i, 0)
				return true
			}
		}
	}
	return false
}

// dispatchRune runs the first active row taking a typed character.
func dispatchRune(rows []keyRow, ch rune) bool {
	for _, r := range rows {
		if r.chars == "" || !r.active() {
			continue
		}
		if r.chars == anyChar {
			if ch > ' ' {
				r.run(0, ch)
				return true
			}
			continue
		}
		if i := slices.Index([]rune(r.chars), ch); i >= 0 {
			r.run(i, ch)
			return true
		}
	}
	return false
}

// isShortcut reports whether Fyne delivers the press as a shortcut: with
// Ctrl, Alt or Super (Shift alone makes a character, not a shortcut).
func (p press) isShortcut() bool {
	return p.mod&(fyne.KeyModifierControl|fyne.KeyModifierAlt|fyne.KeyModifierSuper) != 0
}

// shortcut is the fyne.Shortcut the desktop driver makes of the press: it
// turns Ctrl+Z and Ctrl+Y into Undo and Redo before anyone sees them.
func (p press) shortcut() fyne.Shortcut {
	if p.mod == fyne.KeyModifierShortcutDefault {
		switch p.key {
		case fyne.KeyZ:
			return &fyne.ShortcutUndo{}
		case fyne.KeyY:
			return &fyne.ShortcutRedo{}
		}
	}
	return &desktop.CustomShortcut{KeyName: p.key, Modifier: p.mod}
}

// keyNames are the keys whose name on the keyboard is not Fyne's.
var keyNames = map[fyne.KeyName]string{
	fyne.KeyReturn: "Enter",
	fyne.KeyEnter:  "Enter",
	fyne.KeyEscape: "Esc",
	fyne.KeyDelete: "Del",
}

// label is the press as written on the sheet: "Ctrl+Shift+N".
func (p press) label() string {
	var b strings.Builder
	if p.mod&fyne.KeyModifierControl != 0 {
		b.WriteString("Ctrl+")
	}
	if p.mod&fyne.KeyModifierSuper != 0 {
		if runtime.GOOS == "darwin" {
			b.WriteString("Cmd+")
		} else {
			b.WriteString("Super+")
		}
	}
	if p.mod&fyne.KeyModifierAlt != 0 {
		b.WriteString("Alt+")
	}
	if p.mod&fyne.KeyModifierShift != 0 {
		b.WriteString("Shift+")
	}
	if n, ok := keyNames[p.key]; ok {
		b.WriteString(n)
	} else {
		b.WriteString(string(p.key))
	}
	return b.String()
}

// keysText is the row's keys as the sheet writes them: its label, or its
// presses ("Ctrl+Y, Ctrl+Shift+Z"; a run of digits as "Alt+1…9") and
// characters ("1…9", "R").
func (k keyRow) keysText() string {
	if k.label != "" {
		return k.label
	}
	var parts []string
	add := func(s string) {
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	for i := 0; i < len(k.presses); {
		j := i
		for j+1 < len(k.presses) && k.presses[j+1].mod == k.presses[i].mod && digitAfter(k.presses[j].key, k.presses[j+1].key) {
			j++
		}
		if j-i >= 2 {
			add(k.presses[i].label() + "…" + string(k.presses[j].key))
		} else {
			for _, p := range k.presses[i : j+1] {
				add(p.label())
			}
		}
		i = j + 1
	}
	if chars := []rune(k.chars); len(chars) > 2 {
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

// closeOnEscape lets Esc close a window of its own (the shortcuts sheet,
// Settings), as its Close button does; the sheet lists it under
// "Everywhere".
func closeOnEscape(w fyne.Window) {
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			w.Close()
		}
	})
}

// lendDialogKeys gives a window without key handlers of its own (the start
// window, when the database cannot be opened) the Enter and Esc of a
// dialog shown on it (dialogKey); the function returned takes them back
// once the dialog is closed. A window with handlers has them already.
func lendDialogKeys(c fyne.Canvas) (giveBack func()) {
	if c.OnTypedKey() != nil {
		return func() {}
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { dialogKey(c, e) })
	return func() { c.SetOnTypedKey(nil) }
}
