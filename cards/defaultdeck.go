package cards

import (
	"bytes"
	"sync"

	"deckhand/assets"
)

// defaultDeck is the embedded default deck, read the first time it is
// asked for.
var defaultDeck = sync.OnceValues(func() (*Deck, error) {
	return ReadJSON(bytes.NewReader(assets.DefaultDeckJSON))
})

// DefaultDeck is the deck a new database starts with, and the template of
// every new deck and CSV import (its types, board and criteria): the one
// place the embedded default deck is read. Each call gets a copy of its
// own to change.
func DefaultDeck() (*Deck, error) {
	d, err := defaultDeck()
	if err != nil {
		return nil, err
	}
	return d.Clone(), nil
}
