package storage_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// rich is a workshop with one of everything, tombstones included.
type rich struct {
	w                 *game.Workshop
	teams             []game.Team
	blue, gone        *game.Participant
	path              *game.Path
	p1, p2, p3        *game.Play
	r1, r2, blind, rX *game.Rating
	n1, n2, nX        *game.Note
}

func (r *rich) records() int { return 1 + 2 + 2 + 1 + 3 + 5 + 4 }

func newRich(t *testing.T, s *storage.Store, d *cards.Deck) *rich {
	t.Helper()
	ctx := context.Background()
	r := &rich{}
	r.w, r.teams = newWorkshop(t, s, d, "Rich")
	id, tiger, lion := r.w.ID, r.teams[0].ID, r.teams[1].ID
	r.blue = &game.Participant{TeamID: tiger, Pseudonym: "Blue", Role: "marketing", RealName: "Aino Virtanen"}
	r.gone = &game.Participant{TeamID: lion, Pseudonym: "Grey", RealName: "Left Early"}
	mustSave(t, s.SaveParticipant(ctx, id, r.blue))
	mustSave(t, s.SaveParticipant(ctx, id, r.gone))
	r.gone.Deleted = true
	mustSave(t, s.SaveParticipant(ctx, id, r.gone))
	r.path = &game.Path{TeamID: tiger, Name: "Consent first"}
	mustSave(t, s.SavePath(ctx, id, r.path))
	r.p1 = &game.Play{TeamID: tiger, Code: "R01", Area: "collection", PathID: r.path.ID, Role: "C01", Interactions: []string{"I02", "I05"}}
	r.p2 = &game.Play{TeamID: lion, Code: "B01", Text: "Publish a data balance sheet", Area: "development", Position: 0}
	r.p3 = play(lion, "R03", "use", 1)
	for _, p := range []*game.Play{r.p1, r.p2, r.p3} {
		mustSave(t, s.SavePlay(ctx, id, p))
	}
	r.r1, r.r2, r.rX = rating(r.p1.ID, "desirability", 5), rating(r.p1.ID, "feasibility", 2), rating(r.p2.ID, "usability", 1)
	r.blind = &game.Rating{PlayID: r.p1.ID, Criterion: "desirability", Value: 3, Rater: r.blue.ID}
	p3rating := rating(r.p3.ID, "profitability", 4)
	for _, x := range []*game.Rating{r.r1, r.r2, r.blind, r.rX, p3rating} {
		mustSave(t, s.AddRating(ctx, id, x))
	}
	mustSave(t, s.DeleteRating(ctx, r.rX.ID))
	r.n1 = &game.Note{TeamID: tiger, PlayID: r.p1.ID, Kind: game.NoteConcern, Text: "Who owns the panel's data?"}
	r.n2 = &game.Note{TeamID: lion, Kind: game.NoteAction, Text: "Draft the balance sheet by June"}
	r.nX = &game.Note{Kind: game.NoteIdea, Text: "scrapped"}
	p3note := &game.Note{TeamID: lion, PlayID: r.p3.ID, Kind: game.NoteIdea, Text: "goes with R03"}
	for _, n := range []*game.Note{r.n1, r.n2, r.nX, p3note} {
		mustSave(t, s.SaveNote(ctx, id, n))
	}
	mustSave(t, s.DeleteNote(ctx, r.nX.ID))
	mustSave(t, s.DeletePlay(ctx, r.p3.ID))
	return r
}

// export writes the workshop as a file and reads it back, as it travels.
func export(t *testing.T, s *storage.Store, id string, names bool) *game.File {
	t.Helper()
	f, err := s.ExportWorkshop(context.Background(), id, names)
	if err != nil {
		t.Fatalf("ExportWorkshop: %v", err)
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var back game.File
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return &back
}

func mustImport(t *testing.T, s *storage.Store, f *game.File) storage.WorkshopImportSummary {
	t.Helper()
	sum, err := s.ImportWorkshop(context.Background(), f)
	if err != nil {
		t.Fatalf("ImportWorkshop: %v", err)
	}
	return sum
}

// laptop is a second database with a clock an hour ahead of the first.
func laptop(t *testing.T) (*storage.Store, *sql.DB) {
	t.Helper()
	s, _ := openTestStore(t)
	s.Now = clockFrom(time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC))
	return s, rawDB(t, s.Path())
}

