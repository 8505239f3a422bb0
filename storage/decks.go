package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"deckhand/cards"
	"deckhand/game"
)

// DeckSummary is a line of the deck list: enough to choose a deck without
// loading its cards.
type DeckSummary struct {
	ID        string
	Name      string
	Client    string
	Parent    string // the id of the deck this one was cloned from, "" when none
	Edition   int
	Languages []string
	Cards     int
	Published bool // this laptop shares it to the team folder (PublishDeck)
}

// vocabulary is the part of a deck stored as one JSON document.
type vocabulary struct {
	CardTypes []cards.CardType  `json:"card_types"`
	Themes    []cards.Term      `json:"themes"`
	Levels    []cards.Term      `json:"levels"`
	Board     cards.Board       `json:"board"`
	Criteria  []cards.Criterion `json:"criteria"`
	// Look is the client's logo and backs; left out when there is none,
	// so a deck without one is stored as before it could have one.
	Look *cards.Look `json:"look,omitempty"`
}

// querier is what the read helpers need: the database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Decks lists the decks that are not deleted, by name in an order that
// does not depend on a language (SQLite's NOCASE); SortDecks puts them in
// a reader's.
func (s *Store) Decks(ctx context.Context) ([]DeckSummary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT d.id, d.name, d.client, COALESCE(d.parent_id, ''), d.edition, d.languages,
		       (SELECT COUNT(*) FROM cards c WHERE c.deck_id = d.id AND c.deleted_at IS NULL), d.published
		FROM decks d WHERE d.deleted_at IS NULL ORDER BY d.name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list decks: %w", err)
	}
	defer rows.Close()
	var out []DeckSummary
	for rows.Next() {
		var d DeckSummary
		var langs string
		if err := rows.Scan(&d.ID, &d.Name, &d.Client, &d.Parent, &d.Edition, &langs, &d.Cards, &d.Published); err != nil {
			return nil, fmt.Errorf("list decks: %w", err)
		}
		if err := json.Unmarshal([]byte(langs), &d.Languages); err != nil {
			return nil, fmt.Errorf("list decks: deck %s: %w", d.Name, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Deck loads a whole deck with its cards in order.
func (s *Store) Deck(ctx context.Context, id string) (*cards.Deck, error) {
	return s.deckUpTo(ctx, id, -1)
}

// DeckFirstCards loads a deck with only the first n of its cards, in
// order: what the Decks screen shows while it loads the rest of a big deck
// with Deck.
func (s *Store) DeckFirstCards(ctx context.Context, id string, n int) (*cards.Deck, error) {
	return s.deckUpTo(ctx, id, max(n, 0))
}

// deckUpTo loads a deck with the first limit of its cards (all when limit
// is negative) in one read transaction: the deck, its cards and their
// texts are three queries, and a write between them must not be half
// seen.
func (s *Store) deckUpTo(ctx context.Context, id string, limit int) (*cards.Deck, error) {
	var d *cards.Deck
	err := s.read(ctx, "read deck", func(tx *sql.Tx) (err error) {
		d, err = loadDeckUpTo(ctx, tx, id, limit)
		return err
	})
	return d, err
}

// FindDeck loads the deck whose id or name (in any case) is nameOrID, as the
// command line names decks.
func (s *Store) FindDeck(ctx context.Context, nameOrID string) (*cards.Deck, error) {
	id, err := findDeckID(ctx, s.db, nameOrID)
	if err != nil {
		return nil, fmt.Errorf("find deck %q: %w", nameOrID, err)
	}
	if id == "" {
		return nil, withKind(ErrNotFound, "there is no deck named %q; list the decks with \"deckhand decks\"", nameOrID)
	}
	return s.Deck(ctx, id)
}

// findDeckID returns the id of the live deck with the given id, or else
// with the given name in any case; "" when there is none. Names are
// compared in Go (cards.SameName): SQLite's NOCASE folds only ASCII, so it
// would not find "Åland" as "åland".
func findDeckID(ctx context.Context, q querier, nameOrID string) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name FROM decks WHERE deleted_at IS NULL`)
	if err != nil {
		return "", err
	}
	defer rows.Close() // before the deck is loaded: the store has one connection
	found := ""
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return "", err
		}
		if id == nameOrID {
			return id, nil
		}
		if found == "" && cards.SameName(name, nameOrID) {
			found = id
		}
	}
	return found, rows.Err()
}

func loadDeck(ctx context.Context, q querier, id string) (*cards.Deck, error) {
	return loadDeckUpTo(ctx, q, id, -1)
}

// loadDeckUpTo loads a deck with the first limit of its cards, or all of
// them when limit is negative.
func loadDeckUpTo(ctx context.Context, q querier, id string, limit int) (*cards.Deck, error) {
	d, err := loadDeckRow(ctx, q, id)
	if err != nil {
		return nil, err
	}
	if d.Cards, err = loadCards(ctx, q, id, limit); err != nil {
		return nil, fmt.Errorf("load deck %s: %w", d.Name, err)
	}
	return d, nil
}

// loadDeckRow loads a live deck without its cards: its one row, which
// holds its languages and vocabulary, all a card is checked against.
func loadDeckRow(ctx context.Context, q querier, id string) (*cards.Deck, error) {
	d := &cards.Deck{ID: id}
	var desc, langs, vocab string
	err := q.QueryRowContext(ctx, `
		SELECT name, description, client, languages, default_lang, edition, COALESCE(parent_id, ''), vocabulary
		FROM decks WHERE id = ? AND deleted_at IS NULL`, id).
		Scan(&d.Name, &desc, &d.Client, &langs, &d.DefaultLang, &d.Edition, &d.Parent, &vocab)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("deck %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load deck %s: %w", id, err)
	}
	var v vocabulary
	for _, part := range []struct {
		src string
		dst any
	}{{desc, &d.Description}, {langs, &d.Languages}, {vocab, &v}} {
		if err := json.Unmarshal([]byte(part.src), part.dst); err != nil {
			return nil, fmt.Errorf("load deck %s: %w", d.Name, err)
		}
	}
	d.CardTypes, d.Themes, d.Levels, d.Board, d.Criteria, d.Look = v.CardTypes, v.Themes, v.Levels, v.Board, v.Criteria, v.Look
	return d, nil
}

// loadCards reads the first limit of a deck's live cards in order, or all
// of them when limit is negative, then their texts. Two queries rather
// than one join: the join repeated each card's eight columns on every one
// of its texts' rows, and each column of each row crosses from SQLite to
// Go on its own, which was most of the time a big deck took to load.
func loadCards(ctx context.Context, q querier, deckID string, limit int) ([]cards.Card, error) {
	out, at, err := loadCardRows(ctx, q, deckID, limit)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `
		SELECT t.card_id, t.lang, t.title, t.body
		FROM (SELECT id FROM cards WHERE deck_id = ? AND deleted_at IS NULL ORDER BY position, id LIMIT ?) c
		JOIN card_texts t ON t.card_id = c.id`, deckID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, lang, title, body string
		if err := rows.Scan(&id, &lang, &title, &body); err != nil {
			return nil, err
		}
		c := &out[at[id]]
		c.Title[lang] = title
		if body != "" {
			c.Body[lang] = body
		}
	}
	return out, rows.Err()
}

// loadCardRows reads the first limit of a deck's live cards in order (all
// when limit is negative) without their texts, and where each card's id
// is among them.
func loadCardRows(ctx context.Context, q querier, deckID string, limit int) ([]cards.Card, map[string]int, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, code, type, theme, area, level, copies, tags FROM cards
		WHERE deck_id = ? AND deleted_at IS NULL
		ORDER BY position, id LIMIT ?`, deckID, limit)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close() // before the texts are read: the store has one connection
	out, at := []cards.Card{}, map[string]int{}
	for rows.Next() {
		var c cards.Card
		var tags string
		if err := rows.Scan(&c.ID, &c.Code, &c.Type, &c.Theme, &c.Area, &c.Level, &c.Copies, &tags); err != nil {
			return nil, nil, err
		}
		if tags != "[]" { // most cards have none: no need to ask encoding/json
			if err := json.Unmarshal([]byte(tags), &c.Tags); err != nil {
				return nil, nil, fmt.Errorf("card %s tags: %w", c.Code, err)
			}
		}
		if len(c.Tags) == 0 {
			c.Tags = nil
		}
		c.Title, c.Body = cards.Text{}, cards.Text{}
		at[c.ID] = len(out)
		out = append(out, c)
	}
	return out, at, rows.Err()
}

// CreateDeck validates and stores a new deck with its cards in one
// transaction. It gives the deck and its cards fresh ids (a deck read from a
// file may carry the ids of the deck it was exported from) and sets d.ID.
func (s *Store) CreateDeck(ctx context.Context, d *cards.Deck) error {
	d.Normalize()
	if err := cards.Validate(d); err != nil {
		return err
	}
	return s.write(ctx, "create deck "+d.Name, func(tx *sql.Tx) error {
		return s.insertDeck(ctx, tx, d)
	})
}

func (s *Store) insertDeck(ctx context.Context, tx *sql.Tx, d *cards.Deck) error {
	if err := nameFree(ctx, tx, d.Name, ""); err != nil {
		return err
	}
	d.ID = cards.NewID()
	if d.Parent != "" && !deckExists(ctx, tx, d.Parent) {
		d.Parent = "" // the deck it came from lives in another database
	}
	desc, langs, vocab, err := deckColumns(d)
	if err != nil {
		return err
	}
	now := timeText(s.clock.next(s.Now()))
	_, err = tx.ExecContext(ctx, `
		INSERT INTO decks (id, name, description, client, languages, default_lang, edition, parent_id, vocabulary,
		                   created_at, updated_at, device_id, changed_at)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULLIF(?8, ''), ?9, ?10, ?10, ?11, ?10)`,
		d.ID, d.Name, desc, d.Client, langs, d.DefaultLang, d.Edition, d.Parent, vocab, now, s.device)
	if err != nil {
		return err
	}
	for i := range d.Cards {
		d.Cards[i].ID = cards.NewID()
		if err := s.upsertCard(ctx, tx, d.ID, &d.Cards[i], spacedPosition(i)); err != nil {
			return err
		}
	}
	return nil
}

func deckExists(ctx context.Context, tx *sql.Tx, id string) bool {
	var n int
	return tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM decks WHERE id = ?`, id).Scan(&n) == nil && n > 0
}

// nameFree checks that no other live deck has the name, in any case: the
// command line finds decks by name, so two decks may not share one. The
// names are compared in Go (cards.SameName), inside the write's
// transaction: the unique index's NOCASE folds only A-Z, and would take
// "åbo" beside "Åbo". A consultant's decks are few, so reading their names
// costs nothing worth an index.
func nameFree(ctx context.Context, tx *sql.Tx, name, exceptID string) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM decks WHERE deleted_at IS NULL AND id <> ?`, exceptID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var other string
		if err := rows.Scan(&other); err != nil {
			return err
		}
		if cards.SameName(other, name) {
			return withKind(ErrNameTaken, "a deck named %q already exists; choose another name", name)
		}
	}
	return rows.Err()
}

