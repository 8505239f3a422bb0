package print

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/pdf"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// preflight checks the current choices without writing anything.
func (p *Screen) preflight() ([]pdf.Issue, error) {
	if p.deck == nil && p.What.Key() != printCalibration {
		return nil, errors.New(lang.L("there is no deck to print; make or import one in the Decks screen"))
	}
	switch p.What.Key() {
	case PrintCards, PrintKit:
		o, err := p.opts.cards(p.language.Key())
		if err != nil {
			return nil, err
		}
		issues, err := pdf.Preflight(p.deck, o)
		if err != nil || p.What.Key() == PrintCards {
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
	case PrintImages:
		im, err := p.opts.images(p.language.Key())
		if err != nil {
			return nil, err
		}
		// The pictures' sides are laid out as a print shop's single-card
		// PDF lays them out; the paper plays no part.
		o := pdf.DefaultCardOptions()
		o.Lang, o.Size, o.Bleed, o.Safe, o.Only, o.Layout, o.Marks = im.Lang, im.Size, im.Bleed, im.Safe, im.Only, pdf.LayoutSingle, false
		if im.Backs {
			o.Backs = pdf.BacksPages
		}
		return pdf.Preflight(p.deck, o)
	case printBoardImage:
		// The picture is the poster's layout drawn; the poster's preflight
		// finds what the picture would, without rasterizing thousands of
		// pixels on the UI goroutine at every change.
		if _, err := p.opts.boardImage(p.language.Key()); err != nil {
			return nil, err
		}
		b, err := p.opts.board(p.language.Key())
		if err != nil {
			return nil, err
		}
		b.Tile = pdf.TileNone
		res, err := pdf.Board(io.Discard, p.deck, b)
		return res.Issues, err
	}
	return nil, nil
}

// documents are the files the current choices print, each with its writer.
func (p *Screen) documents(progress func(done, total int)) ([]pdf.Document, error) {
	cardLang := p.language.Key()
	paper, err := pdf.ParsePaper(p.opts.paper.Key())
	if err != nil {
		return nil, err
	}
	switch what := p.What.Key(); what {
	case PrintCards:
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
	case PrintImages:
		return nil, nil // pictures are written by the job (see pictures)
	case printBoardImage:
		b, err := p.opts.boardImage(cardLang)
		return []pdf.Document{{Name: "board.png", Kind: printBoardImage, Write: func(w io.Writer) error {
			_, err := pdf.BoardImage(w, p.deck, b)
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
func (p *Screen) askPrint() {
	if pdf.HasErrors(p.issues) {
		kit.ShowConfirm(p.win, lang.L("Print anyway?"), lang.L("Preflight found errors: some text would be missing or wrong on the printed cards. Print anyway?"), func(ok bool) {
			if ok {
				p.AskWhere()
			}
		})
		return
	}
	p.AskWhere()
}

func (p *Screen) AskWhere() {
	if what := p.What.Key(); what == PrintKit || what == PrintImages {
		kit.ShowFolderDialog(p.win, dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				// A kit or a deck's pictures go into a folder of their own
				// inside dir: never into the database's backup folder.
				if g, ok := p.store.(kit.PathGuard); ok && g.Protects(dir.Path()) != nil {
					kit.ShowError(p.win, fmt.Errorf(lang.L("%s is the database Deckhand has open, one of its files or in its backup folder: choose another name or folder."), dir.Path()))
					return
				}
				p.runInBackground(dir.Path())
			}
		}, p.win))
		return
	}
	name, ext := p.What.Key()+".pdf", ".pdf"
	if p.What.Key() == printBoardImage {
		name, ext = "board.png", ".png"
	}
	if p.deck != nil && p.What.Key() != printCalibration {
		name = pdf.KitFolder(p.deck, p.language.Key()) + " - " + name
	}
	kit.AskSavePath(p.win, p.store, name, []string{ext}, p.runInBackground)
}

// runInBackground prints off the UI goroutine behind a progress dialog, so
// the window never freezes, and then offers to open what it wrote. Every
// choice is read here, on the UI goroutine; the goroutine touches no widget
// except through fyne.Do. One print runs at a time: the Print button stays
// disabled until it is done.
func (p *Screen) runInBackground(target string) {
	if p.printing {
		return
	}
	bar := widget.NewProgressBar()
	job, err := p.prepare(target, func(done, total int) {
		fyne.Do(func() { bar.SetValue(float64(done) / float64(max(1, total))) })
	})
	if err != nil {
		p.ShowResult(nil, err)
		return
	}
	wait := dialog.NewCustomWithoutButtons(lang.L("Printing…"), container.NewVBox(widget.NewLabel(filepath.Base(target)), bar), p.win)
	wait.Show()
	p.printing = true
	p.printBtn.Disable()
	go func() {
		files, err := job.write(p.ctx, p.store)
		fyne.Do(func() {
			p.printing = false
			wait.Hide()
			p.Refresh("")
			p.ShowResult(files, err)
			if p.afterPrint != nil {
				p.afterPrint()
			}
		})
	}()
}

// printJob is a print with every choice already read from the widgets, so
// that writing it needs nothing from the UI.
type printJob struct {
	docs     []pdf.Document
	paths    []string
	dir      string       // the kit's folder to make first, or ""
	deckID   string       // the deck whose print history records it, or "" for none
	pictures *picturesJob // the card pictures to write into dir, or nil
	codes    []string     // the "only cards" codes recorded with a cards print
	progress func(done, total int)
}

// printTo writes what is chosen, on the calling goroutine: one PDF at
// target, or for the kit a folder of PDFs inside the folder target.
func (p *Screen) printTo(target string, progress func(done, total int)) ([]string, error) {
	job, err := p.prepare(target, progress)
	if err != nil {
		return nil, err
	}
	files, err := job.write(p.ctx, p.store)
	if err == nil {
		p.Refresh("")
	}
	return files, err
}

// prepare reads the current choices into a print job.
func (p *Screen) prepare(target string, progress func(done, total int)) (*printJob, error) {
	docs, err := p.documents(progress)
	if err != nil {
		return nil, err
	}
	job := &printJob{docs: docs, paths: []string{target}, progress: progress}
	if p.deck != nil {
		job.deckID = p.deck.ID
	}
	if p.What.Key() == PrintCards {
		job.codes = p.opts.onlyCodes()
	}
	if p.What.Key() == PrintImages {
		o, err := p.opts.images(p.language.Key())
		if err != nil {
			return nil, err
		}
		o.Progress = progress
		job.dir = filepath.Join(target, pdf.KitFolder(p.deck, p.language.Key())+" - images")
		job.pictures = &picturesJob{deck: p.deck, opts: o}
		job.paths = nil
	}
	if p.What.Key() == PrintKit {
		job.dir = filepath.Join(target, pdf.KitFolder(p.deck, p.language.Key()))
		job.paths = make([]string, len(docs))
		for i, d := range docs {
			job.paths[i] = filepath.Join(job.dir, d.Name)
		}
	}
	return job, nil
}

// write writes every file through SavePrint, so each is written atomically
// and recorded in the deck's print history.
func (j *printJob) write(ctx context.Context, store Store) ([]string, error) {
	if j.dir != "" {
		if err := os.MkdirAll(j.dir, 0o755); err != nil {
			return nil, fmt.Errorf(lang.L("cannot make the folder %s: %v"), j.dir, err)
		}
	}
	if j.pictures != nil {
		return j.pictures.write(j.dir)
	}
	for i, d := range j.docs {
		if d.Kind == storage.PrintCalibration || j.deckID == "" {
			if err := storage.WriteFileAtomic(j.paths[i], d.Write); err != nil {
				return j.paths[:i], err
			}
			continue
		}
		rec := &storage.PrintJob{DeckID: j.deckID, Kind: d.Kind, Settings: d.Settings}
		if d.Kind == "cards" {
			rec.Codes = j.codes
		}
		if err := store.SavePrint(ctx, j.paths[i], rec, d.Write); err != nil {
			return j.paths[:i], err
		}
		if j.progress != nil && len(j.docs) > 1 {
			j.progress(i+1, len(j.docs))
		}
	}
	return j.paths, nil
}

// ShowResult says what was written and offers to open it.
func (p *Screen) ShowResult(files []string, err error) {
	if err != nil {
		kit.ShowError(p.win, errors.New(kit.Sentence(kit.ProblemText(err))))
		return
	}
	openLabel := lang.L("Open PDF")
	if filepath.Ext(files[0]) != ".pdf" {
		openLabel = lang.L("Open")
	}
	open := widget.NewButton(openLabel, func() { p.open(files[0]) })
	folder := widget.NewButton(lang.L("Show in folder"), func() { p.open(filepath.Dir(files[0])) })
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Wrote %s. Print it at 100 %% (actual size)."), files[0]))
	switch {
	case filepath.Ext(files[0]) == ".png":
		msg.SetText(kit.Count(len(files), "Wrote %d picture into %s. Upload it as it is, without scaling.", "Wrote %d pictures into %s. Upload them as they are, without scaling.", len(files), filepath.Dir(files[0])))
	case len(files) > 1:
		msg.SetText(kit.Count(len(files), "Wrote %d file into %s. Print it at 100 %% (actual size).", "Wrote %d files into %s. Print them at 100 %% (actual size).", len(files), filepath.Dir(files[0])))
	}
	msg.Wrapping = fyne.TextWrapWord
	d := kit.NewCustom(p.win, lang.L("Printed"), lang.L("Close"), container.NewVBox(msg, container.NewHBox(open, folder)))
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// open hands a file or folder to the desktop's default program.
func (p *Screen) open(path string) {
	if err := p.App.OpenURL(kit.FileURL(path)); err != nil {
		kit.ShowError(p.win, err)
	}
}

// picturesJob is a deck's card pictures, with their options read.
type picturesJob struct {
	deck *cards.Deck
	opts pdf.ImageOptions
}

// write writes every picture into dir, each atomically, and returns the
// files written.
func (j *picturesJob) write(dir string) ([]string, error) {
	var files []string
	_, err := pdf.CardImages(j.deck, j.opts, func(name string, data []byte) error {
		path := filepath.Join(dir, name)
		if err := storage.WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return err
		}
		files = append(files, path)
		return nil
	})
	return files, err
}