// dump is every row of the workshop tables, to show that nothing at all
// changed.
func dump(t *testing.T, db *sql.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range workshopTables {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

func TestExportImportIntoAFreshDatabaseGivesTheSameSession(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	f := export(t, a, r.w.ID, true)
	if f.Format != game.FileFormat || f.Version != game.FileVersion || f.Device == "" {
		t.Errorf("file header: %q %d %q", f.Format, f.Version, f.Device)
	}
	if len(f.Plays) != 3 || len(f.Ratings) != 5 || len(f.Notes) != 4 || len(f.Participants) != 2 {
		t.Errorf("export holds %d plays, %d ratings, %d notes, %d participants; want every record, tombstones too",
			len(f.Plays), len(f.Ratings), len(f.Notes), len(f.Participants))
	}
	for _, p := range f.Participants {
		if want := map[bool]string{false: "Aino Virtanen", true: ""}[p.Deleted]; p.RealName != want {
			t.Errorf("participant %s in the export has real name %q; want %q", p.Pseudonym, p.RealName, want)
		}
	}

	b, db := laptop(t)
	if sum := mustImport(t, b, f); !reflect.DeepEqual(sum, storage.WorkshopImportSummary{Added: r.records()}) {
		t.Errorf("first import: %+v; want %d added", sum, r.records())
	}
	for _, deleted := range []bool{false, true} {
		if got, want := session(t, b, r.w.ID, deleted), session(t, a, r.w.ID, deleted); !reflect.DeepEqual(got, want) {
			t.Errorf("Session(includeDeleted %v) after the import =\n%+v\nwant\n%+v", deleted, got, want)
		}
	}
	names, err := b.RealNames(ctx, r.w.ID)
	if err != nil || !reflect.DeepEqual(names, map[string]string{r.blue.ID: "Aino Virtanen"}) {
		t.Errorf("RealNames after the import = %v, %v", names, err)
	}
	// The imported play is checked against the snapshot, not the deck.
	mustSave(t, b.SavePlay(ctx, r.w.ID, play(r.teams[0].ID, "R02", "collection", 3)))

	before := dump(t, db)
	if sum := mustImport(t, b, f); !reflect.DeepEqual(sum, storage.WorkshopImportSummary{Unchanged: r.records()}) {
		t.Errorf("second import: %+v; want all %d unchanged", sum, r.records())
	}
	if after := dump(t, db); after != before {
		t.Errorf("importing the same file twice changed the database:\nbefore\n%s\nafter\n%s", before, after)
	}

	// Without names: none in the file, and none removed where imported.
	plain := export(t, a, r.w.ID, false)
	for _, p := range plain.Participants {
		if p.RealName != "" {
			t.Errorf("an export without names holds %q", p.RealName)
		}
	}
	if sum := mustImport(t, b, plain); sum.Added+sum.Updated+sum.Deleted != 0 {
		t.Errorf("importing the same workshop without names: %+v", sum)
	}
	if names, _ := b.RealNames(ctx, r.w.ID); len(names) != 1 {
		t.Errorf("a file without names removed names: %v", names)
	}
	c, _ := laptop(t)
	mustImport(t, c, plain)
	if names, _ := c.RealNames(ctx, r.w.ID); len(names) != 0 {
		t.Errorf("names imported from a file without names: %v", names)
	}
}

func TestImportKeepsTheNewerEdit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	old := export(t, a, r.w.ID, false)
	b, _ := laptop(t) // its clock is an hour ahead of a's
	mustImport(t, b, old)

	// b edits the note and the title after a's export.
	n := *r.n1
	n.Text = "Who owns the panel's data? Legal says: we do."
	mustSave(t, b.SaveNote(ctx, r.w.ID, &n))
	w, err := b.Workshop(ctx, r.w.ID)
	if err != nil {
		t.Fatal(err)
	}
	w.Title = "Rich, renamed on b"
	mustSave(t, b.UpdateWorkshop(ctx, w))
	if sum := mustImport(t, b, old); sum.Updated != 0 || sum.Added != 0 || sum.Deleted != 0 {
		t.Errorf("importing the older file again: %+v; want nothing taken", sum)
	}
	got := session(t, b, r.w.ID, false)
	if got.Workshop.Title != "Rich, renamed on b" || noteText(got, n.ID) != n.Text {
		t.Errorf("an older file overwrote newer edits: title %q, note %q", got.Workshop.Title, noteText(got, n.ID))
	}

	// a edits the same note later still: that edit wins on b.
	a.Now = clockFrom(time.Date(2025, 3, 1, 11, 0, 0, 0, time.UTC))
	later := *r.n1
	later.Text = "Decided: the customer panel owns it."
	mustSave(t, a.SaveNote(ctx, r.w.ID, &later))
	if sum := mustImport(t, b, export(t, a, r.w.ID, false)); sum.Updated != 1 {
		t.Errorf("importing a's newer note: %+v; want 1 updated", sum)
	}
	got = session(t, b, r.w.ID, false)
	if noteText(got, n.ID) != later.Text || got.Workshop.Title != "Rich, renamed on b" {
		t.Errorf("after a's newer edit: note %q, title %q", noteText(got, n.ID), got.Workshop.Title)
	}

	// And b's own edit made after importing a clock from the future wins
	// over that version, even though b's clock is behind it now.
	b.Now = clockFrom(time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC))
	mine := later
	mine.Text = "Decided on b."
	mustSave(t, b.SaveNote(ctx, r.w.ID, &mine))
	mustImport(t, b, export(t, a, r.w.ID, false))
	if got := noteText(session(t, b, r.w.ID, false), n.ID); got != mine.Text {
		t.Errorf("b's own latest edit was overwritten by the version it replaced: %q", got)
	}
}

