package storage

import (
	"context"
	"database/sql"
	"fmt"
)

// cardsChanged is the one home of the edition rule: a deck whose current
// edition has been printed gets a new edition at its first change after
// that print, so cards printed before and after can be told apart. Later
// changes before the next print stay in the same edition. Every write that
// changes what a printed card or its back shows calls it. It records the
// change in changed_at, not in the deck's own stamp (updated_at), which
// is its fields' alone (cardstamp.go).
func (s *Store) cardsChanged(ctx context.Context, tx *sql.Tx, deckID string) error {
	_, err := tx.ExecContext(ctx, `
		UPDATE decks SET
		    edition = CASE WHEN printed_edition >= edition THEN edition + 1 ELSE edition END,
		    changed_at = ?
		WHERE id = ?`, s.deckStamp(), deckID)
	return err
}

// MarkPrinted records that the deck's current edition has been printed, so
// the next change to its cards starts a new edition.
func (s *Store) MarkPrinted(ctx context.Context, deckID string) error {
	return s.write(ctx, "mark deck printed", func(tx *sql.Tx) error {
		return markPrinted(ctx, tx, deckID)
	})
}

// markPrinted is the other half of the edition rule: within tx, it records
// that the live deck's current edition has been printed. MarkPrinted and
// RecordPrint both mark through it.
func markPrinted(ctx context.Context, tx *sql.Tx, deckID string) error {
	res, err := tx.ExecContext(ctx, `UPDATE decks SET printed_edition = edition WHERE id = ? AND deleted_at IS NULL`, deckID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("deck %s: %w", deckID, ErrNotFound)
	}
	return nil
}
