package workshop

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/kit"
)

// The people at a table are kept under pseudonyms. They are numbered 1…n
// in the order the workshop lists them (by pseudonym), the numbers a
// blind round is typed with; a real name is optional, stored apart and
// erased with the workshop's personal data. The table's note-taker is one
// of them, saved on the team by pseudonym (Team.NoteTaker is a name: the
// report prints it).

// participantsOf returns the live participants of a team, in table order:
// by pseudonym, or at a table in a blind round, in the round's numbering.
func (s *Screen) participantsOf(teamID string) []game.Participant {
	var out []game.Participant
	for _, p := range s.Session.Participants {
		if p.TeamID == teamID && !p.Deleted {
			out = append(out, p)
		}
	}
	if s.blind != nil && s.blind.teamID == teamID {
		return s.blind.inRoundOrder(out)
	}
	return out
}

// team returns a team of the open workshop by id.
func (s *Screen) team(id string) (game.Team, bool) {
	for _, t := range s.Session.Teams {
		if t.ID == id {
			return t, true
		}
	}
	return game.Team{}, false
}

// participantLine is a participant as the list shows them: number,
// pseudonym, role, and whether they take the notes.
func participantLine(n int, p game.Participant, t game.Team) string {
	line := fmt.Sprintf("%d  %s", n, p.Pseudonym)
	if p.Role != "" {
		line += " · " + p.Role
	}
	if t.NoteTaker != "" && t.NoteTaker == p.Pseudonym {
		line += " · " + lang.L("note-taker")
	}
	return line
}

// participantsDialog is the list of the shown table's participants, where
// they are added, renamed, removed and one is made the note-taker, all by
// Tab and Enter: the fields add one, and each row has its buttons.
type participantsDialog struct {
	s                         *Screen
	teamID                    string
	dlg                       *kit.KeyedDialog
	Pseudonym, Role, RealName *kit.Field
	add                       *kit.DialogButton
	Rows                      *fyne.Container
	said                      *widget.Label // what the last change did
}

// ShowParticipants opens the list of the shown table's participants.
func (s *Screen) ShowParticipants() {
	if s.Session == nil || s.TeamID == "" {
		return
	}
	t, _ := s.team(s.TeamID)
	d := &participantsDialog{s: s, teamID: s.TeamID, Pseudonym: kit.NewField(), Role: kit.NewField(), RealName: kit.NewField(),
		Rows: container.NewVBox(), said: widget.NewLabel("")}
	d.said.Wrapping = fyne.TextWrapWord
	d.Pseudonym.SetPlaceHolder(lang.L("e.g. Owl"))
	d.Role.SetPlaceHolder(lang.L("e.g. marketing"))
	d.RealName.SetPlaceHolder(lang.L("optional"))
	for _, f := range []*kit.Field{d.Pseudonym, d.Role, d.RealName} {
		f.OnSubmitted = func(string) { d.addParticipant() }
	}
	top := container.NewVBox()
	rows := container.NewVScroll(d.Rows)
	// The list takes the room left; listed in the order of the work for
	// Tab: the fields and Add, then the rows' buttons.
	body := container.New(layout.NewBorderLayout(top, d.said, nil, nil), top, rows, d.said)
	d.dlg = kit.NewCustom(s.win, fmt.Sprintf(lang.L("Participants of %s"), t.Name), lang.L("Close"), body)
	d.dlg.CustomDialog.SetOnClosed(func() {
		s.participants = nil
		s.FocusCode()
	})
	s.participants = d
	d.add = kit.NewDialogButton(d.dlg, lang.L("Add"), d.addParticipant)
	privacy := widget.NewLabel(lang.L("A real name is kept apart from the records, left out of exports and reports unless asked for, and erased with the workshop's personal data."))
	privacy.Wrapping = fyne.TextWrapWord
	privacy.SizeName = theme.SizeNameCaptionText
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Pseudonym"), d.Pseudonym),
		widget.NewFormItem(lang.L("Role"), d.Role),
		widget.NewFormItem(lang.L("Real name (optional, kept apart)"), d.RealName))
	top.Add(kit.Heading(lang.L("Add a participant (Enter adds)")))
	top.Add(form)
	top.Add(privacy)
	top.Add(container.NewHBox(layout.NewSpacer(), d.add))
	top.Add(widget.NewSeparator())
	d.fill()
	d.dlg.Resize(fyne.NewSize(620, 560))
	d.dlg.Show()
	s.win.Canvas().Focus(d.Pseudonym)
}

