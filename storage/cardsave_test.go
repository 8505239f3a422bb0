package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

// SaveCard checks a card against the deck's row and its index of codes,
// not against the whole deck read; it refuses each card as the check
// against the whole deck does, with the same problems in the same order,
// and accepts the cards it accepts.
func TestSaveCardRefusesAsTheWholeDeckDoes(t *testing.T) {
	ctx := context.Background()
	edited := func(code string, change func(c *cards.Card)) func(t *testing.T, d *cards.Deck) cards.Card {
		return func(t *testing.T, d *cards.Deck) cards.Card {
			c := cardByCode(t, d, code)
			change(&c)
			return c
		}
	}
	fresh := func(code string, change func(c *cards.Card)) func(t *testing.T, d *cards.Deck) cards.Card {
		return func(*testing.T, *cards.Deck) cards.Card {
			c := newRoutine(code)
			change(&c)
			return c
		}
	}
	same := func(*cards.Card) {}
	tests := []struct {
		name  string
		setup func(t *testing.T, s *storage.Store, d *cards.Deck)
		card  func(t *testing.T, d *cards.Deck) cards.Card
	}{
		{"unknown type", nil, edited("R01", func(c *cards.Card) { c.Type = "poem" })},
		{"unknown theme", nil, edited("R01", func(c *cards.Card) { c.Theme = "weather" })},
		{"unknown area", nil, edited("R01", func(c *cards.Card) { c.Area = "kitchen" })},
		{"unknown level", nil, edited("R01", func(c *cards.Card) { c.Level = "tactical" })},
		{"another card's code, other case", nil, edited("R01", func(c *cards.Card) { c.Code = "r02" })},
		{"new card with a taken code", nil, fresh("i01", same)},
		{"missing Swedish title", nil, edited("R01", func(c *cards.Card) { delete(c.Title, "sv") })},
		{"blank Finnish title", nil, edited("R01", func(c *cards.Card) { c.Title["fi"] = "  " })},
		{"text in a language not the deck's", nil, fresh("R41", func(c *cards.Card) { c.Title["de"], c.Body["de"] = "Neu", "Text" })},
		{"title with a line break", nil, edited("R03", func(c *cards.Card) { c.Title["en"] = "Two\nlines" })},
		{"body too long", nil, edited("R03", func(c *cards.Card) { c.Body["fi"] = strings.Repeat("a", cards.MaxBodyLen+1) })},
		{"no code", nil, fresh("", same)},
		{"code with a space", nil, fresh("R 41", same)},
		{"code too long", nil, fresh("R4100000000000", same)},
		{"copies out of range", nil, edited("R01", func(c *cards.Card) { c.Copies = cards.MaxCopies + 1 })},
		{"a tag of two words", nil, edited("R01", func(c *cards.Card) { c.Tags = []string{"two words"} })},
		{"many problems at once", nil, fresh("R01", func(c *cards.Card) {
			c.Area, c.Level, c.Title["en"], c.Copies = "kitchen", "tactical", "", -1
		})},
		{"another's code with a long s", func(t *testing.T, s *storage.Store, d *cards.Deck) {
			other := newRoutine("S01")
			mustSave(t, s.SaveCard(ctx, d.ID, &other))
		}, fresh("\u017f01", same)}, // ſ is s in any case to strings.EqualFold, and not ASCII
		{"a new card with a free code", nil, fresh("R41", same)},
		{"a card keeping its code", nil, edited("R05", func(c *cards.Card) { c.Title["en"] = "Changed" })},
		{"a deleted card's code", func(t *testing.T, s *storage.Store, d *cards.Deck) {
			mustSave(t, s.DeleteCard(ctx, d.ID, cardByCode(t, d, "R05").ID))
		}, edited("R01", func(c *cards.Card) { c.Code = "r05" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d := openTestStore(t)
			if tt.setup != nil {
				tt.setup(t, s, d)
			}
			c := tt.card(t, d)
			whole := mustDeck(t, s, d.ID)
			want := cards.ValidateCard(whole, cards.NormalizedCard(c.Clone())) // as SaveCard stores it
			got := s.SaveCard(ctx, d.ID, &c)
			if want == nil {
				if got != nil {
					t.Fatalf("SaveCard refused what the whole deck accepts: %v", got)
				}
				return
			}
			var wantPs, gotPs cards.Problems
			if !errors.As(want, &wantPs) || !errors.As(got, &gotPs) {
				t.Fatalf("SaveCard said %v; the whole deck %v", got, want)
			}
			if !reflect.DeepEqual(gotPs, wantPs) {
				t.Errorf("SaveCard's problems:\n%v\nthe whole deck's:\n%v", gotPs.Lines(), wantPs.Lines())
			}
		})
	}
}

// A new card that goes between two cards takes a free position between
// them: no other card's row changes, however many come after it.
func TestANewCardMovesNoOtherCard(t *testing.T) {
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	before := cardPositions(t, s, d.ID)
	for _, code := range []string{"R41", "R42", "I00", "B00"} {
		c := newRoutine(code)
		mustSave(t, s.SaveCard(ctx, d.ID, &c))
	}
	after := cardPositions(t, s, d.ID)
	for id, pos := range before {
		if after[id] != pos {
			t.Errorf("card %s moved from %d to %d", id, pos, after[id])
		}
	}
	codes := codesOf(mustDeck(t, s, d.ID).Cards)
	for _, pair := range [][2]string{{"R40", "R41"}, {"R41", "R42"}, {"R42", "I00"}, {"I00", "I01"}, {"B00", "B01"}} {
		if i := indexOf(codes, pair[0]); i < 0 || i+1 >= len(codes) || codes[i+1] != pair[1] {
			t.Errorf("%s is not followed by %s: %v", pair[0], pair[1], codes)
		}
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM cards WHERE deck_id = ?", d.ID); n != defaultDeckCards+4 {
		t.Errorf("%d cards in the database, want %d", n, defaultDeckCards+4)
	}
}

// A deck stored with its cards one position apart, as the store kept them
// before, has its cards spaced out by the first new card that goes
// between two of them, in the order they had, deleted cards too; the next
// new card then moves no other card.
func TestANewCardSpacesOutADeckStoredDensely(t *testing.T) {
	ctx := context.Background()
	s, d := openTestStore(t)
	mustSave(t, s.DeleteCard(ctx, d.ID, cardByCode(t, d, "R05").ID))
	db := rawDB(t, s.Path())
	packPositions(t, db, d.ID)
	if n := queryInt(t, db, "SELECT MAX(position) FROM cards WHERE deck_id = ?", d.ID); n != defaultDeckCards {
		t.Fatalf("the deck's last position is %d, want %d", n, defaultDeckCards)
	}
	r41 := newRoutine("R41")
	mustSave(t, s.SaveCard(ctx, d.ID, &r41))
	want := append(append(codesOf(d.Cards[:40]), "R41"), codesOf(d.Cards[40:])...)
	want = append(want[:4], want[5:]...) // R05 is deleted
	if got := codesOf(mustDeck(t, s, d.ID).Cards); !reflect.DeepEqual(got, want) {
		t.Fatalf("the deck's order is\n%v\nwant\n%v", got, want)
	}
	mustSave(t, s.RestoreCard(ctx, d.ID, cardByCode(t, d, "R05").ID))
	if got := codesOf(mustDeck(t, s, d.ID).Cards); got[4] != "R05" {
		t.Errorf("the restored R05 is not back in its place: %v", got)
	}
	before := cardPositions(t, s, d.ID)
	r42 := newRoutine("R42")
	mustSave(t, s.SaveCard(ctx, d.ID, &r42))
	after := cardPositions(t, s, d.ID)
	for id, pos := range before {
		if after[id] != pos {
			t.Errorf("card %s moved from %d to %d", id, pos, after[id])
		}
	}
}

// packPositions numbers the deck's cards 1, 2, 3… in their order, as the
// store kept them before it spaced them out.
func packPositions(tb testing.TB, db *sql.DB, deckID string) {
	tb.Helper()
	if _, err := db.Exec(`UPDATE cards SET position = ranked.n
		FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) AS n FROM cards WHERE deck_id = ?1) AS ranked
		WHERE cards.id = ranked.id`, deckID); err != nil {
		tb.Fatal(err)
	}
}

// cardPositions is the position of each of the deck's cards, live and
// deleted, by id, as stored.
func cardPositions(t *testing.T, s *storage.Store, deckID string) map[string]int {
	t.Helper()
	rows, err := rawDB(t, s.Path()).Query(`SELECT id, position FROM cards WHERE deck_id = ?`, deckID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var pos int
		if err := rows.Scan(&id, &pos); err != nil {
			t.Fatal(err)
		}
		out[id] = pos
	}
	return out
}

func indexOf(codes []string, code string) int {
	for i, c := range codes {
		if c == code {
			return i
		}
	}
	return -1
}
