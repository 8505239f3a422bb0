package cards

import "reflect"

// CardDiff is what a deck file would do to a deck's cards, matched by code:
// the codes of the cards it adds, changes and removes (in the file's order
// for added and changed, in the deck's for removed), and how many it
// leaves as they are. A card that only moves in the order is unchanged.
type CardDiff struct {
	Added, Changed, Removed []string
	Unchanged               int
}

// DiffCards compares the cards of a deck with those of a file meant to
// replace them. It reads both decks and changes neither.
func DiffCards(deck, file *Deck) CardDiff {
	var d CardDiff
	matched := map[int]bool{}
	for _, c := range file.Cards {
		j := deck.CardByCode(c.Code)
		switch {
		case j < 0:
			d.Added = append(d.Added, c.Code)
			continue
		case SameContent(deck.Cards[j], c):
			d.Unchanged++
		default:
			d.Changed = append(d.Changed, deck.Cards[j].Code)
		}
		matched[j] = true
	}
	for i, c := range deck.Cards {
		if !matched[i] {
			d.Removed = append(d.Removed, c.Code)
		}
	}
	return d
}

// SameContent reports whether two cards hold the same content, ids aside.
func SameContent(a, b Card) bool {
	a.ID, b.ID = "", ""
	return reflect.DeepEqual(a, b)
}
