package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"deckhand/cards"
	"deckhand/storage"
)

// The commands that share a deck between laptops: publish it to the team
// folder, write its shared file, merge another laptop's (storage's
// ExportSharedDeck and MergeSharedDeck).

// runDeckCommand runs "decks publish|export-shared|merge-shared|look"; ok is
// false when args name none of them, and "decks" lists the decks.
func runDeckCommand(e *env, args []string) (ok bool, err error) {
	if len(args) == 0 {
		return false, nil
	}
	switch args[0] {
	case "publish":
		return true, runDecksPublish(e, args[1:])
	case "export-shared":
		return true, runDecksExportShared(e, args[1:])
	case "merge-shared":
		return true, runDecksMergeShared(e, args[1:])
	case "look":
		return true, runDecksLook(e, args[1:])
	}
	if !strings.HasPrefix(args[0], "-") {
		return true, usagef("unknown decks command %q; use publish, export-shared, merge-shared or look", args[0])
	}
	return false, nil
}

func runDecksPublish(e *env, args []string) error {
	fs := newFlags(e, "decks publish")
	name := fs.String("deck", "", "deck name or id")
	off := fs.Bool("off", false, "stop sharing the deck")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *name == "" {
		return usagef("--deck is required")
	}
	d, err := e.findDeck(*name)
	if err != nil {
		return err
	}
	if err := e.store.PublishDeck(e.ctx, d.ID, !*off); err != nil {
		return err
	}
	if *off {
		fmt.Fprintf(e.stdout, "deck %q is no longer shared to the team folder\n", d.Name)
		return nil
	}
	fmt.Fprintf(e.stdout, "deck %q is shared to the team folder\n", d.Name)
	return nil
}

func runDecksExportShared(e *env, args []string) error {
	fs := newFlags(e, "decks export-shared")
	name := fs.String("deck", "", "deck name or id")
	out := fs.String("o", "", "the shared deck file to write")
	force := forceFlag(fs)
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *name == "" || *out == "" {
		return usagef("--deck and -o are required")
	}
	if err := e.checkOut(*out, *force); err != nil {
		return err
	}
	d, err := e.findDeck(*name)
	if err != nil {
		return err
	}
	f, err := e.store.ExportSharedDeck(e.ctx, d.ID)
	if err != nil {
		return err
	}
	if err := storage.WriteFileAtomic(*out, func(w io.Writer) error { return cards.WriteShared(w, f) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: the shared deck %q with %s\n", *out, d.Name, plural(len(d.Cards), "card"))
	return nil
}

func runDecksMergeShared(e *env, args []string) error {
	fs := newFlags(e, "decks merge-shared")
	dryRun := fs.Bool("dry-run", false, "only say what the merge would add, update and delete; change nothing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("decks merge-shared takes one FILE")
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", pos[0], err)
	}
	f, err := cards.ReadShared(data)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	merge, verb := store.MergeSharedDeck, "merged"
	if *dryRun {
		merge, verb = store.PreviewMergeSharedDeck, "would merge"
	} else if err := backUpFirst(e, store, "merged"); err != nil {
		return err
	}
	sum, err := merge(e.ctx, f)
	if err != nil {
		return fmt.Errorf("cannot merge %s: %w", pos[0], err)
	}
	deck := "the deck's own fields unchanged"
	switch {
	case sum.NewDeck:
		deck = "a deck new here, published"
	case sum.DeckChanged:
		deck = "the deck's own fields updated"
	}
	fmt.Fprintf(e.stdout, "%s %q: %s; cards: %d added, %d updated, %d deleted, %d unchanged", verb, f.Deck.Name, deck,
		sum.Added, sum.Updated, sum.Deleted, sum.Unchanged)
	if *dryRun {
		fmt.Fprint(e.stdout, " (nothing was changed)")
	}
	fmt.Fprintln(e.stdout)
	if len(sum.SetAside) > 0 {
		fmt.Fprintf(e.stdout, "another laptop made a card with the same code as one here; the card made later was deleted and can be restored under another code: %s\n",
			strings.Join(sum.SetAside, ", "))
	}
	for _, p := range sum.Problems {
		fmt.Fprintf(e.stdout, "the merged deck needs a fix: %s\n", p.Msg)
	}
	return nil
}
