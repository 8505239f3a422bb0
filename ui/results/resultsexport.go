package results

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/chart"
	"deckhand/game"
	"deckhand/pdf"
	"deckhand/storage"
	"deckhand/ui/kit"
	"deckhand/workbook"
)

// AskReport asks whether to include real names and where to save the
// workshop's report, then writes it off the UI goroutine. The report's
// matrix plots the axes chosen on the screen.
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
			// What the report is made of is taken here, on the UI
			// goroutine: the writing goroutine touches no widget.
			q := s.reportRequest(paper.Key(), names.Checked)
			s.saveAs(s.session.Workshop.Title+".pdf", []string{".pdf"}, func(path string) error { return s.writeReport(path, q) })
		}
	})
}

// reportRequest is what a report is written from: the workshop and its
// results as shown, the paper, whether real names go in, and the axes of
// the matrix. The chart for slides is drawn from the same, without paper
// or names.
type reportRequest struct {
	file      *game.File
	results   *game.WorkshopResults
	paper     string
	withNames bool
	across    string
	up        string
	lang      string // of the report, the chart and the workbook: the workshop's
}

// reportRequest takes the report's request from the screen as it is now.
func (s *Screen) reportRequest(paper string, withNames bool) reportRequest {
	return reportRequest{file: s.session, results: s.results, paper: paper, withNames: withNames,
		across: s.xAxis.Key(), up: s.yAxis.Key(), lang: s.documentLanguage()}
}

// documentLanguage is the language the documents saved from the screen
// are written in, the report, the chart and the workbook alike: the
// workshop's, whatever the interface's.
func (s *Screen) documentLanguage() string { return s.session.Workshop.Language }

// writeReport writes the report PDF atomically.
func (s *Screen) writeReport(path string, q reportRequest) error {
	p, err := pdf.ParsePaper(q.paper)
	if err != nil {
		return err
	}
	f := q.file
	o := pdf.ReportOptions{Lang: q.lang, Paper: p, IncludeNames: q.withNames, Created: time.Now(),
		Across: q.across, Up: q.up}
	if d, err := s.store.Deck(s.ctx, f.Workshop.DeckID); err == nil {
		o.Look = d.Look // the client's look as it is now; the snapshot's when the deck is gone
		if o.Look == nil {
			o.Look = &cards.Look{} // taken away since: none
		}
	}
	if q.withNames {
		if o.RealNames, err = s.store.RealNames(s.ctx, f.Workshop.ID); err != nil {
			return err
		}
	}
	write := storage.WriteFileAtomic
	if q.withNames {
		write = storage.WritePrivateFileAtomic // real names: a new file is the owner's alone
	}
	return write(path, func(w io.Writer) error {
		_, err := pdf.Report(w, f, q.results, o)
		return err
	})
}

// askExport saves the workshop's results as CSV (one row per rating), JSON
// (with the computed scores) or an Excel workbook for the client (the
// ranking, the matrix as a chart, the areas, tables, notes and ratings).
// The CSV's cells are separated as the workshop's language's spreadsheets
// expect (";" in Swedish and Finnish, "," in English), so that the
// client's Excel opens it in columns.
func (s *Screen) askExport(format string) {
	if s.session == nil {
		return
	}
	// The language and the matrix's axes are taken here, on the UI
	// goroutine, as the report's are.
	q := s.reportRequest("", false)
	s.saveAs(s.session.Workshop.Title+"."+format, []string{"." + format}, func(path string) error { return writeExport(path, format, q) })
}

// writeExport writes the results of q as format: the workbook in the
// report's language, its matrix on the screen's axes.
func writeExport(path, format string, q reportRequest) error {
	f, r := q.file, q.results
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		switch format {
		case game.ResultsJSON:
			return game.WriteResultsJSON(w, []*game.WorkshopResults{r})
		case game.ResultsXLSX:
			return workbook.Write(w, f, r, workbook.Options{Lang: q.lang, Across: q.across, Up: q.up})
		}
		return game.WriteResultsCSV(w, []*game.File{f}, false, game.CSVSeparatorFor(q.lang))
	})
}

// AskChart saves the matrix as shown, on the axes chosen, as a picture
// for slides: a PNG or an SVG, as the file's name ends.
func (s *Screen) AskChart() {
	if s.session == nil {
		return
	}
	// What the chart plots is taken here, on the UI goroutine: the
	// writing goroutine touches no widget.
	q := s.reportRequest("", false)
	s.saveAs(s.session.Workshop.Title+".png", []string{".png", ".svg"}, func(path string) error { return writeChart(path, q) })
}

