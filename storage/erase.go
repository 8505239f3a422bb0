package storage

import (
	"context"
	"database/sql"
	"encoding/json"
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
// notes lost their text, and the backups of the database, newest first,
// that still hold data erased (BackupsHoldingErased: the one taken first,
// not one made before the workshop existed or after its data was erased
// already), and the temporary
// copies left by a killed backup or write that could not be removed (see
// removeLeftovers), which may hold it too.
type EraseReport struct {
	Participants, Names, Notes int
	BackupsHolding             []string
	LeftoversHolding           []string
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
// Tombstones are erased too. The rows keep the time and device of their
// last change: an erasure is not an edit that could win or lose a merge.
// Instead an erasure record is added, stamped by the store's clock later
// than every change this laptop has made or seen, and it travels in the
// workshop file: every laptop that imports the file erases the same
// versions, its own real names included, and no older file brings them
// back (see ImportWorkshop). Secure delete is on for the store's connection (and stays
// on), and after the commit the WAL is checkpointed and truncated and the
// file vacuumed, so no copy of the erased text stays in the file, its WAL
// or its free pages. The transaction also marks the erasure as pending
// until that compaction is done, so that one killed before is finished by
// the next Open. The backups that still hold the erased data are
// listed in the report, and so are temporary copies of a killed backup or write that could not be
// removed (removeLeftovers runs just before it reports). A
// workshop that was never stored is ErrNotFound.
func (s *Store) EraseWorkshop(ctx context.Context, workshopID string, notesToo bool) (EraseReport, error) {
	var rep EraseReport
	// A verified backup first, as before every change this large: an
	// erasure of the wrong workshop can be undone. The report lists it
	// among the backups that still hold the data.
	if _, err := s.AutoBackup(ctx); err != nil {
		return rep, fmt.Errorf("nothing was erased: the database could not be backed up first: %w", err)
	}
	// secure_delete belongs to the connection, not the file: the store
	// has one, so it is set there before the transaction begins.
	if _, err := s.db.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return rep, fmt.Errorf("erase workshop: %w", err)
	}
	what := game.ErasedNames
	if notesToo {
		what = game.ErasedNamesNotes
	}
	at := s.clock.next(s.Now()) // later than every change this laptop has made or seen
	stamp := timeText(at)
	err := s.write(ctx, "erase workshop", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM workshops WHERE id = ?`, workshopID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return withKind(ErrNotFound, "there is no workshop with id %s; list the workshops with \"deckhand workshops\"", workshopID)
		}
		// What this laptop has seen of the workshop, and the hashes of
		// what is erased, read before it is.
		stored, err := s.storedWithNames(ctx, tx, workshopID)
		if err != nil {
			return err
		}
		e := game.Erasure{ID: cards.NewID(), What: what}
		erasureOf(stored, &e)
		hashes, err := json.Marshal(notNilStrings(e.Hashes))
		if err != nil {
			return err
		}
		if rep.Names, err = execCount(ctx, tx, `
			DELETE FROM participant_names WHERE participant_id IN (SELECT id FROM participants WHERE workshop_id = ?)`,
			workshopID); err != nil {
			return err
		}
		if rep.Participants, err = execCount(ctx, tx, `
			UPDATE participants SET pseudonym = ?1, role = '' WHERE workshop_id = ?2`, ErasedText, workshopID); err != nil {
			return err
		}
		if _, err = execCount(ctx, tx, `
			UPDATE teams SET note_taker = '' WHERE workshop_id = ?1 AND note_taker <> ''`, workshopID); err != nil {
			return err
		}
		if notesToo {
			if rep.Notes, err = execCount(ctx, tx, `
				UPDATE notes SET text = ?1 WHERE workshop_id = ?2`, ErasedText, workshopID); err != nil {
				return err
			}
			if _, err = execCount(ctx, tx, `
				UPDATE workshops SET notes = '' WHERE id = ?1 AND notes <> ''`, workshopID); err != nil {
				return err
			}
		}
		if _, err = tx.ExecContext(ctx, `
			INSERT INTO erasures (id, workshop_id, what, erased_at, device_id, context, hashes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			e.ID, workshopID, what, stamp, s.device, contextText(e.Context), hashesText(e.Hashes, hashes)); err != nil {
			return err
		}
		return markErasurePending(ctx, tx)
	})
	if err != nil {
		return EraseReport{}, err
	}
	crashPoint("erase: committed")
	if err := s.compact(ctx); err != nil {
		return rep, fmt.Errorf("the workshop's personal data was erased, but the database file could not be compacted and may still hold a copy; run erase again: %w", friendlyWriteError(err))
	}
	rep.LeftoversHolding = removeLeftovers(s.path)
	erasures, err := loadErasures(ctx, s.db, workshopID)
	if err == nil {
		rep.BackupsHolding, err = BackupsHoldingErased(ctx, BackupDir(s.path), workshopID, erasures)
	}
	if err != nil {
		return rep, fmt.Errorf("the workshop's personal data was erased, but its backups could not be looked through for it: %w", err)
	}
	return rep, nil
}

// erasurePendingKey is the meta row that says an erasure is committed but
// its text may still be in the file's free pages or its WAL: set in the
// erasure's own transaction, removed once the file is compacted. A process
// killed in between leaves it, and the next Open compacts (see
// finishPendingErasure).
const erasurePendingKey = "erasure_pending"

// markErasurePending records, in the transaction that erases, that the
// file still has to be compacted.
func markErasurePending(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?1, '1') ON CONFLICT (key) DO UPDATE SET value = '1'`, erasurePendingKey)
	return err
}

// erasurePending reports whether an erasure was committed and its
// compaction never finished: one lookup by key, all Open pays when none is.
func (s *Store) erasurePending(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM meta WHERE key = ?`, erasurePendingKey).Scan(&n)
	return n > 0, err
}

// finishPendingErasure compacts the file when an erasure left it
// uncompacted (its process was killed, or the compaction failed), so that
// the erased text leaves the file before anyone reads it. A compaction
// that fails again leaves the mark, which Check reports.
func (s *Store) finishPendingErasure(ctx context.Context) error {
	pending, err := s.erasurePending(ctx)
	if err != nil || !pending {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return err
	}
	return s.compact(ctx)
}

// compact moves everything into the database file and empties the WAL,
// then rebuilds the file without free pages, and empties the WAL again
// (VACUUM writes the new file through it). Only then is the erasure that
// asked for it no longer pending.
func (s *Store) compact(ctx context.Context) error {
	if err := s.checkpoint(ctx); err != nil {
		return err
	}
	crashPoint("compact: checkpointed")
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return err
	}
	crashPoint("compact: vacuumed")
	if err := s.checkpoint(ctx); err != nil {
		return err
	}
	crashPoint("compact: checkpointed again")
	if _, err := s.db.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, erasurePendingKey); err != nil {
		return err
	}
	crashPoint("compact: erasure done")
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
