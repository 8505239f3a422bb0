package ui

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"deckhand/pdf"
	"deckhand/storage"
)

// preflight checks the current choices without writing anything.
func (p *PrintScreen) preflight() ([]pdf.Issue, error) {
	if p.deck == nil && p.what.Key() != printCalibration {
		return nil, errors.New(lang.L("there is no deck to print; make or import one in the Decks screen"))
	}
	switch p.what.Key() {
	case printCards, printKit:
		o, err := p.opts.cards(p.language.Key())
		if err != nil {
			return nil, err
		}
		issues, err := pdf.Preflight(p.deck, o)
		if err != nil || p.what.Key() == printCards {
			return issues, err
		}
		b, err := p.opts.board(p.language.Key())
		if err != nil {
			return nil, err
		}
		res, err := pdf.Board(io.Discard, p.deck, b)
		return append(issues, res.Issues...), err
	case printBoard:
		b, err := p.opts.board(p.language.Key())
		if err != nil {
			return nil, err
		}
		res, err := pdf.Board(io.Discard, p.deck, b)
		return res.Issues, err
	case printSheets:
		_, err := p.opts.tableCount()
		return nil, err
	}
	return nil, nil
}

// documents are the files the current choices print, each with its writer.
func (p *PrintScreen) documents(progress func(done, total int)) ([]pdf.Document, error) {
	cardLang := p.language.Key()
	paper, err := pdf.ParsePaper(p.opts.paper.Key())
	if err != nil {
		return nil, err
	}
	switch what := p.what.Key(); what {
	case printCards:
		o, err := p.opts.cards(cardLang)
		o.Created, o.Progress = p.now(), progress
		return []pdf.Document{{Name: "cards.pdf", Kind: "cards", Settings: o.Settings(), Write: func(w io.Writer) error {
			_, err := pdf.Cards(w, p.deck, o)
			return err
		}}}, err
	case printBoard:
		b, err := p.opts.board(cardLang)
		b.Created = p.now()
		return []pdf.Document{{Name: "board.pdf", Kind: "board", Settings: b.Settings(), Write: func(w io.Writer) error {
			_, err := pdf.Board(w, p.deck, b)
			return err
		}}}, err
	case printCalibration:
		backs := p.opts.backs.Key()
		return []pdf.Document{{Name: "calibration.pdf", Kind: storage.PrintCalibration, Write: func(w io.Writer) error {
			return pdf.Calibration(w, paper, backs, cardLang, p.now())
		}}}, nil
	default: // sheets, guide and kit come from the kit's documents
		o, err := p.opts.cards(cardLang)
		if err != nil {
			return nil, err
		}
		b, err := p.opts.board(cardLang)
		if err != nil {
			return nil, err
		}
		tables, err := p.opts.tableCount()
		if err != nil && what != printGuide {
			return nil, err
		}
		docs := pdf.Kit(p.deck, pdf.KitOptions{Cards: o, Board: b, Tables: tables, Created: p.now()})
		for _, d := range docs {
			if what == d.Kind {
				return []pdf.Document{d}, nil
			}
		}
		return docs, nil
	}
}

// askPrint asks where to save, after asking whether to print anyway when
// preflight found errors.
func (p *PrintScreen) askPrint() {
	if pdf.HasErrors(p.issues) {
		dialog.ShowConfirm(lang.L("Print anyway?"), lang.L("Preflight found errors: some text would be missing or wrong on the printed cards. Print anyway?"),
			func(ok bool) {
				if ok {
					p.askWhere()
				}
			}, p.win)
		return
	}
	p.askWhere()
}

func (p *PrintScreen) askWhere() {
	if p.what.Key() == printKit {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				p.runInBackground(dir.Path())
			}
		}, p.win)
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		p.runInBackground(path)
	}, p.win)
	name := p.what.Key() + ".pdf"
	if p.deck != nil && p.what.Key() != printCalibration {
		name = pdf.KitFolder(p.deck, p.language.Key()) + " - " + name
	}
	save.SetFileName(name)
	save.SetFilter(fynestorage.NewExtensionFileFilter([]string{".pdf"}))
	save.Show()
}

// runInBackground prints off the UI goroutine behind a progress dialog, so
// the window never freezes, and then offers to open what it wrote.
func (p *PrintScreen) runInBackground(target string) {
	bar := widget.NewProgressBar()
	wait := dialog.NewCustomWithoutButtons(lang.L("Printing…"), container.NewVBox(widget.NewLabel(filepath.Base(target)), bar), p.win)
	wait.Show()
	go func() {
		files, err := p.printTo(target, func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(max(1, total))) })
		})
		fyne.Do(func() {
			wait.Hide()
			p.showResult(files, err)
		})
	}()
}

// printTo writes what is chosen: one PDF at target, or for the kit a folder
// of PDFs inside the folder target. Every file goes through SavePrint, so
// it is written atomically and recorded in the deck's print history.
func (p *PrintScreen) printTo(target string, progress func(done, total int)) ([]string, error) {
	docs, err := p.documents(progress)
	if err != nil {
		return nil, err
	}
	paths := []string{target}
	if p.what.Key() == printKit {
		dir := filepath.Join(target, pdf.KitFolder(p.deck, p.language.Key()))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf(lang.L("cannot make the folder %s: %v"), dir, err)
		}
		paths = make([]string, len(docs))
		for i, d := range docs {
			paths[i] = filepath.Join(dir, d.Name)
		}
	}
	for i, d := range docs {
		if d.Kind == storage.PrintCalibration || p.deck == nil {
			if err := storage.WriteFileAtomic(paths[i], d.Write); err != nil {
				return paths[:i], err
			}
			continue
		}
		job := &storage.PrintJob{DeckID: p.deck.ID, Kind: d.Kind, Settings: d.Settings}
		if d.Kind == "cards" {
			job.Codes = p.opts.onlyCodes()
		}
		if err := p.store.SavePrint(p.ctx, paths[i], job, d.Write); err != nil {
			return paths[:i], err
		}
		if progress != nil && len(docs) > 1 {
			progress(i+1, len(docs))
		}
	}
	p.Refresh("")
	return paths, nil
}

// showResult says what was written and offers to open it.
func (p *PrintScreen) showResult(files []string, err error) {
	if err != nil {
		dialog.ShowError(errors.New(sentence(problemText(err))), p.win)
		return
	}
	open := widget.NewButton(lang.L("Open PDF"), func() { p.open(files[0]) })
	folder := widget.NewButton(lang.L("Show in folder"), func() { p.open(filepath.Dir(files[0])) })
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Wrote %s. Print it at 100 %% (actual size)."), files[0]))
	if len(files) > 1 {
		msg.SetText(fmt.Sprintf(lang.L("Wrote %d files into %s. Print them at 100 %% (actual size)."), len(files), filepath.Dir(files[0])))
	}
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Printed"), lang.L("Close"), container.NewVBox(msg, container.NewHBox(open, folder)), p.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// open hands a file or folder to the desktop's default program.
func (p *PrintScreen) open(path string) {
	if err := p.app.OpenURL(&url.URL{Scheme: "file", Path: path}); err != nil {
		dialog.ShowError(err, p.win)
	}
}
