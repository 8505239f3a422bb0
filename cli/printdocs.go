package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/pdf"
	"deckhand/storage"
)

func init() {
	printCommands["board"] = runPrintBoard
	printCommands["sheets"] = runPrintSheets
	printCommands["guide"] = runPrintGuide
	printCommands["kit"] = runPrintKit
}

// boardFlags are the options of a board poster.
type boardFlags struct {
	size, tile string
	overlap    float64
}

// register adds the poster options; sizeFlag names the poster size option,
// "size" for print board and "poster" for the kit, where --size is the card's.
func (f *boardFlags) register(fs *flag.FlagSet, sizeFlag string) {
	fs.StringVar(&f.size, sizeFlag, "a2", "poster size: a3, a2, a1 or a0")
	fs.StringVar(&f.tile, "tile", pdf.TileNone, "none, or the paper to tile onto: a4, letter or a3")
	fs.Float64Var(&f.overlap, "overlap", 15, "glue band between tiles in mm")
}

func (f *boardFlags) options(lang string, margin float64) (pdf.BoardOptions, error) {
	o := pdf.DefaultBoardOptions()
	var err error
	if o.Size, err = pdf.ParsePaper(f.size); err != nil {
		return o, usagef("%v", err)
	}
	o.Lang, o.Tile, o.Overlap, o.Margin = lang, f.tile, f.overlap, margin
	return o, nil
}

// deckAndOut reads the --deck and -o every document command needs, and
// refuses an -o that must not be written (see checkOut).
func deckAndOut(e *env, deck, out string, force bool) (*cards.Deck, error) {
	if deck == "" || out == "" {
		return nil, usagef("--deck and -o are required")
	}
	if err := e.checkOut(out, force); err != nil {
		return nil, err
	}
	return e.findDeck(deck)
}

// saveDoc writes one printed document and records it.
func saveDoc(e *env, d *cards.Deck, path string, doc pdf.Document) error {
	job := &storage.PrintJob{DeckID: d.ID, Kind: doc.Kind, Settings: doc.Settings}
	if err := e.store.SavePrint(e.ctx, path, job, doc.Write); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s, %s edition %d)\n", path, doc.Kind, d.Name, job.Edition)
	return nil
}

func runPrintBoard(e *env, args []string) error {
	fs := newFlags(e, "print board")
	deck, out, lang := fs.String("deck", "", "deck name or id"), fs.String("o", "", "the PDF file to write"), fs.String("lang", "", "language")
	margin := fs.Float64("margin", 5, "printer margin of the tiles in mm")
	force := forceFlag(fs)
	var bf boardFlags
	bf.register(fs, "size")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	d, err := deckAndOut(e, *deck, *out, *force)
	if err != nil {
		return err
	}
	o, err := bf.options(*lang, *margin)
	if err != nil {
		return err
	}
	o.Created = time.Now()
	var res pdf.BoardResult
	err = saveDoc(e, d, *out, pdf.Document{Kind: "board", Settings: o.Settings(), Write: func(w io.Writer) error {
		res, err = pdf.Board(w, d, o)
		return err
	}})
	reportIssues(e.stderr, res.Issues)
	return err
}

func runPrintSheets(e *env, args []string) error {
	fs := newFlags(e, "print sheets")
	deck, out, lang := fs.String("deck", "", "deck name or id"), fs.String("o", "", "the PDF file to write"), fs.String("lang", "", "language")
	paper := fs.String("paper", "a4", "paper: a4 or letter")
	tables := fs.Int("tables", 1, "how many tables (one sheet set each)")
	teams := fs.String("teams", "", "team names, comma-separated (instead of --tables)")
	workshop := fs.String("workshop", "", "a workshop's title or id: a sheet set for each of its tables, in its language and from its deck")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	var names []string
	var snapshot *cards.Deck // the workshop's own copy, when its deck is not stored here
	if *workshop != "" {
		var err error
		if names, snapshot, err = workshopSheets(e, fs, *workshop, deck, lang); err != nil {
			return err
		}
	}
	d := snapshot
	if d == nil {
		var err error
		if d, err = deckAndOut(e, *deck, *out, *force); err != nil {
			return err
		}
	} else if *out == "" {
		return usagef("-o is required")
	} else if err := e.checkOut(*out, *force); err != nil {
		return err
	}
	p, err := pdf.ParsePaper(*paper)
	if err != nil {
		return usagef("%v", err)
	}
	if *tables < 1 || *tables > 50 {
		return usagef("--tables must be from 1 to 50")
	}
	if names == nil {
		names = strings.FieldsFunc(*teams, func(r rune) bool { return r == ',' })
	}
	if len(names) == 0 {
		for i := 1; i <= *tables; i++ {
			names = append(names, fmt.Sprintf("%d", i))
		}
	}
	o := pdf.SheetOptions{Lang: *lang, Paper: p, Teams: names, Created: time.Now()}
	settings := map[string]string{"lang": *lang, "paper": p.Name, "teams": strings.Join(names, ",")}
	write := func(w io.Writer) error {
		_, err := pdf.RatingSheets(w, d, o)
		return err
	}
	if snapshot != nil {
		// A deck known only from the workshop has no print history here.
		if err := storage.WriteFileAtomic(*out, write); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s (sheets, %s edition %d as the workshop holds it)\n", *out, d.Name, d.Edition)
		return nil
	}
	return saveDoc(e, d, *out, pdf.Document{Kind: "sheets", Settings: settings, Write: write})
}

