package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A restore replaces three files (the database, its write-ahead log and
// its index), and no rename replaces three at once. So before it moves
// anything a restore writes a journal beside the database, naming the
// complete, synced copy of the backup that is to take the database's
// place. While the journal exists the database is being replaced: the old
// files are moved aside together (never removed before the copy is in),
// the copy is renamed in, and only then are the old files and the journal
// removed, with the folder synced between the steps so that a power cut
// cannot reorder them. A restore that was killed or lost power is finished
// by the next Open or restore, which find the journal: the copy is still
// there, so it is renamed in; it is already in, so what is left is
// removed; it is gone, so the old files are put back. Either way the
// database is the old one or the backup, whole, at every instant.

// journalPath is the journal of a restore of the database at dbPath.
func journalPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".restoring")
}

// asidePath is where a restore moves the database it replaces (its log
// and index beside it, with their suffixes), until the backup is in.
func asidePath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".replaced")
}

// sqliteFiles are the suffixes of a database's files, in the order a
// restore moves them aside: the log first, so that no moment has the
// database's name on a file with another file's log.
var sqliteFiles = []string{"-wal", "-shm", ""}

// restoring reports whether a restore of the database at dbPath has begun
// and not ended: one Lstat, all Open pays when there is none.
func restoring(dbPath string) bool {
	_, err := os.Lstat(journalPath(dbPath))
	return err == nil
}

// restoreUnderWay is the refusal while another process restores.
func restoreUnderWay(dbPath string) error {
	return openError(dbPath, ErrLocked, "a backup is being restored into %s by another Deckhand; wait until it is done and try again", dbPath)
}

// beginRestore writes the journal of a restore that puts the synced copy
// tmp in dbPath's place, syncs it and its folder, and returns it locked:
// the lock says the restore is alive, so the next Open waits for it
// rather than finishing it.
func beginRestore(dbPath, tmp string) (*os.File, error) {
	f, err := os.OpenFile(journalPath(dbPath), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockJournal(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	_, err = f.WriteString(filepath.Base(tmp) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = syncDir(filepath.Dir(dbPath))
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// finishRestore completes, or undoes, a restore of the database at dbPath
// that ended without removing its journal. It does nothing when there is
// no journal, and refuses while the restore is still running in another
// process.
func finishRestore(dbPath string) error {
	if !restoring(dbPath) {
		return nil
	}
	journal, err := os.OpenFile(journalPath(dbPath), os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil // it ended meanwhile
	}
	if err != nil {
		return openError(dbPath, err, "cannot finish the restore of %s that was interrupted (%v); check that the folder %s is yours and writable", dbPath, unwrapPathError(err), filepath.Dir(dbPath))
	}
	defer journal.Close()
	if err := lockJournal(journal); err != nil {
		return restoreUnderWay(dbPath)
	}
	name, err := os.ReadFile(journal.Name())
	if err != nil {
		return openError(dbPath, err, "cannot finish the restore of %s that was interrupted (%v); check that the folder %s is yours and writable", dbPath, unwrapPathError(err), filepath.Dir(dbPath))
	}
	tmp := filepath.Join(filepath.Dir(dbPath), strings.TrimSpace(string(name)))
	_, tmpErr := os.Lstat(tmp)
	_, dbErr := os.Lstat(dbPath)
	switch {
	case len(strings.TrimSpace(string(name))) == 0, tmpErr != nil && dbErr != nil:
		// The journal was cut short before it was synced, or the copy is
		// gone before it was renamed in: the old database goes back.
		err = undoRestore(dbPath)
	default:
		err = completeRestore(dbPath, tmp)
	}
	if err != nil {
		return openError(dbPath, err, "cannot finish the restore of %s that was interrupted (%v); check that the folder %s is yours and writable", dbPath, err, filepath.Dir(dbPath))
	}
	return endRestore(dbPath, journal)
}

// completeRestore moves the old database's files aside, renames the copy
// tmp in and removes the old files. Every step may already be done: after
// a crash it runs again from the start.
func completeRestore(dbPath, tmp string) error {
	dir := filepath.Dir(dbPath)
	if _, err := os.Lstat(tmp); err == nil {
		for _, suffix := range sqliteFiles {
			if err := os.Rename(dbPath+suffix, asidePath(dbPath)+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("move %s aside: %w", dbPath+suffix, unwrapPathError(err))
			}
			crashPoint("restore: moved aside" + strings.TrimSuffix(" "+suffix, " "))
		}
		// The moves reach the disk before the rename: after a power cut
		// the copy is never in beside the old log.
		if err := syncDir(dir); err != nil {
			return err
		}
		crashPoint("restore: synced the moves")
		if err := os.Rename(tmp, dbPath); err != nil {
			return fmt.Errorf("rename the copy to %s: %w", dbPath, unwrapPathError(err))
		}
		crashPoint("restore: renamed")
		if err := syncDir(dir); err != nil {
			return err
		}
		crashPoint("restore: synced the rename")
	}
	for _, suffix := range sqliteFiles {
		if err := os.Remove(asidePath(dbPath) + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", asidePath(dbPath)+suffix, unwrapPathError(err))
		}
	}
	crashPoint("restore: removed the old files")
	return nil
}

// undoRestore puts the old database's files back where a restore that
// cannot be completed moved them from: the database first, so that its log
// never comes back beside another file.
func undoRestore(dbPath string) error {
	for i := len(sqliteFiles) - 1; i >= 0; i-- {
		suffix := sqliteFiles[i]
		if err := os.Rename(asidePath(dbPath)+suffix, dbPath+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("put %s back: %w", dbPath+suffix, unwrapPathError(err))
		}
	}
	return syncDir(filepath.Dir(dbPath))
}

// endRestore removes the journal of a restore that is done, and syncs the
// folder so that it stays done.
func endRestore(dbPath string, journal *os.File) error {
	if err := removeLocked(journal); err != nil {
		return fmt.Errorf("remove %s: %w", journal.Name(), unwrapPathError(err))
	}
	return syncDir(filepath.Dir(dbPath))
}
