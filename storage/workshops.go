package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// WorkshopSummary is a line of the workshop list: enough to choose a
// workshop without loading what was recorded in it.
type WorkshopSummary struct {
	ID, Title, Client, Sector, Date, DeckName string
	DeckEdition, Teams, Plays                 int
	RetentionPassed                           bool // its personal data should be erased
}

// Workshops lists the workshops that are not deleted, newest date first,
// with their live teams and plays counted.
func (s *Store) Workshops(ctx context.Context) ([]WorkshopSummary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT w.id, w.title, w.client, w.sector, w.date, w.retention,
		       COALESCE(json_extract(d.snapshot, '$.name'), ''), w.deck_edition,
		       (SELECT COUNT(*) FROM teams t WHERE t.workshop_id = w.id AND t.deleted_at IS NULL),
		       (SELECT COUNT(*) FROM plays p WHERE p.workshop_id = w.id AND p.deleted_at IS NULL)
		FROM workshops w LEFT JOIN deck_snapshots d ON d.hash = w.deck_hash WHERE w.deleted_at IS NULL
		ORDER BY w.date DESC, w.title, w.id`)
	if err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	defer rows.Close()
	today := s.Now()
	var out []WorkshopSummary
	for rows.Next() {
		var w WorkshopSummary
		var retention string
		if err := rows.Scan(&w.ID, &w.Title, &w.Client, &w.Sector, &w.Date, &retention,
			&w.DeckName, &w.DeckEdition, &w.Teams, &w.Plays); err != nil {
			return nil, fmt.Errorf("list workshops: %w", err)
		}
		w.RetentionPassed = (&game.Workshop{Retention: retention}).RetentionPassed(today)
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	return out, nil
}

// Workshop loads a live workshop with its deck snapshot.
func (s *Store) Workshop(ctx context.Context, id string) (*game.Workshop, error) {
	w, err := s.loadWorkshop(ctx, s.db, id, false)
	if err != nil {
		return nil, err
	}
	w.Deck = w.Deck.Clone() // the cached snapshot is shared; the caller may change its copy
	return w, nil
}

// FindWorkshop loads the live workshop whose id or title (in any case) is
// titleOrID, as the command line names workshops. Titles need not be
// unique: when several workshops have the title, the error (ErrAmbiguous)
// lists their ids.
func (s *Store) FindWorkshop(ctx context.Context, titleOrID string) (*game.Workshop, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, date FROM workshops WHERE deleted_at IS NULL ORDER BY date DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("find workshop %q: %w", titleOrID, err)
	}
	var found []string
	exact := ""
	for rows.Next() {
		var id, title, date string
		if err := rows.Scan(&id, &title, &date); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find workshop %q: %w", titleOrID, err)
		}
		if id == titleOrID {
			exact = id
		}
		if cards.SameName(title, titleOrID) { // not NOCASE, which folds only ASCII
			found = append(found, id+" ("+date+")")
		}
	}
	rows.Close() // before the workshop is loaded: the store has one connection
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find workshop %q: %w", titleOrID, err)
	}
	switch {
	case exact != "":
		return s.Workshop(ctx, exact)
	case len(found) == 0:
		return nil, withKind(ErrNotFound, "there is no workshop titled %q; list the workshops with \"deckhand workshops\"", titleOrID)
	case len(found) > 1:
		return nil, withKind(ErrAmbiguous, "%d workshops are titled %q; name one by its id: %s", len(found), titleOrID, strings.Join(found, ", "))
	}
	id, _, _ := strings.Cut(found[0], " ")
	return s.Workshop(ctx, id)
}

// CreateWorkshop validates and stores a new workshop with its first teams
// in one transaction, together with a snapshot of its deck: later edits to
// the deck never change what was played. DeckID and DeckEdition default to
// the deck's own. The workshop and each team get an id unless they have
// one, set before the write, so a retried call stores them once (a retry
// updates the editable fields; the snapshot stays). Teams left without
// positions take the order given. It sets Updated on all of them.
func (s *Store) CreateWorkshop(ctx context.Context, w *game.Workshop, teams []game.Team) error {
	if w.ID == "" {
		w.ID = cards.NewID()
	}
	for i := range teams {
		if teams[i].ID == "" {
			teams[i].ID = cards.NewID()
		}
	}
	w.ToNFC()
	for i := range teams {
		teams[i].ToNFC()
	}
	if err := game.CheckWorkshop(w); err != nil {
		return err
	}
	for _, t := range teams {
		if err := game.CheckName("team", t.Name); err != nil {
			return err
		}
	}
	if w.DeckID == "" {
		w.DeckID = w.Deck.ID
	}
	if w.DeckEdition == 0 {
		w.DeckEdition = w.Deck.Edition
	}
	snapshot, err := snapshotOf(w.Deck)
	if err != nil {
		return fmt.Errorf("create workshop %s: %w", w.Title, err)
	}
	positioned := false
	for _, t := range teams {
		positioned = positioned || t.Position != 0
	}
	saved := make([]game.Team, len(teams))
	var updated time.Time
	err = s.write(ctx, "create workshop "+w.Title, func(tx *sql.Tx) error {
		old, err := prior(ctx, tx, "workshops", w.ID)
		if err != nil {
			return err
		}
		if old.deletedAt != "" {
			return withKind(ErrNotFound, "workshop %s was deleted; it cannot be created again", w.ID)
		}
		updated = s.stamp(old)
		if !old.exists { // a retry keeps the snapshot stored first
			if err := snapshot.store(ctx, tx); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO workshops (id, title, client, sector, date, place, facilitator, purpose, retention, language, notes,
			                       deck_id, deck_edition, deck_hash, created_at, updated_at, device_id, context)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16, ?17)
			ON CONFLICT (id) DO UPDATE SET title = ?2, client = ?3, sector = ?4, date = ?5, place = ?6,
			    facilitator = ?7, purpose = ?8, retention = ?9, language = ?10, notes = ?11, updated_at = ?15, device_id = ?16, context = ?17`,
			w.ID, w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
			w.DeckID, w.DeckEdition, snapshot.hash, timeText(updated), s.device, s.contextAfter(old, updated)); err != nil {
			return err
		}
		for i, t := range teams {
			if !positioned {
				t.Position = i
			}
			if err := s.saveTeam(ctx, tx, w.ID, &t); err != nil {
				return err
			}
			saved[i] = t
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.Updated, w.Device = updated, s.device
	copy(teams, saved)
	return nil
}

