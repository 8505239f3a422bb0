package workshop

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/kit"
)

// keyMode is what the number keys do now: choose the area of a card being
// placed, or rate a play criterion after criterion.
type keyMode struct {
	Kind      string    // "", modeArea or modeRate
	pending   game.Play // the card being placed (modeArea); its id is made once
	playID    string    // the play being rated (modeRate)
	criterion int       // index of the criterion asked for (modeRate)
	typed     string    // the digits of a number typed so far (numberkeys.go)
	asked     string    // the question the number keys answer now
}

const (
	modeArea = "area"
	modeRate = "rate"
)

// codeBox is the command line of the board: type a card's code, Enter,
// then a number for the area and numbers for the ratings.
type codeBox struct {
	s      *Screen
	Entry  *CodeEntry
	Prompt *widget.Label
	deck   *cards.Deck
	lang   string
}

func newCodeBox(s *Screen) *codeBox {
	c := &codeBox{s: s, Entry: newCodeEntry(s), Prompt: widget.NewLabel("")}
	c.Entry.SetPlaceHolder(lang.L("Card code, e.g. R07, then Enter"))
	c.Entry.OnChanged = c.suggest
	c.Entry.OnSubmitted = c.submit
	c.Prompt.Wrapping = fyne.TextWrapWord
	c.Prompt.TextStyle = fyne.TextStyle{Bold: true}
	return c
}

// promptLines is the prompt's height in lines: at 1024×700 the detail pane
// leaves the prompt about 350 pixels, where what the keys do takes three
// lines in Finnish and Swedish.
const promptLines = 3

// promptWidth is the narrowest the prompt is at 1024×700.
const promptWidth = 350

func (c *codeBox) content() fyne.CanvasObject {
	box := container.NewGridWrap(fyne.NewSize(170, c.Entry.MinSize().Height), c.Entry)
	// The same lines whatever the prompt says: a key that changes it never
	// moves the board above, so a click aimed at a card still hits it.
	return container.NewBorder(nil, nil, container.NewVBox(box), nil, inLines(c.Prompt, promptLines))
}

func (c *codeBox) setDeck(d *cards.Deck, language string) {
	c.deck, c.lang = d, d.Lang(language)
	c.Entry.SetText("")
	c.Idle()
}

// clear empties the code box and shows what the keys do.
func (c *codeBox) clear() {
	c.Entry.SetText("")
	c.Idle()
}

// Idle shows what the keys do when nothing is asked.
func (c *codeBox) Idle() {
	n := len(c.deck.Board.Areas)
	c.Prompt.SetText(fmt.Sprintf(lang.L("A code places a card · Enter rates the chosen one · Alt+1…%d or Ctrl+Shift+1…%d moves it · Del removes it · Ctrl+Z undoes"), n, n))
}

// placeable are the cards that can be laid on the board, matching what
// was typed: codes starting with it, or titles containing it.
func (c *codeBox) placeable(typed string) []cards.Card {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var out []cards.Card
	for _, card := range c.deck.Cards {
		if card.Type != game.TypeRoutine && card.Type != game.TypeBlank {
			continue
		}
		if strings.HasPrefix(strings.ToLower(card.Code), typed) || (len(typed) > 2 && strings.Contains(strings.ToLower(card.Title.Or(c.lang, c.deck.DefaultLang)), typed)) {
			out = append(out, card)
		}
	}
	return out
}

// suggest completes the code as it is typed.
func (c *codeBox) suggest(typed string) {
	if c.deck == nil || strings.TrimSpace(typed) == "" {
		c.Idle()
		return
	}
	matches := c.placeable(typed)
	if len(matches) == 0 {
		c.Prompt.SetText(fmt.Sprintf(lang.L("No routine or blank card matches %q"), typed))
		return
	}
	var parts []string
	for i, m := range matches {
		if i == 4 {
			parts = append(parts, fmt.Sprintf(lang.L("… %d more"), len(matches)-4))
			break
		}
		parts = append(parts, m.Code+" "+m.Title.Or(c.lang, c.deck.DefaultLang))
	}
	c.Prompt.SetText(strings.Join(parts, " · "))
}

