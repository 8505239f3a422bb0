package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"deckhand/game"
)

// The row writers below are shared by the Save functions (a change made
// here, stamped now by this device) and ImportWorkshop (a change made on
// another laptop, with the file's times and device). Each upsert is keyed
// by id and refuses an id that belongs to another workshop rather than
// moving the record between workshops.

// rowMeta is how a record is written: when it last changed, by which
// device, and its tombstone (nil when live, else the time it was deleted).
type rowMeta struct {
	updated   string
	device    string
	deleted   any
	context   string // causal context (storedContext)
	deletedBy string // the deletes left (storedDeletes)
}

// errOtherWorkshop is the error for an id that is taken by a record of
// another workshop.
func errOtherWorkshop(what, id string) error {
	return withKind(ErrNotFound, "the %s %s belongs to another workshop", game.RecordWord(what), id)
}

func oneRow(res sql.Result, what, id string) error {
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errOtherWorkshop(what, id)
	}
	return nil
}

func upsertTeam(ctx context.Context, tx *sql.Tx, workshopID string, t game.Team, m rowMeta) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO teams (id, workshop_id, name, note_taker, position, created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10)
		ON CONFLICT (id) DO UPDATE SET name = ?3, note_taker = ?4, position = ?5, updated_at = ?6, device_id = ?7, deleted_at = ?8, context = ?9, deleted_by = ?10
		WHERE workshop_id = ?2`,
		t.ID, workshopID, t.Name, t.NoteTaker, t.Position, m.updated, m.device, m.deleted, m.context, m.deletedBy)
	if err != nil {
		return err
	}
	return oneRow(res, "team", t.ID)
}

func upsertParticipant(ctx context.Context, tx *sql.Tx, workshopID string, p game.Participant, m rowMeta) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO participants (id, workshop_id, team_id, pseudonym, role, created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?1, ?2, NULLIF(?3, ''), ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10)
		ON CONFLICT (id) DO UPDATE SET team_id = NULLIF(?3, ''), pseudonym = ?4, role = ?5, updated_at = ?6, device_id = ?7, deleted_at = ?8, context = ?9, deleted_by = ?10
		WHERE workshop_id = ?2`,
		p.ID, workshopID, p.TeamID, p.Pseudonym, p.Role, m.updated, m.device, m.deleted, m.context, m.deletedBy)
	if err != nil {
		return err
	}
	return oneRow(res, "participant", p.ID)
}

// setRealName stores a participant's real name apart from the participant,
// or forgets it for real when name is "".
func setRealName(ctx context.Context, tx *sql.Tx, participantID, name, updated string) error {
	if name == "" {
		_, err := tx.ExecContext(ctx, `DELETE FROM participant_names WHERE participant_id = ?`, participantID)
		return err
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO participant_names (participant_id, real_name, updated_at) VALUES (?1, ?2, ?3)
		ON CONFLICT (participant_id) DO UPDATE SET real_name = ?2, updated_at = ?3`, participantID, name, updated)
	return err
}

func upsertPath(ctx context.Context, tx *sql.Tx, workshopID string, p game.Path, m rowMeta) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO paths (id, workshop_id, team_id, name, position, created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10)
		ON CONFLICT (id) DO UPDATE SET team_id = ?3, name = ?4, position = ?5, updated_at = ?6, device_id = ?7, deleted_at = ?8, context = ?9, deleted_by = ?10
		WHERE workshop_id = ?2`,
		p.ID, workshopID, p.TeamID, p.Name, p.Position, m.updated, m.device, m.deleted, m.context, m.deletedBy)
	if err != nil {
		return err
	}
	return oneRow(res, "path", p.ID)
}