func deckColumns(d *cards.Deck) (desc, langs, vocab string, err error) {
	description := d.Description
	if description == nil {
		description = cards.Text{}
	}
	b1, err1 := json.Marshal(description)
	b2, err2 := json.Marshal(d.Languages)
	b3, err3 := json.Marshal(vocabulary{d.CardTypes, d.Themes, d.Levels, d.Board, d.Criteria, d.Look})
	return string(b1), string(b2), string(b3), errors.Join(err1, err2, err3)
}

// write runs fn in one short write transaction and commits it; only a nil
// return means the change is on disk.
//
// It waits for the check of the file's content first (OpenCheckingLater):
// nothing is written into a file that has not passed it.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if err := s.check.wait(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, friendlyWriteError(err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		var ps cards.Problems
		if errors.As(err, &ps) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrNameTaken) || errors.Is(err, ErrInUse) ||
			errors.Is(err, game.ErrRule) || errors.Is(err, ErrAmbiguous) || errors.Is(err, ErrBadFile) {
			return err
		}
		return fmt.Errorf("%s: %w", what, friendlyWriteError(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, friendlyWriteError(err))
	}
	return nil
}

// friendlyWriteError names the usual causes of a failed write in words a
// person can act on; the original error stays wrapped for callers.
func friendlyWriteError(err error) error {
	switch {
	case diskFull(err):
		return fmt.Errorf("the disk is full; free some space and try again (nothing was changed): %w", err)
	case sqliteReadOnly(err):
		return fmt.Errorf("the database file is read-only; check its permissions (nothing was changed): %w", err)
	case inOtherProgram(err):
		return fmt.Errorf("the database file is open in another program; close that program and try again (nothing was changed): %w", err)
	case sqliteBusy(err):
		return fmt.Errorf("the database is busy in another program; try again (nothing was changed): %w", err)
	}
	return err
}
