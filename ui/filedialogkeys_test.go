package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
	"deckhand/ui/print"
)

// The open and folder dialogs (a deck import, a workshop merge, where a
// kit goes) take no typing meant for the screen behind them, Enter with
// nothing chosen leaves them open, and Esc closes them as Cancel does:
// nothing is imported or merged.
func TestFileOpenDialogsCloseOnEscAndTakeNoTyping(t *testing.T) {
	f, m := newMainFixture(t, "en")
	c := f.Win.Canvas()
	ws := m.workshop
	decks := len(f.Decks())
	before := f.Session(ws.OpenWorkshopID())
	for _, d := range []struct {
		name string
		open func()
	}{
		{"deck import", func() { m.showTab(0); m.decks.ImportDeck() }},
		{"workshop merge", func() { m.showTab(2); ws.ImportWorkshop() }},
		{"kit folder", func() { m.showTab(1); m.printing.What.SetKey(print.PrintKit); m.printing.AskWhere() }},
	} {
		d.open()
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: no dialog is shown", d.name)
		}
		if c.Focused() != nil {
			t.Fatalf("%s: %T has the focus; the keys would not reach the window's handlers", d.name, c.Focused())
		}
		m.showTab(2) // the board, where a letter would start a code
		uitest.TypeInWindow(c, "r3B")
		if ws.Code.Entry.Text != "" || ws.Keys.Kind != "" {
			t.Errorf("%s: typed behind the dialog: code box %q, key mode %q", d.name, ws.Code.Entry.Text, ws.Keys.Kind)
		}
		uitest.PressInWindow(c, fyne.KeyReturn)
		if c.Overlays().Top() == nil {
			t.Errorf("%s: Enter with nothing chosen closed the dialog", d.name)
		}
		shown := c.Overlays().Top()
		uitest.PressInWindow(c, fyne.KeyEscape)
		if top := c.Overlays().Top(); top != nil {
			t.Errorf("%s: Esc left the dialog open: %q", d.name, f.DialogText())
			c.Overlays().Remove(top)
		}
		if _, still := kit.ShownDialogs[shown]; still {
			t.Errorf("%s: the dialog is still taken for shown after Esc", d.name)
		}
	}
	if got := len(f.Decks()); got != decks {
		t.Errorf("%d decks after cancelled imports; want %d", got, decks)
	}
	if after := f.Session(ws.OpenWorkshopID()); len(after.Plays) != len(before.Plays) || len(after.Ratings) != len(before.Ratings) {
		t.Errorf("the cancelled merge changed the workshop: %d plays, %d ratings; had %d, %d",
			len(after.Plays), len(after.Ratings), len(before.Plays), len(before.Ratings))
	}
}

// Esc in the name field of the save dialog of a workshop export and of a
// print closes it and writes nothing; Enter there saves to the name typed.
func TestSaveDialogNameFieldTakesEscAndEnter(t *testing.T) {
	f, m := newMainFixture(t, "en")
	c := f.Win.Canvas()
	ws := m.workshop
	out := t.TempDir()
	for _, d := range []struct {
		name, file string
		open       func()
	}{
		{"workshop export", "table.json", func() { m.showTab(2); ws.ExportWorkshop() }},
		{"print", "cards.pdf", func() { m.showTab(1); m.printing.What.SetKey(print.PrintCards); m.printing.AskWhere() }},
	} {
		d.open()
		name := uitest.SaveNameField(t, c)
		path := filepath.Join(out, d.file)
		uitest.TypeInWindow(c, path)
		if name.Text != path {
			t.Errorf("%s: typing over the proposed name left %q; want %q", d.name, name.Text, path)
		}
		shown := c.Overlays().Top()
		uitest.PressInWindow(c, fyne.KeyEscape)
		if top := c.Overlays().Top(); top != nil {
			t.Errorf("%s: Esc in the name field left the dialog open: %q", d.name, f.DialogText())
			c.Overlays().Remove(top)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s: Esc wrote %s", d.name, path)
		}
		if _, still := kit.ShownDialogs[shown]; still {
			t.Errorf("%s: the dialog is still taken for shown after Esc", d.name)
		}
	}

	ui := uitest.NewUIQueue()
	ws.ToUI = ui.Do
	ws.ExportWorkshop()
	uitest.SaveNameField(t, c)
	path := filepath.Join(out, "typed.json")
	uitest.TypeInWindow(c, path)
	uitest.PressInWindow(c, fyne.KeyReturn)
	ui.Next(t, "the workshop file written")
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), strconv.Quote(ws.Session.Workshop.Title)) {
		t.Errorf("Enter in the name field: %s holds %d bytes (%v); the dialog said %q", path, len(b), err, f.DialogText())
	}
	if !strings.Contains(f.DialogText(), "Wrote "+path) {
		t.Errorf("after Enter the dialog says %q; want where it wrote", f.DialogText())
	}
}

// On the start window (the database cannot be opened), which has no keys
// of its own, Esc closes the dialog of "Open another database…" and of
// "Start a new database…"; nothing is opened, and the window hears no keys
// once the dialog is gone.
func TestStartWindowFileDialogsCloseOnEsc(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	c := w.Canvas()
	opened := 0
	open := func(string) (*storage.Store, error) { opened++; return nil, errors.New("not opened") }
	w.SetContent(startErrorContent(a, w, filepath.Join(t.TempDir(), "deckhand.db"), errors.New("damaged"), open, uitest.NewUIQueue().Do, func(*storage.Store) {}))
	for _, label := range []string{"Open another database…", "Start a new database…"} {
		b := uitest.FindButton(w.Content(), label)
		if b == nil {
			t.Fatalf("the start window has no %q", label)
		}
		test.Tap(b)
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: no dialog", label)
		}
		if fld, ok := c.Focused().(*kit.Field); ok {
			fld.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		} else {
			uitest.PressInWindow(c, fyne.KeyEscape)
		}
		if top := c.Overlays().Top(); top != nil {
			t.Errorf("%s: Esc left the dialog open", label)
			c.Overlays().Remove(top)
		}
		if c.OnTypedKey() != nil {
			t.Errorf("%s: the start window still has a key handler after the dialog closed", label)
		}
	}
	if opened != 0 {
		t.Errorf("cancelled dialogs opened a database %d times", opened)
	}
}
