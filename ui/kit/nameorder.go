package kit

import "deckhand/storage"

// SortDecks puts a deck list in the alphabetical order of the interface
// language (storage.SortDecks): a Swede and a Finn find Å, Ä and Ö after
// Z, an English reader finds Å among the A's.
func SortDecks(decks []storage.DeckSummary) { storage.SortDecks(decks, Language()) }