// submit takes the typed code: a card that matches exactly, or the only one
// that matches, goes on to the choice of area.
func (c *codeBox) submit(typed string) {
	s := c.s
	if s.Session == nil || s.TeamID == "" {
		return
	}
	if strings.TrimSpace(typed) == "" {
		// Enter in the empty box rates the card chosen on the board.
		if _, ok := s.Play(s.Selected); ok {
			c.askRating(s.Selected, 0)
		}
		return
	}
	typed, another := strings.CutSuffix(strings.TrimSpace(typed), "+")
	card, ok := s.Session.Workshop.Card(typed)
	if !ok {
		// r7 is R07, as the note-taker reads it off the card.
		if i := s.Session.Workshop.Deck.CardTyped(typed); i >= 0 {
			card, ok = s.Session.Workshop.Deck.Cards[i], true
		}
	}
	if !ok || (card.Type != game.TypeRoutine && card.Type != game.TypeBlank) {
		if m := c.placeable(typed); len(m) == 1 {
			card, ok = m[0], true
		} else {
			ok = false
		}
	}
	if !ok {
		c.Prompt.SetText(fmt.Sprintf(lang.L("%q is not a routine or blank card of this deck"), typed))
		// Selected, the mistake goes as the next code is typed.
		c.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	// A card the table has laid already is chosen and its ratings asked
	// for, so that it can be rated again (or moved, Alt+number or
	// Ctrl+Shift+number) by keyboard; its code with a + lays another copy.
	if on := c.onBoard(card.Code); on != "" && !another {
		c.Entry.SetText("")
		s.SelectPlay(on)
		c.askRating(on, 0)
		return
	}
	c.Entry.SetText("")
	pending := game.Play{ID: cards.NewID(), TeamID: s.TeamID, Code: card.Code, Area: card.Area}
	if card.Type == game.TypeBlank {
		c.askOwnRoutine(pending)
		return
	}
	c.askArea(pending)
}

// onBoard is the id of the shown table's first live play of a card, or "".
// A blank card carries the team's own routine each time: never chosen.
func (c *codeBox) onBoard(code string) string {
	s := c.s
	if card, ok := s.Session.Workshop.Card(code); ok && card.Type == game.TypeBlank {
		return ""
	}
	for _, p := range s.Session.Plays {
		if p.TeamID == s.TeamID && p.Code == code && !p.Deleted {
			return p.ID
		}
	}
	return ""
}

// askOwnRoutine asks for the team's own routine written on a blank card.
func (c *codeBox) askOwnRoutine(p game.Play) {
	text := kit.NewTextArea()
	text.SetMinRowsVisible(3)
	text.EnterSubmits = true // a routine is one line on the board: Enter goes on to its area
	d := kit.NewForm(c.s.win, fmt.Sprintf(lang.L("Blank card %s"), p.Code), lang.L("Next"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("The team's routine"), text)}, func(ok bool) {
			if ok {
				p.Text = text.Text
				c.askArea(p)
			} else {
				c.s.win.Canvas().Focus(c.Entry)
			}
		})
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
	c.s.win.Canvas().Focus(text)
}

// askArea waits for the area's number; Enter takes the card's own area.
func (c *codeBox) askArea(p game.Play) {
	s := c.s
	s.Keys = keyMode{Kind: modeArea, pending: p}
	var choices []string
	for i, a := range c.deck.Board.Areas {
		choices = append(choices, fmt.Sprintf("%d %s", i+1, a.Name.Or(c.lang, c.deck.DefaultLang)))
	}
	hint := lang.L("Esc cancels")
	if a, ok := c.deck.Area(p.Area); ok {
		hint = fmt.Sprintf(lang.L("Enter: %s · Esc cancels"), a.Name.Or(c.lang, c.deck.DefaultLang))
	}
	c.Prompt.SetText(fmt.Sprintf(lang.L("%s in which area? %s · %s"), p.Code, strings.Join(choices, " · "), hint))
	s.win.Canvas().Unfocus()
}

