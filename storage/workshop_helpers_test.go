package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"sync"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// workshopTables are the tables of schema 3, and of schema 10 the deck
// snapshots the workshops name, children last.
var workshopTables = []string{"workshops", "deck_snapshots", "teams", "participants", "participant_names", "paths", "plays", "ratings", "notes"}

// workshopRows counts every row of the workshop tables, tombstones included.
func workshopRows(tb testing.TB, db *sql.DB) map[string]int {
	tb.Helper()
	counts := map[string]int{}
	for _, table := range workshopTables {
		counts[table] = queryInt(tb, db, "SELECT COUNT(*) FROM "+table)
	}
	return counts
}

// clockFrom is a clock like tickingClock that starts at start, so two
// stores in one test can be given clocks that do not collide.
func clockFrom(start time.Time) func() time.Time {
	var mu sync.Mutex
	now := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Millisecond)
		return now
	}
}

// newWorkshop creates a workshop of the default deck with two teams
// ("Tiger" and "Lion") and returns it with the teams as stored.
func newWorkshop(tb testing.TB, s *storage.Store, d *cards.Deck, title string) (*game.Workshop, []game.Team) {
	tb.Helper()
	w := &game.Workshop{Title: title, Client: "Acme Oy", Sector: "energy", Date: "2026-03-14", Language: "en",
		Purpose: "to learn which routines the teams choose", Retention: "2026-12-31", Deck: d.Clone()}
	teams := []game.Team{{Name: "Tiger", NoteTaker: "Aino"}, {Name: "Lion"}}
	if err := s.CreateWorkshop(context.Background(), w, teams); err != nil {
		tb.Fatalf("CreateWorkshop(%s): %v", title, err)
	}
	return w, teams
}

// mustSave fails the test when a save fails.
func mustSave(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("save: %v", err)
	}
}

// play is a routine card laid by a team in an area.
func play(teamID, code, area string, position int) *game.Play {
	return &game.Play{TeamID: teamID, Code: code, Area: area, Position: position}
}

// rating is a team rating of a play.
func rating(playID, criterion string, value int) *game.Rating {
	return &game.Rating{PlayID: playID, Criterion: criterion, Value: value, Rater: game.RaterTeam}
}

// session loads a workshop's session or fails.
func session(tb testing.TB, s *storage.Store, id string, withDeleted bool) *game.File {
	tb.Helper()
	f, err := s.Session(context.Background(), id, withDeleted)
	if err != nil {
		tb.Fatalf("Session(%s, %v): %v", id, withDeleted, err)
	}
	return f
}

// requireRule fails unless err is a refusal by a rule of the game.
func requireRule(tb testing.TB, err error) {
	tb.Helper()
	if !errors.Is(err, game.ErrRule) {
		tb.Fatalf("err = %v; want a refusal wrapping game.ErrRule", err)
	}
}

// requireNotFound fails unless err wraps storage.ErrNotFound.
func requireNotFound(tb testing.TB, err error) {
	tb.Helper()
	if !errors.Is(err, storage.ErrNotFound) {
		tb.Fatalf("err = %v; want storage.ErrNotFound", err)
	}
}

// sameRows fails when the row counts changed.
func sameRows(tb testing.TB, db *sql.DB, before map[string]int, what string) {
	tb.Helper()
	if after := workshopRows(tb, db); !maps.Equal(before, after) {
		tb.Errorf("%s changed the rows: before %v, after %v", what, before, after)
	}
}
