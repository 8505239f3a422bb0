package workshop

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// ImportWorkshop merges a workshop file (from another table's laptop):
// it shows first what the file will add, change and remove, takes a backup,
// and then merges. Importing the same file twice changes nothing.
func (s *Screen) ImportWorkshop() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.askMerge(path)
	}, s.win)
	open.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	kit.ShowFileDialog(s.win, open)
}

// mergeQuestion asks whether to merge a file, saying what it does: a
// file that carries the workshop's deletion deletes the whole workshop
// here, which counting its records would not tell.
func mergeQuestion(f *game.File, sum storage.WorkshopImportSummary) string {
	if f.Workshop.Deleted {
		return fmt.Sprintf(lang.L("%q: the file carries the deletion of this workshop on another laptop; merged, it deletes the whole workshop here too, unless it was restored here after seeing that deletion. A backup is taken first. Merge it?"),
			f.Workshop.Title)
	}
	return kit.Count(sum.Added, "%q: the file adds %d record, updates %d and deletes %d; %d are already here. A backup is taken first. Merge it?",
		"%q: the file adds %d records, updates %d and deletes %d; %d are already here. A backup is taken first. Merge it?",
		f.Workshop.Title, sum.Added, sum.Updated, sum.Deleted, sum.Unchanged)
}

// askMerge reads the file and counts what merging it would do, off the UI
// goroutine, then asks; the merge itself runs off the UI goroutine too.
func (s *Screen) askMerge(path string) {
	go func() {
		f, sum, err := s.previewWorkshopFile(path)
		s.ToUI(func() {
			if err != nil {
				kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(err))))
				return
			}
			kit.ShowConfirm(s.win, lang.L("Merge a workshop file"), mergeQuestion(f, sum), func(ok bool) {
				if !ok {
					return
				}
				edits := s.edits
				go func() {
					r := s.merge(f)
					s.ToUI(func() {
						s.showMerge(r)
						if s.edits != edits && s.Session != nil {
							// The note-taker saved something while the merge
							// ran: what the merge read may lack it.
							s.reload()
						}
					})
				}()
			})
		})
	}()
}

// previewWorkshopFile reads a workshop file and counts what merging it
// would do.
func (s *Screen) previewWorkshopFile(path string) (*game.File, storage.WorkshopImportSummary, error) {
	r, err := os.Open(path)
	if err != nil {
		return nil, storage.WorkshopImportSummary{}, err
	}
	defer r.Close()
	f, err := game.ReadFile(r)
	if err != nil {
		return nil, storage.WorkshopImportSummary{}, err
	}
	sum, err := s.store.PreviewImport(s.ctx, f)
	return f, sum, err
}

// mergeResult is what a merge brings back to the UI goroutine: the
// workshop as it was just before and as it is now, so the screen can show
// the merged state and say what changed, and the workshops to list.
type mergeResult struct {
	sum           storage.WorkshopImportSummary
	backup        string
	before, after *game.File // live records; before is nil for a workshop new here
	list          []storage.WorkshopSummary
	deleted       string // the title of the workshop the file deleted, "" when it did not
	deletedID     string
	title         string // the file's workshop's
	err           error
}

// merge backs up the database, merges the file and reads the workshop
// before and after. It touches no widget: it runs off the UI goroutine.
func (s *Screen) merge(f *game.File) mergeResult {
	r := mergeResult{title: f.Workshop.Title}
	if r.backup, r.err = s.store.AutoBackup(s.ctx); r.err != nil {
		return r
	}
	id := f.Workshop.ID
	if before, err := s.store.Session(s.ctx, id, false); err == nil {
		r.before = before
	} else if !errors.Is(err, storage.ErrNotFound) {
		r.err = err
		return r
	}
	if r.sum, r.err = s.store.ImportWorkshop(s.ctx, f); r.err != nil {
		return r
	}
	if r.after, r.err = s.store.Session(s.ctx, id, false); errors.Is(r.err, storage.ErrNotFound) {
		r.err = nil
		if r.before != nil { // the file carried the deletion of a workshop live here
			r.deleted, r.deletedID = f.Workshop.Title, id
		}
	} else if r.err != nil {
		return r
	}
	r.list, r.err = s.store.Workshops(s.ctx)
	return r
}

