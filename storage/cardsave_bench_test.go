package storage_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"deckhand/cards"
)

// BenchmarkSaveCardBigDeck is a card saved with Store.SaveCard on a deck
// of storagetest.BigDeckCards cards in three languages: an existing card
// in the middle of the deck with a changed title ("existing"); a new card
// whose code goes last, as the editor's next free code does on this deck
// ("new"); a new card whose code goes in code order near the front of the
// deck, after Q0, the deck's first card ("new-between"); and that one on
// the deck with its cards numbered 1, 2, 3… again before each save, as
// decks were stored before their cards were spaced out, so that all the
// cards after it move ("new-between-dense"). In the same loop, as the
// floor, a bare transaction on a plain connection to another file opened
// with the store's DSN (WAL, synchronous=FULL) upserts the same card's
// rows, its row and its texts' rows, and commits. It reports both in ms
// per iteration and their ratio.
func BenchmarkSaveCardBigDeck(b *testing.B) {
	ctx := context.Background()
	s, path, big := bigDeckStore(b)
	bare := bareFloor(b, bareCardSchema)
	middle := big.Cards[len(big.Cards)/2]
	first := big.Cards[0]
	first.Code = "Q0" // the new cards Q1, Q2, … go after it, before all the rest
	mustSave(b, s.SaveCard(ctx, big.ID, &first))
	db := rawDB(b, path)
	for _, c := range []struct {
		name  string
		dense bool
		card  func(n int) cards.Card
	}{
		{"existing", false, func(n int) cards.Card {
			c := middle.Clone()
			c.Title["en"] = fmt.Sprintf("Collect only what is needed %d", n)
			return c
		}},
		{"new", false, func(n int) cards.Card { return newBigDeckCard(middle, fmt.Sprintf("R%02d", n+1)) }},
		{"new-between", false, func(n int) cards.Card { return newBigDeckCard(middle, fmt.Sprintf("Q%d", n+1)) }},
		{"new-between-dense", true, func(n int) cards.Card { return newBigDeckCard(middle, fmt.Sprintf("Q%d", 100000+n)) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			var store, raw time.Duration
			n := 0
			for b.Loop() {
				if c.dense {
					packPositions(b, db, big.ID)
				}
				card := c.card(n)
				floorCard := card
				if floorCard.ID == "" {
					floorCard.ID = cards.NewID()
				}
				start := time.Now()
				if err := s.SaveCard(ctx, big.ID, &card); err != nil {
					b.Fatal(err)
				}
				mid := time.Now()
				if err := upsertBareCard(bare, big.ID, floorCard, n); err != nil {
					b.Fatal(err)
				}
				store += mid.Sub(start)
				raw += time.Since(mid)
				n++
			}
			reportAgainstFloor(b, store, raw, n)
		})
	}
}

// newBigDeckCard is a new card with the given code and the texts of like.
func newBigDeckCard(like cards.Card, code string) cards.Card {
	c := like.Clone()
	c.ID, c.Code = "", code
	return c
}

// bareCardSchema is the floor's file: the cards and their texts as the
// store keeps them, with the same keys and indexes, and no triggers.
const bareCardSchema = `
CREATE TABLE cards (
    id TEXT PRIMARY KEY, deck_id TEXT NOT NULL, code TEXT NOT NULL, type TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '', area TEXT NOT NULL DEFAULT '', level TEXT NOT NULL DEFAULT '',
    copies INTEGER NOT NULL DEFAULT 1, tags TEXT NOT NULL DEFAULT '[]', position INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL, deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX cards_live_code ON cards (deck_id, code COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX cards_by_deck ON cards (deck_id, position);
CREATE TABLE card_texts (
    card_id TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (card_id, lang)
) STRICT;`

// upsertBareCard is the floor of a card's save: its row upserted and its
// texts' rows written again, in one transaction.
func upsertBareCard(db *sql.DB, deckID string, c cards.Card, position int) error {
	tags, err := json.Marshal(c.Tags)
	if err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	if _, err := tx.Exec(`
		INSERT INTO cards (id, deck_id, code, type, theme, area, level, copies, tags, position, created_at, updated_at, device_id)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, 'bench')
		ON CONFLICT (id) DO UPDATE SET code = ?3, type = ?4, theme = ?5, area = ?6, level = ?7, copies = ?8,
		    tags = ?9, position = ?10, updated_at = ?11`,
		c.ID, deckID, c.Code, c.Type, c.Theme, c.Area, c.Level, c.Copies, string(tags), position, now); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM card_texts WHERE card_id = ?`, c.ID); err != nil {
		return err
	}
	for lang, title := range c.Title {
		if _, err := tx.Exec(`INSERT INTO card_texts (card_id, lang, title, body) VALUES (?, ?, ?, ?)`, c.ID, lang, title, c.Body[lang]); err != nil {
			return err
		}
	}
	return tx.Commit()
}
