package storage

import (
	"context"
	"database/sql"

	"deckhand/game"
)

// TableRemoval is what RemoveTable took off with a table: the ids of the
// records that were live then, so that RestoreTable brings back exactly
// those and leaves deleted what was deleted before.
type TableRemoval struct {
	WorkshopID, TeamID string
	Plays, Paths       []string // the cards on the table, and their development paths
	Notes              []string // the table's own notes; a card's notes are hidden with it
	Participants       []string // the people seated at it
}

// tableRecords are the records of a table that go with it, each a table
// of the database (a constant) and the query of those live on a team.
var tableRecords = []struct {
	table, what, live string
	ids               func(r *TableRemoval) *[]string
}{
	{"plays", "play", `SELECT id FROM plays WHERE team_id = ? AND deleted_at IS NULL ORDER BY id`,
		func(r *TableRemoval) *[]string { return &r.Plays }},
	{"paths", "path", `SELECT id FROM paths WHERE team_id = ? AND deleted_at IS NULL ORDER BY id`,
		func(r *TableRemoval) *[]string { return &r.Paths }},
	{"notes", "note", `SELECT id FROM notes WHERE team_id = ? AND play_id IS NULL AND deleted_at IS NULL ORDER BY id`,
		func(r *TableRemoval) *[]string { return &r.Notes }},
	{"participants", "participant", `SELECT id FROM participants WHERE team_id = ? AND deleted_at IS NULL ORDER BY id`,
		func(r *TableRemoval) *[]string { return &r.Participants }},
}

// RemoveTable removes a table of a live workshop in one transaction: the
// team becomes a tombstone, and so do its live cards and their paths, its
// own notes and its participants, each as one stamped change of its own
// state, as DeletePlay, DeleteNote and a save of a deleted team or
// participant make it; the ratings and notes of its cards keep their
// own state and are out of sight with them. A participant's real name
// stays, apart, for a restore. Either everything is removed or, on an
// error, nothing. Removing a removed table changes nothing and takes
// nothing.
func (s *Store) RemoveTable(ctx context.Context, workshopID, teamID string) (TableRemoval, error) {
	r := TableRemoval{WorkshopID: workshopID, TeamID: teamID}
	err := s.write(ctx, "remove table", func(tx *sql.Tx) error {
		team, err := s.tableOf(ctx, tx, workshopID, teamID)
		if err != nil || team.deletedAt != "" {
			return err
		}
		for _, kind := range tableRecords {
			ids, err := returningIDs(ctx, tx, kind.live, teamID)
			if err != nil {
				return err
			}
			*kind.ids(&r) = ids
			if err := s.stampStates(ctx, tx, workshopID, kind.table, kind.what, ids, true); err != nil {
				return err
			}
		}
		return s.stampState(ctx, tx, "teams", teamID, team, true)
	})
	if err != nil {
		return TableRemoval{}, err
	}
	return r, nil
}

// RestoreTable undoes RemoveTable in one transaction: the table is live
// again, and so are the records the removal took with it, and no others.
// Either everything comes back or, on an error, nothing.
func (s *Store) RestoreTable(ctx context.Context, r TableRemoval) error {
	return s.write(ctx, "restore table", func(tx *sql.Tx) error {
		team, err := s.tableOf(ctx, tx, r.WorkshopID, r.TeamID)
		if err != nil {
			return err
		}
		if team.deletedAt != "" {
			if err := s.stampState(ctx, tx, "teams", r.TeamID, team, false); err != nil {
				return err
			}
		}
		for _, kind := range tableRecords {
			if err := s.stampStates(ctx, tx, r.WorkshopID, kind.table, kind.what, *kind.ids(&r), false); err != nil {
				return err
			}
		}
		return nil
	})
}

// tableOf is the stored team of a live workshop.
func (s *Store) tableOf(ctx context.Context, tx *sql.Tx, workshopID, teamID string) (priorRow, error) {
	if err := workshopLive(ctx, tx, workshopID); err != nil {
		return priorRow{}, err
	}
	team, err := priorIn(ctx, tx, "teams", "team", workshopID, teamID)
	if err == nil && !team.exists {
		err = withKind(ErrNotFound, "there is no %s %s in this workshop", game.RecordWord("team"), teamID)
	}
	return team, err
}

// stampStates makes the workshop's records of a table (a constant; what
// names one) with the ids deleted or live, each that is not so already.
func (s *Store) stampStates(ctx context.Context, tx *sql.Tx, workshopID, table, what string, ids []string, deleted bool) error {
	for _, id := range ids {
		old, err := priorIn(ctx, tx, table, what, workshopID, id)
		if err != nil {
			return err
		}
		if !old.exists {
			return withKind(ErrNotFound, "there is no %s %s in this workshop", game.RecordWord(what), id)
		}
		if (old.deletedAt != "") == deleted {
			continue
		}
		if err := s.stampState(ctx, tx, table, id, old, deleted); err != nil {
			return err
		}
	}
	return nil
}
