package decks

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// ImportDeck lets the person pick a deck file, reads it off the UI
// goroutine, and then asks whether to make a new deck of it or to update
// the deck shown.
func (s *Screen) ImportDeck() {
	s.openFile([]string{".csv", ".json", ".txt"}, func(path string) {
		go func() {
			d, err := s.readDeckFile(path, s.template)
			fyne.Do(func() { s.askImport(path, d, err) })
		}()
	})
}

// openFile asks for a file with one of the extensions and hands its path
// to done; nothing when the person cancels.
func (s *Screen) openFile(extensions []string, done func(path string)) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, s.win)
	open.SetFilter(fynestorage.NewExtensionFileFilter(extensions))
	kit.ShowFileDialog(s.win, open)
}

// readDeckFile reads a deck file; CSV files take their vocabulary from template.
func (s *Screen) readDeckFile(path string, template *cards.Deck) (*cards.Deck, error) {
	if template == nil {
		return nil, errors.New(lang.L("the default deck could not be read, so a CSV file has nothing to base its card types on"))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return cards.ReadFile(path, f, template)
}

func (s *Screen) askImport(path string, d *cards.Deck, err error) {
	if err != nil {
		s.showFileProblems(path, err)
		return
	}
	name := kit.NewField()
	name.SetText(cards.NameForFile(d, path))
	asNew := lang.L("As a new deck")
	choices := []string{asNew}
	if s.deck != nil {
		choices = append(choices, fmt.Sprintf(lang.L("Replace the cards of %q"), s.deck.Name))
	}
	how := kit.NewKeyedRadioGroup(choices, func(choice string) {
		if choice == asNew {
			name.Enable()
		} else {
			name.Disable()
		}
	})
	how.Required = true // no choice would import nowhere
	how.SetSelected(asNew)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Import"), how),
		widget.NewFormItem(lang.L("Name"), name),
	}
	// What reading noticed (a CSV file read as Windows-1252) is said
	// before the import, while the person can still look at the cards.
	for _, note := range d.ReadNotes {
		said := widget.NewLabel(kit.Sentence(kit.Say(note)))
		said.Wrapping = fyne.TextWrapWord
		items = append([]*widget.FormItem{widget.NewFormItem(lang.L("Note"), said)}, items...)
	}
	title := kit.Count(len(d.Cards), "Import %d card from %s", "Import %d cards from %s", len(d.Cards), filepath.Base(path))
	kit.ShowSaveForm(s.win, title, lang.L("Import"), items, func() error {
		if how.Selected == asNew {
			return s.importAsNewDeck(d, name.Text)
		}
		s.importIntoShownDeck(path)
		return nil
	})
}

// importAsNewDeck stores a deck read from a file under the given name,
// after a backup; a refusal (a name taken) goes back to the form.
func (s *Screen) importAsNewDeck(d *cards.Deck, name string) error {
	d.Name = strings.TrimSpace(name)
	if _, err := s.store.AutoBackup(s.ctx); err != nil {
		return err
	}
	if err := s.store.CreateDeck(s.ctx, d); err != nil {
		return err
	}
	s.ReloadDecks(d.ID)
	return nil
}

// exportDeck writes the deck shown to a CSV or JSON file the person picks;
// the file's extension chooses the format (CSV when it has none).
func (s *Screen) exportDeck() {
	if s.deck == nil {
		return
	}
	s.whenWhole(func() { s.askExportPath(s.deck) })
}

// askExportPath asks where to write the whole deck d, then writes it off
// the UI goroutine.
func (s *Screen) askExportPath(d *cards.Deck) {
	kit.AskSavePath(s.win, s.store, d.Name+".csv", []string{".csv", ".json"}, func(path string) {
		go func() {
			err := exportDeckFile(d, path)
			fyne.Do(func() {
				if err != nil {
					s.showError(err)
					return
				}
				kit.ShowInformation(s.win, lang.L("Exported"), kit.Count(len(d.Cards), "Wrote %d card to %s.", "Wrote %d cards to %s.", len(d.Cards), path))
			})
		}()
	})
}

// exportDeckFile writes the deck atomically: a failed export leaves no half
// file and whatever was at path before stays as it was.
func exportDeckFile(d *cards.Deck, path string) error {
	format := cards.FormatOf(path)
	if format == "" {
		format = cards.FormatCSV
	}
	return storage.WriteFileAtomic(path, func(w io.Writer) error { return cards.Write(w, d, format) })
}

// showError tells the person what went wrong in one sentence.
func (s *Screen) showError(err error) {
	kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(err))))
}

// showFileProblems lists every problem in a deck file, each with its line
// and column, so the person can fix them all in one go.
func (s *Screen) showFileProblems(path string, err error) {
	var ps cards.Problems
	if !errors.As(err, &ps) || len(ps) < 2 {
		s.showError(fmt.Errorf("%s: %w", filepath.Base(path), err))
		return
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = kit.ProblemLine(p)
	}
	list := widget.NewLabel(strings.Join(lines, "\n"))
	list.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(fmt.Sprintf(lang.L("%s has %s. Nothing was imported; fix the file and import it again."), filepath.Base(path),
		kit.Count(len(ps), "%d problem", "%d problems", len(ps))))
	head.Wrapping = fyne.TextWrapWord
	d := kit.NewCustom(s.win, lang.L("Nothing was imported"), lang.L("Close"), container.NewBorder(head, nil, nil, nil, container.NewVScroll(list)))
	d.Resize(fyne.NewSize(680, 420))
	d.Show()
}
