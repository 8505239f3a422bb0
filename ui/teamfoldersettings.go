package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
	"deckhand/teamfolder"
	"deckhand/ui/kit"
)

// teamFolderSettings is the Team folder part of Settings: the folder this
// database shares its workshops through, a way to choose one and to stop,
// and what the folder holds.
func (m *mainView) teamFolderSettings() fyne.CanvasObject {
	current := lang.L("None: this database's workshops stay on this laptop.")
	if m.team.dir != "" {
		current = m.team.dir
	}
	where := widget.NewLabel(current)
	where.Wrapping = fyne.TextWrapBreak
	where.Selectable = true
	what := widget.NewLabel(lang.L("Deckhand writes this database's workshops into the folder, for the other laptops, and merges theirs within seconds. The folder is kept in step by your sync engine (OneDrive, Nextcloud, Dropbox, Syncthing or a network share). It holds pseudonyms, ratings and notes, never real names; the sync engine's own history may keep old versions of the files."))
	what.Wrapping = fyne.TextWrapWord
	choose := widget.NewButton(lang.L("Choose a folder…"), func() {
		fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil || m.actions.teamFolder == nil {
				return
			}
			m.actions.teamFolder(dir.Path())
		}, m.settingsOrMain())
		kit.ShowFolderDialog(m.settingsOrMain(), fd)
	})
	stop := widget.NewButton(lang.L("Stop sharing"), func() {
		if m.actions.teamFolder != nil {
			m.actions.teamFolder("")
		}
	})
	if m.team.dir == "" {
		stop.Disable()
	}
	if m.actions.teamFolder == nil {
		choose.Disable()
		stop.Disable()
	}
	return container.NewVBox(kit.Heading(lang.L("Team folder")), where, what,
		container.NewHBox(choose, stop, layout.NewSpacer()))
}

// settingsOrMain is the window dialogs of Settings show on.
func (m *mainView) settingsOrMain() fyne.Window {
	if m.settings != nil {
		return m.settings
	}
	return m.win
}

// chooseTeamFolder makes dir this database's team folder, or stops
// sharing for "". A folder that holds workshops this database does not
// have yet is first read as a merge preview would (nothing changes), and
// the person is asked, with what joining adds, updates and deletes here;
// a backup is taken before joining. The disk work runs off the UI
// goroutine.
func (m *mainSession) chooseTeamFolder(dir string) {
	store, view := m.store, m.view
	if store == nil || view == nil {
		return
	}
	win := view.settingsOrMain()
	view.closeTeam()
	ctx := context.Background()
	if dir == "" {
		go func() {
			err := store.SetTeamFolder(ctx, "")
			m.do(func() { m.teamFolderChosen(store, view, err) })
		}()
		return
	}
	wait := kit.ShowWorking(win, lang.L("Reading the team folder…"))
	go func() {
		preview, err := previewTeamFolder(ctx, store, dir)
		m.do(func() {
			wait.Hide()
			if err != nil {
				kit.ShowError(win, errors.New(kit.Sentence(kit.ProblemText(err))))
				m.openTeamFolder(store, view) // the folder chosen before, if any
				return
			}
			join := func() {
				go func() {
					_, err := store.AutoBackup(ctx)
					if err == nil {
						err = store.SetTeamFolder(ctx, dir)
					}
					m.do(func() { m.teamFolderChosen(store, view, err) })
				}()
			}
			if preview.adds == 0 && preview.updates == 0 && preview.deletes == 0 {
				join()
				return
			}
			kit.ShowConfirm(win, lang.L("Join the team folder"), preview.question(), func(ok bool) {
				if ok {
					join()
				} else {
					m.openTeamFolder(store, view)
				}
			})
		})
	}()
}

// teamFolderChosen opens the folder now chosen (none for "") and shows it
// in Settings and on the line below the tabs.
func (m *mainSession) teamFolderChosen(store *storage.Store, view *mainView, err error) {
	if err != nil {
		kit.ShowError(view.settingsOrMain(), errors.New(kit.Sentence(kit.ProblemText(err))))
	}
	if m.store != store || m.view != view {
		return
	}
	m.openTeamFolder(store, view)
	if view.settings != nil {
		view.settings.SetContent(view.settingsContent())
	}
}

// teamPreview is what joining a folder would do here, counted over its
// files.
type teamPreview struct {
	workshops, laptops     int
	adds, updates, deletes int
}

// previewTeamFolder opens dir as a team folder of store and counts what
// merging it would do, changing nothing, and closes it again.
func previewTeamFolder(ctx context.Context, store *storage.Store, dir string) (teamPreview, error) {
	f, err := teamfolder.Open(teamfolder.Options{Store: store, Dir: dir})
	if err != nil {
		return teamPreview{}, err
	}
	defer f.Close()
	r, err := f.Preview(ctx)
	if err != nil {
		return teamPreview{}, err
	}
	var p teamPreview
	workshops := map[string]bool{}
	for _, e := range r.Merged {
		workshops[e.Workshop] = true
		p.adds += e.Added
		p.updates += e.Updated
		p.deletes += e.Deleted
	}
	p.workshops = len(workshops)
	for _, d := range f.Status().Devices {
		if !d.This {
			p.laptops++
		}
	}
	return p, nil
}

// question asks whether to join, saying what joining does here.
func (p teamPreview) question() string {
	holds := kit.Count(p.workshops, "The folder holds %d workshop from %s.", "The folder holds %d workshops from %s.",
		p.workshops, kit.Count(p.laptops, "%d other laptop", "%d other laptops", p.laptops))
	does := kit.Count(p.adds, "Joining it adds %d record here, updates %d and deletes %d.", "Joining it adds %d records here, updates %d and deletes %d.",
		p.adds, p.updates, p.deletes)
	return fmt.Sprintf("%s %s %s", holds, does, lang.L("A backup is taken first. Join it?"))
}
