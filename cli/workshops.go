package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"deckhand/game"
	"deckhand/storage"
)

// workshopJSON is a line of "workshops --json".
type workshopJSON struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	Client          string `json:"client"`
	Sector          string `json:"sector"`
	Date            string `json:"date"`
	Deck            string `json:"deck"`
	DeckEdition     int    `json:"deck_edition"`
	Teams           int    `json:"teams"`
	Plays           int    `json:"plays"`
	RetentionPassed bool   `json:"retention_passed"`
}

func runWorkshops(e *env, args []string) error {
	fs := newFlags(e, "workshops")
	asJSON := fs.Bool("json", false, "machine-readable output")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	list, err := store.Workshops(e.ctx)
	if err != nil {
		return err
	}
	storage.SortWorkshops(list, listLanguage())
	if *asJSON {
		out := make([]workshopJSON, len(list))
		for i, w := range list {
			out[i] = workshopJSON{w.ID, w.Title, w.Client, w.Sector, w.Date, w.DeckName, w.DeckEdition, w.Teams, w.Plays, w.RetentionPassed}
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTITLE\tCLIENT\tDECK\tTEAMS\tCARDS\tID")
	for _, w := range list {
		title := w.Title
		if w.RetentionPassed {
			title += " (retention date passed: erase it)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s (edition %d)\t%d\t%d\t%s\n", w.Date, title, dash(w.Client), w.DeckName, w.DeckEdition, w.Teams, w.Plays, w.ID)
	}
	return tw.Flush()
}

func runWorkshop(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("workshop export or workshop import?")
	}
	switch args[0] {
	case "export":
		return runWorkshopExport(e, args[1:])
	case "import":
		return runWorkshopImport(e, args[1:])
	}
	return usagef("unknown workshop command %q; use export or import", args[0])
}

func runWorkshopExport(e *env, args []string) error {
	fs := newFlags(e, "workshop export")
	name := fs.String("workshop", "", "workshop title or id")
	out := fs.String("o", "", "the workshop file to write")
	names := fs.Bool("names", false, "include participants' real names (left out by default)")
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
	store, err := e.open()
	if err != nil {
		return err
	}
	id := *name
	w, findErr := store.FindWorkshop(e.ctx, *name)
	switch {
	case findErr == nil:
		id = w.ID
	case !errors.Is(findErr, storage.ErrNotFound):
		return findErr
	}
	// A deleted workshop is not found by FindWorkshop, but its deletion is
	// what the other laptops need: try the name as an id.
	f, err := store.ExportWorkshop(e.ctx, id, *names)
	if errors.Is(err, storage.ErrNotFound) && findErr != nil {
		return findErr
	}
	if err != nil {
		return err
	}
	write := storage.WriteFileAtomic
	if *names {
		write = storage.WritePrivateFileAtomic // real names: a new file is the owner's alone
	}
	if err := write(*out, func(w io.Writer) error { return game.WriteFile(w, f) }); err != nil {
		return err
	}
	if f.Workshop.Deleted {
		fmt.Fprintf(e.stdout, "wrote %s: the deletion of %q, for the other laptops to merge\n", *out, f.Workshop.Title)
		return nil
	}
	fmt.Fprintf(e.stdout, "wrote %s: %q with %s, %s played, %s, %s\n", *out, f.Workshop.Title,
		plural(len(f.Teams), "team"), plural(len(f.Plays), "card"), plural(len(f.Ratings), "rating"), plural(len(f.Notes), "note"))
	return nil
}

func runWorkshopImport(e *env, args []string) error {
	fs := newFlags(e, "workshop import")
	dryRun := fs.Bool("dry-run", false, "only say what the import would add, update and delete; change nothing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("workshop import takes one FILE")
	}
	r, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", pos[0], err)
	}
	defer r.Close()
	f, err := game.ReadFile(r)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	if *dryRun {
		sum, err := store.PreviewImport(e.ctx, f)
		if err != nil {
			return fmt.Errorf("cannot import %s: %w", pos[0], err)
		}
		fmt.Fprintf(e.stdout, "would import %q: %d added, %d updated, %d deleted, %d unchanged (nothing was changed)\n",
			f.Workshop.Title, sum.Added, sum.Updated, sum.Deleted, sum.Unchanged)
		return nil
	}
	if err := backUpFirst(e, store, "imported"); err != nil {
		return err
	}
	sum, err := store.ImportWorkshop(e.ctx, f)
	if err != nil {
		return fmt.Errorf("cannot import %s: %w", pos[0], err)
	}
	fmt.Fprintf(e.stdout, "imported %q: %d added, %d updated, %d deleted, %d unchanged\n",
		f.Workshop.Title, sum.Added, sum.Updated, sum.Deleted, sum.Unchanged)
	if sum.NotErased > 0 {
		fmt.Fprintf(e.stdout, keptBesideErasure(sum.NotErased)+"; if that was before the erasure, erase again: deckhand erase --workshop %q\n",
			when(sum.NotErasedSince), f.Workshop.Title)
	}
	// An erasure the file brought erased the database, not its backups.
	if len(sum.BackupsHolding) > 0 {
		fmt.Fprintln(e.stdout, "the file carried an erasure of the workshop's personal data, now applied here; these backups of this database still hold the data; delete them too:")
		for _, path := range sum.BackupsHolding {
			fmt.Fprintf(e.stdout, "  %s\n", path)
		}
	}
	return nil
}

// keptBesideErasure says that n names or notes, which the erasing laptop
// had not seen, were recorded without seeing the erasure (a time to fill
// in) and are kept.
func keptBesideErasure(n int) string {
	if n == 1 {
		return "1 name or note was recorded on a laptop that had not yet received the erasure of %s, and the erasing laptop had not seen it, so it is kept"
	}
	return fmt.Sprint(n) + " names or notes were recorded on a laptop that had not yet received the erasure of %s, and the erasing laptop had not seen them, so they are kept"
}
