package cards

import (
	"fmt"
	"strconv"
	"strings"
)

// CardType returns the deck's card type with the given key.
func (d *Deck) CardType(key string) (CardType, bool) {
	for _, t := range d.CardTypes {
		if t.Key == key {
			return t, true
		}
	}
	return CardType{}, false
}

// Area returns the board area with the given key.
func (d *Deck) Area(key string) (Area, bool) {
	for _, a := range d.Board.Areas {
		if a.Key == key {
			return a, true
		}
	}
	return Area{}, false
}

// Theme returns the deck's theme with the given key.
func (d *Deck) Theme(key string) (Term, bool) { return findTerm(d.Themes, key) }

// Level returns the deck's level with the given key.
func (d *Deck) Level(key string) (Term, bool) { return findTerm(d.Levels, key) }

func findTerm(terms []Term, key string) (Term, bool) {
	for _, t := range terms {
		if t.Key == key {
			return t, true
		}
	}
	return Term{}, false
}

// CardByCode returns the index of the card with the given code, matched
// without regard to case, as a note-taker types it; -1 when there is none.
func (d *Deck) CardByCode(code string) int {
	for i, c := range d.Cards {
		if strings.EqualFold(c.Code, code) {
			return i
		}
	}
	return -1
}

// CardTyped returns the index of the card a person means by a code typed
// at the keyboard: the card with that code in any case, or else the one
// card whose code has the same letters and the same number, so that r7
// and R007 are R07; -1 when there is none, or more than one.
func (d *Deck) CardTyped(code string) int {
	if i := d.CardByCode(code); i >= 0 {
		return i
	}
	letters, number, ok := SplitCode(code)
	if !ok {
		return -1
	}
	found := -1
	for i, c := range d.Cards {
		if l, n, ok := SplitCode(c.Code); ok && strings.EqualFold(l, letters) && n == number {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// SplitCode splits a code such as R07 into its letters and its number.
func SplitCode(code string) (letters string, number int, ok bool) {
	code = strings.TrimSpace(code)
	i := strings.IndexFunc(code, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(code[i:])
	if err != nil {
		return "", 0, false
	}
	return code[:i], n, true
}

// NextCode proposes a code for a new card of the given type: the type's
// prefix followed by the next free two-digit number (R41 after R40).
func (d *Deck) NextCode(typeKey string) string {
	prefix := "X"
	if t, ok := d.CardType(typeKey); ok && t.Prefix != "" {
		prefix = t.Prefix
	}
	for n := 1; ; n++ {
		code := fmt.Sprintf("%s%02d", prefix, n)
		if d.CardByCode(code) < 0 {
			return code
		}
	}
}

// Template returns a copy of the deck without its cards and identity: the
// card types, themes, levels, board and criteria that a new deck starts from.
func (d *Deck) Template() *Deck {
	t := d.Clone()
	t.ID, t.Parent, t.Client = "", "", ""
	t.Edition = 1
	t.Cards = nil
	return t
}
