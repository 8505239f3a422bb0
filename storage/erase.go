package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// Erasure forgets a workshop's personal data for real, as docs promise:
// not a tombstone but the text itself, out of the tables, the WAL and the
// free pages of the file. What stays is the structure of the workshop
// (ids, teams, plays, ratings, times), so the results still add up, and an
// erasure record (table erasures) that says when, and keeps an older
// workshop file from bringing the data back on import.

// ErasedText replaces an erased pseudonym, and an erased note's text. It
// is not empty because a pseudonym and a note must have text (game's
// rules), so a workshop exported after an erasure still imports.
const ErasedText = "(erased)"

// EraseReport says what EraseWorkshop erased: how many participants lost
// their pseudonym and role, how many real names were deleted, how many
// notes lost their text, and the backups of the database made before the
// erasure, newest first, which still hold the data.
type EraseReport struct {
	Participants, Names, Notes int
	BackupsHolding             []string
}

// EraseWorkshop erases the personal data of a workshop, live or deleted,
// in one transaction:
//
//   - the real names of all its participants (the participant_names rows
//     are deleted);
//   - every participant's pseudonym (set to ErasedText) and role (set to
//     ""); the participants keep their ids, which ratings name as raters;
//   - each team's note-taker (set to ""), a person's name too;
//   - with notesToo, every note's text (set to ErasedText; its kind, team,
//     play and times stay) and the workshop's own notes (set to "").
//
// Tombstones are erased too. The rows changed get this device and the
// erasure's time as their last change, so the erasure wins when the
// workshop file goes to another laptop (which keeps its own real names,
// though: a file never removes names; erase there too). An erasure row
// is added. Secure delete is on for the store's connection (and stays
// on), and after the commit the WAL is checkpointed and truncated and the
// file vacuumed, so no copy of the erased text stays in the file, its WAL
// or its free pages. Backups made before are listed in the report. A
// workshop that was never stored is ErrNotFound.
func (s *Store) EraseWorkshop(ctx context.Context, workshopID string, notesToo bool) (EraseReport, error) {
	var rep EraseReport
	// secure_delete belongs to the connection, not the file: the store
	// has one, so it is set there before the transaction begins.
	if _, err := s.db.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return rep, fmt.Errorf("erase workshop: %w", err)
	}
	what := "names"
	if notesToo {
		what = "names+notes"
	}
	at := s.Now().UTC().Round(0)
	stamp := timeText(at)
	err := s.write(ctx, "erase workshop", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM workshops WHERE id = ?`, workshopID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return withKind(ErrNotFound, "there is no workshop with id %s; list the workshops with \"deckhand workshops\"", workshopID)
		}
		var err error
		if rep.Names, err = execCount(ctx, tx, `
			DELETE FROM participant_names WHERE participant_id IN (SELECT id FROM participants WHERE workshop_id = ?)`,
			workshopID); err != nil {
			return err
		}
		if rep.Participants, err = execCount(ctx, tx, `
			UPDATE participants SET pseudonym = ?1, role = '', updated_at = MAX(updated_at, ?2), device_id = ?3
			WHERE workshop_id = ?4`, ErasedText, stamp, s.device, workshopID); err != nil {
			return err
		}
		if _, err = execCount(ctx, tx, `
			UPDATE teams SET note_taker = '', updated_at = MAX(updated_at, ?1), device_id = ?2
			WHERE workshop_id = ?3 AND note_taker <> ''`, stamp, s.device, workshopID); err != nil {
			return err
		}
		if notesToo {
			if rep.Notes, err = execCount(ctx, tx, `
				UPDATE notes SET text = ?1, updated_at = MAX(updated_at, ?2), device_id = ?3
				WHERE workshop_id = ?4`, ErasedText, stamp, s.device, workshopID); err != nil {
				return err
			}
			if _, err = execCount(ctx, tx, `
				UPDATE workshops SET notes = '', updated_at = MAX(updated_at, ?1), device_id = ?2
				WHERE id = ?3 AND notes <> ''`, stamp, s.device, workshopID); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO erasures (id, workshop_id, what, erased_at, device_id) VALUES (?, ?, ?, ?, ?)`,
			cards.NewID(), workshopID, what, stamp, s.device)
		return err
	})
	if err != nil {
		return EraseReport{}, err
	}
	if err := s.compact(ctx); err != nil {
		return rep, fmt.Errorf("the workshop's personal data was erased, but the database file could not be compacted and may still hold a copy; run erase again: %w", friendlyWriteError(err))
	}
	backups, err := Backups(BackupDir(s.path))
	if err != nil {
		return rep, fmt.Errorf("the workshop's personal data was erased, but its backups could not be listed: %w", err)
	}
	for _, b := range backups {
		if !b.At.After(at) { // named by the second: one made in the same second may hold it
			rep.BackupsHolding = append(rep.BackupsHolding, b.Path)
		}
	}
	return rep, nil
}

