package workshop

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"deckhand/game"
	"deckhand/ui/kit"
)

// TeamMerged shows what the team folder merged from other laptops: the
// list of workshops is read again (a workshop may be new here), and when
// the open workshop is among those merged it is read again and shown as a
// merged file is (the same table and card chosen), with the status line
// saying what changed and from which laptops. The reading runs off the UI
// goroutine; a change the note-taker saves meanwhile is read again after.
// names are the folder's laptops by device id.
func (s *Screen) TeamMerged(workshops []string, names map[string]string) {
	open := ""
	if s.Session != nil && slices.Contains(workshops, s.Session.Workshop.ID) {
		open = s.Session.Workshop.ID
	}
	edits := s.edits
	go func() {
		list, err := s.store.Workshops(s.ctx)
		var after *game.File
		if err == nil && open != "" {
			after, err = s.store.Session(s.ctx, open, false)
		}
		s.ToUI(func() {
			if err != nil {
				s.fail(err)
				return
			}
			before := s.Session // choosing the workshop's label below may read it again
			s.workshops = list
			if s.Session == nil {
				kit.ChooseWorkshop(s.WorkshopSel, list, "", nil)
				return
			}
			s.WorkshopSel.SetSelected(kit.ChooseWorkshop(s.WorkshopSel, list, s.Session.Workshop.ID, s.Session))
			if after == nil || s.Session.Workshop.ID != open {
				return
			}
			if s.edits != edits {
				s.reload() // what was read may lack the change saved meanwhile
			} else {
				s.takeSession(after)
			}
			said := strings.TrimSuffix(mergeSentence(before, s.Session, s.TeamID), ".")
			s.status(fmt.Sprintf(lang.L("Team folder: %s"), said+fromLaptops(before, s.Session, names)+"."))
		})
	}()
}

// fromLaptops names the laptops whose changes the merge brought, as
// " (from laptop2, laptop3)"; "" when none is known.
func fromLaptops(before, after *game.File, names map[string]string) string {
	var from []string
	seen := map[string]bool{}
	add := func(device string, changed bool) {
		if device == "" || seen[device] || !changed {
			return
		}
		if name, ok := names[device]; ok {
			seen[device] = true
			from = append(from, name)
		}
	}
	old := map[string]game.Play{}
	for _, p := range before.Plays {
		old[p.ID] = p
	}
	for _, p := range after.Plays {
		o := old[p.ID]
		add(p.Device, p.Device != o.Device || !p.Updated.Equal(o.Updated))
	}
	oldRatings := map[string]game.Rating{}
	for _, r := range before.Ratings {
		oldRatings[r.ID] = r
	}
	for _, r := range after.Ratings {
		o := oldRatings[r.ID]
		add(r.Device, r.Device != o.Device || !r.Updated.Equal(o.Updated))
	}
	oldTeams := map[string]game.Team{}
	for _, t := range before.Teams {
		oldTeams[t.ID] = t
	}
	for _, t := range after.Teams {
		o := oldTeams[t.ID]
		add(t.Device, t.Device != o.Device || !t.Updated.Equal(o.Updated))
	}
	if len(from) == 0 {
		return ""
	}
	slices.Sort(from)
	return fmt.Sprintf(lang.L(" (from %s)"), strings.Join(from, ", "))
}
