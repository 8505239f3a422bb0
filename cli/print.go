package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/pdf"
	"deckhand/storage"
)

// printCommands are the things "deckhand print" prints.
var printCommands = map[string]func(e *env, args []string) error{
	"cards":       runPrintCards,
	"calibration": runPrintCalibration,
}

func runPrint(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("print what? cards, board, sheets, calibration or kit")
	}
	run, ok := printCommands[args[0]]
	if !ok {
		return usagef("unknown print %q; use cards, board, sheets, calibration or kit", args[0])
	}
	return run(e, args[1:])
}

// cardFlags are the options of "print cards", read into CardOptions.
type cardFlags struct {
	deck, out, lang, size, paper, layout, backs, offset, only, preset string
	bleed, margin, safe                                               float64
	marks, strict, force, proof                                       bool
	blank                                                             int
}

func (f *cardFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.deck, "deck", "", "deck name or id")
	fs.StringVar(&f.out, "o", "", "the PDF file to write")
	fs.BoolVar(&f.force, "force", false, "replace the -o file even when it is read-only")
	fs.StringVar(&f.lang, "lang", "", "language of the card texts")
	fs.StringVar(&f.size, "size", "poker", "card size: poker, bridge, mini, euro, tarot, square, a7 or WxH in mm")
	fs.StringVar(&f.paper, "paper", "a4", "paper: a4, letter or a3")
	fs.StringVar(&f.layout, "layout", pdf.LayoutButted, "butted, gapped or single (one card a page, for print shops)")
	fs.StringVar(&f.backs, "backs", pdf.BacksNone, "none, duplex-long, duplex-short or pages")
	fs.StringVar(&f.offset, "offset", "0,0", "back offset X,Y in mm, as read on the calibration page")
	fs.StringVar(&f.only, "only", "", `print only these card codes, comma-separated; "changed": those changed since the cards were last printed`)
	fs.Float64Var(&f.bleed, "bleed", 0, "bleed in mm, 0–5")
	fs.Float64Var(&f.margin, "margin", 5, "printer margin in mm")
	fs.BoolVar(&f.marks, "marks", false, "crop marks outside the cards")
	fs.BoolVar(&f.strict, "strict", false, "fail when preflight finds an error")
	fs.IntVar(&f.blank, "blank", 0, "extra blank cards to write on")
	fs.StringVar(&f.preset, "preset", "", "a print shop's template: "+strings.Join(pdf.PresetNames(), ", ")+"; sets size, bleed, safe zone and one card a page")
	fs.Float64Var(&f.safe, "safe", pdf.DefaultSafe, "safe zone in mm inside the cut that text keeps to")
	fs.BoolVar(&f.proof, "proof", false, "draw the cut line and the safe zone over every card, to check by eye")
}

