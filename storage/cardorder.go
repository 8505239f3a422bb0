package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"deckhand/cards"
)

// cardSpacing is how far apart a deck's cards are stored (spacedPosition,
// spaceCards): room after each card for that many new cards less one
// before the cards after it have to move.
const cardSpacing = 1024

// spacedPosition is the position of the deck's card at index i when the
// store writes all of a deck's cards (a new deck, an update from a file).
func spacedPosition(i int) int { return (i + 1) * cardSpacing }

// The queries that place a new card, each answered by an index (the plan
// of each is tested): cards_live_code for the cards whose code is its
// letters and a number, cards_by_deck for the positions.
const (
	// sameLettersQuery lists, in order, the live cards whose code is the
	// letters ?2 (in any case) and then digits only: the range ?2 ?3 holds
	// the codes that go on with a digit after the letters.
	sameLettersQuery = `SELECT code, position FROM cards
		WHERE deck_id = ?1 AND deleted_at IS NULL AND code >= ?2 COLLATE NOCASE AND code < ?3 COLLATE NOCASE
		  AND substr(code, ?4) NOT GLOB '*[^0-9]*'
		ORDER BY position, id`
	lastPositionQuery   = `SELECT COALESCE(MAX(position), 0) FROM cards WHERE deck_id = ?`
	positionBeforeQuery = `SELECT COALESCE(MAX(position), 0) FROM cards WHERE deck_id = ? AND position < ?`
	positionTakenQuery  = `SELECT EXISTS (SELECT 1 FROM cards WHERE deck_id = ? AND position = ?)`
)

// cardPosition keeps an existing card where it is. A new one goes in code
// order among the cards of its letters (cards.PlaceByCode): after the last
// one with a lower number (R41 after R40, not after the blank cards at the
// end), or before the first when all have higher numbers; a code whose
// letters no card has goes last. It takes the position right after the
// card it follows; when a card has that position, the deck's cards are
// spaced out first (spaceCards), so that a save moves one card, not all
// those after it.
func (s *Store) cardPosition(ctx context.Context, tx *sql.Tx, deckID, cardID, code string) (int, error) {
	var pos int
	err := tx.QueryRowContext(ctx, `SELECT position FROM cards WHERE id = ? AND deck_id = ?`, cardID, deckID).Scan(&pos)
	if err == nil {
		return pos, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	for spaced := false; ; spaced = true {
		after, err := positionToFollow(ctx, tx, deckID, code)
		if err != nil {
			return 0, err
		}
		var taken bool
		if err := tx.QueryRowContext(ctx, positionTakenQuery, deckID, after+1).Scan(&taken); err != nil {
			return 0, err
		}
		if !taken {
			return after + 1, nil
		}
		if spaced {
			return 0, fmt.Errorf("no free position after %d in deck %s", after, deckID)
		}
		if err := s.spaceCards(ctx, tx, deckID); err != nil {
			return 0, err
		}
	}
}

// positionToFollow is the position of the card (live or deleted) that a new
// card with the given code goes right after: 0 when it goes before them all.
func positionToFollow(ctx context.Context, tx *sql.Tx, deckID, code string) (int, error) {
	var pos int
	letters, _, ok := cards.SplitCode(code)
	if !ok {
		return pos, tx.QueryRowContext(ctx, lastPositionQuery, deckID).Scan(&pos)
	}
	codes, positions, err := sameLetters(ctx, tx, deckID, letters)
	if err != nil {
		return 0, err
	}
	switch after, before := cards.PlaceByCode(codes, code); {
	case after >= 0:
		return positions[after], nil
	case before >= 0:
		return pos, tx.QueryRowContext(ctx, positionBeforeQuery, deckID, positions[before]).Scan(&pos)
	}
	return pos, tx.QueryRowContext(ctx, lastPositionQuery, deckID).Scan(&pos)
}

// sameLetters lists in order the codes and positions of the deck's live
// cards whose code is the letters and a number (R07 for R), the only ones
// cards.PlaceByCode places a new card among.
func sameLetters(ctx context.Context, tx *sql.Tx, deckID, letters string) ([]string, []int, error) {
	rows, err := tx.QueryContext(ctx, sameLettersQuery, deckID, letters+"0", letters+":", len(letters)+1)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var codes []string
	var positions []int
	for rows.Next() {
		var code string
		var at int
		if err := rows.Scan(&code, &at); err != nil {
			return nil, nil, err
		}
		codes, positions = append(codes, code), append(positions, at)
	}
	return codes, positions, rows.Err()
}

// spaceCards sets the positions of all the deck's cards, live and deleted,
// cardSpacing apart in the order they have: for a deck stored before its
// cards were spaced (one apart: 1, 2, 3…), the first new card that goes
// between two of them moves every card once; after that each new card
// finds room, until cardSpacing-1 have gone after the same card.
func (s *Store) spaceCards(ctx context.Context, tx *sql.Tx, deckID string) error {
	_, err := tx.ExecContext(ctx, `
		UPDATE cards SET position = ranked.n * ?2, placed_at = ?3, placed_by = ?4
		FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) AS n FROM cards WHERE deck_id = ?1) AS ranked
		WHERE cards.id = ranked.id AND cards.position <> ranked.n * ?2`, deckID, cardSpacing, timeText(s.clock.next(s.Now())), s.device)
	return err
}
