package ui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
	"deckhand/ui/workshop"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// keyRecorder is a canvas that notes what is bound on it.
type keyRecorder struct {
	shortcuts []fyne.Shortcut
}

func (r *keyRecorder) AddShortcut(s fyne.Shortcut, _ func(fyne.Shortcut)) {
	r.shortcuts = append(r.shortcuts, s)
}
func (r *keyRecorder) SetOnTypedKey(func(*fyne.KeyEvent)) {}
func (r *keyRecorder) SetOnTypedRune(func(rune))          {}

// sheetLine is one line of the shortcuts sheet as a person reads it.
type sheetLine struct{ keys, action string }

// sheetLines reads the sheet's lines: a key label (bold monospace) and the
// label after it.
func sheetLines(sheet fyne.CanvasObject) []sheetLine {
	var labels []*widget.Label
	uitest.Walk(sheet, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l)
		}
	})
	var out []sheetLine
	for i := 0; i+1 < len(labels); i++ {
		if labels[i].TextStyle.Monospace {
			out = append(out, sheetLine{labels[i].Text, labels[i+1].Text})
			i++
		}
	}
	return out
}

// shortcutLabel is how a bound shortcut is written on a keyboard.
func shortcutLabel(s fyne.Shortcut) string {
	switch x := s.(type) {
	case *fyne.ShortcutUndo:
		return "Ctrl+Z"
	case *fyne.ShortcutRedo:
		return "Ctrl+Y"
	case *desktop.CustomShortcut:
		return kit.Press{Key: x.KeyName, Mod: x.Modifier}.Label()
	}
	return s.ShortcutName()
}

var keyRange = regexp.MustCompile(`^(.*?)(\d)…(\d)$`)

// covers reports whether the keys written on a sheet line include key:
// "Ctrl+Y, Ctrl+Shift+Z" covers Ctrl+Y, "Alt+1…9" covers Alt+4.
func covers(keys, key string) bool {
	for _, part := range strings.Split(keys, ", ") {
		if part == key {
			return true
		}
		if m := keyRange.FindStringSubmatch(part); m != nil && strings.HasPrefix(key, m[1]) {
			if d := strings.TrimPrefix(key, m[1]); len(d) == 1 && d >= m[2] && d <= m[3] {
				return true
			}
		}
	}
	return false
}

// Every shortcut bound on the main window is on the sheet, and every row
// of the key table is there with its keys and what it does, in the
// interface language.
func TestEveryBoundKeyIsOnTheSheet(t *testing.T) {
	_, m := newMainFixture(t, "fi")
	rows := m.keyRows()
	rec := &keyRecorder{}
	kit.BindKeys(rec, rows)
	lines := sheetLines(keySheet(rows))
	if len(rec.shortcuts) < 15 || len(lines) < 20 {
		t.Fatalf("%d shortcuts bound, %d lines on the sheet; expected many more", len(rec.shortcuts), len(lines))
	}
	for _, s := range rec.shortcuts {
		key, found := shortcutLabel(s), false
		for _, l := range lines {
			found = found || covers(l.keys, key)
		}
		if !found {
			t.Errorf("%s is bound but not on the sheet", key)
		}
	}
	for _, r := range rows {
		want := sheetLine{r.KeysText(), lang.L(r.Action)}
		if want.action == r.Action {
			t.Errorf("%q is not translated into Finnish on the sheet", r.Action)
		}
		found := false
		for _, l := range lines {
			found = found || l == want
		}
		if !found {
			t.Errorf("the sheet lacks the line %q", want)
		}
	}
	for _, want := range []string{"Ctrl+N", "Ctrl+Shift+N", "Ctrl+F", "Ctrl+S", "Ctrl+I", "Ctrl+E", "Ctrl+P",
		"Ctrl+1", "Ctrl+4", "Ctrl+,", "F1", "Alt+1", "Alt+9", "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z", "Esc", "Del", "Enter"} {
		found := false
		for _, l := range lines {
			found = found || covers(l.keys, want)
		}
		if !found {
			t.Errorf("the sheet does not list %s", want)
		}
	}
}

