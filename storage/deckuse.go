package storage

import (
	"context"
	"database/sql"
	"slices"

	"deckhand/cards"
)

// KeyUse is how much of what workshops logged uses one key of a deck's
// vocabulary: the live plays (or ratings) and the workshops they are in.
type KeyUse struct {
	Count     int
	Workshops int
}

// DeckUse is, by key, what the live workshops made from a deck logged:
// plays by the area they lie in and by the card type of their card (in the
// workshop's own snapshot), ratings by criterion. Keys nothing uses are
// absent.
type DeckUse struct {
	Areas     map[string]KeyUse
	CardTypes map[string]KeyUse
	Criteria  map[string]KeyUse
}

// DeckUse reads what workshops made from the deck use of its areas, card
// types and criteria: what a change to the deck must not orphan.
func (s *Store) DeckUse(ctx context.Context, deckID string) (DeckUse, error) {
	var use DeckUse
	err := s.read(ctx, "read what workshops use of a deck", func(tx *sql.Tx) error {
		var err error
		use, err = deckUse(ctx, tx, deckID)
		return err
	})
	return use, err
}

// The three queries each give, per key and workshop, how many live records
// of a live workshop made from the deck use the key.
const (
	areaUseSQL = `
		SELECT p.area, p.workshop_id, COUNT(*) FROM plays p JOIN workshops w ON w.id = p.workshop_id
		WHERE w.deck_id = ? AND w.deleted_at IS NULL AND p.deleted_at IS NULL
		GROUP BY p.area, p.workshop_id`
	// The card type of a play is its card's in the workshop's snapshot:
	// the cards of each snapshot the workshops use are listed once
	// (MATERIALIZED), however many workshops share it and not once per
	// play, and each play's card is found by snapshot and code. CROSS JOIN
	// keeps SQLite to that order: left to itself, it goes through the
	// cards and looks for the plays of each in every workshop.
	typeUseSQL = `
		WITH used AS MATERIALIZED (
			SELECT id, deck_hash FROM workshops WHERE deck_id = ? AND deleted_at IS NULL),
		types AS MATERIALIZED (
			SELECT s.hash, lower(json_extract(c.value, '$.code')) AS code, json_extract(c.value, '$.type') AS type
			FROM deck_snapshots s, json_each(s.snapshot, '$.cards') c
			WHERE s.hash IN (SELECT deck_hash FROM used))
		SELECT t.type, p.workshop_id, COUNT(*)
		FROM used u CROSS JOIN plays p ON p.workshop_id = u.id CROSS JOIN types t ON t.hash = u.deck_hash AND t.code = lower(p.code)
		WHERE p.deleted_at IS NULL
		GROUP BY t.type, p.workshop_id`
	criterionUseSQL = `
		SELECT r.criterion, r.workshop_id, COUNT(*)
		FROM ratings r JOIN plays p ON p.id = r.play_id JOIN workshops w ON w.id = r.workshop_id
		WHERE w.deck_id = ? AND w.deleted_at IS NULL AND p.deleted_at IS NULL AND r.deleted_at IS NULL
		GROUP BY r.criterion, r.workshop_id`
)

func deckUse(ctx context.Context, q querier, deckID string) (DeckUse, error) {
	return deckUseOf(ctx, q, deckID, true, true, true)
}

// deckUseOf reads the use of the areas, card types and criteria asked for;
// the others are left empty.
func deckUseOf(ctx context.Context, q querier, deckID string, areas, types, criteria bool) (DeckUse, error) {
	var use DeckUse
	var err error
	for _, k := range []struct {
		asked bool
		query string
		into  *map[string]KeyUse
	}{{areas, areaUseSQL, &use.Areas}, {types, typeUseSQL, &use.CardTypes}, {criteria, criterionUseSQL, &use.Criteria}} {
		if !k.asked {
			continue
		}
		if *k.into, err = keyUse(ctx, q, k.query, deckID); err != nil {
			return use, err
		}
	}
	return use, nil
}

func keyUse(ctx context.Context, q querier, query, deckID string) (map[string]KeyUse, error) {
	rows, err := q.QueryContext(ctx, query, deckID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]KeyUse{}
	for rows.Next() {
		var key, workshop string
		var n int
		if err := rows.Scan(&key, &workshop, &n); err != nil {
			return nil, err
		}
		u := out[key]
		u.Count += n
		u.Workshops++
		out[key] = u
	}
	return out, rows.Err()
}

// checkOrphans refuses a deck change that takes away (removes, or gives
// another key) an area, card type or criterion that workshops made from the
// deck have used, naming the first in the deck's default language: their
// plays and ratings would no longer match the deck they were made from.
// Only what the change takes away is asked about, so a change that keeps
// every key (a name, a colour, a scale) reads nothing of the workshops.
func checkOrphans(ctx context.Context, q querier, stored, next *cards.Deck) error {
	name := func(t cards.Text, key string) string {
		if n := t.Or(stored.DefaultLang, stored.Languages...); n != "" {
			return n
		}
		return key
	}
	var areas, types, criteria []string
	for _, a := range stored.Board.Areas {
		if _, ok := next.Area(a.Key); !ok {
			areas = append(areas, a.Key)
		}
	}
	for _, t := range stored.CardTypes {
		if _, ok := next.CardType(t.Key); !ok {
			types = append(types, t.Key)
		}
	}
	for _, c := range stored.Criteria {
		if !hasCriterion(next, c.Key) {
			criteria = append(criteria, c.Key)
		}
	}
	use, err := deckUseOf(ctx, q, stored.ID, len(areas) > 0, len(types) > 0, len(criteria) > 0)
	if err != nil {
		return err
	}
	for _, a := range stored.Board.Areas {
		if u := use.Areas[a.Key]; u.Count > 0 && slices.Contains(areas, a.Key) {
			return withKind(ErrInUse, "The area %s cannot be removed or given another key: workshops made from this deck have cards laid in it (cards: %d, workshops: %d).",
				name(a.Name, a.Key), u.Count, u.Workshops)
		}
	}
	for _, t := range stored.CardTypes {
		if u := use.CardTypes[t.Key]; u.Count > 0 && slices.Contains(types, t.Key) {
			return withKind(ErrInUse, "The card type %s cannot be removed or given another key: workshops made from this deck have cards of it laid (cards: %d, workshops: %d).",
				name(t.Name, t.Key), u.Count, u.Workshops)
		}
	}
	for _, c := range stored.Criteria {
		if u := use.Criteria[c.Key]; u.Count > 0 && slices.Contains(criteria, c.Key) {
			return withKind(ErrInUse, "The criterion %s cannot be removed or given another key: workshops made from this deck have ratings on it (ratings: %d, workshops: %d).",
				name(c.Name, c.Key), u.Count, u.Workshops)
		}
	}
	return nil
}

func hasCriterion(d *cards.Deck, key string) bool {
	for _, c := range d.Criteria {
		if c.Key == key {
			return true
		}
	}
	return false
}
