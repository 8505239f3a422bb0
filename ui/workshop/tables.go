package workshop

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// Tables added, renamed and removed while the workshop runs, each an
// action of the undo history. A removed table is a tombstone, and so are
// the cards on it, its own notes and its participants, which go with it:
// undo brings back exactly those.

// AddTable asks for a name and adds a table after the others, then shows
// it. A name taken or refused keeps the form, with the reason over it.
func (s *Screen) AddTable() *kit.Field {
	if s.Session == nil {
		return nil
	}
	name := kit.NewField()
	name.SetText(fmt.Sprintf(lang.L("Table %d"), len(s.Session.Teams)+1))
	kit.ShowSaveForm(s.win, lang.L("Add a table"), lang.L("Add"), []*widget.FormItem{widget.NewFormItem(lang.L("Name"), name)}, func() error {
		position := 0
		for _, t := range s.Session.Teams {
			position = max(position, t.Position+1)
		}
		t := game.Team{ID: cards.NewID(), Name: strings.TrimSpace(name.Text), Position: position}
		if err := s.tableNamed(t.Name, ""); err != nil {
			return err
		}
		state := func(deleted bool) func() error {
			return func() error { q := t; q.Deleted = deleted; return s.store.SaveTeam(s.ctx, s.Session.Workshop.ID, &q) }
		}
		if err := s.try(action{name: fmt.Sprintf(lang.L("a new table %s"), t.Name), redo: state(false), undo: state(true)}); err != nil {
			return err
		}
		s.showTable(t.ID)
		return nil
	})
	s.forms.tableName = name
	return name
}

// RenameTable asks for a new name of the table shown. A name taken or
// refused keeps the form, with the reason over it.
func (s *Screen) RenameTable() *kit.Field {
	if s.Session == nil {
		return nil
	}
	before, ok := s.team(s.TeamID)
	if !ok {
		return nil
	}
	name := kit.NewField()
	name.SetText(before.Name)
	kit.ShowSaveForm(s.win, lang.L("Rename the table"), lang.L("Rename"), []*widget.FormItem{widget.NewFormItem(lang.L("Name"), name)}, func() error {
		after := before
		after.Name = strings.TrimSpace(name.Text)
		if after.Name == before.Name {
			return nil
		}
		if err := s.tableNamed(after.Name, before.ID); err != nil {
			return err
		}
		save := func(t game.Team) func() error {
			return func() error { return s.store.SaveTeam(s.ctx, s.Session.Workshop.ID, &t) }
		}
		return s.try(action{name: fmt.Sprintf(lang.L("the table's name %s"), after.Name), redo: save(after), undo: save(before)})
	})
	s.forms.tableName = name
	return name
}

// RemoveTable removes the table shown with everything on it: its cards,
// its own notes and its participants go with it, in one transaction
// (storage's RemoveTable). Whenever anything goes with it, it is removed
// only after a Yes to a question that counts what; the last table is not
// removed.
func (s *Screen) RemoveTable() *kit.KeyedDialog {
	if s.Session == nil {
		return nil
	}
	t, ok := s.team(s.TeamID)
	if !ok {
		return nil
	}
	if len(s.Session.Teams) == 1 {
		return kit.ShowInformation(s.win, lang.L("The only table"), fmt.Sprintf(lang.L("%s is the workshop's only table; add another before removing it."), t.Name))
	}
	goes := s.goesWithTable(t.ID)
	if goes == "" {
		s.removeTable(t)
		return nil
	}
	question := fmt.Sprintf(lang.L("Remove the table %s, and with it %s? Ctrl+Z brings it all back."), t.Name, goes)
	return kit.ShowConfirm(s.win, lang.L("Remove the table"), question, func(yes bool) {
		if yes {
			s.removeTable(t)
		}
	})
}

// removeTable removes a table as one action: its undo restores exactly
// what the removal took (and a redo takes what is on the table then).
func (s *Screen) removeTable(t game.Team) {
	var removed storage.TableRemoval
	s.do(action{
		name: fmt.Sprintf(lang.L("the removal of the table %s"), t.Name),
		redo: func() (err error) {
			removed, err = s.store.RemoveTable(s.ctx, s.Session.Workshop.ID, t.ID)
			return err
		},
		undo: func() error { return s.store.RestoreTable(s.ctx, removed) },
	})
}

// tableNamed refuses a name another table than except has (the tables
// are chosen by name), saying which.
func (s *Screen) tableNamed(name, except string) error {
	for _, t := range s.Session.Teams {
		if t.ID != except && cards.SameName(t.Name, name) {
			return fmt.Errorf(lang.L("A table is named %s already; choose another name."), t.Name)
		}
	}
	return nil
}

// showTable brings a table to the front.
func (s *Screen) showTable(id string) {
	if s.Session == nil {
		return
	}
	if t, ok := s.team(id); ok {
		s.TeamSel.SetSelected(t.Name)
	}
}

// syncChoices keeps the workshop drop-down and the tables in step with the
// workshop read again, after a change here or its undo: a title, a table's
// name, a table added or removed. The table shown stays in front while it
// is there, else the first comes.
func (s *Screen) syncChoices() {
	w := s.Session.Workshop
	if label := kit.WorkshopLabel(storage.WorkshopSummary{Date: w.Date, Title: w.Title, Client: w.Client}); label != s.WorkshopSel.Selected {
		if list, err := s.store.Workshops(s.ctx); err == nil {
			s.workshops = list
			s.WorkshopSel.SetSelected(kit.ChooseWorkshop(s.WorkshopSel, list, w.ID, s.Session))
		}
	}
	names := make([]string, len(s.Session.Teams))
	for i, t := range s.Session.Teams {
		names[i] = t.Name
	}
	if slices.Equal(names, s.TeamSel.Options) {
		return
	}
	s.TeamSel.Options = names
	s.TeamSel.Refresh()
	if t, ok := s.team(s.TeamID); ok {
		s.TeamSel.SetSelected(t.Name)
	} else if len(names) > 0 {
		s.TeamSel.SetSelected(names[0])
	}
}