// UpdateWorkshop saves the workshop's editable fields: everything but its
// deck, deck id and edition, which stay as created. It checks the fields
// against the stored snapshot, whatever w.Deck holds, and sets w.Updated.
func (s *Store) UpdateWorkshop(ctx context.Context, w *game.Workshop) error {
	w.ToNFC()
	var updated time.Time
	err := s.write(ctx, "save workshop "+w.Title, func(tx *sql.Tx) error {
		rules, err := s.rulesFor(ctx, tx, w.ID)
		if err != nil {
			return err
		}
		check := *w
		check.Deck = rules.Deck
		if err := game.CheckWorkshop(&check); err != nil {
			return err
		}
		old, err := prior(ctx, tx, "workshops", w.ID)
		if err != nil {
			return err
		}
		updated = s.stamp(old)
		_, err = tx.ExecContext(ctx, `
			UPDATE workshops SET title = ?, client = ?, sector = ?, date = ?, place = ?, facilitator = ?, purpose = ?,
			    retention = ?, language = ?, notes = ?, updated_at = ?, device_id = ?, context = ?
			WHERE id = ?`,
			w.Title, w.Client, w.Sector, w.Date, w.Place, w.Facilitator, w.Purpose, w.Retention, w.Language, w.Notes,
			timeText(updated), s.device, s.contextAfter(old, updated), w.ID)
		return err
	})
	if err != nil {
		return err
	}
	w.Updated, w.Device = updated, s.device
	return nil
}

