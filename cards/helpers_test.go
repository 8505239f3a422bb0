package cards_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
)

// defaultDeck reads the embedded default deck afresh, so a test may change
// the deck it gets without touching any other test's copy.
func defaultDeck(tb testing.TB) *cards.Deck {
	tb.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		tb.Fatalf("default deck does not load: %v", err)
	}
	return d
}

// clearIDs blanks every id, which a deck file may or may not carry, so that
// two decks are compared on their content alone.
func clearIDs(d *cards.Deck) {
	d.ID = ""
	for i := range d.Cards {
		d.Cards[i].ID = ""
	}
}

// problemsOf returns the Problems inside err, failing the test when err is
// nil or of another kind.
func problemsOf(tb testing.TB, err error) cards.Problems {
	tb.Helper()
	if err == nil {
		tb.Fatal("got no error, want problems")
	}
	var ps cards.Problems
	if !errors.As(err, &ps) {
		tb.Fatalf("error is %T (%v), want cards.Problems", err, err)
	}
	return ps
}

// wantAt is the part of a Problem a test pins down. Msg is a substring of the
// problem's message, so wording can improve without breaking tests, while
// the position (line, column, field, card) must be exact.
type wantAt struct {
	line, col   int
	field, card string
	msg         string
}

func (w wantAt) String() string {
	return fmt.Sprintf("{line %d col %d field %q card %q msg ~%q}", w.line, w.col, w.field, w.card, w.msg)
}

// checkProblems compares the problems found with those wanted, in order.
func checkProblems(t *testing.T, ps cards.Problems, ws []wantAt) {
	t.Helper()
	ok := len(ps) == len(ws)
	for i := 0; ok && i < len(ps); i++ {
		p, w := ps[i], ws[i]
		ok = p.Line == w.line && p.Column == w.col && p.Field == w.field && p.Card == w.card &&
			strings.Contains(p.Msg, w.msg)
	}
	if !ok {
		t.Errorf("problems:\n%s\nwant:\n%v", dumpProblems(ps), ws)
	}
}

func dumpProblems(ps cards.Problems) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  {line %d col %d field %q card %q index %d msg %q}\n", p.Line, p.Column, p.Field, p.Card, p.Index, p.Msg)
	}
	return b.String()
}

// diffDecks reports the first difference between two decks in a form a
// person can act on; reflect.DeepEqual alone only says "not equal".
func diffDecks(tb testing.TB, got, want *cards.Deck) {
	tb.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got.Cards) != len(want.Cards) {
		tb.Fatalf("got %d cards, want %d", len(got.Cards), len(want.Cards))
	}
	for i := range got.Cards {
		if !reflect.DeepEqual(got.Cards[i], want.Cards[i]) {
			tb.Fatalf("card %d differs:\n got %#v\nwant %#v", i, got.Cards[i], want.Cards[i])
		}
	}
	g, w := *got, *want
	g.Cards, w.Cards = nil, nil
	tb.Fatalf("decks differ outside their cards:\n got %#v\nwant %#v", g, w)
}

// lineOf returns the 1-based line on which marker first occurs in s.
func lineOf(tb testing.TB, s, marker string) int {
	tb.Helper()
	i := strings.Index(s, marker)
	if i < 0 {
		tb.Fatalf("marker %q not in test input", marker)
	}
	return strings.Count(s[:i], "\n") + 1
}