// workshopSheets reads the tables of the workshop named for print sheets
// --workshop, and fills in its deck and language where they were not
// given; when its deck is not stored here (the workshop came as a file)
// it returns the workshop's own copy of the deck. The tables come from
// the workshop, so --tables and --teams are refused beside it.
func workshopSheets(e *env, fs *flag.FlagSet, name string, deck, lang *string) ([]string, *cards.Deck, error) {
	var clash error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "tables" || f.Name == "teams" {
			clash = usagef("--workshop prints a sheet set for each of the workshop's tables; leave out --%s", f.Name)
		}
	})
	if clash != nil {
		return nil, nil, clash
	}
	store, err := e.open()
	if err != nil {
		return nil, nil, err
	}
	w, err := store.FindWorkshop(e.ctx, name)
	if err != nil {
		return nil, nil, err
	}
	s, err := store.Session(e.ctx, w.ID, false)
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, 0, len(s.Teams))
	for _, t := range s.Teams {
		names = append(names, t.Name)
	}
	if *lang == "" {
		*lang = w.Language
	}
	if *deck != "" {
		return names, nil, nil
	}
	if _, err := store.FindDeck(e.ctx, w.DeckID); err == nil || s.Workshop.Deck == nil {
		*deck = w.DeckID
		return names, nil, nil
	}
	return names, s.Workshop.Deck, nil
}

func runPrintGuide(e *env, args []string) error {
	fs := newFlags(e, "print guide")
	deck, out, lang := fs.String("deck", "", "deck name or id"), fs.String("o", "", "the PDF file to write"), fs.String("lang", "", "language")
	paper := fs.String("paper", "a4", "paper: a4, letter or a3")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	d, err := deckAndOut(e, *deck, *out, *force)
	if err != nil {
		return err
	}
	p, err := pdf.ParsePaper(*paper)
	if err != nil {
		return usagef("%v", err)
	}
	o := pdf.GuideOptions{Lang: *lang, Paper: p, Created: time.Now()}
	return saveDoc(e, d, *out, pdf.Document{Kind: "guide", Settings: map[string]string{"lang": *lang, "paper": p.Name},
		Write: func(w io.Writer) error { return pdf.Guide(w, d, o) }})
}

func runPrintKit(e *env, args []string) error {
	fs := newFlags(e, "print kit")
	var cf cardFlags
	cf.register(fs)
	var bf boardFlags
	bf.register(fs, "poster")
	tables := fs.Int("tables", 4, "how many tables get rating sheets")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	d, err := deckAndOut(e, cf.deck, cf.out, cf.force)
	if err != nil {
		return err
	}
	co, err := cf.options()
	if err != nil {
		return err
	}
	if cf.only == onlyChanged {
		if co.Only, err = changedCards(e, d.ID); err != nil {
			return err
		}
	}
	bo, err := bf.options(cf.lang, cf.margin)
	if err != nil {
		return err
	}
	if *tables < 1 || *tables > 50 {
		return usagef("--tables must be from 1 to 50")
	}
	issues, err := pdf.Preflight(d, co)
	if err != nil {
		return err
	}
	reportIssues(e.stderr, issues)
	if cf.strict && pdf.HasErrors(issues) {
		return errStrict
	}
	dir := filepath.Join(cf.out, pdf.KitFolder(d, cf.lang))
	docs := pdf.Kit(d, pdf.KitOptions{Cards: co, Board: bo, Tables: *tables, Created: time.Now()})
	// Every file is checked before the first is written: a kit is whole
	// or not written at all.
	for _, doc := range docs {
		if err := e.checkOut(filepath.Join(dir, doc.Name), cf.force); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	for _, doc := range docs {
		if err := saveDoc(e, d, filepath.Join(dir, doc.Name), doc); err != nil {
			return err
		}
	}
	return nil
}
