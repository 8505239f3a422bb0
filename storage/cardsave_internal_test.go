package storage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Each query a card's save runs to check and place the card is answered by
// an index, not by reading the deck's cards: the cost of a save does not
// grow with the deck.
func TestTheQueriesOfACardsSaveUseIndexes(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "deckhand.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []struct {
		name, query string
		args        []any
		index       string
	}{
		{"code taken", codeTakenQuery, []any{"d", "R01", "c"}, "cards_live_code"},
		{"same letters", sameLettersQuery, []any{"d", "R0", "R:", 2}, "cards_live_code"},
		{"last position", lastPositionQuery, []any{"d"}, "cards_by_deck"},
		{"position before", positionBeforeQuery, []any{"d", 5}, "cards_by_deck"},
		{"position taken", positionTakenQuery, []any{"d", 5}, "cards_by_deck"},
	} {
		rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q.query, q.args...)
		if err != nil {
			t.Fatalf("%s: %v", q.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "; ")
		if strings.Contains(all, "SCAN cards") || !strings.Contains(all, "USING INDEX "+q.index) && !strings.Contains(all, "USING COVERING INDEX "+q.index) {
			t.Errorf("%s is planned %q; want a search of %s", q.name, all, q.index)
		}
	}
}
