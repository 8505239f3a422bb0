package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Restoring puts a backup in the database's place. The backup is checked
// as Open checks a database before anything changes; the database it
// replaces is first backed up itself (a safety copy beside the others), and
// its write-ahead log goes with it, so what SQLite opens next is exactly
// the backup. A journal makes the replacement of the three files one step
// that a crash or a power cut cannot leave half done (restorejournal.go).

// Restore replaces the database at dbPath with the backup at backupPath; see
// RestoreFile.
func Restore(backupPath, dbPath string) error {
	_, err := RestoreFile(backupPath, dbPath)
	return err
}

// RestoreFile replaces the database at dbPath with the backup at backupPath
// and returns the path of the safety backup it made of the database it
// replaced ("" when there was no sound Deckhand database there). It refuses,
// changing nothing, while the database is open, and when the backup is not
// a sound Deckhand database this build can open, or dbPath holds a file
// that is not Deckhand's.
func RestoreFile(backupPath, dbPath string) (safety string, err error) {
	if backupPath, err = filepath.Abs(backupPath); err != nil {
		return "", err
	}
	// Through a symlink (a database kept in a synced folder) the real file
	// is the one restored; replacing the link would leave it in use, old.
	if dbPath, err = realPath(dbPath); err != nil {
		return "", err
	}
	if err := checkBackupFile(backupPath); err != nil {
		return "", err
	}
	if info, err := os.Stat(filepath.Dir(dbPath)); err != nil || !info.IsDir() {
		return "", openError(dbPath, ErrNoFolder, "the folder %s does not exist; check the path or create the folder first", filepath.Dir(dbPath))
	}
	// A restore interrupted before is finished first: it was asked for.
	if err := finishRestore(dbPath); err != nil {
		return "", err
	}
	lock, created, err := lockFile(dbPath)
	if err != nil {
		return "", err
	}
	defer func() {
		unlockFile(lock)
		if err != nil && created {
			os.Remove(dbPath)
		}
	}()
	if !created {
		if safety, err = safetyBackup(lock, dbPath); err != nil {
			return "", err
		}
	}
	src, err := os.Open(backupPath)
	if err != nil {
		return safety, fmt.Errorf("cannot read %s: %w", backupPath, unwrapPathError(err))
	}
	defer src.Close()
	tmp, err := createTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".*.tmp")
	if err != nil {
		return safety, fmt.Errorf("cannot write in the folder %s (%v); choose a folder you can write to", filepath.Dir(dbPath), unwrapPathError(err))
	}
	defer doneTemp(tmp.Name())
	_, err = io.Copy(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return safety, fmt.Errorf("copy %s: %w (is the disk full?)", backupPath, err)
	}
	crashPoint("restore: copied")
	// The old database and its log leave together, and only once the copy
	// is complete and synced and the journal says so: see restorejournal.go.
	journal, err := beginRestore(dbPath, tmp.Name())
	if err != nil {
		os.Remove(tmp.Name())
		return safety, fmt.Errorf("cannot write in the folder %s (%v); choose a folder you can write to", filepath.Dir(dbPath), unwrapPathError(err))
	}
	crashPoint("restore: journal written")
	// No rename goes over an open file (Windows refuses one): the database
	// file is closed first. The journal's lock, and where there is one the
	// lock file's, keep every other Deckhand out until the restore is done.
	lock.closeFile()
	if err := completeRestore(dbPath, tmp.Name()); err != nil {
		// Not in yet: the old files go back. Once in, the restore stands.
		if _, statErr := os.Lstat(tmp.Name()); statErr == nil {
			if undoErr := undoRestore(dbPath); undoErr == nil {
				os.Remove(tmp.Name())
				endRestore(dbPath, journal)
			} else {
				journal.Close() // the next open finishes the restore
			}
			return safety, fmt.Errorf("restore %s: %w", dbPath, err)
		}
		created = false
		journal.Close() // the next open removes what is left
		return safety, fmt.Errorf("restore %s: %w", dbPath, err)
	}
	created = false // dbPath now holds the restored database: keep it whatever happens
	return safety, endRestore(dbPath, journal)
}

// checkBackupFile runs on a backup the checks Open runs on a database.
func checkBackupFile(path string) error {
	if _, err := os.Stat(path + "-wal"); err == nil {
		return withKind(ErrCorrupt, "%s has a write-ahead log beside it, so it is a database in use, not a backup; open it in Deckhand and close it again, then restore it", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	state, err := inspect(f, path)
	f.Close()
	if err == nil && !state.empty {
		state, err = probe(path, false)
	}
	if err == nil && state.empty {
		err = notDatabase(path)
	}
	if err == nil {
		return nil
	}
	var oe *OpenError
	kind := error(ErrCorrupt)
	if errors.As(err, &oe) {
		kind = oe.Kind
	}
	// Whole sentences, each translated as one.
	switch kind {
	case ErrNotDatabase:
		return withKind(kind, "%s is not a Deckhand backup; nothing was changed", path)
	case ErrForeignDatabase:
		return withKind(kind, "%s is another program's database, not a Deckhand backup; nothing was changed", path)
	case ErrNewerSchema:
		return withKind(kind, "%s was made by a newer version of Deckhand; update Deckhand to restore it; nothing was changed", path)
	}
	return withKind(kind, "%s is damaged and cannot be restored (%v); choose an older backup; nothing was changed", path, err)
}

// safetyBackup backs up the database about to be replaced, read-only, into
// its backup folder. A damaged database is replaced without one; a file
// that is not a Deckhand database is not replaced at all.
func safetyBackup(lock *held, dbPath string) (string, error) {
	state, err := inspect(lock.File, dbPath)
	if err == nil && !state.empty {
		state, err = probe(dbPath, false)
	}
	switch {
	case errors.Is(err, ErrCorrupt):
		return "", nil // nothing sound to keep: the restore is what it needs
	case errors.Is(err, ErrNotDatabase), errors.Is(err, ErrForeignDatabase):
		return "", withKind(err, "%s is not a Deckhand database, so Deckhand will not replace it; nothing was changed", dbPath)
	case err != nil && !errors.Is(err, ErrNewerSchema):
		return "", err
	case state.empty:
		return "", nil
	}
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create the backup folder %s (%v); nothing was changed", dir, unwrapPathError(err))
	}
	query := "?mode=ro"
	if _, err := os.Stat(dbPath + "-wal"); errors.Is(err, os.ErrNotExist) {
		query += "&immutable=1" // as in probe: leave no -wal or -shm behind
	}
	db, err := sql.Open(driverName, "file:"+escapePath(dbPath)+query)
	if err != nil {
		return "", err
	}
	defer db.Close()
	path, err := backupInto(context.Background(), db, dbPath, dir, time.Now())
	if err != nil {
		return "", fmt.Errorf("%w; nothing was changed", err)
	}
	return path, nil
}