// compact moves everything into the database file and empties the WAL,
// then rebuilds the file without free pages, and empties the WAL again
// (VACUUM writes the new file through it).
func (s *Store) compact(ctx context.Context) error {
	if err := s.checkpoint(ctx); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return err
	}
	return s.checkpoint(ctx)
}

func (s *Store) checkpoint(ctx context.Context) error {
	var busy, frames, done int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &done); err != nil {
		return err
	}
	if busy != 0 {
		return fmt.Errorf("the database is busy in another program; close it and try again")
	}
	return nil
}

// Erasures lists when the workshop's personal data was erased, oldest
// first; none when it never was.
func (s *Store) Erasures(ctx context.Context, workshopID string) ([]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT erased_at FROM erasures WHERE workshop_id = ? ORDER BY erased_at, id`, workshopID)
	if err != nil {
		return nil, fmt.Errorf("list erasures: %w", err)
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, fmt.Errorf("list erasures: %w", err)
		}
		t, err := parseTime(text)
		if err != nil {
			return nil, fmt.Errorf("list erasures: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list erasures: %w", err)
	}
	return out, nil
}

func execCount(ctx context.Context, tx *sql.Tx, query string, args ...any) (int, error) {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// loadErased is load for an import, which then takes out of the file
// what an erasure of its workshop erased (see scrubErased).
func (m *merge) loadErased() error {
	if err := m.load(); err != nil {
		return err
	}
	return scrubErased(m.ctx, m.tx, m.in)
}

// scrubErased erases in a checked file (checkFile's copy) what the
// workshop's erasures erased, so that importing a file made before an
// erasure does not bring the data back: of every participant, team, note
// and the workshop whose version in the file is not newer than the last
// erasure, it blanks what EraseWorkshop blanks. A version changed after
// the erasure is new data and stays as it is.
func scrubErased(ctx context.Context, q querier, f *game.File) error {
	var names, notes sql.NullString
	if err := q.QueryRowContext(ctx, `
		SELECT MAX(erased_at), MAX(CASE WHEN what = 'names+notes' THEN erased_at END)
		FROM erasures WHERE workshop_id = ?`, f.Workshop.ID).Scan(&names, &notes); err != nil {
		return err
	}
	if !names.Valid {
		return nil
	}
	namesAt, err := parseTime(names.String)
	if err != nil {
		return err
	}
	for i := range f.Participants {
		if p := &f.Participants[i]; !p.Updated.After(namesAt) {
			p.Pseudonym, p.Role, p.RealName = ErasedText, "", ""
		}
	}
	for i := range f.Teams {
		if t := &f.Teams[i]; !t.Updated.After(namesAt) {
			t.NoteTaker = ""
		}
	}
	if !notes.Valid {
		return nil
	}
	notesAt, err := parseTime(notes.String)
	if err != nil {
		return err
	}
	for i := range f.Notes {
		if n := &f.Notes[i]; !n.Updated.After(notesAt) {
			n.Text = ErasedText
		}
	}
	if !f.Workshop.Updated.After(notesAt) {
		f.Workshop.Notes = ""
	}
	return nil
}