// DeleteWorkshop marks the workshop deleted (a tombstone): it leaves the
// lists, and everything recorded in it stays until it is erased. Deleting
// a deleted workshop changes nothing.
func (s *Store) DeleteWorkshop(ctx context.Context, id string) error {
	return s.setWorkshopDeleted(ctx, id, true)
}

// RestoreWorkshop undoes DeleteWorkshop: the workshop is live again with
// every record as it was. A workshop known here by its merged deletion
// alone (DeletedWorkshop.OnlyDeletion) has nothing to restore: ErrNotFound.
func (s *Store) RestoreWorkshop(ctx context.Context, id string) error {
	return s.setWorkshopDeleted(ctx, id, false)
}

func (s *Store) setWorkshopDeleted(ctx context.Context, id string, deleted bool) error {
	what := "restore workshop"
	if deleted {
		what = "delete workshop"
	}
	return s.write(ctx, what, func(tx *sql.Tx) error {
		old, err := prior(ctx, tx, "workshops", id)
		if err != nil {
			return err
		}
		if !old.exists {
			return withKind(ErrNotFound, "there is no workshop with id %s", id)
		}
		if (old.deletedAt != "") == deleted {
			return nil
		}
		if err := refuseOnlyDeletion(ctx, tx, id, old); err != nil {
			return err
		}
		return s.stampState(ctx, tx, "workshops", id, old, deleted)
	})
}

// loadWorkshop reads a workshop's own fields and its (shared, cached) deck
// snapshot. A missing workshop, or a deleted one unless withDeleted, is
// ErrNotFound.
func (s *Store) loadWorkshop(ctx context.Context, q querier, id string, withDeleted bool) (*game.Workshop, error) {
	return loadWorkshopWith(ctx, q, id, withDeleted, s.snapshot)
}

// loadWorkshopWith is loadWorkshop with the deck snapshot from snapshot.
func loadWorkshopWith(ctx context.Context, q querier, id string, withDeleted bool, snapshot snapshotReader) (*game.Workshop, error) {
	w := &game.Workshop{}
	var updated, seenText, byText, hash string
	var deleted sql.NullString
	err := q.QueryRowContext(ctx, `
		SELECT id, title, client, sector, date, place, facilitator, purpose, retention, language, notes,
		       deck_id, deck_edition, updated_at, device_id, deleted_at, context, deleted_by, COALESCE(deck_hash, '')
		FROM workshops WHERE id = ?`, id).
		Scan(&w.ID, &w.Title, &w.Client, &w.Sector, &w.Date, &w.Place, &w.Facilitator, &w.Purpose, &w.Retention,
			&w.Language, &w.Notes, &w.DeckID, &w.DeckEdition, &updated, &w.Device, &deleted, &seenText, &byText, &hash)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && deleted.Valid && !withDeleted) {
		return nil, withKind(ErrNotFound, "there is no workshop with id %s; it may have been deleted", id)
	}
	if err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", id, err)
	}
	if w.Updated, err = parseTime(updated); err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", w.Title, err)
	}
	if w.Context, err = parseContext(seenText); err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", w.Title, err)
	}
	w.Deleted = deleted.Valid
	if w.DeletedBy, err = parseContext(byText); err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", w.Title, err)
	}
	if w.Deck, err = snapshot(ctx, q, id, hash); err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", w.Title, err)
	}
	return w, nil
}

// rulesFor is the live workshop whose rules a save is checked against,
// with the cached deck snapshot (never to be changed).
func (s *Store) rulesFor(ctx context.Context, q querier, id string) (*game.Workshop, error) {
	var title, language, hash string
	err := q.QueryRowContext(ctx, `SELECT title, language, COALESCE(deck_hash, '') FROM workshops WHERE id = ? AND deleted_at IS NULL`, id).
		Scan(&title, &language, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, withKind(ErrNotFound, "there is no workshop with id %s; it may have been deleted", id)
	}
	if err != nil {
		return nil, err
	}
	d, err := s.snapshot(ctx, q, id, hash)
	if err != nil {
		return nil, err
	}
	return &game.Workshop{ID: id, Title: title, Language: language, Deck: d}, nil
}

