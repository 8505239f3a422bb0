package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"deckhand/cards"
)

// SaveCard validates the card against its deck and stores it: a card with
// an id already in the deck is updated, any other is added in code order
// (cardPosition; an id made by the caller is kept, so a retried save is the
// same card). It sets
// c.ID and raises the deck's edition when the deck had been printed.
func (s *Store) SaveCard(ctx context.Context, deckID string, c *cards.Card) error {
	return s.write(ctx, "save card "+c.Code, func(tx *sql.Tx) error {
		d, err := loadDeck(ctx, tx, deckID)
		if err != nil {
			return err
		}
		saved := c.Clone()
		(&cards.Deck{Cards: []cards.Card{saved}}).Normalize()
		if err := cards.ValidateCard(d, saved); err != nil {
			return err
		}
		if saved.ID == "" {
			saved.ID = cards.NewID()
		}
		position, err := cardPosition(ctx, tx, deckID, saved.ID, saved.Code)
		if err != nil {
			return err
		}
		if err := s.upsertCard(ctx, tx, deckID, &saved, position); err != nil {
			return err
		}
		if err := s.cardsChanged(ctx, tx, deckID); err != nil {
			return err
		}
		c.ID = saved.ID
		return nil
	})
}

// cardPosition keeps an existing card where it is. A new one goes in code
// order among the cards of its letters: after the last one with a lower
// number (R41 after R40, not after the blank cards at the end), or before
// the first when all have higher numbers; the cards after it move down
// one. A code whose letters no card has goes last.
func cardPosition(ctx context.Context, tx *sql.Tx, deckID, cardID, code string) (int, error) {
	var pos int
	err := tx.QueryRowContext(ctx, `SELECT position FROM cards WHERE id = ? AND deck_id = ?`, cardID, deckID).Scan(&pos)
	if err == nil {
		return pos, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	var last int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) FROM cards WHERE deck_id = ?`, deckID).Scan(&last); err != nil {
		return 0, err
	}
	letters, number, ok := cards.SplitCode(code)
	if !ok {
		return last + 1, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT code, position FROM cards WHERE deck_id = ? AND deleted_at IS NULL ORDER BY position`, deckID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	after, first := 0, 0 // positions of the last lower and the first of the same letters
	for rows.Next() {
		var other string
		var at int
		if err := rows.Scan(&other, &at); err != nil {
			return 0, err
		}
		l, n, ok := cards.SplitCode(other)
		if !ok || !strings.EqualFold(l, letters) {
			continue
		}
		if first == 0 {
			first = at
		}
		if n < number {
			after = at
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	switch {
	case after > 0:
		pos = after + 1
	case first > 0:
		pos = first
	default:
		return last + 1, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE cards SET position = position + 1 WHERE deck_id = ? AND position >= ?`, deckID, pos); err != nil {
		return 0, err
	}
	return pos, nil
}

// upsertCard writes the card row and its texts. The upsert's WHERE clause
// refuses an id that belongs to another deck rather than moving that card
// between decks.
func (s *Store) upsertCard(ctx context.Context, tx *sql.Tx, deckID string, c *cards.Card, position int) error {
	tags, err := json.Marshal(c.Tags)
	if err != nil {
		return err
	}
	if c.Tags == nil {
		tags = []byte("[]")
	}
	now := s.now()
	res, err := tx.ExecContext(ctx, `
		INSERT INTO cards (id, deck_id, code, type, theme, area, level, copies, tags, position, created_at, updated_at, device_id)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)
		ON CONFLICT (id) DO UPDATE SET code = ?3, type = ?4, theme = ?5, area = ?6, level = ?7, copies = ?8,
		    tags = ?9, position = ?10, updated_at = ?11, device_id = ?12, deleted_at = NULL
		WHERE deck_id = ?2`,
		c.ID, deckID, c.Code, c.Type, c.Theme, c.Area, c.Level, c.Copies, string(tags), position, now, s.device)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("card %s belongs to another deck", c.ID)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM card_texts WHERE card_id = ?`, c.ID); err != nil {
		return err
	}
	for lang, title := range c.Title {
		if _, err := tx.ExecContext(ctx, `INSERT INTO card_texts (card_id, lang, title, body) VALUES (?, ?, ?, ?)`,
			c.ID, lang, title, c.Body[lang]); err != nil {
			return err
		}
	}
	return nil
}

// DeleteCard marks the card deleted (a tombstone, so it can be restored and
// a merge cannot bring it back by accident).
func (s *Store) DeleteCard(ctx context.Context, deckID, cardID string) error {
	return s.write(ctx, "delete card", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cards SET deleted_at = ?1, updated_at = ?1, device_id = ?2
			WHERE id = ?3 AND deck_id = ?4 AND deleted_at IS NULL`, s.now(), s.device, cardID, deckID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("card %s: %w", cardID, ErrNotFound)
		}
		return s.cardsChanged(ctx, tx, deckID)
	})
}

// RestoreCard undoes DeleteCard, unless another live card took its code
// in the meantime.
func (s *Store) RestoreCard(ctx context.Context, deckID, cardID string) error {
	return s.write(ctx, "restore card", func(tx *sql.Tx) error {
		var code string
		err := tx.QueryRowContext(ctx, `SELECT code FROM cards WHERE id = ? AND deck_id = ? AND deleted_at IS NOT NULL`, cardID, deckID).Scan(&code)
		if err != nil {
			return fmt.Errorf("deleted card %s: %w", cardID, ErrNotFound)
		}
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM cards WHERE deck_id = ? AND code = ? COLLATE NOCASE AND deleted_at IS NULL`,
			deckID, code).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return withKind(ErrNameTaken, "cannot restore card %s: another card now has that code", code)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cards SET deleted_at = NULL, updated_at = ?, device_id = ? WHERE id = ?`,
			s.now(), s.device, cardID); err != nil {
			return err
		}
		return s.cardsChanged(ctx, tx, deckID)
	})
}