func upsertPlay(ctx context.Context, tx *sql.Tx, workshopID string, p game.Play, m rowMeta) error {
	links := []byte("[]")
	if len(p.Interactions) > 0 {
		var err error
		if links, err = json.Marshal(p.Interactions); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO plays (id, workshop_id, team_id, code, text, area, path_id, position, role, interactions,
		                   created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, ''), ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15)
		ON CONFLICT (id) DO UPDATE SET team_id = ?3, code = ?4, text = ?5, area = ?6, path_id = NULLIF(?7, ''),
		    position = ?8, role = ?9, interactions = ?10, updated_at = ?11, device_id = ?12, deleted_at = ?13, context = ?14, deleted_by = ?15
		WHERE workshop_id = ?2`,
		p.ID, workshopID, p.TeamID, p.Code, p.Text, p.Area, p.PathID, p.Position, p.Role, string(links),
		m.updated, m.device, m.deleted, m.context, m.deletedBy)
	if err != nil {
		return err
	}
	return oneRow(res, "play", p.ID)
}

// upsertNote writes a note; created is its At, kept from the first save.
func upsertNote(ctx context.Context, tx *sql.Tx, workshopID string, n game.Note, created string, m rowMeta) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO notes (id, workshop_id, team_id, play_id, kind, text, created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?1, ?2, NULLIF(?3, ''), NULLIF(?4, ''), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
		ON CONFLICT (id) DO UPDATE SET team_id = NULLIF(?3, ''), play_id = NULLIF(?4, ''), kind = ?5, text = ?6,
		    updated_at = ?8, device_id = ?9, deleted_at = ?10, context = ?11, deleted_by = ?12
		WHERE workshop_id = ?2`,
		n.ID, workshopID, n.TeamID, n.PlayID, n.Kind, n.Text, created, m.updated, m.device, m.deleted, m.context, m.deletedBy)
	if err != nil {
		return err
	}
	return oneRow(res, "note", n.ID)
}

// insertRating adds a rating with its own state (a tombstone when
// r.Deleted, deleted at r.Updated) unless its id is stored already; added
// says which. Ratings are never changed afterwards, only deleted and
// restored (setRatingState).
func insertRating(ctx context.Context, tx *sql.Tx, workshopID string, r game.Rating) (added bool, err error) {
	var deleted any
	if r.Deleted {
		deleted = timeText(r.Updated)
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO ratings (id, workshop_id, play_id, criterion, value, rater, created_at, updated_at, device_id, deleted_at, context, deleted_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`,
		r.ID, workshopID, r.PlayID, r.Criterion, r.Value, r.Rater, timeText(r.At), timeText(r.Updated), r.Device, deleted,
		storedContext(r.Context, r.Device, r.Updated), storedDeletes(deletesOf(r.Deleted, r.DeletedBy, r.Device, r.Updated), r.Device, r.Updated))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// setRatingState writes the one thing of a rating that changes: whether it
// is deleted, with the time and device of that change.
func setRatingState(ctx context.Context, tx *sql.Tx, id string, m rowMeta) error {
	_, err := tx.ExecContext(ctx, `UPDATE ratings SET deleted_at = ?, updated_at = ?, device_id = ?, context = ?, deleted_by = ? WHERE id = ?`,
		m.deleted, m.updated, m.device, m.context, m.deletedBy, id)
	return err
}

func returningIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ref is a record another one refers to: its team (a team's own id for a
// team) and whether it is deleted.
type ref struct {
	team    string
	deleted bool
}

// refTables are the tables lookUp reads; the names are constants.
var refTables = map[string]string{
	"teams":        "id",
	"paths":        "team_id",
	"plays":        "team_id",
	"participants": "COALESCE(team_id, '')",
}

// lookUp finds a record of the workshop by id; ok is false when the
// workshop has no such record.
func lookUp(ctx context.Context, q querier, table, workshopID, id string) (r ref, ok bool, err error) {
	column, known := refTables[table]
	if !known {
		return ref{}, false, fmt.Errorf("look up: unknown table %s", table)
	}
	err = q.QueryRowContext(ctx, `SELECT `+column+`, deleted_at IS NOT NULL FROM `+table+` WHERE id = ? AND workshop_id = ?`,
		id, workshopID).Scan(&r.team, &r.deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return ref{}, false, nil
	}
	return r, err == nil, err
}

// liveRef is lookUp for a save: the record must be in the workshop and,
// unless the saved record is itself a tombstone, live.
func liveRef(ctx context.Context, q querier, table, what, workshopID, id string, savingTombstone bool) (ref, error) {
	r, ok, err := lookUp(ctx, q, table, workshopID, id)
	switch {
	case err != nil:
		return ref{}, err
	case !ok:
		return ref{}, withKind(ErrNotFound, "there is no %s %s in this workshop", game.RecordWord(what), id)
	case r.deleted && !savingTombstone:
		return ref{}, withKind(ErrNotFound, "the %s %s was deleted; restore it first", game.RecordWord(what), id)
	}
	return r, nil
}
