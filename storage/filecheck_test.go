package storage_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// The import checks a file by the file's own rules, game.File.Check, the
// check ReadFile reads every file by, and adds only what needs the
// database. Each test here pins one point on which the import's own check
// once disagreed with ReadFile's.

// TestImportTakesTombstonesByTheirIDsAndReferences: a tombstone is checked
// for its id, times and references only, as ReadFile checks it. It is never
// shown and cannot be edited; it only carries the delete, so a field that
// today's rules refuse (a name allowed by an older Deckhand, a file written
// by hand) must not stop every later file of the workshop, which carries
// the tombstone for ever, from merging. The import used to check tombstones
// like live records and refused such a file that ReadFile had read.
func TestImportTakesTombstonesByTheirIDsAndReferences(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	f := export(t, a, r.w.ID, false)
	at, device := f.Teams[0].Updated, f.Teams[0].Device
	tiger := f.Teams[0].ID
	f.Teams = append(f.Teams, game.Team{ID: "old-team", Name: "Bord\n3", Position: -1, Updated: at, Device: device, Deleted: true})
	f.Participants = append(f.Participants, game.Participant{ID: "old-person", TeamID: tiger, Pseudonym: "", Updated: at, Device: device, Deleted: true})
	f.Paths = append(f.Paths, game.Path{ID: "old-path", TeamID: tiger, Name: "\u202eback", Updated: at, Device: device, Deleted: true})
	f.Plays = append(f.Plays, game.Play{ID: "old-play", TeamID: tiger, Code: "R99", Area: "kitchen", Updated: at, Device: device, Deleted: true})
	f.Ratings = append(f.Ratings, game.Rating{ID: "old-rating", PlayID: "old-play", Criterion: "beauty", Value: 9, Rater: game.RaterTeam, At: at, Updated: at, Device: device, Deleted: true})
	f.Notes = append(f.Notes, game.Note{ID: "old-note", TeamID: tiger, Kind: "todo", Text: "", At: at, Updated: at, Device: device, Deleted: true})
	if err := f.Check(); err != nil {
		t.Fatalf("game.File.Check: %v; the file's own check takes these tombstones", err)
	}

	b, _ := laptop(t)
	if sum := mustImport(t, b, f); sum.Added != r.records()+6 {
		t.Errorf("import: %+v; want all %d records added, the 6 tombstones among them", sum, r.records()+6)
	}
	got := session(t, b, r.w.ID, true)
	i := slices.IndexFunc(got.Plays, func(p game.Play) bool { return p.ID == "old-play" })
	if i < 0 || !got.Plays[i].Deleted || got.Plays[i].Code != "R99" || got.Plays[i].Area != "kitchen" {
		t.Fatalf("the tombstone of a play of card R99 was not stored as it was: %+v", got.Plays)
	}
	j := slices.IndexFunc(got.Teams, func(t game.Team) bool { return t.ID == "old-team" })
	if j < 0 || !got.Teams[j].Deleted || got.Teams[j].Name != "Bord\n3" {
		t.Errorf("the tombstone of a team was not stored as it was: %+v", got.Teams)
	}
	live := session(t, b, r.w.ID, false)
	for _, p := range live.Plays {
		if p.ID == "old-play" {
			t.Errorf("the tombstone is live: %+v", p)
		}
	}
}

