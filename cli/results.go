package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// resultsAllJSON is what "results --all --format json" writes: each
// workshop's results and the comparison of card codes across them.
type resultsAllJSON struct {
	Workshops []*game.WorkshopResults `json:"workshops"`
	Cards     []game.CardSummary      `json:"cards"`
}

func runResults(e *env, args []string) error {
	fs := newFlags(e, "results")
	name := fs.String("workshop", "", "workshop title or id")
	all := fs.Bool("all", false, "every workshop that passes --client, --sector, --from and --to")
	format := fs.String("format", "", "csv or json (default: from the -o file name, else csv)")
	out := fs.String("o", "", "output file (default: standard output)")
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
	if *format != game.ResultsCSV && *format != game.ResultsJSON {
		return usagef("--format must be csv or json, not %q", *format)
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
	files, err := e.resultFiles(store, *name, filter)
	if err != nil {
		return err
	}
	results := make([]*game.WorkshopResults, len(files))
	for i, f := range files {
		results[i] = game.Results(f)
	}
	write := func(w io.Writer) error {
		if *format == game.ResultsCSV {
			return game.WriteResultsCSV(w, files, true)
		}
		if !*all {
			return game.WriteResultsJSON(w, results)
		}
		doc := resultsAllJSON{Workshops: make([]*game.WorkshopResults, len(results)), Cards: game.Compare(files, filter)}
		for i, r := range results {
			doc.Workshops[i] = r.WithoutDeck()
		}
		return writeJSONTo(w, doc)
	}
	if *out == "" {
		return write(e.stdout)
	}
	if err := storage.WriteFileAtomic(*out, write); err != nil {
		return err
	}
	plays, ratings := 0, 0
	for i, f := range files {
		plays += len(results[i].Plays)
		ratings += len(game.CountedRatings(f))
	}
	fmt.Fprintf(e.stdout, "wrote %s: %s, %d cards played, %d ratings\n", *out, plural(len(files), "workshop"), plays, ratings)
	return nil
}

// resultFiles loads the workshop named, or with no name every workshop
// that passes the filter, newest first, with its live records.
func (e *env) resultFiles(store *storage.Store, name string, filter game.Filter) ([]*game.File, error) {
	if name != "" {
		w, err := store.FindWorkshop(e.ctx, name)
		if err != nil {
			return nil, err
		}
		f, err := store.Session(e.ctx, w.ID, false)
		if err != nil {
			return nil, err
		}
		return []*game.File{f}, nil
	}
	list, err := store.Workshops(e.ctx)
	if err != nil {
		return nil, err
	}
	var files []*game.File
	for _, s := range list {
		if !filter.Match(&game.Workshop{Client: s.Client, Sector: s.Sector, Date: s.Date}) {
			continue
		}
		f, err := store.Session(e.ctx, s.ID, false)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	switch {
	case len(list) == 0:
		return nil, fmt.Errorf("there are no workshops yet; import one with deckhand workshop import FILE")
	case len(files) == 0:
		return nil, fmt.Errorf("none of the %s matches %s; see deckhand workshops", plural(len(list), "workshop"), describeFilter(filter))
	}
	return files, nil
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
