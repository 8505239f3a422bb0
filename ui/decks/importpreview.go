package decks

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// importPreview is what the person sees before a file replaces the cards
// of a deck: the file read with the deck's own vocabulary, what it would
// add, change and remove, and the backup taken before anything changes.
type importPreview struct {
	file   *cards.Deck
	diff   cards.CardDiff
	backup string
	err    error
	read   bool // the error is the file's
}

// importIntoShownDeck makes the deck shown hold the file's cards, after
// showing what that adds, changes and removes, with the backup it took,
// and a choice to update without removing. Reading the file, the preview,
// the backup and the import run off the UI goroutine.
func (s *Screen) importIntoShownDeck(path string) {
	target := s.deck
	go func() {
		p := s.previewImportInto(target, path)
		s.toUI(func() { s.askImportInto(target, path, p) })
	}()
}

// previewImportInto reads the file again (a CSV file with the deck's own
// card types and board), counts what it would change and takes a backup.
// It touches no widget.
func (s *Screen) previewImportInto(target *cards.Deck, path string) importPreview {
	var p importPreview
	if p.file, p.err = s.readDeckFile(path, target.Template()); p.err != nil {
		p.read = true
		return p
	}
	if p.diff, p.err = s.store.PreviewImportInto(s.ctx, target.ID, p.file); p.err != nil {
		p.read = true
		return p
	}
	p.backup, p.err = s.store.AutoBackup(s.ctx)
	return p
}

// askImportInto shows the preview and asks: replace (removing the cards
// the file lacks), update without removing, or cancel.
func (s *Screen) askImportInto(target *cards.Deck, path string, p importPreview) {
	switch {
	case p.read:
		s.showFileProblems(path, p.err)
		return
	case p.err != nil:
		s.showError(p.err) // no backup: nothing goes ahead
		return
	}
	d := p.diff
	lines := []string{previewHeadline(filepath.Base(path), target.Name, d)}
	for _, l := range []struct {
		format string
		codes  []string
	}{{lang.L("Added: %s"), d.Added}, {lang.L("Changed: %s"), d.Changed}, {lang.L("Removed: %s"), d.Removed}} {
		if len(l.codes) > 0 {
			lines = append(lines, fmt.Sprintf(l.format, shortCodes(l.codes)))
		}
	}
	lines = append(lines, fmt.Sprintf(lang.L("A backup was taken first: %s."), filepath.Base(p.backup)))
	if len(d.Removed) > 0 {
		lines = append(lines, kit.Count(len(d.Removed), "Replace removes the %d card the file lacks; update without removing keeps it.", "Replace removes the %d cards the file lacks; update without removing keeps them.", len(d.Removed)))
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord

	// Esc and Cancel change nothing; Enter takes the choice that removes
	// nothing, so a key pressed out of habit never deletes cards.
	dlg := kit.NewKeyedDialog(s.win, fmt.Sprintf(lang.L("Replace the cards of %q"), target.Name), container.NewVScroll(text), lang.L("Cancel"), "", nil)
	choose := func(keep bool) func() {
		return func() {
			dlg.Finish(true)
			s.runImportInto(target, path, p.file, keep)
		}
	}
	cancel := kit.NewDialogButton(dlg, lang.L("Cancel"), func() { dlg.Finish(false) })
	buttons := []fyne.CanvasObject{cancel}
	if len(d.Removed) > 0 {
		update := kit.NewDialogButton(dlg, lang.L("Update without removing"), choose(true))
		replace := kit.NewDialogButton(dlg, fmt.Sprintf(lang.L("Replace (removes %d)"), len(d.Removed)), choose(false))
		replace.Importance = widget.DangerImportance
		buttons = append(buttons, update, replace)
		dlg.Enter = update.OnTapped
	} else {
		update := kit.NewDialogButton(dlg, lang.L("Update"), choose(false))
		update.Importance = widget.HighImportance
		buttons = append(buttons, update)
		dlg.Enter = update.OnTapped
	}
	dlg.SetButtons(buttons)
	dlg.Resize(fyne.NewSize(600, 360))
	dlg.Show()
}

// previewHeadline is the preview's first line: what the file does to the
// deck, counted, with "1 card added" in the form its number takes.
func previewHeadline(file, deck string, d cards.CardDiff) string {
	return fmt.Sprintf(lang.L("%s into %q: %s, %d changed, %d removed, %d unchanged."),
		file, deck, kit.Count(len(d.Added), "%d card added", "%d cards added", len(d.Added)),
		len(d.Changed), len(d.Removed), d.Unchanged)
}

// runImportInto imports off the UI goroutine and then shows the deck and
// what changed.
func (s *Screen) runImportInto(target *cards.Deck, path string, file *cards.Deck, keep bool) {
	importInto := s.store.ImportInto
	if keep {
		importInto = s.store.UpdateInto
	}
	go func() {
		sum, err := importInto(s.ctx, target.ID, file)
		s.toUI(func() {
			if err != nil {
				s.showFileProblems(path, err)
				return
			}
			s.deck = nil // show it afresh
			s.ReloadDecks(target.ID)
			kit.ShowInformation(s.win, lang.L("Import done"), fmt.Sprintf(lang.L("%q: %d added, %d updated, %d removed, %d unchanged."),
				target.Name, sum.Added, sum.Updated, sum.Removed, sum.Unchanged))
		})
	}()
}

// shortCodes lists codes, the first ten and how many more when there are
// more than twelve: enough to recognise the cards, short enough to read.
func shortCodes(codes []string) string {
	if len(codes) <= 12 {
		return strings.Join(codes, ", ")
	}
	return strings.Join(codes[:10], ", ") + " " + fmt.Sprintf(lang.L("… %d more"), len(codes)-10)
}
