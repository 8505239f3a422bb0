package storage

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// clock is the store's hybrid logical clock: the time every change to a
// workshop, a deck or a card is stamped with. A stamp is the wall clock (Store.Now) unless
// the clock has already issued or seen a later one, in which case it is
// one nanosecond after that. So a change made here is always later than
// every change this laptop has made or imported before it, even when the
// laptop that made those had a clock running ahead: a merge, which takes
// the newest version of a record, then agrees with the order in which
// the people made their edits, not with whose clock was fastest. The
// logical part lives in the nanoseconds, so a stamp is still a time and
// the stored text still sorts.
type clock struct {
	mu   sync.Mutex
	last time.Time
}

// next returns a stamp later than every one issued or seen, later than
// each floor, and no earlier than now.
func (c *clock) next(now time.Time, floors ...time.Time) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := now.UTC().Round(0)
	for _, f := range append(floors, c.last) {
		if !t.After(f) {
			t = f.UTC().Round(0).Add(time.Nanosecond)
		}
	}
	c.last = t
	return t
}

// see moves the clock up to a stamp read from elsewhere (an imported file).
func (c *clock) see(ts ...time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range ts {
		if t.After(c.last) {
			c.last = t.UTC().Round(0)
		}
	}
}

// latestStamp reads the columns that hold the stamps of workshop records,
// decks and cards (schema 11); the clock starts from the latest of them
// when a store opens.
const latestStamp = `
	SELECT MAX(t) FROM (
		SELECT MAX(updated_at) AS t FROM workshops
		UNION ALL SELECT MAX(updated_at) FROM teams
		UNION ALL SELECT MAX(updated_at) FROM participants
		UNION ALL SELECT MAX(updated_at) FROM paths
		UNION ALL SELECT MAX(updated_at) FROM plays
		UNION ALL SELECT MAX(updated_at) FROM ratings
		UNION ALL SELECT MAX(created_at) FROM ratings
		UNION ALL SELECT MAX(updated_at) FROM notes
		UNION ALL SELECT MAX(erased_at) FROM erasures
		UNION ALL SELECT MAX(updated_at) FROM decks
		UNION ALL SELECT MAX(changed_at) FROM decks
		UNION ALL SELECT MAX(updated_at) FROM cards
		UNION ALL SELECT MAX(placed_at) FROM cards)`

// startClock sets the clock to the latest stamp stored, so that it never
// goes back when the app restarts.
func (s *Store) startClock(ctx context.Context) error {
	var latest sql.NullString
	if err := s.db.QueryRowContext(ctx, latestStamp).Scan(&latest); err != nil {
		return err
	}
	if !latest.Valid || latest.String == "" {
		return nil
	}
	t, err := parseTime(latest.String)
	if err != nil {
		return err
	}
	s.clock.see(t)
	return nil
}