func noteText(f *game.File, id string) string {
	for _, n := range f.Notes {
		if n.ID == id {
			return n.Text
		}
	}
	return ""
}

func TestImportTombstonesTravel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, _ := laptop(t)
	first := export(t, a, r.w.ID, true)
	mustImport(t, b, first)

	a.Now = clockFrom(time.Date(2025, 3, 1, 11, 0, 0, 0, time.UTC))
	mustSave(t, a.DeletePlay(ctx, r.p1.ID)) // with 3 ratings and 1 note
	mustSave(t, a.DeleteNote(ctx, r.n2.ID))
	deleted := export(t, a, r.w.ID, true)
	sum := mustImport(t, b, deleted)
	// The play and the note deleted by itself; the play's ratings and note
	// keep their own state and go out of sight with it.
	if want := (storage.WorkshopImportSummary{Deleted: 1 + 1, Unchanged: r.records() - 2}); !reflect.DeepEqual(sum, want) {
		t.Errorf("importing the deletions: %+v; want %+v", sum, want)
	}
	for _, withDeleted := range []bool{false, true} {
		if got, want := session(t, b, r.w.ID, withDeleted), session(t, a, r.w.ID, withDeleted); !reflect.DeepEqual(got, want) {
			t.Errorf("Session(%v) after the deletions travelled =\n%+v\nwant\n%+v", withDeleted, got, want)
		}
	}

	// The older file, with the records live, brings nothing back.
	if sum := mustImport(t, b, first); sum.Added+sum.Updated+sum.Deleted != 0 {
		t.Errorf("importing the older live file: %+v; want no change", sum)
	}
	if f := session(t, b, r.w.ID, false); len(f.Plays) != 1 || len(f.Ratings) != 0 || len(f.Notes) != 0 {
		t.Errorf("after the older file: %d plays, %d ratings, %d notes live; want 1, 0, 0", len(f.Plays), len(f.Ratings), len(f.Notes))
	}

	// A restore on a travels too, and brings back what went with the play.
	mustSave(t, a.RestorePlay(ctx, r.p1.ID))
	if sum := mustImport(t, b, export(t, a, r.w.ID, true)); sum.Updated != 1 {
		t.Errorf("importing the restore: %+v; want the play updated", sum)
	}
	if f := session(t, b, r.w.ID, false); len(f.Ratings) != 3 || len(f.Notes) != 1 {
		t.Errorf("after the restore travelled: %d ratings, %d notes live; want the play's 3 and its note", len(f.Ratings), len(f.Notes))
	}
	if got, want := session(t, b, r.w.ID, true), session(t, a, r.w.ID, true); !reflect.DeepEqual(got, want) {
		t.Errorf("Session after the restore travelled =\n%+v\nwant\n%+v", got, want)
	}
	// Restoring on b afterwards brings back exactly what went with it.
	mustSave(t, b.DeletePlay(ctx, r.p1.ID))
	mustSave(t, b.RestorePlay(ctx, r.p1.ID))
	if f := session(t, b, r.w.ID, false); len(f.Ratings) != 3 {
		t.Errorf("%d live ratings after delete and restore on b; want 3", len(f.Ratings))
	}
}

