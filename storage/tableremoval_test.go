package storage_test

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"deckhand/game"
	"deckhand/storage"
)

// tableOnIt is a workshop whose first table (Tiger) has one of everything
// that goes with it, live and deleted before, beside a second table and a
// participant seated at none, which stay.
type tableOnIt struct {
	w                  *game.Workshop
	tiger, lion        string
	card, gone         *game.Play
	path               *game.Path
	note, scrapped     *game.Note
	cardNote           *game.Note
	blue, grey, walker *game.Participant
	lionCard           *game.Play
}

func newTableOnIt(t *testing.T) (*storage.Store, *tableOnIt) {
	t.Helper()
	ctx := context.Background()
	s, d := openTestStore(t)
	x := &tableOnIt{}
	var teams []game.Team
	x.w, teams = newWorkshop(t, s, d, "Tables")
	x.tiger, x.lion = teams[0].ID, teams[1].ID
	id := x.w.ID
	x.path = &game.Path{TeamID: x.tiger, Name: "Consent first"}
	mustSave(t, s.SavePath(ctx, id, x.path))
	x.card = &game.Play{TeamID: x.tiger, Code: "R01", Area: "collection", PathID: x.path.ID}
	x.gone = play(x.tiger, "R02", "collection", 1)
	x.lionCard = play(x.lion, "R03", "use", 0)
	for _, p := range []*game.Play{x.card, x.gone, x.lionCard} {
		mustSave(t, s.SavePlay(ctx, id, p))
	}
	mustSave(t, s.DeletePlay(ctx, x.gone.ID))
	mustSave(t, s.AddRating(ctx, id, rating(x.card.ID, "desirability", 4)))
	x.note = &game.Note{TeamID: x.tiger, Kind: game.NoteIdea, Text: "A quarterly report"}
	x.scrapped = &game.Note{TeamID: x.tiger, Kind: game.NoteIdea, Text: "scrapped"}
	x.cardNote = &game.Note{TeamID: x.tiger, PlayID: x.card.ID, Kind: game.NoteConcern, Text: "Who owns it?"}
	for _, n := range []*game.Note{x.note, x.scrapped, x.cardNote} {
		mustSave(t, s.SaveNote(ctx, id, n))
	}
	mustSave(t, s.DeleteNote(ctx, x.scrapped.ID))
	x.blue = &game.Participant{TeamID: x.tiger, Pseudonym: "Blue", RealName: "Aino Virtanen"}
	x.grey = &game.Participant{TeamID: x.tiger, Pseudonym: "Grey"}
	x.walker = &game.Participant{Pseudonym: "Walker"}
	for _, p := range []*game.Participant{x.blue, x.grey, x.walker} {
		mustSave(t, s.SaveParticipant(ctx, id, p))
	}
	x.grey.Deleted = true
	mustSave(t, s.SaveParticipant(ctx, id, x.grey))
	return s, x
}

// state is a record's state and the stamp of its last change.
type state struct {
	deleted bool
	updated string
}

// states are the state of each record of a workshop as the database file
// holds it, by table and id.
func states(t *testing.T, db *sql.DB, workshopID string) map[string]state {
	t.Helper()
	out := map[string]state{}
	for _, table := range []string{"teams", "participants", "paths", "plays", "ratings", "notes"} {
		rows, err := db.Query(`SELECT id, deleted_at IS NOT NULL, updated_at FROM `+table+` WHERE workshop_id = ?`, workshopID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			var st state
			if err := rows.Scan(&id, &st.deleted, &st.updated); err != nil {
				t.Fatal(err)
			}
			out[table+" "+id] = st
		}
		rows.Close()
	}
	return out
}

// deletedStates are whether each record of a workshop is deleted.
func deletedStates(t *testing.T, db *sql.DB, workshopID string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for k, st := range states(t, db, workshopID) {
		out[k] = st.deleted
	}
	return out
}

