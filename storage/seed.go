package storage

import (
	"context"
	"database/sql"

	"deckhand/cards"
)

// SeedDefaultDeck stores the default deck the first time a database is
// used, and never again: a facilitator who deleted it meant to. It reports
// whether it stored the deck.
func (s *Store) SeedDefaultDeck(ctx context.Context, d *cards.Deck) (bool, error) {
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
