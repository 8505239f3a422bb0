package storagetest

import (
	"context"
	"database/sql"

	"deckhand/storage"
)

// ReadLiveRatings is the floor that reading a database's results is
// measured against: one plain query over every live rating of every live
// play of every live workshop, each row scanned into Go values (the
// workshop, the card's code, the criterion, the value, the rater and when
// it was given), on a connection of its own to the file at path. It
// returns how many rows it read.
func ReadLiveRatings(ctx context.Context, path string) (int, error) {
	db, err := sql.Open(storage.DriverName, "file:"+path+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `
		SELECT r.workshop_id, p.code, r.criterion, r.value, r.rater, r.created_at
		FROM ratings r JOIN plays p ON p.id = r.play_id JOIN workshops w ON w.id = r.workshop_id
		WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND w.deleted_at IS NULL`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var workshop, code, criterion, rater, at string
		var value int
		if err := rows.Scan(&workshop, &code, &criterion, &value, &rater, &at); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}
