package cli

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"time"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/workbook"
)

func runResults(e *env, args []string) error {
	fs := newFlags(e, "results")
	name := fs.String("workshop", "", "workshop title or id")
	all := fs.Bool("all", false, "every workshop that passes --client, --sector, --from and --to")
	format := fs.String("format", "", "csv, json or xlsx (default: from the -o file name, else csv)")
	out := fs.String("o", "", "output file (default: standard output)")
	separator := fs.String("separator", "", "between CSV cells: , ; or tab (default: ; in Swedish and Finnish, else ,: --lang, else the workshop's language, with --all LC_ALL, LC_NUMERIC or LANG)")
	language := fs.String("lang", "", "sv, fi or en: the language of the workbook, and of the CSV's separator (default: the workshop's language; with --all the first workshop's for the workbook and the environment's for the CSV)")
	var filter game.Filter
	fs.StringVar(&filter.Client, "client", "", "only workshops for this client (with --all)")
	fs.StringVar(&filter.Sector, "sector", "", "only workshops in this sector (with --all)")
	fs.StringVar(&filter.From, "from", "", "only workshops on or after this date, YYYY-MM-DD (with --all)")
	fs.StringVar(&filter.To, "to", "", "only workshops on or before this date, YYYY-MM-DD (with --all)")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	switch {
	case *name == "" && !*all:
		return usagef("--workshop or --all is required")
	case *name != "" && *all:
		return usagef("give --workshop or --all, not both")
	case *name != "" && filter != (game.Filter{}):
		return usagef("--client, --sector, --from and --to choose workshops for --all; not with --workshop")
	}
	for _, d := range []struct{ flag, value string }{{"--from", filter.From}, {"--to", filter.To}} {
		if d.value == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.value); err != nil || len(d.value) != 10 {
			return usagef("%s %q is not a date like 2026-03-14", d.flag, d.value)
		}
	}
	if filter.From != "" && filter.To != "" && filter.From > filter.To {
		return usagef("--from %s is after --to %s", filter.From, filter.To)
	}
	if *format == "" {
		*format = game.ResultsFormatOf(*out)
	}
	if *format == "" {
		*format = game.ResultsCSV
	}
	if *format != game.ResultsCSV && *format != game.ResultsJSON && *format != game.ResultsXLSX {
		return usagef("--format must be csv, json or xlsx, not %q", *format)
	}
	if *format == game.ResultsXLSX && *out == "" {
		return usagef("an Excel workbook is not text for the terminal: give -o FILE.xlsx")
	}
	sep, err := separatorFlag(*separator)
	if err != nil {
		return err
	}
	if sep != 0 && *format != game.ResultsCSV {
		return usagef("--separator is for CSV, not --format %s", *format)
	}
	switch {
	case *language != "" && *language != "sv" && *language != "fi" && *language != "en":
		return usagef("--lang must be sv, fi or en, not %q", *language)
	case *language != "" && *format == game.ResultsJSON:
		return usagef("--lang is for csv and xlsx, not --format json")
	}
	if *out != "" {
		if err := e.checkOut(*out, *force); err != nil {
			return err
		}
	}

	store, err := e.open()
	if err != nil {
		return err
	}
	if *all {
		ids, err := e.resultIDs(store, filter)
		if err != nil {
			return err
		}
		// Workshops of several languages: the user's own decides.
		a := &allResults{format: *format, filter: filter, sep: separatorOr(sep, cmp.Or(*language, numberLanguage())), lang: *language}
		write := func(w io.Writer) error { return a.write(e, store, ids, w) }
		if *out == "" {
			return write(e.stdout)
		}
		if err := storage.WriteFileAtomic(*out, write); err != nil {
			return err
		}
		e.wrote(*out, len(ids), a.plays, a.ratings)
		return nil
	}
	w, err := store.FindWorkshop(e.ctx, *name)
	if err != nil {
		return err
	}
	f, err := store.Session(e.ctx, w.ID, false)
	if err != nil {
		return err
	}
	results := game.Results(f)
	write := func(w io.Writer) error {
		switch *format {
		case game.ResultsCSV:
			return game.WriteResultsCSV(w, []*game.File{f}, true, separatorOr(sep, cmp.Or(*language, f.Workshop.Language)))
		case game.ResultsXLSX:
			return workbook.Write(w, f, results, workbook.Options{IncludeNames: true, Lang: *language})
		}
		return game.WriteResultsJSON(w, []*game.WorkshopResults{results})
	}
	if *out == "" {
		return write(e.stdout)
	}
	if err := storage.WriteFileAtomic(*out, write); err != nil {
		return err
	}
	e.wrote(*out, 1, len(results.Plays), len(game.CountedRatings(f)))
	return nil
}

// wrote says what a results file holds.
func (e *env) wrote(path string, workshops, plays, ratings int) {
	fmt.Fprintf(e.stdout, "wrote %s: %s, %s played, %s\n", path, plural(workshops, "workshop"), plural(plays, "card"), plural(ratings, "rating"))
}

// resultIDs lists the workshops that pass the filter, newest first.
func (e *env) resultIDs(store *storage.Store, filter game.Filter) ([]string, error) {
	list, err := store.Workshops(e.ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, s := range list {
		if filter.Match(&game.Workshop{Client: s.Client, Sector: s.Sector, Date: s.Date}) {
			ids = append(ids, s.ID)
		}
	}
	switch {
	case len(list) == 0:
		return nil, fmt.Errorf("there are no workshops yet; import one with deckhand workshop import FILE")
	case len(ids) == 0:
		return nil, fmt.Errorf("none of the %s matches %s; see deckhand workshops", plural(len(list), "workshop"), describeFilter(filter))
	}
	return ids, nil
}

// describeFilter says what a filter asks for, as the user typed it.
func describeFilter(f game.Filter) string {
	var parts []string
	for _, p := range []struct{ flag, value string }{{"--client", f.Client}, {"--sector", f.Sector}, {"--from", f.From}, {"--to", f.To}} {
		if p.value != "" {
			parts = append(parts, fmt.Sprintf("%s %q", p.flag, p.value))
		}
	}
	return strings.Join(parts, " ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// writeJSONTo writes v as indented JSON, as writeJSON does to standard
// output.
func writeJSONTo(w io.Writer, v any) error {
	return writeJSON(&env{stdout: w}, v)
}
