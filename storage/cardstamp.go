package storage

import (
	"context"
	"database/sql"
	"errors"
)

// A card is stamped as a workshop record is (records.go): every change to
// its fields or its state takes the next reading of the store's clock,
// after the stored version, with the stored version's context joined into
// its own, so that a merge of shared decks (shareddeckmerge.go) decides by
// the same rules. Its place in the deck has a stamp of its own (placed_at),
// so that reordering never undoes an edit made on another laptop.

// cardPrior is the stored version of a card, for a change made here.
type cardPrior struct {
	priorRow
	deck     string
	position int
}

// priorCard reads the stored version of a card by id; exists is false when
// there is none.
func priorCard(ctx context.Context, q querier, id string) (cardPrior, error) {
	var p cardPrior
	var updated, seenText, byText string
	var deleted sql.NullString
	err := q.QueryRowContext(ctx, `SELECT deck_id, position, updated_at, device_id, deleted_at, context, deleted_by FROM cards WHERE id = ?`, id).
		Scan(&p.deck, &p.position, &updated, &p.device, &deleted, &seenText, &byText)
	if errors.Is(err, sql.ErrNoRows) {
		return cardPrior{}, nil
	}
	if err != nil {
		return cardPrior{}, err
	}
	if err := p.read(updated, deleted, seenText, byText); err != nil {
		return cardPrior{}, err
	}
	return p, nil
}

// stampCardState makes a stored card a tombstone, or live again, as one
// stamped change of its own state: its fields stay, the change has seen
// the stored version, and a delete joins the deletes no restore had seen
// (a restore leaves none).
func (s *Store) stampCardState(ctx context.Context, tx *sql.Tx, id string, old cardPrior, deleted bool) error {
	at := s.stamp(old.priorRow)
	_, err := tx.ExecContext(ctx, `UPDATE cards SET deleted_at = ?, updated_at = ?, device_id = ?, context = ?, deleted_by = ? WHERE id = ?`,
		tombstone(deleted, old.priorRow, at), timeText(at), s.device, s.contextAfter(old.priorRow, at), s.deletesAfter(old.priorRow, deleted, at), id)
	return err
}

// placeCard moves a card to a position as a stamped change of its place
// alone; a card already there is left as it is.
func (s *Store) placeCard(ctx context.Context, tx *sql.Tx, id string, position int) error {
	_, err := tx.ExecContext(ctx, `UPDATE cards SET position = ?1, placed_at = ?2, placed_by = ?3 WHERE id = ?4 AND position <> ?1`,
		position, timeText(s.clock.next(s.Now())), s.device, id)
	return err
}

// deckStamp is the stamp of a change to a deck here that is no change of
// its own fields (a card, a merge, publishing): what changed_at records.
func (s *Store) deckStamp() string { return timeText(s.clock.next(s.Now())) }

// deckPrior is the stored version of a deck's own fields.
func deckPrior(ctx context.Context, q querier, id string) (priorRow, error) {
	var p priorRow
	var updated, seenText, byText string
	var deleted sql.NullString
	err := q.QueryRowContext(ctx, `SELECT updated_at, device_id, deleted_at, context, deleted_by FROM decks WHERE id = ?`, id).
		Scan(&updated, &p.device, &deleted, &seenText, &byText)
	if errors.Is(err, sql.ErrNoRows) {
		return priorRow{}, nil
	}
	if err != nil {
		return priorRow{}, err
	}
	if err := p.read(updated, deleted, seenText, byText); err != nil {
		return priorRow{}, err
	}
	return p, nil
}
