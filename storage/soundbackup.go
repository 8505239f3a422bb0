package storage

import (
	"context"
	"database/sql"
)

// When a database is damaged, the backup to restore is the newest one that
// is sound itself. Damage can go unnoticed for a while, and a backup made
// meanwhile may hold it too (a broken link survives VACUUM INTO); a backup
// can also be damaged on the disk after it was made. Naming such a backup
// would only bring the damage back.

// RestoreChoice is the backup to restore a damaged database from.
type RestoreChoice struct {
	Dir string // the backup folder looked in
	// Backup is the newest sound backup; its Path is "" when there is none.
	Backup BackupInfo
	// Skipped are the newer backups that failed their checks, newest first.
	Skipped []BackupInfo
}

// Found reports whether there is a sound backup to restore.
func (c RestoreChoice) Found() bool { return c.Backup.Path != "" }

// NewestSoundBackup looks through the backups in dir, newest first, and
// returns the first that CheckBackup accepts, with the newer ones it
// skipped. The backups are opened read-only and left as they are.
func NewestSoundBackup(ctx context.Context, dir string) (RestoreChoice, error) {
	choice := RestoreChoice{Dir: dir}
	list, err := Backups(dir)
	if err != nil {
		return choice, err
	}
	for _, b := range list {
		if err := ctx.Err(); err != nil {
			return choice, err
		}
		if CheckBackup(ctx, b.Path) == nil {
			choice.Backup = b
			return choice, nil
		}
		choice.Skipped = append(choice.Skipped, b)
	}
	return choice, nil
}

// CheckBackup says whether the backup at path can be restored and is sound:
// Restore would accept it (a Deckhand database this build can open that
// passes quick_check), and no record in it refers to a missing one. The
// error is a sentence for a person; nothing is written to the file.
func CheckBackup(ctx context.Context, path string) error {
	if err := checkBackupFile(path); err != nil {
		return err
	}
	// checkBackupFile refuses a file with a write-ahead log beside it, so
	// the file is all there is: immutable leaves no -shm behind.
	db, err := sql.Open(driverName, "file:"+escapePath(path)+"?mode=ro&immutable=1")
	if err != nil {
		return err
	}
	defer db.Close()
	problems, err := foreignKeyProblems(ctx, db)
	var found any = err
	if err == nil && len(problems) > 0 {
		found = problems[0]
	}
	if found != nil {
		return withKind(ErrCorrupt, "%s has records that refer to missing ones (%v), so it cannot fix the database; choose an older backup", path, found)
	}
	return nil
}