// showMerge shows the merged workshop: the one open keeps its table and
// selected card and shows the merged board, notes and ratings; another one
// is opened. The status line says what changed on the table shown; a
// dialog names the backups that hold data an erasure in the file erased.
func (s *Screen) showMerge(r mergeResult) {
	if r.err != nil {
		kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(r.err))))
		if r.after != nil { // merged, but the list could not be read
			s.takeSession(r.after)
		}
		return
	}
	if r.deleted != "" {
		s.showMergedDeletion(r)
		return
	}
	s.workshops = r.list
	if r.after == nil { // the deletion of a workshop not live here: nothing to show
		s.status(fmt.Sprintf(lang.L("Merged the deletion of the workshop %q, which is not live here"), r.title))
		return
	}
	if s.Session == nil || s.Session.Workshop.ID != r.after.Workshop.ID {
		s.openSession(r.after)
	} else {
		s.takeSession(r.after)
	}
	// The session is the merged one already, so choosing its label opens
	// nothing again.
	s.WorkshopSel.SetSelected(kit.ChooseWorkshop(s.WorkshopSel, r.list, r.after.Workshop.ID, s.Session))
	s.status(mergeSentence(r.before, r.after, s.TeamID))
	var said []string
	title := lang.L("Kept")
	if r.sum.NotErased > 0 {
		said = append(said, keptBesideErasureText(r.sum.NotErased, r.sum.NotErasedSince))
	}
	if len(r.sum.BackupsHolding) > 0 {
		said = append(said, erasedByMergeText(r.sum.BackupsHolding))
		title = lang.L("Erased")
	}
	if len(said) > 0 {
		kit.ShowInformation(s.win, title, strings.Join(said, "\n\n"))
	}
}

// keptBesideErasureText says that n names or notes, recorded without
// seeing an erasure made at a time and not seen by it, are kept, and what
// to do if they were recorded before it.
func keptBesideErasureText(n int, erasedAt time.Time) string {
	kept := kit.Count(n, "%d name or note was recorded on a laptop that had not yet received the erasure of %s, and the erasing laptop had not seen it, so it is kept.",
		"%d names or notes were recorded on a laptop that had not yet received the erasure of %s, and the erasing laptop had not seen them, so they are kept.", n, kit.When(erasedAt))
	return kept + "\n" + lang.L("If that was before the erasure, erase this workshop's personal data again.")
}

// erasedByMergeText says that the merged file carried an erasure, which
// reached the database but not its backups, and names the backups that
// still hold the data, one a line, as the erase dialog does.
func erasedByMergeText(backups []string) string {
	return lang.L("The file carried an erasure of this workshop's personal data; it is erased here now.") + "\n" +
		backupsHoldingText(len(backups)) +
		"\n" + strings.Join(backups, "\n")
}

// takeSession shows a new version of the workshop that is open, keeping
// the table and the card chosen when they are still there.
func (s *Screen) takeSession(f *game.File) {
	s.Session = f
	names := make([]string, len(f.Teams))
	shown := ""
	for i, t := range f.Teams {
		names[i] = t.Name
		if t.ID == s.TeamID {
			shown = t.Name
		}
	}
	s.TeamSel.Options = names
	s.TeamSel.Refresh()
	if shown == "" && len(names) > 0 {
		s.TeamID = ""
		shown = names[0]
	}
	if shown != "" {
		s.TeamSel.SetSelected(shown) // a renamed table keeps its id: nothing else changes
	}
	s.show()
}

// mergeSentence says in one sentence what a merge changed on the table
// shown, and how much it changed on the others.
func mergeSentence(before, after *game.File, teamID string) string {
	changes := game.ChangesBetween(before, after)
	here := changes[teamID]
	elsewhere := 0
	for team, c := range changes {
		if team != teamID {
			elsewhere += c.Total()
		}
	}
	table := ""
	for _, t := range after.Teams {
		if t.ID == teamID {
			table = t.Name
		}
	}
	var parts []string
	for _, p := range []struct {
		n    int
		text string
	}{
		{here.Laid, kit.Count(here.Laid, "%d card laid", "%d cards laid", here.Laid)},
		{here.Removed, kit.Count(here.Removed, "%d card taken off", "%d cards taken off", here.Removed)},
		{here.Moved, kit.Count(here.Moved, "%d card moved or edited", "%d cards moved or edited", here.Moved)},
		{here.Ratings, kit.Count(here.Ratings, "%d rating changed", "%d ratings changed", here.Ratings)},
		{here.Notes, kit.Count(here.Notes, "%d note", "%d notes", here.Notes)},
	} {
		if p.n > 0 {
			parts = append(parts, p.text)
		}
	}
	var out string
	switch {
	case table == "":
		out = kit.Count(elsewhere, "Merged: %d change", "Merged: %d changes", elsewhere)
		elsewhere = 0
	case len(parts) == 0:
		out = fmt.Sprintf(lang.L("Merged: nothing changed on %s"), table)
	default:
		out = fmt.Sprintf(lang.L("Merged: %s on %s"), strings.Join(parts, ", "), table)
	}
	if elsewhere > 0 {
		out += "; " + kit.Count(elsewhere, "%d change on another table", "%d changes on other tables", elsewhere)
	}
	return out + "."
}

// backupsHoldingText says how many backups made before still hold the
// erased data, before their list.
func backupsHoldingText(n int) string {
	return kit.Count(n, "%d backup made before still holds the data; delete it too:", "%d backups made before still hold the data; delete them too:", n)
}
