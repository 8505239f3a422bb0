package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"deckhand/cards"
)

// SaveCard validates the card against its deck and stores it: a card with
// an id already in the deck is updated, any other is added in code order
// (cardPosition; an id made by the caller is kept, so a retried save is the
// same card). It sets
// c.ID and raises the deck's edition when the deck had been printed.
//
// It reads only what the card is checked against, whatever the deck's
// size: the deck's row, with its languages and vocabulary, and whether
// another card has the code, from the index of codes.
func (s *Store) SaveCard(ctx context.Context, deckID string, c *cards.Card) error {
	return s.write(ctx, "save card "+c.Code, func(tx *sql.Tx) error {
		d, err := loadDeckRow(ctx, tx, deckID)
		if err != nil {
			return err
		}
		saved := cards.NormalizedCard(c.Clone())
		taken, err := codeTaken(ctx, tx, deckID, saved)
		if err != nil {
			return err
		}
		if err := cards.ValidateCardTaken(d, saved, taken); err != nil {
			return err
		}
		if saved.ID == "" {
			saved.ID = cards.NewID()
		}
		position, err := s.cardPosition(ctx, tx, deckID, saved.ID, saved.Code)
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

// codeTakenQuery finds another live card of a deck with a code, through the
// index of live codes.
const codeTakenQuery = `SELECT EXISTS (SELECT 1 FROM cards
	WHERE deck_id = ? AND code = ? COLLATE NOCASE AND deleted_at IS NULL AND id <> ?)`

// codeTaken reports whether another live card of the deck has c's code, in
// any case, as cards.Deck.CodeTaken compares codes. The index folds the
// case of ASCII letters only; every stored code is ASCII (the store
// refuses any other), and a code with other letters, refused for them,
// is compared with the deck's codes as CodeTaken does, so that the refusal
// says the same.
func codeTaken(ctx context.Context, tx *sql.Tx, deckID string, c cards.Card) (bool, error) {
	if !isASCII(c.Code) {
		return codeTakenAmongAll(ctx, tx, deckID, c)
	}
	var taken bool
	err := tx.QueryRowContext(ctx, codeTakenQuery, deckID, c.Code, c.ID).Scan(&taken)
	return taken, err
}

// codeTakenAmongAll is codeTaken by cards.Deck.CodeTaken over the ids and
// codes of all the deck's live cards.
func codeTakenAmongAll(ctx context.Context, tx *sql.Tx, deckID string, c cards.Card) (bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, code FROM cards WHERE deck_id = ? AND deleted_at IS NULL`, deckID)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var d cards.Deck
	for rows.Next() {
		var other cards.Card
		if err := rows.Scan(&other.ID, &other.Code); err != nil {
			return false, err
		}
		d.Cards = append(d.Cards, other)
	}
	return d.CodeTaken(c), rows.Err()
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// upsertCard writes the card row and its texts as a change made here,
// stamped after the stored version (cardstamp.go); a change of position is
// stamped as its place's. The upsert's WHERE clause refuses an id that
// belongs to another deck rather than moving that card between decks.
func (s *Store) upsertCard(ctx context.Context, tx *sql.Tx, deckID string, c *cards.Card, position int) error {
	old, err := priorCard(ctx, tx, c.ID)
	if err != nil {
		return err
	}
	at := s.stamp(old.priorRow)
	stamp := timeText(at)
	meta := cardMeta{updated: stamp, device: s.device, context: s.contextAfter(old.priorRow, at), placedAt: stamp, placedBy: s.device}
	return writeCard(ctx, tx, deckID, c, position, meta)
}

// cardMeta is how a version of a card is written: its stamp, device,
// context, state and deletes, and its place's stamp and device.
type cardMeta struct {
	updated, device, context string
	deleted                  any // nil: live; else deleted_at
	deletedBy                string
	placedAt, placedBy       string
}

// writeCard stores a version of a card and its texts. A stored card keeps
// its place's stamp unless its position changes; a card of another deck
// is refused.
func writeCard(ctx context.Context, tx *sql.Tx, deckID string, c *cards.Card, position int, meta cardMeta) error {
	tags, err := json.Marshal(c.Tags)
	if err != nil {
		return err
	}
	if c.Tags == nil {
		tags = []byte("[]")
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO cards (id, deck_id, code, type, theme, area, level, copies, tags, position, created_at, updated_at, device_id,
		                   deleted_at, context, deleted_by, placed_at, placed_by)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
		ON CONFLICT (id) DO UPDATE SET code = ?3, type = ?4, theme = ?5, area = ?6, level = ?7, copies = ?8,
		    tags = ?9, position = ?10, updated_at = ?11, device_id = ?12, deleted_at = ?13, context = ?14, deleted_by = ?15,
		    placed_at = CASE WHEN position <> ?10 THEN ?16 ELSE placed_at END,
		    placed_by = CASE WHEN position <> ?10 THEN ?17 ELSE placed_by END
		WHERE deck_id = ?2`,
		c.ID, deckID, c.Code, c.Type, c.Theme, c.Area, c.Level, c.Copies, string(tags), position, meta.updated, meta.device,
		meta.deleted, meta.context, meta.deletedBy, meta.placedAt, meta.placedBy)
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
		old, err := priorCard(ctx, tx, cardID)
		if err != nil {
			return err
		}
		if !old.exists || old.deck != deckID || old.deletedAt != "" {
			return fmt.Errorf("card %s: %w", cardID, ErrNotFound)
		}
		if err := s.stampCardState(ctx, tx, cardID, old, true); err != nil {
			return err
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
		old, err := priorCard(ctx, tx, cardID)
		if err != nil {
			return err
		}
		if err := s.stampCardState(ctx, tx, cardID, old, false); err != nil {
			return err
		}
		return s.cardsChanged(ctx, tx, deckID)
	})
}
