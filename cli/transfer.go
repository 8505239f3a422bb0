package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"deckhand/cards"
	"deckhand/storage"
)

func runImport(e *env, args []string) error {
	fs := newFlags(e, "import")
	name := fs.String("name", "", "name of the new deck")
	into := fs.String("into", "", "update this deck instead of making a new one")
	dryRun := fs.Bool("dry-run", false, "with --into: only say what the import would add, update and remove, by code; change nothing")
	keep := fs.Bool("keep", false, "with --into: add and update cards, remove none")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("import takes one FILE")
	}
	if *name != "" && *into != "" {
		return usagef("--name and --into cannot be used together")
	}
	if (*dryRun || *keep) && *into == "" {
		return usagef("--dry-run and --keep go with --into")
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	if *into != "" {
		target, err := store.FindDeck(e.ctx, *into)
		if err != nil {
			return err
		}
		file, err := e.readDeckFile(pos[0], target.Template())
		if err != nil {
			return err
		}
		if *dryRun {
			return previewImportInto(e, store, target, pos[0], file, *keep)
		}
		if err := backUpFirst(e, store, "imported"); err != nil {
			return err
		}
		importInto := store.ImportInto
		if *keep {
			importInto = store.UpdateInto
		}
		sum, err := importInto(e.ctx, target.ID, file)
		if err != nil {
			return fmt.Errorf("cannot import %s into %q: %w", pos[0], target.Name, err)
		}
		fmt.Fprintf(e.stdout, "updated deck %q: %d added, %d updated, %d removed, %d unchanged\n",
			target.Name, sum.Added, sum.Updated, sum.Removed, sum.Unchanged)
		return nil
	}
	template, err := cards.DefaultDeck()
	if err != nil {
		return err
	}
	d, err := e.readDeckFile(pos[0], template.Template())
	if err != nil {
		return err
	}
	d.Name = cards.NameForFile(d, pos[0])
	if *name != "" {
		d.Name = strings.TrimSpace(*name)
	}
	if err := store.CreateDeck(e.ctx, d); err != nil {
		return fmt.Errorf("cannot import %s: %w", pos[0], err)
	}
	fmt.Fprintf(e.stdout, "imported deck %q with %s (id %s)\n", d.Name, plural(len(d.Cards), "card"), d.ID)
	return nil
}

// previewImportInto prints what importing file into target would do, with
// the codes of the cards it adds, updates and removes, and changes nothing.
func previewImportInto(e *env, store *storage.Store, target *cards.Deck, path string, file *cards.Deck, keep bool) error {
	diff, err := store.PreviewImportInto(e.ctx, target.ID, file)
	if err != nil {
		return fmt.Errorf("cannot import %s into %q: %w", path, target.Name, err)
	}
	removed := diff.Removed
	unchanged := diff.Unchanged
	if keep {
		removed, unchanged = nil, unchanged+len(diff.Removed)
	}
	fmt.Fprintf(e.stdout, "would update deck %q: %d added, %d updated, %d removed, %d unchanged (nothing was changed)\n",
		target.Name, len(diff.Added), len(diff.Changed), len(removed), unchanged)
	for _, l := range []struct {
		what  string
		codes []string
	}{{"added", diff.Added}, {"updated", diff.Changed}, {"removed", removed}} {
		if len(l.codes) > 0 {
			fmt.Fprintf(e.stdout, "%s (%d): %s\n", l.what, len(l.codes), strings.Join(l.codes, ", "))
		}
	}
	return nil
}

// readDeckFile reads a deck file and says on standard error what the
// reading noticed (a CSV file read as Windows-1252), for the person to check.
func (e *env) readDeckFile(path string, template *cards.Deck) (*cards.Deck, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	d, err := cards.ReadFile(path, f, template)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	for _, note := range d.ReadNotes {
		fmt.Fprintf(e.stderr, "deckhand: note: %s: %s\n", filepath.Base(path), note)
	}
	return d, nil
}

func runExport(e *env, args []string) error {
	fs := newFlags(e, "export")
	deckName := fs.String("deck", "", "deck name or id")
	format := fs.String("format", "", "csv or json (default: from the -o file name, else csv)")
	out := fs.String("o", "", "output file (default: standard output)")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *deckName == "" {
		return usagef("--deck is required")
	}
	if *out != "" {
		if err := e.checkOut(*out, *force); err != nil {
			return err
		}
	}
	if *format == "" {
		*format = cards.FormatOf(*out)
	}
	if *format == "" {
		*format = cards.FormatCSV
	}
	if *format != cards.FormatCSV && *format != cards.FormatJSON {
		return usagef("--format must be csv or json, not %q", *format)
	}
	d, err := e.findDeck(*deckName)
	if err != nil {
		return err
	}
	if *out == "" {
		return cards.Write(e.stdout, d, *format)
	}
	if err := storage.WriteFileAtomic(*out, func(w io.Writer) error { return cards.Write(w, d, *format) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s)\n", *out, plural(len(d.Cards), "card"))
	return nil
}

func runClone(e *env, args []string) error {
	fs := newFlags(e, "clone")
	deckName := fs.String("deck", "", "deck to copy")
	name := fs.String("name", "", "name of the copy")
	client := fs.String("client", "", "the client the copy is for")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *deckName == "" || *name == "" {
		return usagef("--deck and --name are required")
	}
	src, err := e.findDeck(*deckName)
	if err != nil {
		return err
	}
	clone, err := e.store.CloneDeck(e.ctx, src.ID, *name, *client)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "cloned %q as %q with %s (id %s)\n", src.Name, clone.Name, plural(len(clone.Cards), "card"), clone.ID)
	return nil
}
