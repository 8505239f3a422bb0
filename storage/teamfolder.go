package storage

import (
	"context"
	"fmt"
	"time"
)

// DeviceID is this database's device id: the name under which a team
// folder holds the files only this laptop writes (package teamfolder).
func (s *Store) DeviceID(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return s.device, nil
}

// WorkshopChange is a cheap signature of a workshop's records, tombstones
// and erasures: when a change, a merge or an erasure touched the workshop,
// one of its fields differs from before. It is not a hash of the file
// ExportWorkshop would give, but it moves whenever that file would.
type WorkshopChange struct {
	// Latest is the latest stamp of any of its records or erasures.
	Latest time.Time
	// Erased is the latest erasure's stamp (zero without one): an erasure
	// is written to a team folder at once, not after a pause.
	Erased time.Time
	// Rows counts its records and erasures, Sum adds up a part of each
	// one's checksum (row_sum): a merge may bring a record with an older
	// stamp, or an erasure blank fields, without moving Latest.
	Rows int
	Sum  int64
}

// workshopChanges groups every workshop record, tombstones and erasures
// included, by workshop. The low 28 bits of each checksum are added, so
// that the sum of even millions of rows fits SQLite's integers.
const workshopChanges = `
	SELECT w, MAX(t), COUNT(*), SUM(s & 268435455), MAX(e) FROM (
		SELECT id AS w, updated_at AS t, row_sum AS s, NULL AS e FROM workshops
		UNION ALL SELECT workshop_id, updated_at, row_sum, NULL FROM teams
		UNION ALL SELECT workshop_id, updated_at, row_sum, NULL FROM participants
		UNION ALL SELECT workshop_id, updated_at, row_sum, NULL FROM paths
		UNION ALL SELECT workshop_id, updated_at, row_sum, NULL FROM plays
		UNION ALL SELECT workshop_id, updated_at, row_sum, NULL FROM ratings
		UNION ALL SELECT workshop_id, updated_at, row_sum, NULL FROM notes
		UNION ALL SELECT workshop_id, erased_at, row_sum, erased_at FROM erasures)
	WHERE w IN (SELECT id FROM workshops)
	GROUP BY w`

// WorkshopChanges gives every stored workshop's signature (deleted ones
// included, whose file is their tombstone) by id, in one read of the
// records' stamps and checksums: a team folder compares it with what it
// wrote last to know which workshops to write again, without exporting
// them all.
func (s *Store) WorkshopChanges(ctx context.Context) (map[string]WorkshopChange, error) {
	rows, err := s.db.QueryContext(ctx, workshopChanges)
	if err != nil {
		return nil, fmt.Errorf("read the workshops' changes: %w", err)
	}
	defer rows.Close()
	out := map[string]WorkshopChange{}
	for rows.Next() {
		var id, latest string
		var erased *string
		var c WorkshopChange
		if err := rows.Scan(&id, &latest, &c.Rows, &c.Sum, &erased); err != nil {
			return nil, fmt.Errorf("read the workshops' changes: %w", err)
		}
		if c.Latest, err = parseTime(latest); err != nil {
			return nil, fmt.Errorf("read the workshops' changes: %w", err)
		}
		if erased != nil {
			if c.Erased, err = parseTime(*erased); err != nil {
				return nil, fmt.Errorf("read the workshops' changes: %w", err)
			}
		}
		out[id] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the workshops' changes: %w", err)
	}
	return out, nil
}
