package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// A deck is shared between laptops as a file (cards.SharedDeck): the deck
// as this laptop holds it, every card's tombstone included, with the stamps,
// devices, contexts and deletes a merge decides by (shareddeckmerge.go). A
// deck this laptop publishes is one it shares to the team folder; the
// folder's writer compares each published deck's latest change
// (PublishedDecks) with what it wrote, and writes the files of those that
// moved.

// PublishedDeck is a deck this laptop shares, and the stamp of its latest
// change here.
type PublishedDeck struct {
	ID, Name string
	Changed  time.Time
}

// ExportSharedDeck is the live deck's shared file: its own fields and
// every card, live or deleted, in the deck's order, each with its versions.
//
// Like a workshop's export, it waits for the check of the file's content
// (OpenCheckingLater): what it returns leaves the laptop.
func (s *Store) ExportSharedDeck(ctx context.Context, deckID string) (*cards.SharedDeck, error) {
	if err := s.check.wait(ctx); err != nil {
		return nil, err
	}
	var f *cards.SharedDeck
	err := s.read(ctx, "export shared deck", func(tx *sql.Tx) (err error) {
		f, err = loadShared(ctx, tx, deckID)
		return err
	})
	if err != nil {
		return nil, err
	}
	f.Device = s.device
	return f, nil
}

// loadShared reads a live deck with all its cards and their versions.
func loadShared(ctx context.Context, q querier, deckID string) (*cards.SharedDeck, error) {
	d, err := loadDeckRow(ctx, q, deckID)
	if err != nil {
		return nil, err
	}
	f := &cards.SharedDeck{Format: cards.SharedFormat, Version: cards.SharedVersion, Deck: cards.SharedFieldsOf(d)}
	var updated, seenText string
	if err := q.QueryRowContext(ctx, `SELECT updated_at, device_id, context FROM decks WHERE id = ?`, deckID).
		Scan(&updated, &f.Deck.Device, &seenText); err != nil {
		return nil, err
	}
	if f.Deck.Updated, err = parseTime(updated); err != nil {
		return nil, err
	}
	c, err := parseContext(seenText)
	if err != nil {
		return nil, err
	}
	f.Deck.Context = cards.Seen(c)
	if f.Cards, err = loadSharedCards(ctx, q, deckID); err != nil {
		return nil, fmt.Errorf("load deck %s: %w", d.Name, err)
	}
	return f, nil
}