func TestImportRefusedFileChangesNothing(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	other, _ := newWorkshop(t, a, d, "Other")
	otherTeam := session(t, a, other.ID, false).Teams[0]
	otherPlay := play(otherTeam.ID, "R01", "collection", 0)
	mustSave(t, a.SavePlay(context.Background(), other.ID, otherPlay))
	otherRating := rating(otherPlay.ID, "usability", 2)
	mustSave(t, a.AddRating(context.Background(), other.ID, otherRating))
	b, db := laptop(t)
	mustImport(t, b, export(t, a, other.ID, false))
	mustImport(t, b, export(t, a, r.w.ID, false))
	// The file's own rules are game.File.Check's, so a refusal says what
	// ReadFile says of the same file: the sentence a person sees, since
	// the app and the command line read every file with ReadFile first.
	tests := []struct {
		name string
		edit func(f *game.File)
		kind error
		says string
	}{
		{"not a workshop file", func(f *game.File) { f.Format = "deckhand.deck" }, storage.ErrBadFile, "not a Deckhand workshop: it is a deck file"},
		{"a newer version", func(f *game.File) { f.Version = game.FileVersion + 1 }, storage.ErrBadFile, "made by a newer version of Deckhand"},
		{"no version", func(f *game.File) { f.Version = 0 }, storage.ErrBadFile, "version"},
		{"no workshop id", func(f *game.File) { f.Workshop.ID = "" }, storage.ErrBadFile, "no id"},
		{"a workshop without a title", func(f *game.File) { f.Workshop.Title = "" }, game.ErrRule, "no title"},
		{"a play of a missing team", func(f *game.File) { f.Plays[0].TeamID = "lost-team" }, storage.ErrBadFile, "lost-team"},
		{"a play in a missing path", func(f *game.File) { f.Plays[0].PathID = "lost-path" }, storage.ErrBadFile, "lost-path"},
		{"a play in another team's path", func(f *game.File) {
			for i, p := range f.Plays {
				if p.PathID != "" {
					f.Plays[i].TeamID = otherTeamOf(f, p.TeamID)
				}
			}
		}, storage.ErrBadFile, "another team"},
		{"a rating of a missing play", func(f *game.File) { f.Ratings[0].PlayID = "lost-play" }, storage.ErrBadFile, "lost-play"},
		{"a rating by a stranger", func(f *game.File) { f.Ratings[0].Rater = "stranger" }, storage.ErrBadFile, "stranger"},
		{"a note about a missing play", func(f *game.File) { f.Notes[0].PlayID = "lost-play" }, storage.ErrBadFile, "lost-play"},
		{"a participant at a missing team", func(f *game.File) { f.Participants[0].TeamID = "lost-team" }, storage.ErrBadFile, "lost-team"},
		{"a rating off the scale", func(f *game.File) { f.Ratings[0].Value = 9 }, game.ErrRule, "not 9"},
		{"an interaction card played", func(f *game.File) { f.Plays[0].Code = "I01" }, game.ErrRule, "not a routine card"},
		{"a note of no kind", func(f *game.File) { f.Notes[0].Kind = "" }, game.ErrRule, "unknown kind"},
		{"a team without a name", func(f *game.File) { f.Teams[0].Name = "" }, game.ErrRule, "no name"},
		{"an id twice", func(f *game.File) { f.Notes[1].ID = f.Notes[0].ID }, storage.ErrBadFile, "its id is used by an earlier note"},
		{"an id of a megabyte", func(f *game.File) { f.Notes[0].ID = strings.Repeat("x", 1<<20) }, storage.ErrBadFile, "longer than 100 characters"},
		{"a team at position -1", func(f *game.File) { f.Teams[0].Position = -1 }, game.ErrRule, "positions count from 0"},
		{"a team's name over two lines", func(f *game.File) { f.Teams[0].Name = "Ti\nger" }, game.ErrRule, "line break"},
		{"a path's name that reads backwards", func(f *game.File) { f.Paths[0].Name = "\u202e" + f.Paths[0].Name }, game.ErrRule, "U+202E"},
		{"a record without an id", func(f *game.File) { f.Paths[0].ID = "" }, storage.ErrBadFile, "path 1: it has no id"},
		{"another workshop's team", func(f *game.File) { f.Teams = append(f.Teams, otherTeam) }, storage.ErrNotFound, "another workshop"},
		{"another workshop's rating", func(f *game.File) {
			x := f.Ratings[0]
			x.ID = otherRating.ID
			f.Ratings = append(f.Ratings, x)
		}, storage.ErrNotFound, "another workshop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := export(t, a, r.w.ID, false)
			f.Workshop.Updated = f.Workshop.Updated.Add(time.Hour) // would win if imported
			f.Workshop.Title += " (newer)"
			tt.edit(f)
			before := dump(t, db)
			_, err := b.ImportWorkshop(context.Background(), f)
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("ImportWorkshop = %v; want an error wrapping %v that says %q", err, tt.kind, tt.says)
			}
			if after := dump(t, db); after != before {
				t.Errorf("a refused file changed the database")
			}
		})
	}
}

// otherTeamOf is the id of a team of the file other than teamID.
func otherTeamOf(f *game.File, teamID string) string {
	for _, t := range f.Teams {
		if t.ID != teamID {
			return t.ID
		}
	}
	return ""
}