// TestImportRefusesAReferenceOutOfTheFile: every reference must be to a
// record in the file, though the record be stored here. A file is the whole
// workshop as its laptop had it, tombstones included (ExportWorkshop writes
// every record), so one that names a team it does not hold is broken; and
// whether a file is taken must not depend on the laptop it reaches or on
// which files came first, or laptops exchanging files would not end alike.
// The import used to accept a record of the stored workshop, which ReadFile
// never did.
func TestImportRefusesAReferenceOutOfTheFile(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, db := laptop(t)
	mustImport(t, b, export(t, a, r.w.ID, false)) // b has every team

	f := export(t, a, r.w.ID, false)
	lion := r.teams[1].ID
	f.Teams = slices.DeleteFunc(f.Teams, func(t game.Team) bool { return t.ID == lion })
	before := dump(t, db)
	_, err := b.ImportWorkshop(context.Background(), f)
	want := f.Check()
	if want == nil || !strings.Contains(want.Error(), `its team "`+lion+`" is not in the file`) {
		t.Fatalf("game.File.Check = %v; want the team named as not in the file", want)
	}
	if !errors.Is(err, storage.ErrBadFile) || err.Error() != want.Error() {
		t.Errorf("ImportWorkshop = %v; want ErrBadFile saying %q", err, want)
	}
	if dump(t, db) != before {
		t.Error("the refused file changed the database")
	}
}

// TestImportRefusesWhatReadFileRefuses: what the file's own check refuses
// and the import's own check let through. Each is refused with the same
// sentences ReadFile says, every problem listed (cards.Problems), and
// changes nothing.
func TestImportRefusesWhatReadFileRefuses(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, db := laptop(t)
	mustImport(t, b, export(t, a, r.w.ID, false))
	tests := []struct {
		name string
		edit func(f *game.File)
		says string
	}{
		// Spaces are no id: a person could not tell two such records apart.
		{"an id of spaces", func(f *game.File) { f.Notes[0].ID = "  " }, "note 1: it has no id"},
		// A time past the year 9999 makes a file that cannot be written again.
		{"a time out of range", func(f *game.File) {
			f.Notes[0].Updated = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}, "is out of range"},
		// Every card, criterion and area is judged against the snapshot,
		// which must be a deck that could be played.
		{"a deck snapshot that is no valid deck", func(f *game.File) {
			f.Workshop.Deck.Cards[len(f.Workshop.Deck.Cards)-1].Type = "rutin"
		}, `the workshop's deck: card `},
		// A note about a play is the play's team's note.
		{"a note about another team's play", func(f *game.File) {
			for i, n := range f.Notes {
				if n.PlayID == r.p1.ID {
					f.Notes[i].TeamID = r.teams[1].ID
				}
			}
		}, "belongs to another team"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := export(t, a, r.w.ID, false)
			f.Workshop.Updated = f.Workshop.Updated.Add(time.Hour) // would win if imported
			tt.edit(f)
			want := f.Check()
			if want == nil || !strings.Contains(want.Error(), tt.says) {
				t.Fatalf("game.File.Check = %v; want a problem saying %q", want, tt.says)
			}
			before := dump(t, db)
			_, err := b.ImportWorkshop(context.Background(), f)
			var ps cards.Problems
			if !errors.Is(err, storage.ErrBadFile) || !errors.As(err, &ps) || err.Error() != want.Error() {
				t.Errorf("ImportWorkshop = %v; want ErrBadFile with the problems %q", err, want)
			}
			if dump(t, db) != before {
				t.Error("the refused file changed the database")
			}
		})
	}
}

// TestImportRefusalListsEveryProblem: the import says every problem of the
// file at once, as ReadFile does, rather than the first it met, so that a
// file written by hand is mended in one go; a rule of the game among them
// still reads as one (game.ErrRule).
func TestImportRefusalListsEveryProblem(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, _ := laptop(t)
	f := export(t, a, r.w.ID, false)
	f.Teams[0].Name = ""
	f.Ratings[0].Value = 9
	_, err := b.ImportWorkshop(context.Background(), f)
	var ps cards.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || !errors.Is(err, storage.ErrBadFile) || !errors.Is(err, game.ErrRule) {
		t.Fatalf("ImportWorkshop = %v; want ErrBadFile and game.ErrRule with 2 problems", err)
	}
	if !strings.HasPrefix(ps[0].Msg, "team 1 (id ") || !strings.Contains(ps[1].Msg, "not 9") {
		t.Errorf("problems = %q; want the team's name, then the rating", ps.Lines())
	}
}