// presetClash refuses a flag the preset sets, so that a preset never
// silently wins over a typed value, nor a typed value over the preset.
func presetClash(fs *flag.FlagSet, preset string, sets ...string) error {
	if preset == "" {
		return nil
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range sets {
		if given[name] {
			return usagef("--preset %s sets --%s; leave --%s out, or leave out the preset", preset, name, name)
		}
	}
	return nil
}

func (f *cardFlags) options() (pdf.CardOptions, error) {
	o := pdf.DefaultCardOptions()
	var err error
	if o.Size, err = pdf.ParseCardSize(f.size); err != nil {
		return o, usagef("%v", err)
	}
	if o.Paper, err = pdf.ParsePaper(f.paper); err != nil {
		return o, usagef("%v", err)
	}
	if o.OffsetX, o.OffsetY, err = pdf.ParseOffset(f.offset); err != nil {
		return o, usagef("%v", err)
	}
	o.Lang, o.Layout, o.Backs, o.Bleed, o.Margin, o.Marks, o.Blank = f.lang, f.layout, f.backs, f.bleed, f.margin, f.marks, f.blank
	o.Safe, o.Proof = f.safe, f.proof
	if f.preset != "" {
		p, err := pdf.ParsePreset(f.preset)
		if err != nil {
			return o, usagef("%v", err)
		}
		p.Apply(&o)
	}
	if f.only != "" && f.only != onlyChanged {
		o.Only = strings.Split(strings.ReplaceAll(f.only, " ", ""), ",")
	}
	return o, nil
}

func runPrintCards(e *env, args []string) error {
	fs := newFlags(e, "print cards")
	var f cardFlags
	f.register(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if err := presetClash(fs, f.preset, "size", "bleed", "safe", "layout", "marks"); err != nil {
		return err
	}
	if f.deck == "" || f.out == "" {
		return usagef("--deck and -o are required")
	}
	if err := e.checkOut(f.out, f.force); err != nil {
		return err
	}
	o, err := f.options()
	if err != nil {
		return err
	}
	d, err := e.findDeck(f.deck)
	if err != nil {
		return err
	}
	if f.only == onlyChanged {
		if o.Only, err = changedCards(e, d.ID); err != nil {
			return err
		}
	}
	if f.lang != "" && !d.HasLanguage(f.lang) {
		return fmt.Errorf("deck %q has no texts in %q; its languages are %s", d.Name, f.lang, strings.Join(d.Languages, ", "))
	}
	return printCards(e, d, o, f)
}

// printCards writes the print and records it in the deck's history. The
// print itself finds what preflight would, laying each card out once as it
// draws it; with --strict it writes nothing when that holds an error.
// Nothing here holds the deck once the print is planned, so the print can
// let go of it before it writes the file (see pdf.CardPrint).
func printCards(e *env, d *cards.Deck, o pdf.CardOptions, f cardFlags) error {
	plan, err := pdf.PlanCards(d, o)
	if err != nil {
		return err
	}
	name, job := d.Name, &storage.PrintJob{DeckID: d.ID, Kind: "cards", Settings: o.Settings(), Codes: o.Only}
	write := plan.Write
	if f.strict {
		write = plan.WriteStrict
	}
	var res pdf.CardsResult
	err = e.store.SavePrint(e.ctx, f.out, job, func(w io.Writer) error {
		var err error
		res, err = write(w)
		return err
	})
	reportIssues(e.stderr, res.Issues)
	if errors.Is(err, pdf.ErrPreflightErrors) {
		return errStrict
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s on %s, %s edition %d\n", f.out, plural(res.Cards, "card"), plural(res.Pages, "page"), name, job.Edition)
	return nil
}

// errStrict is the refusal of --strict when preflight found an error.
var errStrict = errors.New("preflight found errors, so nothing was printed (--strict); fix the cards or print without --strict")

// reportIssues prints preflight's findings on stderr, one a line.
func reportIssues(w io.Writer, issues []pdf.Issue) {
	if len(issues) == 0 {
		return
	}
	if len(issues) == 1 {
		fmt.Fprintln(w, "preflight found 1 issue:")
	} else {
		fmt.Fprintf(w, "preflight found %s:\n", plural(len(issues), "issue"))
	}
	for _, i := range issues {
		fmt.Fprintf(w, "  %s\n", i)
	}
}

func runPrintCalibration(e *env, args []string) error {
	fs := newFlags(e, "print calibration")
	out := fs.String("o", "", "the PDF file to write")
	paper := fs.String("paper", "a4", "paper: a4, letter or a3")
	backs := fs.String("backs", pdf.BacksDuplexLong, "duplex-long or duplex-short: how the printer turns the sheet")
	lang := fs.String("lang", "en", "language of the instructions: sv, fi or en")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o is required")
	}
	if err := e.checkOut(*out, *force); err != nil {
		return err
	}
	p, err := pdf.ParsePaper(*paper)
	if err != nil {
		return usagef("%v", err)
	}
	if *backs != pdf.BacksDuplexLong && *backs != pdf.BacksDuplexShort {
		return usagef("--backs must be duplex-long or duplex-short")
	}
	err = storage.WriteFileAtomic(*out, func(w io.Writer) error {
		return pdf.Calibration(w, p, *backs, *lang, time.Now())
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: print it double-sided at 100 %%, then read the offset as it explains\n", *out)
	return nil
}

// onlyChanged is the --only value that reprints just the changed cards.
const onlyChanged = "changed"

// changedCards are the codes changed since the deck's cards were last
// printed; none is an error, as there is nothing to reprint.
func changedCards(e *env, deckID string) ([]string, error) {
	codes, edition, err := e.store.ChangedSinceLastPrint(e.ctx, deckID)
	if err != nil {
		return nil, err
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("no card has changed since edition %d was printed, so there is nothing to reprint", edition)
	}
	what := "the " + plural(len(codes), "card") + " changed"
	if len(codes) == 1 {
		what = "the card changed"
	}
	fmt.Fprintf(e.stderr, "reprinting %s since edition %d was printed: %s\n", what, edition, strings.Join(codes, ", "))
	return codes, nil
}