// writeChart draws the matrix of q in the workshop's language, as the
// report is, and writes it atomically.
func writeChart(path string, q reportRequest) error {
	format, err := chart.FormatOf(path)
	if err != nil {
		return err
	}
	c, err := chart.New(q.file, q.results, chart.Options{Lang: q.lang, Across: q.across, Up: q.up})
	if err != nil {
		return err
	}
	return storage.WriteFileAtomic(path, func(w io.Writer) error {
		if format == chart.SVG {
			return c.WriteSVG(w)
		}
		return c.WritePNG(w, chart.DefaultWidth)
	})
}

// saveAs asks for a file name (proposing the first of exts), then writes
// in the background and says where the file went.
func (s *Screen) saveAs(name string, exts []string, write func(path string) error) {
	kit.AskSavePath(s.win, s.store, strings.NewReplacer("/", "-", "\\", "-").Replace(name), exts, func(path string) {
		wait := kit.ShowWorking(s.win, lang.L("Writing…"))
		go func() {
			err := write(path)
			s.toUI(func() {
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
// dates. Each visit of the screen reads every workshop's cards once, off
// the UI goroutine (game.CardsOf of storage.EachResultsFile); a filter
// typed in then compares them again in memory (game.CompareCards). They
// are let go when the screen is left.
type comparePane struct {
	s                        *Screen
	client, sector, from, to *kit.Field
	list                     *fyne.Container
	lines                    []string // shown in list

	workshops []game.WorkshopCards // read at this visit; nil while reading
	failed    error                // why they could not be read
	reading   int                  // the read under way: a newer visit's replaces an older's
}

func newComparePane(s *Screen) *comparePane {
	c := &comparePane{s: s, client: kit.NewField(), sector: kit.NewField(), from: kit.NewField(), to: kit.NewField(), list: container.NewVBox()}
	c.from.SetPlaceHolder("2026-01-01")
	c.to.SetPlaceHolder("2026-12-31")
	for _, e := range []*kit.Field{c.client, c.sector, c.from, c.to} {
		e.OnChanged = func(string) { c.show() }
	}
	return c
}

func (c *comparePane) content() fyne.CanvasObject {
	filters := widget.NewForm(
		widget.NewFormItem(lang.L("Client"), c.client), widget.NewFormItem(lang.L("Sector"), c.sector),
		widget.NewFormItem(lang.L("From"), c.from), widget.NewFormItem(lang.L("To"), c.to))
	return container.NewBorder(filters, nil, nil, nil, container.NewVScroll(c.list))
}

// refresh reads the cards of the screen's workshops in the background and
// then shows the comparison.
func (c *comparePane) refresh() {
	s := c.s
	c.reading++
	reading := c.reading
	c.workshops, c.failed = nil, nil
	c.show()
	ids := make([]string, len(s.workshops))
	for i, w := range s.workshops {
		ids[i] = w.ID
	}
	go func() {
		workshops := make([]game.WorkshopCards, 0, len(ids))
		// A blind round not revealed is left out here too, as on the
		// workshop's own results.
		rounds, err := s.store.BlindRounds(s.ctx)
		if err == nil {
			err = s.store.EachResultsFile(s.ctx, ids, func(f *game.File) error {
				if r, blind := rounds[f.Workshop.ID]; blind {
					f = f.HidingRatingsOf(r.PlayID)
				}
				workshops = append(workshops, game.CardsOf(f))
				return nil
			})
		}
		s.toUI(func() {
			if reading != c.reading {
				return // a later visit reads again
			}
			c.workshops, c.failed = workshops, err
			c.show()
		})
	}()
}

// drop lets the cards read go, and any read under way.
func (c *comparePane) drop() {
	c.reading++
	c.workshops, c.failed = nil, nil
}

// show compares the workshops read that pass the filter.
func (c *comparePane) show() {
	var lines []string
	switch {
	case c.failed != nil:
		lines = []string{kit.Sentence(kit.ErrorText(c.failed))}
	case c.workshops == nil:
		lines = []string{lang.L("Reading the workshops…")}
	default:
		filter := game.Filter{Client: c.client.Text, Sector: c.sector.Text, From: c.from.Text, To: c.to.Text}
		for _, card := range game.CompareCards(c.workshops, filter) {
			lines = append(lines, cardLine(card))
		}
	}
	c.lines = lines
	showLines(c.list, lines, fyne.TextWrapWord)
}

// cardLine is how a card of the comparison is shown.
func cardLine(card game.CardSummary) string {
	text := fmt.Sprintf(lang.L("%s %s: %s %s"), card.Code, card.Title,
		kit.Count(card.Chosen, "chosen %d time", "chosen %d times", card.Chosen), kit.Count(card.Workshops, "in %d workshop", "in %d workshops", card.Workshops))
	if card.Rated > 0 {
		text += fmt.Sprintf(lang.L(" · customer %s · organisation %s"), kit.Decimal(card.Customer), kit.Decimal(card.Organisation))
	}
	return text
}