// A table goes in one transaction with its cards and their paths, its own
// notes and its participants, each a tombstone stamped after the version
// it replaced, and comes back with exactly those: what was deleted before
// stays deleted, and a participant's real name comes back too. The
// removal and the restore travel to another laptop like any deletion.
func TestATableGoesWithEverythingOnItAndComesBackAsItWas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, x := newTableOnIt(t)
	b, bdb := laptop(t)
	mustImport(t, b, export(t, a, x.w.ID, true))
	adb := rawDB(t, a.Path())
	before := states(t, adb, x.w.ID)
	deletedBefore := deletedStates(t, adb, x.w.ID)

	r, err := a.RemoveTable(ctx, x.w.ID, x.tiger)
	if err != nil {
		t.Fatalf("RemoveTable: %v", err)
	}
	want := storage.TableRemoval{WorkshopID: x.w.ID, TeamID: x.tiger, Plays: []string{x.card.ID}, Paths: []string{x.path.ID},
		Notes: []string{x.note.ID}, Participants: []string{x.blue.ID}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("RemoveTable took %+v; want %+v", r, want)
	}
	live := session(t, a, x.w.ID, false)
	if len(live.Teams) != 1 || len(live.Plays) != 1 || len(live.Paths) != 0 || len(live.Notes) != 0 || len(live.Ratings) != 0 ||
		len(live.Participants) != 1 || live.Participants[0].ID != x.walker.ID {
		t.Errorf("live after the removal: %d tables, %d cards, %d paths, %d notes, %d ratings, participants %+v; want Lion with its card and Walker only",
			len(live.Teams), len(live.Plays), len(live.Paths), len(live.Notes), len(live.Ratings), live.Participants)
	}
	for k, now := range states(t, adb, x.w.ID) {
		was := before[k]
		if stamped := now.updated > was.updated; stamped != (now.deleted != was.deleted) {
			t.Errorf("%s: deleted %v → %v, stamp %v → %v; only what the removal deleted is stamped anew, later", k, was.deleted, now.deleted, was.updated, now.updated)
		}
	}
	if sum := mustImport(t, b, export(t, a, x.w.ID, false)); sum.Deleted != 5 {
		t.Errorf("merging the removal: %+v; want the table, its card, path, note and participant deleted", sum)
	}
	if got, want := deletedStates(t, bdb, x.w.ID), deletedStates(t, adb, x.w.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("after the removal travelled b has %v; want %v", got, want)
	}

	mustSave(t, a.RestoreTable(ctx, r))
	if got := deletedStates(t, adb, x.w.ID); !reflect.DeepEqual(got, deletedBefore) {
		t.Errorf("after the restore: %v; want as before %v", got, deletedBefore)
	}
	if names, err := a.RealNames(ctx, x.w.ID); err != nil || names[x.blue.ID] != x.blue.RealName {
		t.Errorf("real names after the restore = %v, %v; want %s's back", names, err, x.blue.Pseudonym)
	}
	mustImport(t, b, export(t, a, x.w.ID, false))
	if got := deletedStates(t, bdb, x.w.ID); !reflect.DeepEqual(got, deletedBefore) {
		t.Errorf("after the restore travelled b has %v; want %v", got, deletedBefore)
	}
	if _, err := a.RemoveTable(ctx, x.w.ID, "no-such-table"); err == nil {
		t.Error("removing a table that is not there did not fail")
	}
}

// A removal or a restore that fails on its last record leaves every
// record as it was: one transaction, never half of it.
func TestATableRemovalThatFailsHalfwayChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, x := newTableOnIt(t)
	db := rawDB(t, a.Path())
	// The participants go last, after the cards, paths and notes.
	failing := func(on bool) {
		t.Helper()
		stmt := `DROP TRIGGER fail_participants`
		if on {
			stmt = `CREATE TRIGGER fail_participants BEFORE UPDATE OF deleted_at ON participants BEGIN SELECT RAISE(ABORT, 'injected failure'); END`
		}
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}

	failing(true)
	untouched := dump(t, db)
	if _, err := a.RemoveTable(ctx, x.w.ID, x.tiger); err == nil {
		t.Fatal("the removal did not fail")
	}
	if got := dump(t, db); got != untouched {
		t.Errorf("a failed removal changed the database:\n%s\nwant\n%s", got, untouched)
	}
	failing(false)
	r, err := a.RemoveTable(ctx, x.w.ID, x.tiger)
	if err != nil {
		t.Fatal(err)
	}
	failing(true)
	removed := dump(t, db)
	if err := a.RestoreTable(ctx, r); err == nil {
		t.Fatal("the restore did not fail")
	}
	if got := dump(t, db); got != removed {
		t.Errorf("a failed restore changed the database:\n%s\nwant\n%s", got, removed)
	}
}
