package cli

import (
	"fmt"
	"io"
	"strings"

	"deckhand/cards"
	"deckhand/chart"
	"deckhand/game"
	"deckhand/pdf"
	"deckhand/storage"
)

// runReport prints a workshop's report: cover, summary, development
// paths, the matrix of the axes asked for, ranking, a page per top
// routine, decisions and actions, other notes and the cards as played
// (see pdf.Report); or, with --chart-only, the matrix alone as a picture
// for slides (reportchart.go).
func runReport(e *env, args []string) error {
	fs := newFlags(e, "report")
	name := fs.String("workshop", "", "workshop title or id")
	out := fs.String("o", "", "the PDF file to write (a .png or .svg with --chart-only)")
	lang := fs.String("lang", "", "language of the report (default: the workshop's)")
	paper := fs.String("paper", "a4", "paper: a4 or letter")
	names := fs.Bool("names", false, "print participants' real names (left out by default)")
	top := fs.Int("top", pdf.DefaultTop, "how many of the best-ranked routines get a page each (0: none)")
	across := fs.String("across", game.AxisOrganisation, "the matrix's axis across: organisation, customer or a criterion")
	up := fs.String("up", game.AxisCustomer, "the matrix's axis up: customer, organisation or a criterion")
	force := forceFlag(fs)
	picture := chartFlags(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *name == "" || *out == "" {
		return usagef("--workshop and -o are required")
	}
	if err := picture.check(fs, *out); err != nil {
		return err
	}
	if *top < 0 {
		return usagef("--top takes 0 or more routines, not %d", *top)
	}
	if err := e.checkOut(*out, *force); err != nil {
		return err
	}
	p, err := pdf.ParsePaper(*paper)
	if err != nil || (p.Name != "a4" && p.Name != "letter") {
		return usagef("unknown paper %q; use a4 or letter", *paper)
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	w, err := store.FindWorkshop(e.ctx, *name)
	if err != nil {
		return err
	}
	f, err := store.Session(e.ctx, w.ID, false)
	if err != nil {
		return err
	}
	if d := f.Workshop.Deck; *lang != "" && d != nil && !d.HasLanguage(*lang) {
		return fmt.Errorf("the workshop's deck %q has no texts in %q; its languages are %s", d.Name, *lang, strings.Join(d.Languages, ", "))
	}
	o := pdf.ReportOptions{Lang: *lang, Paper: p, IncludeNames: *names, Top: *top}
	if d, err := store.Deck(e.ctx, f.Workshop.DeckID); err == nil {
		o.Look = d.Look // the client's look as it is now; the snapshot's when the deck is gone
		if o.Look == nil {
			o.Look = &cards.Look{} // taken away since: none
		}
	}
	if *top == 0 {
		o.Top = -1 // none; 0 in the options is the default
	}
	if o.Across, err = reportAxis(f.Workshop.Deck, "--across", *across); err != nil {
		return err
	}
	if o.Up, err = reportAxis(f.Workshop.Deck, "--up", *up); err != nil {
		return err
	}
	if *picture.only {
		return writeChart(e, f, *out, chart.Options{Lang: *lang, Across: o.Across, Up: o.Up}, picture)
	}
	if *names {
		if o.RealNames, err = store.RealNames(e.ctx, w.ID); err != nil {
			return err
		}
	}
	res := game.Results(f)
	pages := 0
	write := storage.WriteFileAtomic
	if *names {
		write = storage.WritePrivateFileAtomic // real names: a new file is the owner's alone
	}
	err = write(*out, func(w io.Writer) (err error) {
		pages, err = pdf.Report(w, f, res, o)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s\n", *out, plural(pages, "page"))
	return nil
}

// reportAxis finds the matrix's axis a flag names: a key the Results
// screen uses (organisation, customer, a criterion's key) or a
// criterion's name in one of the deck's languages.
func reportAxis(d *cards.Deck, flag, name string) (string, error) {
	if key, ok := game.FindAxis(d, name); ok {
		return key, nil
	}
	return "", usagef("%s %q is no axis of the workshop's deck; use one of %s", flag, name, strings.Join(game.AxisKeys(d), ", "))
}
