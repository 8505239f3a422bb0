package cli

import (
	"errors"
	"fmt"

	"deckhand/storage"
)

// runErase erases a workshop's personal data for real (storage.EraseWorkshop)
// and says which backups still hold it: only those that do, not every
// backup older than the erasure.
func runErase(e *env, args []string) error {
	fs := newFlags(e, "erase")
	name := fs.String("workshop", "", "workshop title or id (a deleted workshop by its id)")
	notes := fs.Bool("notes", false, "erase the texts of the workshop's notes too")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *name == "" {
		return usagef("--workshop is required")
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	id, title := *name, *name
	w, findErr := store.FindWorkshop(e.ctx, *name)
	switch {
	case findErr == nil:
		id, title = w.ID, fmt.Sprintf("%q", w.Title)
	case !errors.Is(findErr, storage.ErrNotFound):
		return findErr
	}
	// A deleted workshop is not found by FindWorkshop but still holds its
	// data: try the name as an id.
	rep, err := store.EraseWorkshop(e.ctx, id, *notes)
	if errors.Is(err, storage.ErrNotFound) && findErr != nil {
		return findErr
	}
	if err != nil {
		return err
	}
	what := fmt.Sprintf("the pseudonyms and roles of %s, %s", plural(rep.Participants, "participant"), plural(rep.Names, "real name"))
	if *notes {
		what += ", the texts of " + plural(rep.Notes, "note")
	}
	fmt.Fprintf(e.stdout, "erased the personal data of workshop %s: %s\n", title, what)
	if len(rep.LeftoversHolding) > 0 {
		fmt.Fprintln(e.stdout, "these temporary copies, left by an interrupted backup or save, could not be removed and may hold the data; delete them:")
		for _, path := range rep.LeftoversHolding {
			fmt.Fprintf(e.stdout, "  %s\n", path)
		}
	}
	if len(rep.BackupsHolding) == 0 {
		fmt.Fprintf(e.stdout, "no backup in %s holds it\n", storage.BackupDir(store.Path()))
		return nil
	}
	fmt.Fprintln(e.stdout, "these backups, made before, still hold the data; delete them too, or they will be thinned in time:")
	for _, path := range rep.BackupsHolding {
		fmt.Fprintf(e.stdout, "  %s\n", path)
	}
	return nil
}