// priorRow is what a save needs to know about the stored version of a
// record: whether there is one, its workshop, its last change and whether
// it is a tombstone.
type priorRow struct {
	exists    bool
	workshop  string
	updated   time.Time
	device    string
	deletedAt string // "" when live
	context   game.Context
	deletedBy game.Context // a tombstone's deletes no restore had seen; nil: its own change
	erasures  game.Context // the workshop's erasures, which a change made here has seen (erasurePoints)
}

// recordTables are the tables prior reads; the names are constants, never
// input.
var recordTables = map[string]string{
	"workshops":    "id",
	"teams":        "workshop_id",
	"participants": "workshop_id",
	"paths":        "workshop_id",
	"plays":        "workshop_id",
	"ratings":      "workshop_id",
	"notes":        "workshop_id",
}

// prior reads the stored version of a record by id.
func prior(ctx context.Context, q querier, table, id string) (priorRow, error) {
	column, ok := recordTables[table]
	if !ok {
		return priorRow{}, fmt.Errorf("prior: unknown table %s", table)
	}
	var p priorRow
	var updated string
	var deleted sql.NullString
	var seenText, byText string
	err := q.QueryRowContext(ctx, `SELECT `+column+`, updated_at, device_id, deleted_at, context, deleted_by FROM `+table+` WHERE id = ?`, id).
		Scan(&p.workshop, &updated, &p.device, &deleted, &seenText, &byText)
	if errors.Is(err, sql.ErrNoRows) {
		return priorRow{}, nil
	}
	if err != nil {
		return priorRow{}, err
	}
	if err := p.read(updated, deleted, seenText, byText); err != nil {
		return priorRow{}, err
	}
	p.erasures, err = erasurePoints(ctx, q, p.workshop)
	return p, err
}

// read fills in a stored version's stamp, state, context and deletes from
// their columns' text.
func (p *priorRow) read(updated string, deleted sql.NullString, seenText, byText string) (err error) {
	p.exists, p.deletedAt = true, deleted.String
	if p.updated, err = parseTime(updated); err != nil {
		return err
	}
	if p.context, err = parseContext(seenText); err != nil {
		return err
	}
	p.deletedBy, err = parseContext(byText)
	return err
}

// stamp is the time of a change to a record: the next reading of the
// store's hybrid logical clock, and after the record's last change even
// when that was imported from a laptop whose clock runs ahead, so that an
// edit made here always wins over the version it replaced when files are
// merged.
func (s *Store) stamp(old priorRow) time.Time {
	if old.exists {
		return s.clock.next(s.Now(), old.updated)
	}
	return s.clock.next(s.Now())
}

// contextAfter is the causal context of a change made here at a stamp to
// the stored version old: everything old had seen, old itself, the
// workshop's erasures stored here, and this change.
func (s *Store) contextAfter(old priorRow, at time.Time) string {
	c := old.erasures
	if old.exists {
		c = join(c, seen(old.context, old.device, old.updated))
	}
	return storedContext(c, s.device, at)
}

// deletesAfter is the deleted_by of a change made here at a stamp to the
// stored version old, leaving the record deleted or live: a restore had
// seen every delete and leaves none; a delete adds its own to those left.
func (s *Store) deletesAfter(old priorRow, deleted bool, at time.Time) string {
	if !deleted {
		return ""
	}
	u := game.Context{s.device: at.UnixNano()}
	if old.exists {
		u = join(u, deletesOf(old.deletedAt != "", old.deletedBy, old.device, old.updated))
	}
	return storedDeletes(u, s.device, at)
}

// tombstone is the deleted_at to store for a record saved as deleted or
// live: nil for live, the time it was first deleted for a tombstone.
func tombstone(deleted bool, old priorRow, at time.Time) any {
	switch {
	case !deleted:
		return nil
	case old.deletedAt != "":
		return old.deletedAt
	}
	return timeText(at)
}
