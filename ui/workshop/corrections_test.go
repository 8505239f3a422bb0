package workshop

import (
	"context"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// lay places a card in an area by keyboard, stops rating, and gives its play.
func lay(t *testing.T, f *uitest.Fixture, ws *Screen, code string, area rune) game.Play {
	t.Helper()
	typeCode(ws, code)
	ws.TypedRune(area)
	ws.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	for _, p := range f.Session(ws.Session.Workshop.ID).Plays {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("%s was not laid", code)
	return game.Play{}
}

// storedNote reads a note back from the database, tombstones too.
func storedNote(t *testing.T, f *uitest.Fixture, workshopID, id string) game.Note {
	t.Helper()
	s, err := f.Store.Session(context.Background(), workshopID, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range s.Notes {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("note %s is not stored", id)
	return game.Note{}
}

// noteButton finds the edit or delete button of the pane's note row.
func noteButton(t *testing.T, ws *Screen, icon fyne.Resource) *widget.Button {
	t.Helper()
	var found *widget.Button
	uitest.Walk(ws.Detail.box, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon == icon && b.Text == "" && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatal("the note has no such button in the detail pane")
	}
	return found
}

// capture writes the window as a PNG, to look at: into build/corrections
// with DECKHAND_CAPTURES set, else into the test's own folder.
func capture(t *testing.T, f *uitest.Fixture, name string) {
	t.Helper()
	dir := t.TempDir()
	if os.Getenv("DECKHAND_CAPTURES") != "" {
		dir = filepath.Join("..", "..", "build", "corrections")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	out, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, f.Win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func TestANoteIsEditedMovedAndDeletedAndEachUndone(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	f.Win.Resize(fyne.NewSize(1024, 700))
	id := ws.Session.Workshop.ID
	r10 := lay(t, f, ws, "R10", '1')
	r07 := lay(t, f, ws, "R07", '2')
	ws.SelectPlay(r10.ID)
	test.Type(ws.Detail.NoteText, "Kunderna vill se sina data")
	ws.Detail.NoteText.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	notes := f.Session(id).Notes
	if len(notes) != 1 || notes[0].PlayID != r10.ID {
		t.Fatalf("notes after Enter = %+v", notes)
	}
	n := notes[0]

	// Edited by mouse: the note's edit button, a new text and kind, Save.
	test.Tap(noteButton(t, ws, theme.DocumentCreateIcon()))
	form := ws.forms.note
	if form == nil || !kit.OverlayShown(f.Win.Canvas()) {
		t.Fatal("the edit button opened no form")
	}
	form.Text.SetText("Kunderna vill se och rätta sina data")
	form.Kind.SetKey(game.NoteConcern)
	capture(t, f, "note-edit")
	f.TapDialogButton("Save")
	if got := storedNote(t, f, id, n.ID); got.Text != "Kunderna vill se och rätta sina data" || got.Kind != game.NoteConcern || got.PlayID != r10.ID {
		t.Fatalf("after the edit: %+v", got)
	}
	capture(t, f, "note-pane")
	ws.Undo()
	if got := storedNote(t, f, id, n.ID); got.Text != n.Text || got.Kind != game.NoteIdea {
		t.Errorf("after undoing the edit: %q (%s); want %q (idea)", got.Text, got.Kind, n.Text)
	}
	ws.Redo()

	// Moved by keyboard: F2 opens the last note shown; another card, Enter.
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.Unfocus()
	uitest.PressInWindow(c, fyne.KeyF2)
	form = ws.forms.note
	form.On.SetKey(r07.ID)
	uitest.PressInWindow(c, fyne.KeyReturn)
	if got := storedNote(t, f, id, n.ID); got.PlayID != r07.ID || got.Text != "Kunderna vill se och rätta sina data" {
		t.Fatalf("after the move: on %s, %q; want R07's play", got.PlayID, got.Text)
	}
	if !strings.Contains(ws.saved.Text, "R07") {
		t.Errorf("the status line says %q; want it to name R07", ws.saved.Text)
	}
	ws.Undo()
	if got := storedNote(t, f, id, n.ID); got.PlayID != r10.ID {
		t.Errorf("after undoing the move the note is on %s; want R10's play", got.PlayID)
	}
	// To the table itself.
	ws.SelectPlay(r10.ID)
	form = ws.EditNote(n.ID)
	form.On.SetKey("")
	form.dialog.Submit()
	if got := storedNote(t, f, id, n.ID); got.PlayID != "" || got.TeamID != ws.TeamID {
		t.Errorf("moved to the table: play %q team %q", got.PlayID, got.TeamID)
	}
	ws.Undo()

	// Deleted by keyboard (Ctrl+Delete) and by mouse, each undone.
	ws.SelectPlay(r10.ID)
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault})
	if got := storedNote(t, f, id, n.ID); !got.Deleted {
		t.Fatal("Ctrl+Delete left the note live")
	}
	if len(f.Session(id).Plays) != 2 {
		t.Fatal("Ctrl+Delete took a card off the board")
	}
	ws.Undo()
	if got := storedNote(t, f, id, n.ID); got.Deleted {
		t.Fatal("undo left the note deleted")
	}
	ws.SelectPlay(r10.ID)
	test.Tap(noteButton(t, ws, theme.DeleteIcon()))
	if got := storedNote(t, f, id, n.ID); !got.Deleted {
		t.Fatal("the delete button left the note live")
	}
	ws.Undo()
	if len(f.Session(id).Notes) != 1 {
		t.Errorf("after the last undo: %d live notes; want 1", len(f.Session(id).Notes))
	}
}

// A prefix chooses the kind; after the note is saved, and on another card,
// the kind is Idea again.
func TestTheKindIsTypedAsAPrefixAndGoesBackToIdea(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	id := ws.Session.Workshop.ID
	r10 := lay(t, f, ws, "R10", '1')
	r07 := lay(t, f, ws, "R07", '2')
	ws.SelectPlay(r10.ID)
	test.Type(ws.Detail.NoteText, "q: Vi vill veta vad som sparas")
	if ws.Detail.NoteKind.Key() != game.NoteQuote || ws.Detail.NoteText.Text != "Vi vill veta vad som sparas" {
		t.Fatalf("after the prefix: kind %q, text %q", ws.Detail.NoteKind.Key(), ws.Detail.NoteText.Text)
	}
	ws.Detail.NoteText.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	notes := f.Session(id).Notes
	if len(notes) != 1 || notes[0].Kind != game.NoteQuote || notes[0].Text != "Vi vill veta vad som sparas" {
		t.Fatalf("stored = %+v", notes)
	}
	if k := ws.Detail.NoteKind.Key(); k != game.NoteIdea {
		t.Errorf("the kind after saving is %q; want idea", k)
	}
	test.Type(ws.Detail.NoteText, "C:")
	if k := ws.Detail.NoteKind.Key(); k != game.NoteConcern {
		t.Errorf("C: chose %q; want concern", k)
	}
	ws.SelectPlay(r07.ID)
	if k := ws.Detail.NoteKind.Key(); k != game.NoteIdea {
		t.Errorf("the kind on another card is %q; want idea", k)
	}
	ws.Detail.NoteKind.SetKey(game.NoteAction)
	ws.TeamSel.SetSelected("Bord 2")
	if k := ws.Detail.NoteKind.Key(); k != game.NoteIdea {
		t.Errorf("the kind on another table is %q; want idea", k)
	}
	// A colon later in the text, or after no known letter, is text.
	ws.Detail.NoteText.SetText("")
	test.Type(ws.Detail.NoteText, "x: kl. 10:30")
	if ws.Detail.NoteKind.Key() != game.NoteIdea || ws.Detail.NoteText.Text != "x: kl. 10:30" {
		t.Errorf("x: gave kind %q, text %q", ws.Detail.NoteKind.Key(), ws.Detail.NoteText.Text)
	}
}

func TestWorkshopDetailsAreEditedAndABadEditIsRefused(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	f.Win.Resize(fyne.NewSize(1024, 700))
	id := ws.Session.Workshop.ID
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	form := ws.forms.details
	if form == nil || form.Title.Text != "Pilot" || form.Client.Text != "Acme Oy" {
		t.Fatalf("Ctrl+Shift+D opened %+v", form)
	}
	form.Title.SetText("Pilot i Åbo")
	form.Place.SetText("Åbo")
	form.Sector.SetText("Försäkring")
	form.Retention.Entry.SetText("2026-09-30")
	capture(t, f, "details")
	f.TapDialogButton("Save")
	w := f.Session(id).Workshop
	if w.Title != "Pilot i Åbo" || w.Place != "Åbo" || w.Sector != "Försäkring" || w.Retention != "2026-09-30" || w.Client != "Acme Oy" {
		t.Fatalf("stored details: %+v", w)
	}
	if !strings.Contains(ws.WorkshopSel.Selected, "Pilot i Åbo") {
		t.Errorf("the workshop is listed as %q", ws.WorkshopSel.Selected)
	}
	ws.Undo()
	if w := f.Session(id).Workshop; w.Title != "Pilot" || w.Place != "" {
		t.Errorf("after undo: %q in %q; want Pilot, no place", w.Title, w.Place)
	}
	if !strings.Contains(ws.WorkshopSel.Selected, "Pilot") || strings.Contains(ws.WorkshopSel.Selected, "Åbo") {
		t.Errorf("after undo the workshop is listed as %q", ws.WorkshopSel.Selected)
	}

	// A title of spaces is refused by the rule of creation, in one
	// sentence, and the form stays with what was typed.
	form = ws.EditDetails()
	form.Title.SetText("   ")
	form.Place.SetText("Tammerfors")
	form.dialog.Submit()
	text := f.DialogText()
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line != "The workshop has no title" && line != "Error" && line != "OK" {
			t.Errorf("the refusal says %q; want one sentence about the title", text)
			break
		}
	}
	if !strings.Contains(text, "The workshop has no title") {
		t.Errorf("the refusal says %q; want it to say the title is missing", text)
	}
	capture(t, f, "details-refused")
	if w := f.Session(id).Workshop; w.Title != "Pilot" || w.Place != "" {
		t.Errorf("a refused edit stored %q in %q", w.Title, w.Place)
	}
	f.TapDialogButton("OK")
	if form.Place.Text != "Tammerfors" || !kit.OverlayShown(c) {
		t.Error("the form did not come back with what was typed")
	}
}

func TestTablesAreAddedRenamedAndRemovedWithTheirQuestion(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	f.Win.Resize(fyne.NewSize(1024, 700))
	id := ws.Session.Workshop.ID
	c := f.Win.Canvas()
	kit.BindKeys(c, ws.KeyRows(nil))

	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault})
	if ws.forms.tableName == nil || ws.forms.tableName.Text != "Table 3" {
		t.Fatalf("Ctrl+T proposed %+v", ws.forms.tableName)
	}
	ws.forms.tableName.SetText("Bord 3")
	f.TapDialogButton("Add")
	teams := f.Session(id).Teams
	if len(teams) != 3 || teams[2].Name != "Bord 3" || teams[2].Position != 2 {
		t.Fatalf("teams after adding = %+v", teams)
	}
	if ws.TeamID != teams[2].ID || len(ws.TeamSel.Options) != 3 {
		t.Errorf("the new table is not shown: %q of %v", ws.TeamSel.Selected, ws.TeamSel.Options)
	}
	name := ws.RenameTable()
	name.SetText("Bord 3 (ledning)")
	f.TapDialogButton("Rename")
	if got := f.Session(id).Teams[2].Name; got != "Bord 3 (ledning)" || ws.TeamSel.Selected != got {
		t.Errorf("renamed to %q, shown %q", got, ws.TeamSel.Selected)
	}

	// Two cards and a table note lie on the table: the question says so.
	lay(t, f, ws, "R01", '1')
	lay(t, f, ws, "R02", '1')
	ws.SelectPlay("")
	ws.Detail.NoteText.SetText("Ledningen vill ha en kvartalsrapport")
	ws.Detail.addNote()
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	question := f.DialogText()
	if !strings.Contains(question, "Bord 3 (ledning)") || !strings.Contains(question, "2 cards and 1 note") {
		t.Fatalf("the question says %q", question)
	}
	capture(t, f, "table-remove")
	f.TapDialogButton("Yes")
	s := f.Session(id)
	if len(s.Teams) != 2 || len(s.Plays) != 0 || len(s.Notes) != 0 {
		t.Fatalf("after removing: %d tables, %d cards, %d notes live; want 2, 0, 0", len(s.Teams), len(s.Plays), len(s.Notes))
	}
	all, err := f.Store.Session(context.Background(), id, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Teams) != 3 || !all.Teams[2].Deleted {
		t.Errorf("the removed table is not a tombstone: %+v", all.Teams)
	}
	if len(ws.TeamSel.Options) != 2 || ws.TeamID == all.Teams[2].ID {
		t.Errorf("after removing the screen shows %q of %v", ws.TeamSel.Selected, ws.TeamSel.Options)
	}
	ws.Undo()
	s = f.Session(id)
	if len(s.Teams) != 3 || len(s.Plays) != 2 || len(s.Notes) != 1 || len(ws.TeamSel.Options) != 3 {
		t.Errorf("after undo: %d tables, %d cards, %d notes, %d shown; want 3, 2, 1, 3", len(s.Teams), len(s.Plays), len(s.Notes), len(ws.TeamSel.Options))
	}
	// A table without cards goes without a question.
	ws.TeamSel.SetSelected("Bord 2")
	if d := ws.RemoveTable(); d != nil {
		t.Errorf("removing an empty table asked %q", f.DialogText())
	}
	if got := len(f.Session(id).Teams); got != 2 {
		t.Errorf("%d tables after removing the empty one; want 2", got)
	}
}

// The workshop is deleted after a question that names it and a backup;
// its file carries the deletion to a second laptop, whose screen then
// shows another workshop.
func TestAWorkshopIsDeletedAndItsFileDeletesItOnAnotherLaptop(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	f.Win.Resize(fyne.NewSize(1024, 700))
	id := ws.Session.Workshop.ID
	lay(t, f, ws, "R01", '1')
	other, ws2 := newWorkshopFixture(t)
	first, err := f.Store.ExportWorkshop(context.Background(), id, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Store.ImportWorkshop(context.Background(), first); err != nil {
		t.Fatal(err)
	}
	queue := uitest.NewUIQueue()
	ws.ToUI = queue.Do
	backups, _ := os.ReadDir(storage.BackupDir(f.Store.Path()))

	// The ⋮ menu offers it.
	items := menuItems(t, f, ws, func() { capture(t, f, "menu") })
	for _, want := range []string{"Workshop details…", "Add a table…", "Rename the table shown…", "Remove the table shown…", "Delete this workshop…"} {
		if !slices.Contains(items, want) {
			t.Errorf("the ⋮ menu has no %q: %q", want, items)
		}
	}

	ws.DeleteWorkshop()
	question := f.DialogText()
	if !strings.Contains(question, `"Pilot"`) || !strings.Contains(question, "backup") {
		t.Fatalf("the question says %q", question)
	}
	capture(t, f, "workshop-delete")
	f.TapDialogButton("Delete")
	queue.Next(t, "the deletion")
	if _, err := f.Store.Session(context.Background(), id, false); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("the workshop is still live: %v", err)
	}
	if after, _ := os.ReadDir(storage.BackupDir(f.Store.Path())); len(after) != len(backups)+1 {
		t.Errorf("%d backups after the deletion; want one more than %d", len(after), len(backups))
	}
	if ws.Session != nil || ws.body.Objects[0] != ws.Empty || ws.WorkshopSel.Selected != "" {
		t.Errorf("the screen still shows the deleted workshop (%q)", ws.WorkshopSel.Selected)
	}
	if !strings.Contains(f.DialogText(), "is deleted") {
		t.Errorf("after the deletion the dialog says %q", f.DialogText())
	}
	capture(t, f, "workshop-deleted")
	path := filepath.Join(t.TempDir(), "Pilot.json")
	if err := ws.writeWorkshopFileOf(id, path); err != nil {
		t.Fatal(err)
	}

	// The second laptop merges the file with the screen's own merge.
	ws2.ToUI = queue.Do
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	read, err := game.ReadFile(file)
	file.Close()
	if err != nil {
		t.Fatal(err)
	}
	ws2.showMerge(ws2.merge(read))
	if _, err := other.Store.Session(context.Background(), id, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the second laptop still has the workshop live: %v", err)
	}
	if ws2.Session != nil && ws2.Session.Workshop.ID == id {
		t.Error("the second laptop's screen still shows the deleted workshop")
	}
	if !strings.Contains(ws2.saved.Text, "deleted the workshop") {
		t.Errorf("the second laptop's status line says %q", ws2.saved.Text)
	}
}

// No key with Ctrl, Alt or Super, and no function key, does two things on
// the Workshop screen: such keys act whatever the number keys are asking,
// so the first row would take them from the second. (Enter and Esc, which
// answer the mode asked, may be several rows'.)
func TestNoShortcutIsTakenTwiceOnTheScreen(t *testing.T) {
	_, ws := newWorkshopFixture(t)
	taken := map[kit.Press]string{}
	for _, r := range ws.KeyRows(nil) {
		for _, p := range r.Presses {
			fn := strings.HasPrefix(string(p.Key), "F") && len(p.Key) > 1
			if p.Mod&(fyne.KeyModifierControl|fyne.KeyModifierAlt|fyne.KeyModifierSuper) == 0 && !fn {
				continue
			}
			if other, ok := taken[p]; ok && other != r.Action {
				t.Errorf("%s is the key of %q and of %q", (kit.KeyRow{Presses: []kit.Press{p}}).KeysText(), other, r.Action)
			}
			taken[p] = r.Action
		}
	}
	if len(taken) < 30 {
		t.Fatalf("only %d keys: the rows are not what this test reads", len(taken))
	}
}
