package results

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/pdf"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// AskReport asks whether to include real names and where to save the
// workshop's report, then writes it off the UI goroutine.
func (s *Screen) AskReport() {
	if s.session == nil {
		return
	}
	names := kit.NewKeyedCheck(lang.L("Include participants' real names (left out by default)"), nil)
	paper := kit.NewKeyedSelect(nil)
	paper.SetOptions([]string{"a4", "letter"}, []string{"A4", "Letter"})
	paper.SetKeyQuietly(s.app.Preferences().StringWithFallback("print.paper", "a4"))
	if paper.Key() == "" {
		paper.SetKeyQuietly("a4")
	}
	kit.ShowForm(s.win, lang.L("Workshop report"), lang.L("Save…"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Paper"), paper), widget.NewFormItem("", names),
	}, func(ok bool) {
		if ok {
			s.saveAs(s.session.Workshop.Title+".pdf", ".pdf", func(path string) error { return s.writeReport(path, paper.Key(), names.Checked) })
		}
	})
}

// writeReport writes the report PDF atomically.
func (s *Screen) writeReport(path, paperKey string, withNames bool) error {
	p, err := pdf.ParsePaper(paperKey)
	if err != nil {
		return err
	}
	o := pdf.ReportOptions{Lang: s.session.Workshop.Language, Paper: p, IncludeNames: withNames, Created: time.Now()}
	if withNames {
		if o.RealNames, err = s.store.RealNames(s.ctx, s.session.Workshop.ID); err != nil {
			return err
		}
	}
	f, r := s.session, s.results
	write := storage.WriteFileAtomic
	if withNames {
		write = storage.WritePrivateFileAtomic // real names: a new file is the owner's alone
	}
	return write(path, func(w io.Writer) error {
		_, err := pdf.Report(w, f, r, o)
		return err
	})
}

// askExport saves the workshop's results as CSV (one row per rating) or
// JSON (with the computed scores).
func (s *Screen) askExport(format string) {
	if s.session == nil {
		return
	}
	s.saveAs(s.session.Workshop.Title+"."+format, "."+format, func(path string) error { return s.writeExport(path, format) })
}

func (s *Screen) writeExport(path, format string) error {
	f, r := s.session, s.results
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		if format == game.ResultsJSON {
			return game.WriteResultsJSON(w, []*game.WorkshopResults{r})
		}
		return game.WriteResultsCSV(w, []*game.File{f}, false)
	})
}

// saveAs asks for a file name, then writes in the background and says
// where the file went.
func (s *Screen) saveAs(name, ext string, write func(path string) error) {
	kit.AskSavePath(s.win, s.store, strings.NewReplacer("/", "-", "\\", "-").Replace(name), []string{ext}, func(path string) {
		wait := dialog.NewCustomWithoutButtons(lang.L("Writing…"), widget.NewProgressBarInfinite(), s.win)
		wait.Show()
		go func() {
			err := write(path)
			fyne.Do(func() {
				wait.Hide()
				if err != nil {
					kit.ShowError(s.win, errors.New(kit.Sentence(kit.ProblemText(err))))
					return
				}
				kit.ShowInformation(s.win, lang.L("Saved"), fmt.Sprintf(lang.L("Wrote %s."), path))
			})
		}()
	})
}

// comparePane compares card codes across workshops, by client, sector and
// dates.
type comparePane struct {
	s                        *Screen
	client, sector, from, to *kit.Field
	list                     *fyne.Container
}

func newComparePane(s *Screen) *comparePane {
	c := &comparePane{s: s, client: kit.NewField(), sector: kit.NewField(), from: kit.NewField(), to: kit.NewField(), list: container.NewVBox()}
	c.from.SetPlaceHolder("2026-01-01")
	c.to.SetPlaceHolder("2026-12-31")
	for _, e := range []*kit.Field{c.client, c.sector, c.from, c.to} {
		e.OnChanged = func(string) { c.refresh() }
	}
	return c
}

func (c *comparePane) content() fyne.CanvasObject {
	filters := widget.NewForm(
		widget.NewFormItem(lang.L("Client"), c.client), widget.NewFormItem(lang.L("Sector"), c.sector),
		widget.NewFormItem(lang.L("From"), c.from), widget.NewFormItem(lang.L("To"), c.to))
	return container.NewBorder(filters, nil, nil, nil, container.NewVScroll(c.list))
}

// refresh compares every workshop that passes the filter.
func (c *comparePane) refresh() {
	s := c.s
	c.list.RemoveAll()
	var files []*game.File
	for _, w := range s.workshops {
		f, err := s.store.Session(s.ctx, w.ID, false)
		if err != nil {
			c.list.Add(widget.NewLabel(kit.Sentence(kit.ErrorText(err))))
			return
		}
		files = append(files, f)
	}
	filter := game.Filter{Client: c.client.Text, Sector: c.sector.Text, From: c.from.Text, To: c.to.Text}
	for _, card := range game.Compare(files, filter) {
		text := fmt.Sprintf(lang.L("%s %s: %s %s"), card.Code, card.Title,
			kit.Counted(card.Chosen, lang.L("chosen once"), lang.L("chosen %d times")), kit.Counted(card.Workshops, lang.L("in 1 workshop"), lang.L("in %d workshops")))
		if card.Rated > 0 {
			text += fmt.Sprintf(lang.L(" · customer %.1f · organisation %.1f"), card.Customer, card.Organisation)
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		c.list.Add(l)
	}
}