// fill lists the table's participants, numbered, each with its buttons.
func (d *participantsDialog) fill() {
	s := d.s
	d.Rows.RemoveAll()
	t, _ := s.team(d.teamID)
	people := s.participantsOf(d.teamID)
	if len(people) == 0 {
		d.Rows.Add(widget.NewLabel(lang.L("No participants at this table yet.")))
	}
	for i, p := range people {
		label := widget.NewLabel(participantLine(i+1, p, t))
		label.Truncation = fyne.TextTruncateEllipsis
		taker := lang.L("Note-taker")
		if t.NoteTaker != "" && t.NoteTaker == p.Pseudonym {
			taker = lang.L("Not the note-taker")
		}
		buttons := container.NewHBox(
			kit.NewDialogButton(d.dlg, lang.L("Rename…"), func() { d.rename(p) }),
			kit.NewDialogButton(d.dlg, taker, func() { d.toggleNoteTaker(p) }),
			kit.NewDialogButton(d.dlg, lang.L("Remove…"), func() { d.remove(i+1, p) }))
		d.Rows.Add(container.NewBorder(nil, nil, nil, buttons, label))
	}
	if t.NoteTaker != "" && !hasPseudonym(people, t.NoteTaker) {
		d.Rows.Add(widget.NewLabel(fmt.Sprintf(lang.L("Note-taker: %s"), t.NoteTaker)))
	}
	d.Rows.Refresh()
}

func hasPseudonym(people []game.Participant, name string) bool {
	for _, p := range people {
		if p.Pseudonym == name {
			return true
		}
	}
	return false
}

// done shows what the last change did (or why it was not saved) in the
// list, and lists the table again.
func (d *participantsDialog) done() {
	d.said.SetText(d.s.saved.Text)
	d.said.Importance = d.s.saved.Importance
	d.said.Refresh()
	d.fill()
}

// addParticipant saves the typed participant and empties the fields for
// the next one.
func (d *participantsDialog) addParticipant() {
	s := d.s
	p := game.Participant{ID: cards.NewID(), TeamID: d.teamID, Pseudonym: strings.TrimSpace(d.Pseudonym.Text),
		Role: strings.TrimSpace(d.Role.Text), RealName: strings.TrimSpace(d.RealName.Text)}
	if err := d.checkPseudonym(p.Pseudonym, ""); err != nil {
		d.said.SetText(err.Error())
		d.said.Importance = widget.DangerImportance
		d.said.Refresh()
		s.win.Canvas().Focus(d.Pseudonym)
		return
	}
	removed := p
	removed.Deleted = true
	ok := s.do(action{
		name: fmt.Sprintf(lang.L("participant %s"), p.Pseudonym),
		redo: func() error { q := p; return s.store.SaveParticipant(s.ctx, s.Session.Workshop.ID, &q) },
		undo: func() error { q := removed; return s.store.SaveParticipant(s.ctx, s.Session.Workshop.ID, &q) },
	})
	if ok {
		for _, f := range []*kit.Field{d.Pseudonym, d.Role, d.RealName} {
			f.SetText("")
		}
	}
	d.done()
	s.win.Canvas().Focus(d.Pseudonym)
}

// checkPseudonym refuses a pseudonym that is empty or that another
// participant at the table than except has: the note-taker is kept by
// pseudonym, and the report names people by it, so two of one name at a
// table could not be told apart.
func (d *participantsDialog) checkPseudonym(name, except string) error {
	if name == "" {
		return errors.New(lang.L("Type a pseudonym first; a real name alone is not enough."))
	}
	for _, other := range d.s.participantsOf(d.teamID) {
		if other.ID != except && cards.SameName(other.Pseudonym, name) {
			return fmt.Errorf(lang.L("%s is already at this table; give another pseudonym."), other.Pseudonym)
		}
	}
	return nil
}

// withRealName is the participant with the real name the store keeps apart
// (sessions never carry it), so that a save does not forget it.
func (s *Screen) withRealName(p game.Participant) (game.Participant, error) {
	names, err := s.store.RealNames(s.ctx, s.Session.Workshop.ID)
	if err != nil {
		return p, err
	}
	p.RealName = names[p.ID]
	return p, nil
}

