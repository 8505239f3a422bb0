package cli

import (
	"fmt"
	"io"
	"strings"

	"deckhand/game"
	"deckhand/pdf"
	"deckhand/storage"
)

// runReport prints a workshop's report: cover, summary, matrix, ranking,
// decisions and the cards as played (see pdf.Report).
func runReport(e *env, args []string) error {
	fs := newFlags(e, "report")
	name := fs.String("workshop", "", "workshop title or id")
	out := fs.String("o", "", "the PDF file to write")
	lang := fs.String("lang", "", "language of the report (default: the workshop's)")
	paper := fs.String("paper", "a4", "paper: a4 or letter")
	names := fs.Bool("names", false, "print participants' real names (left out by default)")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *name == "" || *out == "" {
		return usagef("--workshop and -o are required")
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
	o := pdf.ReportOptions{Lang: *lang, Paper: p, IncludeNames: *names}
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
