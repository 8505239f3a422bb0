package storage_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// Distinctive texts of the workshop to erase, searched for in the file's bytes.
var (
	erasedNames   = []string{"Zyxwvuta Realname", "Ghjklmno Tombname"}
	erasedPseudos = []string{"Qwertzu Pseudonym", "Asdfghj Tombpseudo", "Vwxyzab Rolename"}
	erasedNotes   = []string{"Plokijuh secret quote", "Mnbvcxz workshop note"}
	keptTexts     = []string{"Keepname Otherperson", "Keeppseudo Other", "Keepnote Othertext"}
)

// erasable is a store with two workshops: "Erase me", whose participants,
// real names and notes hold the texts above (a deleted participant too),
// with a rating by a participant, and "Keep me" with texts of its own.
func erasable(t *testing.T) (*storage.Store, *game.Workshop, *game.Participant, *game.Workshop) {
	t.Helper()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, teams := newWorkshop(t, s, d, "Erase me")
	w.Notes = erasedNotes[1]
	mustSave(t, s.UpdateWorkshop(ctx, w))
	p := &game.Participant{TeamID: teams[0].ID, Pseudonym: erasedPseudos[0], Role: erasedPseudos[2], RealName: erasedNames[0]}
	mustSave(t, s.SaveParticipant(ctx, w.ID, p))
	mustSave(t, s.SaveParticipant(ctx, w.ID, &game.Participant{TeamID: teams[1].ID, Pseudonym: erasedPseudos[1], RealName: erasedNames[1], Deleted: true}))
	pl := play(teams[0].ID, "R01", "collection", 0)
	mustSave(t, s.SavePlay(ctx, w.ID, pl))
	mustSave(t, s.AddRating(ctx, w.ID, &game.Rating{PlayID: pl.ID, Criterion: "desirability", Value: 4, Rater: p.ID}))
	mustSave(t, s.SaveNote(ctx, w.ID, &game.Note{PlayID: pl.ID, Kind: game.NoteQuote, Text: erasedNotes[0]}))

	other, otherTeams := newWorkshop(t, s, d, "Keep me")
	mustSave(t, s.SaveParticipant(ctx, other.ID, &game.Participant{TeamID: otherTeams[0].ID, Pseudonym: keptTexts[1], RealName: keptTexts[0]}))
	mustSave(t, s.SaveNote(ctx, other.ID, &game.Note{TeamID: otherTeams[0].ID, Kind: game.NoteIdea, Text: keptTexts[2]}))
	return s, w, p, other
}

// fileBytes is the database file and its WAL, as they are on disk.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return append(b, wal...)
}

// requireBytes checks which texts the file holds.
func requireBytes(t *testing.T, when string, b []byte, absent, present []string) {
	t.Helper()
	for _, text := range absent {
		if bytes.Contains(b, []byte(text)) {
			t.Errorf("%s: the database file still holds %q", when, text)
		}
	}
	for _, text := range present {
		if !bytes.Contains(b, []byte(text)) {
			t.Errorf("%s: the database file lost %q, which was not to be erased", when, text)
		}
	}
}

