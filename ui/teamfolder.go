package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/teamfolder"
	"deckhand/ui/kit"
)

// teamLink is the database's team folder while the window shows it: the
// folder running on goroutines of its own (teamfolder.Folder.Start), and
// the line below the tabs that says when it was last read and written, by
// which laptops, and which laptop each table of the open workshop came
// from. Everything here runs on the UI goroutine; the folder's reports
// come back through the session's do.
type teamLink struct {
	folder *teamfolder.Folder // nil while none is open
	dir    string             // the folder chosen, "" for none
	err    error              // why the folder chosen could not be opened
	shown  *game.File         // the workshop on the board, for its tables' laptops
	line   *widget.Label
	bar    *fyne.Container
}

func newTeamLink() *teamLink {
	t := &teamLink{line: widget.NewLabel("")}
	t.line.Wrapping = fyne.TextWrapWord
	t.line.SizeName = theme.SizeNameCaptionText
	t.bar = container.NewVBox(widget.NewSeparator(), t.line)
	t.bar.Hide()
	return t
}

// teamRetry is how often a team folder that could not be opened (its sync
// client not started yet, a network share not mounted) is tried again.
const teamRetry = 30 * time.Second

// openTeamFolder opens and starts the team folder chosen for store, off
// the UI goroutine, trying again while it cannot be opened, until the
// window shows another store. It is how the session starts the link on
// build, and how Settings starts it after a folder is chosen.
func (m *mainSession) openTeamFolder(store *storage.Store, view *mainView) {
	ctx := context.Background()
	go func() {
		for {
			dir, err := store.TeamFolder(ctx)
			if err == nil && dir == "" {
				return // none chosen: nothing to show, nothing handed to the UI
			}
			if err != nil {
				m.do(func() { view.teamOpened(lang.L("(unknown)"), nil, err) })
				return
			}
			f, err := teamfolder.Open(teamfolder.Options{
				Store: store, Dir: dir, App: m.app.Metadata().Version,
				OnChange: func(r teamfolder.Report) { m.do(func() { view.teamChanged(r) }) },
			})
			current := make(chan bool, 1)
			m.do(func() {
				ok := m.store == store && m.view == view
				if ok {
					view.teamOpened(dir, f, err)
				}
				current <- ok
			})
			if !<-current {
				if f != nil {
					f.Close()
				}
				return
			}
			if err == nil {
				f.Start(ctx)
				go m.refreshTeamLine(view, f)
				return
			}
			time.Sleep(teamRetry)
		}
	}()
}

// teamLineEvery is how often the line is said again while a folder is
// open: a pass that found nothing new tells nobody, but its time of
// reading is news to the person wondering whether the folder is alive.
const teamLineEvery = 5 * time.Second

// refreshTeamLine says the line again every teamLineEvery until f is no
// longer the folder the view shows.
func (m *mainSession) refreshTeamLine(view *mainView, f *teamfolder.Folder) {
	tick := time.NewTicker(teamLineEvery)
	defer tick.Stop()
	for range tick.C {
		still := make(chan bool, 1)
		m.do(func() {
			ok := m.view == view && view.team.folder == f
			if ok {
				view.showTeamLine()
			}
			still <- ok
		})
		if !<-still {
			return
		}
	}
}

// teamOpened takes the folder opened (or the reason it could not be) and
// shows its line.
func (m *mainView) teamOpened(dir string, f *teamfolder.Folder, err error) {
	t := m.team
	t.dir, t.folder, t.err = dir, f, err
	if f != nil && m.workshop != nil {
		m.workshop.OnSaved = f.Changed
	}
	if f != nil && m.decks != nil {
		m.decks.OnDeckChanged = f.Changed
	}
	m.showTeamLine()
}

// teamChanged is what one pass of the folder did: the line says it, the
// Workshop screen shows the workshops it merged and the Decks screen the
// decks.
func (m *mainView) teamChanged(r teamfolder.Report) {
	var merged, decks []string
	for _, e := range r.Merged {
		switch {
		case !e.Changed():
		case e.Deck != "" && !slices.Contains(decks, e.Deck):
			decks = append(decks, e.Deck)
		case e.Deck == "" && !slices.Contains(merged, e.Workshop):
			merged = append(merged, e.Workshop)
		}
	}
	if len(merged) > 0 && m.workshop != nil {
		m.workshop.TeamMerged(merged, m.team.deviceNames())
	}
	if len(decks) > 0 && m.decks != nil {
		m.decks.TeamMerged(decks)
	}
	m.showTeamLine()
}