// rename asks for the participant's pseudonym, role and real name again.
// A pseudonym refused (empty, or another's at the table) keeps the form,
// with the reason over it.
func (d *participantsDialog) rename(p game.Participant) {
	s := d.s
	before, err := s.withRealName(p)
	if err != nil {
		s.fail(err)
		d.done()
		return
	}
	pseudonym, role, real := kit.NewField(), kit.NewField(), kit.NewField()
	pseudonym.SetText(before.Pseudonym)
	role.SetText(before.Role)
	real.SetText(before.RealName)
	form := kit.ShowSaveForm(s.win, fmt.Sprintf(lang.L("Rename %s"), before.Pseudonym), lang.L("Save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Pseudonym"), pseudonym),
		widget.NewFormItem(lang.L("Role"), role),
		widget.NewFormItem(lang.L("Real name (optional, kept apart)"), real),
	}, func() error {
		after := before
		after.Pseudonym, after.Role, after.RealName = strings.TrimSpace(pseudonym.Text), strings.TrimSpace(role.Text), strings.TrimSpace(real.Text)
		if err := d.checkPseudonym(after.Pseudonym, before.ID); err != nil {
			return err
		}
		t, _ := s.team(d.teamID)
		var teamAfter *game.Team
		if t.NoteTaker != "" && t.NoteTaker == before.Pseudonym {
			// The note-taker is saved by name: it follows the new one.
			moved := t
			moved.NoteTaker = after.Pseudonym
			teamAfter = &moved
		}
		err := s.try(action{
			name: fmt.Sprintf(lang.L("%s as %s"), before.Pseudonym, after.Pseudonym),
			redo: func() error { return s.saveParticipantAndTeam(after, teamAfter) },
			undo: func() error {
				if teamAfter != nil {
					return s.saveParticipantAndTeam(before, &t)
				}
				return s.saveParticipantAndTeam(before, nil)
			},
		})
		if err == nil {
			d.done()
		}
		return err
	})
	form.CustomDialog.SetOnClosed(func() { s.win.Canvas().Focus(d.Pseudonym) })
	s.forms.participant = &participantForm{pseudonym, role, real}
}

// participantForm are the fields of the participant being renamed.
type participantForm struct{ Pseudonym, Role, RealName *kit.Field }

// saveParticipantAndTeam saves a participant and, when given, the team
// whose note-taker changed with them.
func (s *Screen) saveParticipantAndTeam(p game.Participant, t *game.Team) error {
	if err := s.store.SaveParticipant(s.ctx, s.Session.Workshop.ID, &p); err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	q := *t
	return s.store.SaveTeam(s.ctx, s.Session.Workshop.ID, &q)
}

// remove asks, then takes the participant off the table; Ctrl+Z on the
// board brings them back, real name included.
func (d *participantsDialog) remove(n int, p game.Participant) {
	s := d.s
	t, _ := s.team(d.teamID)
	kit.ShowConfirm(s.win, lang.L("Remove a participant"),
		fmt.Sprintf(lang.L("Remove participant %d, %s, from %s? The ratings they gave stay; Ctrl+Z on the board brings them back."), n, p.Pseudonym, t.Name),
		func(ok bool) {
			defer s.win.Canvas().Focus(d.Pseudonym)
			if !ok {
				return
			}
			before, err := s.withRealName(p)
			if err != nil {
				s.fail(err)
				d.done()
				return
			}
			gone := before
			gone.Deleted = true
			var teamAfter *game.Team
			if t.NoteTaker != "" && t.NoteTaker == p.Pseudonym {
				cleared := t
				cleared.NoteTaker = ""
				teamAfter = &cleared
			}
			s.do(action{
				name: fmt.Sprintf(lang.L("the removal of %s"), p.Pseudonym),
				redo: func() error { return s.saveParticipantAndTeam(gone, teamAfter) },
				undo: func() error {
					if teamAfter != nil {
						return s.saveParticipantAndTeam(before, &t)
					}
					return s.saveParticipantAndTeam(before, nil)
				},
			})
			d.done()
		})
}

// toggleNoteTaker makes the participant the table's note-taker, or, when
// they are already, leaves the table without one.
func (d *participantsDialog) toggleNoteTaker(p game.Participant) {
	s := d.s
	before, ok := s.team(d.teamID)
	if !ok {
		return
	}
	after := before
	name := fmt.Sprintf(lang.L("%s as note-taker"), p.Pseudonym)
	if before.NoteTaker == p.Pseudonym {
		after.NoteTaker = ""
		name = fmt.Sprintf(lang.L("%s without a note-taker"), before.Name)
	} else {
		after.NoteTaker = p.Pseudonym
	}
	s.do(action{
		name: name,
		redo: func() error { q := after; return s.store.SaveTeam(s.ctx, s.Session.Workshop.ID, &q) },
		undo: func() error { q := before; return s.store.SaveTeam(s.ctx, s.Session.Workshop.ID, &q) },
	})
	d.done()
	s.win.Canvas().Focus(d.Pseudonym)
}