// loadSharedCards reads every card of a deck, tombstones included, in the
// deck's order, with its texts and versions.
func loadSharedCards(ctx context.Context, q querier, deckID string) ([]cards.SharedCard, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, code, type, theme, area, level, copies, tags, position, created_at, updated_at, device_id,
		       deleted_at IS NOT NULL, context, deleted_by, placed_at, placed_by
		FROM cards WHERE deck_id = ? ORDER BY position, id`, deckID)
	if err != nil {
		return nil, err
	}
	out, at := []cards.SharedCard{}, map[string]int{}
	for rows.Next() {
		var c cards.SharedCard
		var tags, created, updated, placed, seenText, byText string
		if err := rows.Scan(&c.ID, &c.Code, &c.Type, &c.Theme, &c.Area, &c.Level, &c.Copies, &tags, &c.Position,
			&created, &updated, &c.Device, &c.Deleted, &seenText, &byText, &placed, &c.PlacedBy); err != nil {
			rows.Close()
			return nil, err
		}
		if err := readSharedCard(&c, tags, created, updated, placed, seenText, byText); err != nil {
			rows.Close()
			return nil, fmt.Errorf("card %s: %w", c.Code, err)
		}
		at[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close() // before the texts are read: the store has one connection
	if err := rows.Err(); err != nil {
		return nil, err
	}
	texts, err := q.QueryContext(ctx, `
		SELECT t.card_id, t.lang, t.title, t.body FROM card_texts t JOIN cards c ON c.id = t.card_id WHERE c.deck_id = ?`, deckID)
	if err != nil {
		return nil, err
	}
	defer texts.Close()
	for texts.Next() {
		var id, lang, title, body string
		if err := texts.Scan(&id, &lang, &title, &body); err != nil {
			return nil, err
		}
		c := &out[at[id]]
		c.Title[lang] = title
		if body != "" {
			c.Body[lang] = body
		}
	}
	return out, texts.Err()
}

// readSharedCard fills in what a card's row holds as text.
func readSharedCard(c *cards.SharedCard, tags, created, updated, placed, seenText, byText string) error {
	if tags != "[]" {
		if err := json.Unmarshal([]byte(tags), &c.Tags); err != nil {
			return err
		}
	}
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	c.Title, c.Body = cards.Text{}, cards.Text{}
	var err error
	if c.Created, err = parseTime(created); err != nil {
		return err
	}
	if c.Updated, err = parseTime(updated); err != nil {
		return err
	}
	if c.PlacedAt, err = parseTime(placed); err != nil {
		return err
	}
	var seenCtx, by game.Context
	if seenCtx, err = parseContext(seenText); err != nil {
		return err
	}
	if by, err = parseContext(byText); err != nil {
		return err
	}
	c.Context, c.DeletedBy = cards.Seen(seenCtx), cards.Seen(by)
	return nil
}

// PublishDeck shares the live deck to the team folder, or stops sharing
// it. It is this laptop's choice, never in a file; a change of it counts
// as a change of the deck (PublishedChanges), so that the folder's writer
// writes a deck published anew.
func (s *Store) PublishDeck(ctx context.Context, deckID string, published bool) error {
	return s.write(ctx, "publish deck", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE decks SET published = ?, changed_at = ? WHERE id = ? AND deleted_at IS NULL`,
			published, s.deckStamp(), deckID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("deck %s: %w", deckID, ErrNotFound)
		}
		return nil
	})
}

// PublishedDecks lists the live decks this laptop shares, by name in an
// order that does not depend on a language.
func (s *Store) PublishedDecks(ctx context.Context) ([]PublishedDeck, error) {
	return s.publishedSince(ctx, "")
}

// PublishedChanges lists the live published decks changed here after a
// stamp (a card saved, the deck's fields, a merge, being published): the
// team folder's writer keeps the latest Changed it was given and asks
// again with it. The stamps come from this store's clock, which only
// grows, and every write is one transaction on one connection, so a
// change committed after a call has a later stamp than any that call
// returned. One index lookup (decks_published_changes) however many decks.
func (s *Store) PublishedChanges(ctx context.Context, since time.Time) ([]PublishedDeck, error) {
	return s.publishedSince(ctx, timeText(since))
}

func (s *Store) publishedSince(ctx context.Context, since string) ([]PublishedDeck, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, changed_at FROM decks
		WHERE published = 1 AND changed_at > ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE`, since)
	if err != nil {
		return nil, fmt.Errorf("list published decks: %w", err)
	}
	defer rows.Close()
	out := []PublishedDeck{}
	for rows.Next() {
		var d PublishedDeck
		var changed string
		if err := rows.Scan(&d.ID, &d.Name, &changed); err != nil {
			return nil, fmt.Errorf("list published decks: %w", err)
		}
		if d.Changed, err = parseTime(changed); err != nil {
			return nil, fmt.Errorf("list published decks: deck %s: %w", d.Name, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// UnsharedDecks are the ids of the decks here that take no files from the
// team folder: those deleted here (a deck's deletion does not travel, and
// its file is refused until it is restored) and those this laptop stopped
// publishing (its choice, which another laptop's edits must not undo). A
// deck not here at all is not among them: its file adds it, published.
func (s *Store) UnsharedDecks(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM decks WHERE published = 0 OR deleted_at IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("list unshared decks: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list unshared decks: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
