package decks

import (
	"context"

	"deckhand/cards"
	"deckhand/storage"
)

// Store is what the Decks screen needs from the database. The app passes
// *storage.Store; the interface keeps the screen's needs in one place.
type Store interface {
	Decks(ctx context.Context) ([]storage.DeckSummary, error)
	Deck(ctx context.Context, id string) (*cards.Deck, error)
	DeckFirstCards(ctx context.Context, id string, n int) (*cards.Deck, error)
	CreateDeck(ctx context.Context, d *cards.Deck) error
	UpdateDeck(ctx context.Context, d *cards.Deck) error
	DeleteDeck(ctx context.Context, id string) error
	RestoreDeck(ctx context.Context, id string) error
	CloneDeckIn(ctx context.Context, id, name, client string, languages []string, def string) (*cards.Deck, error)
	SaveCard(ctx context.Context, deckID string, c *cards.Card) error
	DeleteCard(ctx context.Context, deckID, cardID string) error
	RestoreCard(ctx context.Context, deckID, cardID string) error
	ImportInto(ctx context.Context, id string, file *cards.Deck) (storage.ImportSummary, error)
	UpdateInto(ctx context.Context, id string, file *cards.Deck) (storage.ImportSummary, error)
	PreviewImportInto(ctx context.Context, id string, file *cards.Deck) (cards.CardDiff, error)
	AutoBackup(ctx context.Context) (string, error)
	PublishDeck(ctx context.Context, deckID string, published bool) error
}
