package storage

import (
	"context"
	"fmt"
)

// AutoBackup takes a verified backup into the database's backup folder and
// thins the old ones. The app calls it on start and every half hour of
// use, and before it imports or merges files.
func (s *Store) AutoBackup(ctx context.Context) (string, error) {
	dir := BackupDir(s.path)
	path, err := s.Backup(ctx, dir)
	if err != nil {
		return "", err
	}
	if _, err := Thin(dir, s.Now()); err != nil {
		return path, fmt.Errorf("thin old backups: %w", err)
	}
	return path, nil
}

// backupBeforeMigration copies a database that holds data before its schema
// is changed, so a migration that goes wrong can be undone by a restore.
func backupBeforeMigration(ctx context.Context, s *Store, from int) error {
	if from == 0 || from >= SchemaVersion() {
		return nil
	}
	if _, err := s.Backup(ctx, BackupDir(s.path)); err != nil {
		return fmt.Errorf("back up before updating the database from schema %d: %w", from, err)
	}
	return nil
}
