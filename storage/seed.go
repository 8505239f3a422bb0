package storage

import (
	"context"
	"database/sql"
	"fmt"

	"deckhand/cards"
)

// SeedDefaultDeck stores the default deck the first time a database is
// used, and never again: a facilitator who deleted it meant to. It reports
// whether it stored the deck.
//
// Every open asks, so the mark is read before anything is written: a file
// seeded already is not written to, and does not wait for the check of
// its content that OpenCheckingLater runs after the open.
func (s *Store) SeedDefaultDeck(ctx context.Context, d *cards.Deck) (bool, error) {
	var marks int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM meta WHERE key = 'default_deck_seeded'`).Scan(&marks); err != nil {
		return false, fmt.Errorf("store the default deck: %w", err)
	}
	if marks > 0 {
		return false, nil
	}
	seeded := false
	err := s.write(ctx, "store the default deck", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('default_deck_seeded', ?) ON CONFLICT (key) DO NOTHING`, s.now())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		deck := d.Clone()
		deck.Normalize()
		if err := cards.Validate(deck); err != nil {
			return err
		}
		seeded = true
		return s.insertDeck(ctx, tx, deck)
	})
	return seeded, err
}