// askRating asks for the next criterion of a play, or ends rating.
func (c *codeBox) askRating(playID string, criterion int) {
	s := c.s
	crit := c.deck.Criteria
	if criterion >= len(crit) {
		s.Keys = keyMode{}
		c.Idle()
		s.win.Canvas().Focus(c.Entry)
		return
	}
	s.Keys = keyMode{Kind: modeRate, playID: playID, criterion: criterion}
	p, _ := s.Play(playID)
	k := crit[criterion]
	s.ask(fmt.Sprintf(lang.L("%s: %s %d–%d? (Enter skips, Esc stops)"), p.Code, k.Name.Or(c.lang, c.deck.DefaultLang), k.Min, k.Max))
	s.win.Canvas().Unfocus()
}

// KeyRows are the Workshop screen's keys, for kit.BindKeys and the shortcuts
// sheet. The number keys answer what the code box asks: first the area of
// the card being placed, then its ratings criterion after criterion.
func (s *Screen) KeyRows(func()) []kit.KeyRow {
	asking := func(kind string) func() bool {
		return func() bool { return s.Session != nil && s.Keys.Kind == kind }
	}
	idle := asking("")
	chosen := func() bool { return idle() && s.Selected != "" }
	open := func() bool { return s.Session != nil }
	noteShown := func() bool { return open() && s.newestShownNote() != "" }
	enter := []kit.Press{{Key: fyne.KeyReturn, Mod: 0}, {Key: fyne.KeyEnter, Mod: 0}}
	// A card moves to area n with Alt+n, or with Ctrl+Shift+n: on a Mac,
	// Option (Alt) with a number types a character (Option+1 is ¡), and
	// Cmd+Shift+3…5 take screenshots there, so it is the Control key on
	// every system. Neither is taken by another row.
	digits := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	var moveKeys []kit.Press
	for _, mod := range []fyne.KeyModifier{fyne.KeyModifierAlt, fyne.KeyModifierControl | fyne.KeyModifierShift} {
		for _, k := range digits {
			moveKeys = append(moveKeys, kit.Press{Key: k, Mod: mod})
		}
	}
	ctrl := fyne.KeyModifierShortcutDefault
	return append(s.blindKeyRows(), []kit.KeyRow{
		// Every letter starts a code (codes begin with R): rating the chosen
		// card takes Enter, which no code begins with. In the code box it is
		// Enter with the box empty (codeBox.submit); with no field focused,
		// this row.
		{Section: kit.SecWorkshop, Action: "Rate the selected card", Presses: enter, When: chosen,
			Run: func(int, rune) { s.Code.askRating(s.Selected, 0) }},
		{Section: kit.SecWorkshop, Action: "Type a card's code, then Enter", Chars: kit.AnyChar, Label: "A–Z, 0–9", When: idle,
			Run: func(_ int, r rune) {
				s.win.Canvas().Focus(s.Code.Entry)
				s.Code.Entry.TypedRune(r)
			}},
		{Section: kit.SecWorkshop, Action: "A card on the board: its code and Enter rate it again; its code, + and Enter lay another copy",
			Label: "R01 ⏎ · R01+ ⏎"},
		{Section: kit.SecWorkshop, Action: "Choose the area of the card being placed", Chars: "123456789", When: asking(modeArea),
			Run: func(i int, _ rune) { s.placeInArea(i) }},
		{Section: kit.SecWorkshop, Action: "Place the card in its own area", Presses: enter, When: asking(modeArea),
			Run: func(int, rune) {
				for i, a := range s.Deck().Board.Areas {
					if a.Key == s.Keys.pending.Area {
						s.placeInArea(i)
					}
				}
			}},
		{Section: kit.SecWorkshop, Action: "Give the rating asked for", Chars: "0123456789", When: asking(modeRate),
			Run: func(_ int, r rune) { s.numberKey(r, s.Deck().Criteria[s.Keys.criterion].Max, s.rateKey) }},
		{Section: kit.SecWorkshop, Action: "Skip the criterion asked for, or end the number typed", Presses: enter, When: asking(modeRate),
			Run: func(int, rune) {
				if v, typed := s.typedNumber(); typed {
					s.rateKey(v)
					return
				}
				s.Code.askRating(s.Keys.playID, s.Keys.criterion+1)
			}},
		// Esc also clears text left in the code box that laid nothing, so
		// that the next code is not read glued to it.
		{Section: kit.SecWorkshop, Action: "Cancel placing or rating, or clear the code box", Presses: []kit.Press{{Key: fyne.KeyEscape, Mod: 0}},
			When: func() bool { return s.Session != nil && (s.Keys.Kind != "" || s.Code.Entry.Text != "") },
			Run: func(int, rune) {
				s.Keys = keyMode{}
				s.Code.clear()
				s.win.Canvas().Focus(s.Code.Entry)
			}},
		{Section: kit.SecWorkshop, Action: "Take the selected card off the board", Presses: []kit.Press{{Key: fyne.KeyDelete, Mod: 0}}, When: chosen,
			Run: func(int, rune) { s.removePlay(s.Selected) }},
		{Section: kit.SecWorkshop, Action: "Move the selected card to another area", Presses: moveKeys, When: open,
			Run: func(i int, _ rune) { s.MoveSelected(i % len(digits)) }},
		{Section: kit.SecWorkshop, Action: "Move the selected card up or down in its area", Presses: []kit.Press{{Key: fyne.KeyUp, Mod: fyne.KeyModifierAlt}, {Key: fyne.KeyDown, Mod: fyne.KeyModifierAlt}}, When: chosen,
			Run: func(i int, _ rune) { s.MoveSelectedBy(2*i - 1) }},
		// A deletion of a workshop is undone with no workshop shown.
		{Section: kit.SecWorkshop, Action: "Undo on the board", Presses: []kit.Press{{Key: fyne.KeyZ, Mod: ctrl}},
			When: func() bool { return open() || len(s.hist.done) > 0 }, Run: func(int, rune) { s.Undo() }},
		{Section: kit.SecWorkshop, Action: "Redo on the board", Presses: []kit.Press{{Key: fyne.KeyY, Mod: ctrl}, {Key: fyne.KeyZ, Mod: ctrl | fyne.KeyModifierShift}},
			When: func() bool { return open() || len(s.hist.undone) > 0 }, Run: func(int, rune) { s.Redo() }},
		{Section: kit.SecWorkshop, Action: "Next table, previous table", Presses: []kit.Press{{Key: fyne.KeyPageDown, Mod: ctrl}, {Key: fyne.KeyPageUp, Mod: ctrl}}, When: open,
			Run: func(i int, _ rune) { s.nextTeam(1 - 2*i) }},
		{Section: kit.SecWorkshop, Action: "New workshop…", Presses: []kit.Press{{Key: fyne.KeyN, Mod: ctrl}}, Run: func(int, rune) { s.NewWorkshop() }},
		{Section: kit.SecWorkshop, Action: "Merge a workshop file…", Presses: []kit.Press{{Key: fyne.KeyM, Mod: ctrl}}, Run: func(int, rune) { s.ImportWorkshop() }},
		{Section: kit.SecWorkshop, Action: "Export this workshop to a file…", Presses: []kit.Press{{Key: fyne.KeyE, Mod: ctrl}}, When: open,
			Run: func(int, rune) { s.ExportWorkshop() }},
		{Section: kit.SecWorkshop, Action: "Write a note on the card shown, or the table's", Presses: []kit.Press{{Key: fyne.KeyF3, Mod: 0}}, When: open,
			Run: func(int, rune) { s.win.Canvas().Focus(s.Detail.NoteText) }},
		// Corrections (notesedit.go, workshopdetails.go, tables.go).
		{Section: kit.SecWorkshop, Action: "Edit the last note shown, or move it to another card…", Presses: []kit.Press{{Key: fyne.KeyF2, Mod: 0}}, When: noteShown,
			Run: func(int, rune) { s.EditNote(s.newestShownNote()) }},
		{Section: kit.SecWorkshop, Action: "Delete the last note shown", Presses: []kit.Press{{Key: fyne.KeyDelete, Mod: ctrl}}, When: noteShown,
			Run: func(int, rune) { s.DeleteNote(s.newestShownNote()) }},
		{Section: kit.SecWorkshop, Action: "Workshop details…", Presses: []kit.Press{{Key: fyne.KeyD, Mod: ctrl | fyne.KeyModifierShift}}, When: open,
			Run: func(int, rune) { s.EditDetails() }},
		{Section: kit.SecWorkshop, Action: "Add a table…", Presses: []kit.Press{{Key: fyne.KeyT, Mod: ctrl}}, When: open,
			Run: func(int, rune) { s.AddTable() }},
		{Section: kit.SecWorkshop, Action: "Rename the table shown…", Presses: []kit.Press{{Key: fyne.KeyT, Mod: ctrl | fyne.KeyModifierShift}}, When: open,
			Run: func(int, rune) { s.RenameTable() }},
		{Section: kit.SecWorkshop, Action: "Remove the table shown…", Presses: []kit.Press{{Key: fyne.KeyDelete, Mod: ctrl | fyne.KeyModifierShift}}, When: open,
			Run: func(int, rune) { s.RemoveTable() }},
	}...)
}

