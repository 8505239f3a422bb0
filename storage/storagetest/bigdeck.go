package storagetest

import (
	"bytes"
	"fmt"
	"testing"

	"deckhand/cards"
)

// BigDeckCards is how many cards the benchmarks' big deck holds: about
// eighty times the default deck, far more than any real one.
const BigDeckCards = 5000

// BigDeck is the default deck grown to n cards, as a deck file would
// bring them: the default cards' texts in all three languages, each code
// and title numbered so that no two cards are alike, written as CSV and
// read back as an import reads a file. It is named "Big deck".
func BigDeck(tb testing.TB, n int) *cards.Deck {
	tb.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		tb.Fatal(err)
	}
	base := d.Cards
	d.Cards = make([]cards.Card, 0, n)
	for i := range n {
		c := base[i%len(base)].Clone()
		c.ID = ""
		c.Code = fmt.Sprintf("%s.%d", c.Code, i/len(base))
		for code, title := range c.Title {
			c.Title[code] = fmt.Sprintf("%s %d", title, i)
		}
		d.Cards = append(d.Cards, c)
	}
	var buf bytes.Buffer
	if err := cards.WriteCSV(&buf, d); err != nil {
		tb.Fatal(err)
	}
	file, err := cards.ReadCSV(&buf, d.Template())
	if err != nil {
		tb.Fatal(err)
	}
	file.Name = "Big deck"
	return file
}