// teamShown follows the board, for the line's "which laptop each table
// came from".
func (m *mainView) teamShown(f *game.File) {
	m.team.shown = f
	m.showTeamLine()
}

// closeTeam stops the folder, writing first what is not written yet, and
// hides the line. The session calls it before it closes the store.
func (m *mainView) closeTeam() {
	if f := m.team.folder; f != nil {
		f.Close()
	}
	m.team.folder, m.team.dir, m.team.err = nil, "", nil
	m.showTeamLine()
}

// deviceNames are the laptops of the folder by device id, this one said
// as such.
func (t *teamLink) deviceNames() map[string]string {
	names := map[string]string{}
	if t.folder == nil {
		return names
	}
	for _, d := range t.folder.Status().Devices {
		names[d.ID] = deviceName(d)
	}
	return names
}

func deviceName(d teamfolder.Device) string {
	switch {
	case d.This && d.Name == "":
		return lang.L("this laptop") // before its first write
	case d.This:
		return fmt.Sprintf(lang.L("%s (this laptop)"), d.Name)
	case d.Name == "":
		return d.ID[:min(8, len(d.ID))] // a laptop that wrote no devices file (yet)
	}
	return d.Name
}

// showTeamLine says the folder's state on the line below the tabs, or
// hides it when no folder is chosen.
func (m *mainView) showTeamLine() {
	t := m.team
	if t.dir == "" {
		t.bar.Hide()
		return
	}
	t.line.Text, t.line.Importance = t.text(), widget.MediumImportance
	if t.err != nil || (t.folder != nil && len(t.folder.Status().Problems) > 0) {
		t.line.Importance = widget.WarningImportance
	}
	t.line.Refresh()
	t.bar.Show()
}

// text is the line: the folder and when it was read and written, the
// laptops, the open workshop's tables by laptop, and any problem.
func (t *teamLink) text() string {
	if t.err != nil {
		return fmt.Sprintf(lang.L("Team folder %s: %s Deckhand tries again every 30 seconds."), t.dir, kit.Sentence(kit.ProblemText(t.err)))
	}
	if t.folder == nil {
		return fmt.Sprintf(lang.L("Team folder %s: opening…"), t.dir)
	}
	st := t.folder.Status()
	parts := []string{fmt.Sprintf(lang.L("Team folder %s"), st.Folder)}
	parts = append(parts, fmt.Sprintf(lang.L("read %s, written %s"), teamTime(st.LastRead), teamTime(st.LastWritten)))
	var laptops []string
	for _, d := range st.Devices {
		laptops = append(laptops, deviceName(d))
	}
	if len(laptops) > 0 {
		parts = append(parts, kit.Count(len(laptops), "%d laptop: %s", "%d laptops: %s", len(laptops), strings.Join(laptops, ", ")))
	}
	if tables := tablesByLaptop(t.shown, t.deviceNames()); tables != "" {
		parts = append(parts, tables)
	}
	text := strings.Join(parts, " · ")
	for _, p := range st.Problems {
		text += "\n" + kit.Sentence(kit.Say(p))
	}
	return text
}

// teamTime is when the folder was last read or written, on this laptop's
// clock; "not yet" before the first time.
func teamTime(t time.Time) string {
	if t.IsZero() {
		return lang.L("not yet")
	}
	return t.Local().Format("15:04:05")
}

// tablesByLaptop says which laptop each table of f came from: the one
// that last changed the table's own record (its name, its note-taker),
// which for a table made on one laptop and only played on it is that
// laptop. Tables whose laptop is not in the folder are left out.
func tablesByLaptop(f *game.File, names map[string]string) string {
	if f == nil || len(names) == 0 {
		return ""
	}
	var said []string
	for _, team := range f.Teams {
		if name, ok := names[team.Device]; ok {
			said = append(said, fmt.Sprintf(lang.L("%s from %s"), team.Name, name))
		}
	}
	return strings.Join(said, ", ")
}