// nextTeam shows the table step places after the one shown (before it
// when step is negative), going round.
func (s *Screen) nextTeam(step int) {
	names := s.TeamSel.Options
	if len(names) == 0 {
		return
	}
	i := slices.Index(names, s.TeamSel.Selected)
	s.TeamSel.SetSelected(names[((i+step)%len(names)+len(names))%len(names)])
}

// TypedRune takes a character typed while no field has the focus: numbers
// answer the question asked; a letter starts a code.
func (s *Screen) TypedRune(r rune) {
	if !kit.OverlayShown(s.win.Canvas()) {
		kit.DispatchRune(s.KeyRows(nil), r)
	}
}

// TypedKey takes a key pressed while no field has the focus: Enter takes
// the default, Esc stops, Delete removes the selected card.
func (s *Screen) TypedKey(e *fyne.KeyEvent) {
	if !kit.DialogKey(s.win.Canvas(), e) {
		kit.DispatchKey(s.KeyRows(nil), e)
	}
}

// placeInArea lays the pending card in the i-th area and starts rating it.
func (s *Screen) placeInArea(i int) {
	areas := s.Deck().Board.Areas
	if i < 0 || i >= len(areas) {
		return
	}
	p := s.Keys.pending
	p.Area = areas[i].Key
	p.Position = game.BoardOf(s.Session.Plays, p.TeamID).NextPosition(p.Area)
	s.Keys = keyMode{}
	ok := s.do(action{
		name: fmt.Sprintf(lang.L("placed %s"), p.Code),
		redo: onceThenRestore(
			func() error { q := p; return s.store.SavePlay(s.ctx, s.Session.Workshop.ID, &q) },
			func() error { return s.store.RestorePlay(s.ctx, p.ID) }),
		undo: func() error { return s.store.DeletePlay(s.ctx, p.ID) },
	})
	if !ok {
		s.Code.Idle()
		return
	}
	s.Selected = p.ID
	s.show()
	s.Code.askRating(p.ID, 0)
}

