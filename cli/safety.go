package cli

import (
	"fmt"

	"deckhand/storage"
)

// backUpFirst takes a verified backup before a command changes many
// records at once (an import or a merge), so that a wrong file can be
// undone with "deckhand restore", and says where it is.
func backUpFirst(e *env, store *storage.Store, what string) error {
	path, err := store.AutoBackup(e.ctx)
	if err != nil {
		return fmt.Errorf("nothing was %s: the database could not be backed up first: %w", what, err)
	}
	fmt.Fprintf(e.stdout, "backed up the database first: %s\n", path)
	return nil
}
