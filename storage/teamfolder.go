package storage

import (
	"context"
	"database/sql"
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

// changeTables are the tables of a workshop's records, with the column
// naming the workshop and the one holding each row's stamp.
var changeTables = []struct{ table, workshop, stamp string }{
	{"workshops", "id", "updated_at"},
	{"teams", "workshop_id", "updated_at"},
	{"participants", "workshop_id", "updated_at"},
	{"paths", "workshop_id", "updated_at"},
	{"plays", "workshop_id", "updated_at"},
	{"ratings", "workshop_id", "updated_at"},
	{"notes", "workshop_id", "updated_at"},
	{"erasures", "workshop_id", "erased_at"},
}

// WorkshopChanges gives every stored workshop's signature (deleted ones
// included, whose file is their tombstone) by id: a team folder compares
// it with what it wrote last to know which workshops to write again,
// without exporting them all. It reads each table once, grouped by
// workshop (a query a table costs a third of one over all of them
// together, which sorts every row), in one transaction. The low 28 bits
// of each checksum are added, so that the sum of even millions of rows
// fits SQLite's integers.
func (s *Store) WorkshopChanges(ctx context.Context) (map[string]WorkshopChange, error) {
	out := map[string]WorkshopChange{}
	err := s.read(ctx, "read the workshops' changes", func(tx *sql.Tx) error {
		for _, t := range changeTables {
			rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT %s, MAX(%s), COUNT(*), SUM(row_sum & 268435455) FROM %s GROUP BY %s`,
				t.workshop, t.stamp, t.table, t.workshop))
			if err != nil {
				return err
			}
			err = addChanges(rows, out, t.table == "workshops", t.table == "erasures")
			rows.Close()
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// addChanges adds one table's rows to the signatures; only the workshops
// table makes a workshop's entry, so an erasure record that outlived its
// workshop names none.
func addChanges(rows *sql.Rows, out map[string]WorkshopChange, workshops, erasures bool) error {
	for rows.Next() {
		var id, latest string
		var n int
		var sum int64
		if err := rows.Scan(&id, &latest, &n, &sum); err != nil {
			return err
		}
		c, ok := out[id]
		if !ok && !workshops {
			continue
		}
		t, err := parseTime(latest)
		if err != nil {
			return err
		}
		if t.After(c.Latest) {
			c.Latest = t
		}
		if erasures {
			c.Erased = t
		}
		c.Rows += n
		c.Sum += sum
		out[id] = c
	}
	return rows.Err()
}

// ChangeCount is how many rows the store has inserted, updated or deleted
// since it opened (SQLite's total_changes() of its one connection): while
// it stays the same, WorkshopChanges would say what it said before, so a
// team folder asks that, a thousandth of the cost, first.
func (s *Store) ChangeCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&n)
	return n, err
}