// rateKey gives the asked criterion the typed value and asks the next.
func (s *Screen) rateKey(v int) {
	k := s.Deck().Criteria[s.Keys.criterion]
	if v < k.Min || v > k.Max {
		s.fail(fmt.Errorf(lang.L("%s is rated from %d to %d"), k.Name.Or(s.lang(), s.Deck().DefaultLang), k.Min, k.Max))
		return
	}
	playID, next := s.Keys.playID, s.Keys.criterion+1
	if s.rate(playID, k.Key, v) {
		s.Code.askRating(playID, next)
	}
}

// rate records a team rating of one criterion of a play. Its time is the
// store's clock (At left zero), which is later than every rating the
// laptop has made or merged: a rating given again always counts, even
// after a merge with a laptop whose clock runs ahead.
func (s *Screen) rate(playID, criterion string, v int) bool {
	p, _ := s.Play(playID)
	name := criterion
	for _, k := range s.Deck().Criteria {
		if k.Key == criterion {
			name = k.Name.Or(s.lang(), s.Deck().DefaultLang)
		}
	}
	// "R04: Desirability 4": the criterion named, as four ratings are
	// typed in a row and each is saved on its own.
	return s.rateAs(playID, criterion, v, game.RaterTeam, fmt.Sprintf(lang.L("%s: %s %d"), p.Code, name, v))
}