// Keys are bound from the table only: a key bound anywhere else could be
// missing from the sheet.
func TestKeysAreBoundOnlyFromTheTable(t *testing.T) {
	binding := regexp.MustCompile(`\.(AddShortcut|SetOnTypedKey|SetOnTypedRune|SetOnKeyDown)\(|\.Shortcut = `)
	allowed := map[string]bool{filepath.Join("kit", "keys.go"): true, "appmenu.go": true}
	var files []string // every package of the app below ui/
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || allowed[f] {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if binding.MatchString(line) {
				t.Errorf("%s:%d binds a key outside the key table: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

func TestKeysAreWrittenAsOnTheKeyboard(t *testing.T) {
	ctrl := fyne.KeyModifierShortcutDefault
	alt := fyne.KeyModifierAlt
	for _, c := range []struct {
		row  kit.KeyRow
		want string
	}{
		{kit.KeyRow{Presses: []kit.Press{{Key: fyne.KeyN, Mod: ctrl | fyne.KeyModifierShift}}}, "Ctrl+Shift+N"},
		{kit.KeyRow{Presses: []kit.Press{{Key: fyne.KeyY, Mod: ctrl}, {Key: fyne.KeyZ, Mod: ctrl | fyne.KeyModifierShift}}}, "Ctrl+Y, Ctrl+Shift+Z"},
		{kit.KeyRow{Presses: []kit.Press{{Key: fyne.Key1, Mod: alt}, {Key: fyne.Key2, Mod: alt}, {Key: fyne.Key3, Mod: alt}}}, "Alt+1…3"},
		{kit.KeyRow{Presses: []kit.Press{{Key: fyne.KeyReturn, Mod: 0}, {Key: fyne.KeyEnter, Mod: 0}}}, "Enter"},
		{kit.KeyRow{Presses: []kit.Press{{Key: fyne.KeyEscape, Mod: 0}}}, "Esc"},
		{kit.KeyRow{Chars: "123456789"}, "1…9"},
		{kit.KeyRow{Chars: "rR"}, "R"},
		{kit.KeyRow{Chars: kit.AnyChar, Label: "A–Z, 0–9"}, "A–Z, 0–9"},
	} {
		if got := c.row.KeysText(); got != c.want {
			t.Errorf("keys %+v read %q, want %q", c.row.Presses, got, c.want)
		}
	}
}

// The keys work where the person is: a shortcut on the window switches the
// tab; typed into a field, Ctrl+F still finds the search and F1 still opens
// the sheet, as it does from the card list; in the code box Alt+number
// moves the selected card.
func TestKeysWorkFromTheWindowAndFromFields(t *testing.T) {
	f, m := newMainFixture(t, "sv")
	c := f.Win.Canvas().(fyne.Shortcutable)
	ctrl := fyne.KeyModifierShortcutDefault

	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: ctrl})
	if m.tabs.SelectedIndex() != 1 {
		t.Errorf("Ctrl+2 shows tab %d, want the Print tab", m.tabs.SelectedIndex())
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: ctrl})

	title := m.decks.Editor.Titles["sv"]
	f.Win.Canvas().Focus(title)
	title.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl})
	if f.Win.Canvas().Focused() != m.decks.Cards.Search {
		t.Errorf("Ctrl+F in a card's title left the focus on %T, want the search", f.Win.Canvas().Focused())
	}

	m.decks.Cards.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if m.sheet == nil {
		t.Fatal("F1 in the search field opened no shortcuts window")
	}
	if !uitest.HasText(uitest.WindowLabels(m.sheet.Content()), "Kortkommandon") && m.sheet.Title() != "Kortkommandon" {
		t.Errorf("the shortcuts window is titled %q", m.sheet.Title())
	}
	m.sheet.Close()

	// Choosing a card by mouse gives the card list the focus; F1 still works.
	m.decks.Cards.List.Select(1)
	f.Win.Canvas().Focus(m.decks.Cards.List)
	m.decks.Cards.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if m.sheet == nil {
		t.Fatal("F1 on the card list opened no shortcuts window")
	}
	m.sheet.Close()

	m.showTab(2)
	ws := m.workshop
	p := ws.Session.Plays[0]
	ws.TeamSel.SetSelected(teamName(ws, p.TeamID))
	ws.SelectPlay(p.ID)
	f.Win.Canvas().Focus(ws.Code.Entry)
	target := 0
	for i, a := range ws.Deck().Board.Areas {
		if a.Key != p.Area {
			target = i
		}
	}
	ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(target + 1)), Modifier: fyne.KeyModifierAlt})
	after, err := f.Store.Session(context.Background(), ws.Session.Workshop.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range after.Plays {
		if q.ID == p.ID && q.Area != ws.Deck().Board.Areas[target].Key {
			t.Errorf("Alt+%d in the code box left the card in %q, want %q", target+1, q.Area, ws.Deck().Board.Areas[target].Key)
		}
	}
}

func teamName(ws *workshop.Screen, id string) string {
	for _, t := range ws.Session.Teams {
		if t.ID == id {
			return t.Name
		}
	}
	return ""
}

// On the Workshop screen Ctrl+PageDown and Ctrl+PageUp go round the
// tables, and Ctrl+N makes a workshop instead of a card; on the Decks
// screen Ctrl+N still makes a card.
func TestWorkshopKeysTakeTheirScreensShortcuts(t *testing.T) {
	f, m := newMainFixture(t, "en")
	ctrl := fyne.KeyModifierShortcutDefault
	m.showTab(2)
	ws := m.workshop
	tables := ws.TeamSel.Options
	if len(tables) < 2 {
		t.Fatalf("the fixture's workshop has tables %v; want two or more", tables)
	}
	ws.TeamSel.SetSelected(tables[0])
	f.Win.Canvas().Focus(ws.Code.Entry)
	ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: ctrl})
	if got := ws.TeamSel.Selected; got != tables[1] {
		t.Errorf("Ctrl+PageDown in the code box shows table %q; want %q", got, tables[1])
	}
	ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: ctrl})
	ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: ctrl})
	if got := ws.TeamSel.Selected; got != tables[len(tables)-1] {
		t.Errorf("Ctrl+PageUp twice from the second table shows %q; want the last, %q (round)", got, tables[len(tables)-1])
	}

	ws.Code.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if top := f.Win.Canvas().Overlays().Top(); top == nil || !uitest.HasText(uitest.WindowLabels(top), "New workshop") {
		t.Fatal("Ctrl+N on the Workshop screen opened no New workshop form")
	}
	f.Win.Canvas().Overlays().Top().Hide()
	f.Win.Canvas().Overlays().Remove(f.Win.Canvas().Overlays().Top())
	if m.tabs.SelectedIndex() != 2 {
		t.Errorf("Ctrl+N on the Workshop screen moved to tab %d", m.tabs.SelectedIndex())
	}

	m.showTab(0)
	f.Win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl})
	if !m.decks.Editor.IsNew {
		t.Error("Ctrl+N on the Decks screen did not start a new card")
	}
}
