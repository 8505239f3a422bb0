package storage

import (
	"context"
	"database/sql"
	"errors"
)

// teamFolderKey is the meta row holding the team folder chosen for this
// database. It belongs to the database, not to the app's preferences: a
// person with a database for practice and one for the day shares only the
// one they chose to.
const teamFolderKey = "team_folder"

// TeamFolder is the team folder chosen for this database in Settings, ""
// when none is.
func (s *Store) TeamFolder(ctx context.Context) (string, error) {
	var dir string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, teamFolderKey).Scan(&dir)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return dir, err
}

// SetTeamFolder chooses dir as this database's team folder; "" stops
// sharing through one.
func (s *Store) SetTeamFolder(ctx context.Context, dir string) error {
	return s.write(ctx, "choose the team folder", func(tx *sql.Tx) error {
		if dir == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, teamFolderKey)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2`, teamFolderKey, dir)
		return err
	})
}