// rateAs records a rating by a rater (the team, or a participant), named
// in the status line and the undo history as name.
func (s *Screen) rateAs(playID, criterion string, v int, rater, name string) bool {
	r := game.Rating{ID: cards.NewID(), PlayID: playID, Criterion: criterion, Value: v, Rater: rater}
	saved := r
	return s.do(action{
		name: name,
		redo: onceThenRestore(
			func() error { saved = r; return s.store.AddRating(s.ctx, s.Session.Workshop.ID, &saved) },
			func() error { return s.store.RestoreRating(s.ctx, r.ID) }),
		undo:  func() error { return s.store.DeleteRating(s.ctx, r.ID) },
		apply: func() { s.Session.Ratings = withRating(s.Session.Ratings, saved) },
	})
}

// removePlay takes a card off the board (with its ratings and notes).
func (s *Screen) removePlay(id string) {
	p, ok := s.Play(id)
	if !ok {
		return
	}
	if s.do(action{
		name: fmt.Sprintf(lang.L("removed %s"), p.Code),
		redo: func() error { return s.store.DeletePlay(s.ctx, id) },
		undo: func() error { return s.store.RestorePlay(s.ctx, id) },
	}) {
		s.Selected = ""
		s.show()
	}
}

// changePlay saves a changed play (moved, linked, put in a path) so that
// undo puts the old one back.
func (s *Screen) changePlay(before, after game.Play, name string) {
	s.do(action{
		name: name,
		redo: func() error { q := after; return s.store.SavePlay(s.ctx, s.Session.Workshop.ID, &q) },
		undo: func() error { q := before; return s.store.SavePlay(s.ctx, s.Session.Workshop.ID, &q) },
	})
}

// MoveSelected moves the selected card to the i-th area, to its end.
func (s *Screen) MoveSelected(i int) {
	p, ok := s.Play(s.Selected)
	areas := s.Deck().Board.Areas
	if !ok || i < 0 || i >= len(areas) || areas[i].Key == p.Area {
		return
	}
	moved := p
	moved.Area = areas[i].Key
	moved.Position = game.BoardOf(s.Session.Plays, p.TeamID).NextPosition(moved.Area)
	s.changePlay(p, moved, fmt.Sprintf(lang.L("moved %s"), p.Code))
}

// CodeEntry is the code box's field. While it is empty, Ctrl+Z and Ctrl+Y
// undo and redo on the board rather than in the field, since after placing
// and rating a card the focus is back here. Like every field it passes the
// window's keys on (Alt+1…9, Ctrl+Shift+1…9, F1).
type CodeEntry struct {
	kit.Field
	s *Screen
}

func newCodeEntry(s *Screen) *CodeEntry {
	e := &CodeEntry{s: s}
	e.Self = e
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey is part of fyne.Focusable: Esc in the box does what it does on
// the board (give up what was typed or asked), as the box has the focus
// nearly all the time.
func (e *CodeEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && !kit.OverlayShown(fyne.CurrentApp().Driver().CanvasForObject(e)) {
		e.s.TypedKey(k)
		return
	}
	e.Field.TypedKey(k)
}

// TypedShortcut is part of fyne.Shortcutable. Alt+Up and Alt+Down move
// the selected card on the board: the box is one line, where they move
// nothing.
func (e *CodeEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && (cs.KeyName == fyne.KeyUp || cs.KeyName == fyne.KeyDown) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(sc)
		}
		return
	}
	if e.Text == "" {
		switch sc.(type) {
		case *fyne.ShortcutUndo:
			e.s.Undo()
			return
		case *fyne.ShortcutRedo:
			e.s.Redo()
			return
		}
	}
	e.Field.TypedShortcut(sc)
}
