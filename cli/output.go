package cli

import (
	"errors"
	"flag"
	"fmt"

	"deckhand/storage"
)

// Every command that writes a file named by -o asks checkOut first, before
// any work: the database's own files and its backup folder are never
// written over, and a read-only file is replaced only with --force.

// forceFlag registers --force beside a command's -o.
func forceFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("force", false, "replace the -o file even when it is read-only")
}

// checkOut refuses path as a command's -o when it is one of the database's
// own files (see storage.ProtectedBy) or, without force, a read-only file.
// The database is not opened for this: "print calibration" needs none.
func (e *env) checkOut(path string, force bool) error {
	db := ""
	if e.store != nil {
		db = e.store.Path()
	} else if p, err := databasePath(e.dbPath); err == nil {
		db = p
	}
	if db != "" {
		if err := storage.ProtectedBy(db, path); err != nil {
			return err
		}
	}
	if err := storage.CheckReplace(path); !force && errors.Is(err, storage.ErrReadOnlyFile) {
		return fmt.Errorf("%s is read-only, so it was not replaced; make it writable, choose another file, or add --force to replace it", path)
	}
	return nil
}
