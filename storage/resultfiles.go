package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"deckhand/cards"
	"deckhand/game"
)

// EachResultsFile reads the live workshops with the ids given, one after
// another in that order, and hands each to fn as a file holding what
// results are computed from (game.Results, game.CountedRatings,
// game.WriteResultsCSV, game.CardsOf): the workshop, its live teams,
// participants, paths and plays as Session has them, and the live
// ratings of its live plays with their play, criterion, value, rater,
// time and id (no sync fields). It holds no notes and no erasure records.
// A workshop deleted since its id was listed is left out.
//
// Each workshop is read in a transaction of its own, so that a save made
// meanwhile waits for one workshop, not for all of them; and each file is
// let go when fn returns, so that a pass over thousands of workshops holds
// one at a time. Deck snapshots are read and parsed once per pass whatever
// the number of workshops played with the same deck, not cached beyond it,
// and shared between the files of the pass: fn must not change them.
func (s *Store) EachResultsFile(ctx context.Context, ids []string, fn func(f *game.File) error) error {
	if err := s.check.wait(ctx); err != nil { // what fn writes leaves the app
		return err
	}
	decks := map[string]*cards.Deck{} // by snapshot hash, for this pass
	snapshot := func(ctx context.Context, q querier, workshopID, hash string) (*cards.Deck, error) {
		if d, ok := decks[hash]; ok {
			return d, nil
		}
		text, err := snapshotText(ctx, q, workshopID, hash)
		if err != nil {
			return nil, err
		}
		d, err := parseSnapshot(workshopID, text)
		decks[hash] = d
		return d, err
	}
	for _, id := range ids {
		var f *game.File
		err := s.read(ctx, "load workshop", func(tx *sql.Tx) error {
			w, err := loadWorkshopWith(ctx, tx, id, false, snapshot)
			if errors.Is(err, ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			f, err = resultsFileOf(ctx, tx, w)
			return err
		})
		if err != nil {
			return err
		}
		if f == nil {
			continue
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// resultsFileOf is the file EachResultsFile hands on of a workshop read
// already.
func resultsFileOf(ctx context.Context, q querier, w *game.Workshop) (*game.File, error) {
	f := &game.File{Workshop: *w, Teams: []game.Team{}, Participants: []game.Participant{}, Paths: []game.Path{},
		Plays: []game.Play{}, Ratings: []game.Rating{}, Notes: []game.Note{}}
	for _, rq := range []recordQuery{teamsQuery, participantsQuery, pathsQuery, playsQuery} {
		if err := loadRows(ctx, q, rq, w.ID, false, f); err != nil {
			return nil, err
		}
	}
	if err := loadRows(ctx, q, resultRatingsQuery, w.ID, false, f); err != nil {
		return nil, err
	}
	live := make(map[string]bool, len(f.Plays))
	for _, p := range f.Plays {
		live[p.ID] = true
	}
	f.Ratings = slices.DeleteFunc(f.Ratings, func(r game.Rating) bool { return !live[r.PlayID] })
	return f, nil
}

// resultRatingsQuery reads a workshop's live ratings with what results
// count them by; ratings of deleted plays are dropped after the plays are
// read, which costs less than asking SQLite for each rating's play.
var resultRatingsQuery = recordQuery{
	`SELECT id, play_id, criterion, value, rater, created_at FROM ratings WHERE workshop_id = ?1 AND NOT ?2 AND deleted_at IS NULL`,
	func(rows *sql.Rows, f *game.File) error {
		var r game.Rating
		var at string
		if err := rows.Scan(&r.ID, &r.PlayID, &r.Criterion, &r.Value, &r.Rater, &at); err != nil {
			return err
		}
		f.Ratings = append(f.Ratings, r)
		return setTime(&f.Ratings[len(f.Ratings)-1].At, at)
	}}
