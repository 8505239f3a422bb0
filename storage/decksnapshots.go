package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"deckhand/cards"
)

// A workshop is played with the deck as it was when the workshop was made,
// and its snapshot of the deck never changes. From schema 10 a snapshot is
// stored once in deck_snapshots, named by the SHA-256 of its JSON, and a
// workshop names its snapshot by that hash (workshops.deck_hash): the
// workshops of one deck edition share one row, where each held a copy of
// the whole deck before. A snapshot row is written only together with the
// first workshop that uses it, and no workshop row is ever deleted (a
// deleted workshop is a tombstone, an erased one keeps its structure), so
// every snapshot row is used by a workshop. A deck snapshot holds the deck,
// not the people of a workshop: an erasure leaves it as it is.

// snapshotHashFunc is the SQL name of snapshotHash, registered on every
// connection with the row checksum (rowsums.go): the migration to schema
// 10 names the snapshots already stored with it.
const snapshotHashFunc = "deckhand_snapshot_hash"

// snapshotHash names a deck snapshot: the SHA-256 of its exact bytes, in
// lower-case hex. Two snapshots share a row only when they are the same
// bytes.
func snapshotHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// deckSnapshot is a deck as a workshop stores it: its JSON and the hash
// that names it.
type deckSnapshot struct{ hash, text string }

// snapshotOf is the snapshot a new workshop played with d stores.
func snapshotOf(d *cards.Deck) (deckSnapshot, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return deckSnapshot{}, err
	}
	return deckSnapshot{snapshotHash(string(b)), string(b)}, nil
}

// store writes the snapshot unless a workshop stored the same one before.
// It goes in the transaction that inserts the workshop using it, and only
// there, so that no row is left that no workshop uses.
func (sn deckSnapshot) store(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO deck_snapshots (hash, snapshot) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING`,
		sn.hash, sn.text)
	return err
}

// snapshotReader gives a workshop's parsed deck snapshot, named by its
// hash.
type snapshotReader func(ctx context.Context, q querier, workshopID, hash string) (*cards.Deck, error)

// snapshot returns the workshop's parsed deck snapshot, from the cache
// when it was read before. It is shared: callers must not change it.
func (s *Store) snapshot(ctx context.Context, q querier, workshopID, hash string) (*cards.Deck, error) {
	s.snapMu.Lock()
	d, ok := s.snapshots[workshopID]
	s.snapMu.Unlock()
	if ok {
		return d, nil
	}
	text, err := snapshotText(ctx, q, workshopID, hash)
	if err != nil {
		return nil, err
	}
	if d, err = parseSnapshot(workshopID, text); err != nil {
		return nil, err
	}
	s.snapMu.Lock()
	if s.snapshots == nil {
		s.snapshots = map[string]*cards.Deck{}
	}
	if _, ok := s.snapshots[workshopID]; !ok {
		s.snapOrder = append(s.snapOrder, workshopID)
	}
	s.snapshots[workshopID] = d
	for len(s.snapOrder) > snapshotsCached {
		delete(s.snapshots, s.snapOrder[0])
		s.snapOrder = s.snapOrder[1:]
	}
	s.snapMu.Unlock()
	return d, nil
}

// snapshotsCached is how many workshops' deck snapshots the store keeps
// parsed: the few a facilitator works on, not every workshop ever read.
const snapshotsCached = 16

// snapshotText is the stored deck snapshot of a workshop, unparsed, by the
// hash the workshop names it with.
func snapshotText(ctx context.Context, q querier, workshopID, hash string) (string, error) {
	var text string
	err := q.QueryRowContext(ctx, `SELECT snapshot FROM deck_snapshots WHERE hash = ?`, hash).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("the deck snapshot of workshop %s is missing from the database", workshopID)
	}
	if err != nil {
		return "", fmt.Errorf("deck snapshot of workshop %s: %w", workshopID, err)
	}
	return text, nil
}

// parseSnapshot parses a workshop's deck snapshot.
func parseSnapshot(workshopID, text string) (*cards.Deck, error) {
	d := &cards.Deck{}
	if err := json.Unmarshal([]byte(text), d); err != nil {
		return nil, fmt.Errorf("deck snapshot of workshop %s: %w", workshopID, err)
	}
	return d, nil
}
