package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"deckhand/cards"
)

// PrintJob is one file written for printing: what was printed, from which
// edition of which deck, with which settings, to which file, and when.
type PrintJob struct {
	ID       string
	DeckID   string
	Edition  int    // the deck's edition when printed; RecordPrint sets it
	Kind     string // cards, backs, board, sheets, guide, calibration, kit, ...
	Settings map[string]string
	File     string    // the absolute path of the file written
	Codes    []string  // the codes of the cards printed; empty: all of them
	At       time.Time // when it was recorded, in UTC; RecordPrint sets it
}

// PrintCalibration is the kind of a calibration page: it prints no deck
// content, so recording it does not mark the deck printed.
const PrintCalibration = "calibration"

// RecordPrint records a print job and, in the same transaction, marks the
// deck printed as MarkPrinted does, unless the job is a calibration page.
// It sets job.Edition to the deck's current edition and job.At to now, and
// gives the job an id when it has none. The id is set before the write and
// kept on failure, so a retried call records the job once: recording an id
// already stored changes nothing and reports the job as stored. A missing
// or deleted deck gives an error wrapping ErrNotFound.
func (s *Store) RecordPrint(ctx context.Context, job *PrintJob) error {
	if job.Kind == "" {
		return errors.New("record print: the print job has no kind")
	}
	if !filepath.IsAbs(job.File) {
		return fmt.Errorf("record print: the printed file %q is not an absolute path", job.File)
	}
	settings, codes, err := printJobColumns(job)
	if err != nil {
		return fmt.Errorf("record print: %w", err)
	}
	if job.ID == "" {
		job.ID = cards.NewID()
	}
	var edition int
	var at time.Time
	err = s.write(ctx, "record print", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT edition FROM decks WHERE id = ? AND deleted_at IS NULL`, job.DeckID).Scan(&edition)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("deck %s: %w", job.DeckID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		at = s.Now().UTC()
		res, err := tx.ExecContext(ctx, `
			INSERT INTO print_jobs (id, deck_id, edition, kind, settings, file, codes, created_at, device_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`,
			job.ID, job.DeckID, edition, job.Kind, settings, job.File, codes, timeText(at), s.device)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// Recorded before: the deck was marked then, and its edition
			// may have moved on since, so mark nothing now.
			var deckID, created string
			if err := tx.QueryRowContext(ctx, `SELECT deck_id, edition, created_at FROM print_jobs WHERE id = ?`, job.ID).
				Scan(&deckID, &edition, &created); err != nil {
				return err
			}
			if deckID != job.DeckID {
				return fmt.Errorf("print job %s is recorded for another deck", job.ID)
			}
			at, err = parseTime(created)
			return err
		}
		if job.Kind == PrintCalibration {
			return nil
		}
		return markPrinted(ctx, tx, job.DeckID)
	})
	if err != nil {
		return err
	}
	job.Edition, job.At = edition, at
	return nil
}

func printJobColumns(job *PrintJob) (settings, codes string, err error) {
	s, err1 := json.Marshal(job.Settings)
	c, err2 := json.Marshal(job.Codes)
	if job.Settings == nil {
		s = []byte("{}")
	}
	if job.Codes == nil {
		c = []byte("[]")
	}
	return string(s), string(c), errors.Join(err1, err2)
}

// PrintJobs lists the deck's print jobs, newest first. A deck never printed
// has none; the history of a deleted deck stays readable. Empty settings
// and codes read as nil.
func (s *Store) PrintJobs(ctx context.Context, deckID string) ([]PrintJob, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, deck_id, edition, kind, settings, file, codes, created_at
		FROM print_jobs WHERE deck_id = ? ORDER BY rowid DESC`, deckID)
	if err != nil {
		return nil, fmt.Errorf("list print jobs: %w", err)
	}
	defer rows.Close()
	var out []PrintJob
	for rows.Next() {
		var j PrintJob
		var settings, codes, created string
		if err := rows.Scan(&j.ID, &j.DeckID, &j.Edition, &j.Kind, &settings, &j.File, &codes, &created); err != nil {
			return nil, fmt.Errorf("list print jobs: %w", err)
		}
		if err := json.Unmarshal([]byte(settings), &j.Settings); err != nil {
			return nil, fmt.Errorf("list print jobs: print job %s settings: %w", j.ID, err)
		}
		if err := json.Unmarshal([]byte(codes), &j.Codes); err != nil {
			return nil, fmt.Errorf("list print jobs: print job %s codes: %w", j.ID, err)
		}
		if j.At, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("list print jobs: print job %s: %w", j.ID, err)
		}
		if len(j.Settings) == 0 {
			j.Settings = nil
		}
		if len(j.Codes) == 0 {
			j.Codes = nil
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list print jobs: %w", err)
	}
	// Sorted here, not by created_at in SQL: the stored text does not sort
	// as time (see timeText). Jobs recorded at the same time: last first.
	slices.SortStableFunc(out, func(a, b PrintJob) int { return b.At.Compare(a.At) })
	return out, nil
}

// ChangedSince returns, in deck order, the codes of the deck's live cards
// changed after its most recent print at the given edition, to reprint only
// those. Calibration pages do not count as a print of the deck. When the
// deck is missing or deleted or that edition has not been printed, the
// error wraps ErrNotFound.
func (s *Store) ChangedSince(ctx context.Context, deckID string, edition int) ([]string, error) {
	printed, found, err := lastPrint(ctx, s.db, deckID, edition)
	if err != nil {
		return nil, fmt.Errorf("find the cards changed since edition %d was printed: %w", edition, err)
	}
	if !found {
		return nil, withKind(ErrNotFound, "edition %d of deck %s has not been printed, so there is nothing to compare with; print the whole deck", edition, deckID)
	}
	codes, err := s.changedAfter(ctx, deckID, printed)
	if err != nil {
		return nil, fmt.Errorf("find the cards changed since edition %d was printed: %w", edition, err)
	}
	return codes, nil
}

// ChangedSinceLastPrint returns the codes of the cards changed since the
// deck's cards were last printed, and the edition that print was, so a
// facilitator can reprint only those (print cards --only changed). The
// error wraps ErrNotFound when the deck's cards were never printed.
func (s *Store) ChangedSinceLastPrint(ctx context.Context, deckID string) ([]string, int, error) {
	jobs, err := s.PrintJobs(ctx, deckID)
	if err != nil {
		return nil, 0, err
	}
	for _, j := range jobs { // newest first
		if j.Kind == "cards" {
			codes, err := s.changedAfter(ctx, deckID, j.At)
			return codes, j.Edition, err
		}
	}
	return nil, 0, withKind(ErrNotFound, "the cards of this deck have not been printed yet, so there is nothing to compare with; print the whole deck")
}

// changedAfter lists, in deck order, the live cards changed after t.
func (s *Store) changedAfter(ctx context.Context, deckID string, t time.Time) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT code, updated_at FROM cards
		WHERE deck_id = ? AND deleted_at IS NULL
		ORDER BY position, id`, deckID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var code, updated string
		if err := rows.Scan(&code, &updated); err != nil {
			return nil, err
		}
		at, err := parseTime(updated)
		if err != nil {
			return nil, fmt.Errorf("card %s: %w", code, err)
		}
		if at.After(t) {
			out = append(out, code)
		}
	}
	return out, rows.Err()
}

// lastPrint is the time of the live deck's most recent print job, other
// than calibration pages, at the edition; found is false when there is none.
// The latest is found in Go: the stored texts do not sort as time.
func lastPrint(ctx context.Context, q querier, deckID string, edition int) (last time.Time, found bool, err error) {
	rows, err := q.QueryContext(ctx, `
		SELECT p.created_at FROM print_jobs p JOIN decks d ON d.id = p.deck_id
		WHERE p.deck_id = ? AND p.edition = ? AND p.kind <> ? AND d.deleted_at IS NULL`,
		deckID, edition, PrintCalibration)
	if err != nil {
		return time.Time{}, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var created string
		if err := rows.Scan(&created); err != nil {
			return time.Time{}, false, err
		}
		at, err := parseTime(created)
		if err != nil {
			return time.Time{}, false, err
		}
		if !found || at.After(last) {
			last, found = at, true
		}
	}
	return last, found, rows.Err()
}