// TestImportTakesAnIDSharedAcrossKinds: an id is unique among the records of
// its kind, as the file format says and ReadFile checks; each kind is a
// table of its own. A note may have a rating's id, or the workshop's: the
// import once refused that, and its merge counted such records as one.
func TestImportTakesAnIDSharedAcrossKinds(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	f := export(t, a, r.w.ID, false)
	shared := f.Ratings[0].ID
	f.Notes[0].ID, f.Notes[1].ID = shared, f.Workshop.ID
	if err := f.Check(); err != nil {
		t.Fatalf("game.File.Check: %v", err)
	}
	b, _ := laptop(t)
	if sum := mustImport(t, b, f); sum.Added != r.records() || sum.Updated+sum.Deleted+sum.Unchanged != 0 {
		t.Errorf("import: %+v; want all %d records added", sum, r.records())
	}
	if sum := mustImport(t, b, f); sum.Unchanged != r.records() || sum.Added+sum.Updated+sum.Deleted != 0 {
		t.Errorf("the same file again: %+v; want all %d records unchanged", sum, r.records())
	}
	got := session(t, b, r.w.ID, true)
	notes := map[string]bool{}
	for _, n := range got.Notes {
		notes[n.ID] = true
	}
	if !notes[shared] || !notes[f.Workshop.ID] || !slices.ContainsFunc(got.Ratings, func(x game.Rating) bool { return x.ID == shared }) {
		t.Errorf("the note and rating sharing id %s, or the note with the workshop's id, were not stored: notes %v", shared, notes)
	}
}

// TestParticipantAtNoTableTravels: a participant need not be seated at a
// table (SaveParticipant takes one, the database keeps no team), so a file
// holding one is read and imported like any other: every workshop a store
// can hold can travel. ReadFile used to refuse such a file, which the
// import took.
func TestParticipantAtNoTableTravels(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	ctx := context.Background()
	host := &game.Participant{Pseudonym: "Host"}
	mustSave(t, a.SaveParticipant(ctx, r.w.ID, host))
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, export(t, a, r.w.ID, false)); err != nil {
		t.Fatal(err)
	}
	f, err := game.ReadFile(&buf)
	if err != nil {
		t.Fatalf("ReadFile of a workshop with a participant at no table: %v", err)
	}
	b, _ := laptop(t)
	mustImport(t, b, f)
	got := session(t, b, r.w.ID, false)
	i := slices.IndexFunc(got.Participants, func(p game.Participant) bool { return p.ID == host.ID })
	if i < 0 || got.Participants[i].TeamID != "" || got.Participants[i].Pseudonym != "Host" {
		t.Errorf("participants on b = %+v; want %q at no table", got.Participants, "Host")
	}
}

// TestImportJudgesAVersion1FileAsRead: a version 1 file marked a play's
// ratings deleted with it; they are read as live (game.File.Upgrade), and
// the import checks them as what they are read as, after Upgrade, as
// ReadFile does. Checked before it, such a rating off the scale would pass
// as a tombstone and then be stored live.
func TestImportJudgesAVersion1FileAsRead(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, db := laptop(t)
	f := export(t, a, r.w.ID, false)
	f.Version = 1
	i := slices.IndexFunc(f.Ratings, func(x game.Rating) bool { return x.PlayID == r.p3.ID }) // p3 is deleted
	f.Ratings[i].Deleted, f.Ratings[i].Value = true, 9
	before := dump(t, db)
	_, err := b.ImportWorkshop(context.Background(), f)
	if !errors.Is(err, storage.ErrBadFile) || !strings.Contains(err.Error(), "not 9") {
		t.Errorf("ImportWorkshop = %v; want the rating, live once read, refused for its value", err)
	}
	if dump(t, db) != before {
		t.Error("the refused file changed the database")
	}
}