func TestEraseWorkshopLeavesNoCopyInTheFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, w, p, other := erasable(t)
	path := s.Path()
	all := append(append(append([]string{}, erasedNames...), erasedPseudos...), erasedNotes...)
	requireBytes(t, "before the erasure", fileBytes(t, path), nil, append(all, keptTexts...)) // the search works

	rep, err := s.EraseWorkshop(ctx, w.ID, true)
	if err != nil {
		t.Fatalf("EraseWorkshop: %v", err)
	}
	// The one backup the erasure took first, to undo a mistaken erasure,
	// holds the data.
	if rep.Participants != 2 || rep.Names != 2 || rep.Notes != 1 || len(rep.BackupsHolding) != 1 {
		t.Errorf("report = %+v; want 2 participants, 2 names, 1 note, the one backup taken first", rep)
	} else {
		requireBytes(t, "in the backup taken first", fileBytes(t, rep.BackupsHolding[0]), nil, all)
	}
	requireBytes(t, "with the store open", fileBytes(t, path), all, keptTexts)

	// What stays: the records, the rating by the participant, the other workshop.
	f := session(t, s, w.ID, true)
	if len(f.Participants) != 2 || len(f.Notes) != 1 || len(f.Ratings) != 1 || f.Ratings[0].Rater != p.ID || len(f.Plays) != 1 {
		t.Fatalf("after the erasure the workshop has %d participants, %d notes, %d ratings, %d plays", len(f.Participants), len(f.Notes), len(f.Ratings), len(f.Plays))
	}
	for _, q := range f.Participants {
		if q.Pseudonym != storage.ErasedText || q.Role != "" {
			t.Errorf("participant %s: pseudonym %q, role %q; want %q and none", q.ID, q.Pseudonym, q.Role, storage.ErasedText)
		}
	}
	if f.Notes[0].Text != storage.ErasedText || f.Notes[0].Kind != game.NoteQuote || f.Workshop.Notes != "" {
		t.Errorf("note %+v, workshop notes %q; want the text erased and the kind kept", f.Notes[0], f.Workshop.Notes)
	}
	for _, team := range f.Teams {
		if team.NoteTaker != "" {
			t.Errorf("team %s kept its note-taker %q", team.Name, team.NoteTaker)
		}
	}
	if names, err := s.RealNames(ctx, w.ID); err != nil || len(names) != 0 {
		t.Errorf("RealNames after the erasure = %v, %v; want none", names, err)
	}
	if names, err := s.RealNames(ctx, other.ID); err != nil || len(names) != 1 {
		t.Errorf("RealNames of the other workshop = %v, %v; want its one name", names, err)
	}
	if list, err := s.Erasures(ctx, w.ID); err != nil || len(list) != 1 || list[0].IsZero() {
		t.Errorf("Erasures = %v, %v; want one", list, err)
	}
	if list, err := s.Erasures(ctx, other.ID); err != nil || len(list) != 0 {
		t.Errorf("Erasures of the other workshop = %v, %v; want none", list, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	requireBytes(t, "after closing", fileBytes(t, path), all, keptTexts)
	db := rawDB(t, path)
	if n := queryInt(t, db, `SELECT COUNT(*) FROM erasures WHERE workshop_id = ? AND what = 'names+notes'`, w.ID); n != 1 {
		t.Errorf("%d erasure rows; want 1", n)
	}
	if n := queryInt(t, db, "PRAGMA freelist_count"); n != 0 {
		t.Errorf("%d free pages after the erasure; want none (VACUUM)", n)
	}
}

func TestEraseNamesKeepsNotesAndListsOlderBackups(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, w, _, _ := erasable(t)
	backup, err := s.Backup(ctx, storage.BackupDir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.EraseWorkshop(ctx, w.ID, false)
	if err != nil {
		t.Fatalf("EraseWorkshop: %v", err)
	}
	if rep.Names != 2 || rep.Participants != 2 || rep.Notes != 0 || len(rep.BackupsHolding) != 2 || !slices.Contains(rep.BackupsHolding, backup) {
		t.Errorf("report = %+v; want 2 names, 2 participants, no notes, the backup %s and the one taken first", rep, backup)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	requireBytes(t, "after erasing names", fileBytes(t, path), append(append([]string{}, erasedNames...), erasedPseudos...),
		append(append([]string{}, erasedNotes...), keptTexts...))
	if n := queryInt(t, rawDB(t, path), `SELECT COUNT(*) FROM erasures WHERE what = 'names'`); n != 1 {
		t.Errorf("%d erasure rows of names; want 1", n)
	}
}

func TestEraseUnknownWorkshopIsNotFound(t *testing.T) {
	t.Parallel()
	s, _ := openTestStore(t)
	_, err := s.EraseWorkshop(context.Background(), "no-such-workshop", true)
	requireNotFound(t, err)
	if list, err := s.Erasures(context.Background(), "no-such-workshop"); err != nil || len(list) != 0 {
		t.Errorf("Erasures = %v, %v; want none", list, err)
	}
}

// A deleted workshop keeps its data until it is erased; erasing works on it.
func TestEraseDeletedWorkshop(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, w, _, _ := erasable(t)
	mustSave(t, s.DeleteWorkshop(ctx, w.ID))
	if rep, err := s.EraseWorkshop(ctx, w.ID, true); err != nil || rep.Names != 2 {
		t.Fatalf("EraseWorkshop(deleted) = %+v, %v", rep, err)
	}
	path := s.Path()
	s.Close()
	requireBytes(t, "after erasing a deleted workshop", fileBytes(t, path), erasedNames, keptTexts)
}

// A workshop file made before the erasure does not bring the data back:
// not for participants stored here, nor for ones only the file knew then.
// What was recorded after the erasure is new data and comes in.
func TestImportAfterEraseDoesNotBringDataBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, w, _, _ := erasable(t)
	old, err := s.ExportWorkshop(ctx, w.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	// Another laptop had a participant this one never saw, before the erasure.
	before := old.Participants[0].Updated
	old.Participants = append(old.Participants, game.Participant{ID: cards.NewID(), TeamID: old.Teams[0].ID,
		Pseudonym: "Elsewhere Pseudonym", RealName: "Elsewhere Realname", Updated: before})
	if _, err := s.EraseWorkshop(ctx, w.ID, true); err != nil {
		t.Fatal(err)
	}
	// ... and one added there after it.
	later := game.Participant{ID: cards.NewID(), TeamID: old.Teams[0].ID, Pseudonym: "Newcomer Pseudonym",
		RealName: "Newcomer Realname", Updated: s.Now().Add(time.Hour)}
	old.Participants = append(old.Participants, later)

	if _, err := s.ImportWorkshop(ctx, old); err != nil {
		t.Fatalf("ImportWorkshop(older file): %v", err)
	}
	names, err := s.RealNames(ctx, w.ID)
	if err != nil || len(names) != 1 || names[later.ID] != later.RealName {
		t.Errorf("RealNames after importing the older file = %v, %v; want only the newcomer's", names, err)
	}
	f := session(t, s, w.ID, true)
	for _, p := range f.Participants {
		if p.ID != later.ID && p.Pseudonym != storage.ErasedText {
			t.Errorf("participant %s came back as %q", p.ID, p.Pseudonym)
		}
	}
	if f.Notes[0].Text != storage.ErasedText || f.Workshop.Notes != "" {
		t.Errorf("note %q, workshop notes %q came back", f.Notes[0].Text, f.Workshop.Notes)
	}
	path := s.Path()
	s.Close()
	requireBytes(t, "after importing the older file",
		fileBytes(t, path), append(append(append([]string{"Elsewhere Realname", "Elsewhere Pseudonym"}, erasedNames...), erasedPseudos...), erasedNotes...),
		append([]string{"Newcomer Realname"}, keptTexts...))
}

// An erasure made on one laptop travels in its workshop file: the laptop
// that imports it erases the same data, real names it holds of its own
// included, and keeps no copy in its database file; a second import, and
// an older file from before the erasure, change nothing.
func TestErasureTravelsToAnotherLaptop(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, w, p, _ := erasable(t)
	b, _ := laptop(t)
	withNames := export(t, a, w.ID, true)
	mustImport(t, b, withNames)
	if names, err := b.RealNames(ctx, w.ID); err != nil || names[p.ID] != erasedNames[0] {
		t.Fatalf("laptop b's real names before the erasure: %v, %v", names, err)
	}

	if _, err := a.EraseWorkshop(ctx, w.ID, true); err != nil {
		t.Fatal(err)
	}
	erased := export(t, a, w.ID, false)
	if len(erased.Erasures) != 1 || erased.Erasures[0].What != game.ErasedNamesNotes {
		t.Fatalf("the file after the erasure carries erasures %+v; want the one names+notes erasure", erased.Erasures)
	}
	sum := mustImport(t, b, erased)
	if sum.Added != 1 || sum.Updated == 0 {
		t.Errorf("importing the erasure: %+v; want the erasure record added and the erased records updated", sum)
	}
	if names, err := b.RealNames(ctx, w.ID); err != nil || len(names) != 0 {
		t.Errorf("laptop b's real names after importing the erasure: %v, %v; want none", names, err)
	}
	f := session(t, b, w.ID, true)
	for _, q := range f.Participants {
		if q.Pseudonym != storage.ErasedText || q.Role != "" {
			t.Errorf("laptop b: participant %s is %q, %q after the erasure", q.ID, q.Pseudonym, q.Role)
		}
	}
	for _, n := range f.Notes {
		if n.Text != storage.ErasedText {
			t.Errorf("laptop b: note %s still reads %q", n.ID, n.Text)
		}
	}
	if got, want := normalisedOf(f), normalisedOf(session(t, a, w.ID, true)); got != want {
		t.Errorf("laptops a and b differ after the erasure travelled:\n%s\n%s", got, want)
	}
	for _, again := range []*game.File{erased, withNames} {
		if sum := mustImport(t, b, again); sum.Added+sum.Updated+sum.Deleted != 0 {
			t.Errorf("importing a file again after the erasure: %+v; want no change", sum)
		}
	}
	path := b.Path()
	b.Close()
	requireBytes(t, "laptop b after importing the erasure", fileBytes(t, path),
		append(append(append([]string{}, erasedNames...), erasedPseudos...), erasedNotes...), nil)
}

// normalisedOf is a session as normalised text, for comparing laptops.
func normalisedOf(f *game.File) string { return strings.Join(normalised(f), "\n") }
