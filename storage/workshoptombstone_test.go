package storage_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// deletionFile deletes the workshop on s and returns its file as it
// travels: written out and read back, with the bytes written.
func deletionFile(t *testing.T, s *storage.Store, id string) (*game.File, []byte) {
	t.Helper()
	mustSave(t, s.DeleteWorkshop(context.Background(), id))
	f, err := s.ExportWorkshop(context.Background(), id, true)
	if err != nil {
		t.Fatalf("ExportWorkshop of a deleted workshop: %v", err)
	}
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, f); err != nil {
		t.Fatal(err)
	}
	written := bytes.Clone(buf.Bytes())
	read, err := game.ReadFile(&buf)
	if err != nil {
		t.Fatalf("ReadFile of a deletion: %v", err)
	}
	return read, written
}

// richLaptop is a laptop with a rich workshop.
func richLaptop(t *testing.T) (*storage.Store, *rich) {
	t.Helper()
	a, d := openTestStore(t)
	return a, newRich(t, a, d)
}

// onTwoLaptops is a rich workshop on a laptop, and a second laptop (its
// clock an hour ahead) that merged its file, real names too.
func onTwoLaptops(t *testing.T) (a, b *storage.Store, r *rich) {
	t.Helper()
	a, r = richLaptop(t)
	b, _ = laptop(t)
	mustImport(t, b, export(t, a, r.w.ID, true))
	return a, b, r
}

// The file of a deleted workshop is its tombstone only: none of its
// teams, participants, paths, cards, ratings or notes, and none of the
// personal data in them or in the workshop's own fields, even when real
// names are asked for.
func TestADeletedWorkshopTravelsAsItsTombstoneOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, r := richLaptop(t)
	// Words no deck holds (the rich workshop's role and blank card are
	// words of the default deck's own cards).
	owl := &game.Participant{TeamID: r.teams[1].ID, Pseudonym: "Snowy Owl", Role: "night auditor", RealName: "Kerttu Mäkelä"}
	mustSave(t, a.SaveParticipant(ctx, r.w.ID, owl))
	blank := &game.Play{TeamID: r.teams[1].ID, Code: "B01", Text: "Rewire the kiosk's consent screen", Area: "use", Position: 2}
	mustSave(t, a.SavePlay(ctx, r.w.ID, blank))
	f, written := deletionFile(t, a, r.w.ID)

	private := []string{"Acme Oy", r.w.Purpose, "Aino", "Tiger", "Lion", r.blue.Pseudonym, r.blue.RealName,
		r.gone.Pseudonym, r.gone.RealName, owl.Pseudonym, owl.Role, owl.RealName, r.path.Name, blank.Text,
		r.n1.Text, r.n2.Text, r.nX.Text, "goes with R03"}
	for _, word := range private {
		if bytes.Contains(written, []byte(word)) {
			t.Errorf("the deletion's file holds %q", word)
		}
	}
	if n := len(f.Teams) + len(f.Participants) + len(f.Paths) + len(f.Plays) + len(f.Ratings) + len(f.Notes); n != 0 {
		t.Errorf("the deletion's file carries %d records besides the workshop; want none", n)
	}
	w := f.Workshop
	if !w.Deleted || w.ID != r.w.ID || w.Title != r.w.Title || w.Deck == nil || w.Client != "" || w.Retention != "" {
		t.Errorf("the deletion's workshop = %+v; want the tombstone with its title and deck only", w)
	}
}

// Merged where the workshop is, the tombstone deletes it and changes
// nothing else: a restore there brings back the workshop as that laptop
// had it, its fields and every record.
func TestATombstoneDeletesTheWorkshopAndKeepsWhatIsHere(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, b, r := onTwoLaptops(t)
	before := session(t, b, r.w.ID, true)
	a.Now = clockFrom(time.Date(2025, 3, 1, 11, 0, 0, 0, time.UTC))
	f, _ := deletionFile(t, a, r.w.ID)

	if sum, err := b.PreviewImport(ctx, f); err != nil || sum.Deleted != 1 || sum.Added+sum.Updated != 0 {
		t.Errorf("the preview of the deletion = %+v, %v; want the workshop deleted, nothing else", sum, err)
	}
	if sum := mustImport(t, b, f); sum.Deleted != 1 || sum.Added+sum.Updated != 0 {
		t.Errorf("merging the deletion: %+v; want the workshop deleted, nothing else", sum)
	}
	if _, err := b.Session(ctx, r.w.ID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("the workshop is live after its deletion merged: %v", err)
	}
	if sum := mustImport(t, b, f); sum.Added+sum.Updated+sum.Deleted != 0 {
		t.Errorf("merging the deletion again: %+v; want nothing", sum)
	}
	mustSave(t, b.RestoreWorkshop(ctx, r.w.ID))
	after := session(t, b, r.w.ID, true)
	before.Workshop.Updated, before.Workshop.Device, before.Workshop.Context = after.Workshop.Updated, after.Workshop.Device, after.Workshop.Context
	if !reflect.DeepEqual(after, before) {
		t.Errorf("restored after the tombstone =\n%+v\nwant as before\n%+v", after, before)
	}
	names, err := b.RealNames(ctx, r.w.ID)
	if err != nil || names[r.blue.ID] != r.blue.RealName {
		t.Errorf("real names after the restore = %v, %v; want %s's kept", names, err, r.blue.Pseudonym)
	}
}

// A laptop that never had the workshop keeps its tombstone and nothing
// else: no live workshop, none of its records, nothing to restore. A file
// of the workshop from a laptop that had not seen the delete brings its
// records and fields later, and the workshop stays deleted until a restore
// that had seen the delete arrives.
func TestATombstoneOfAWorkshopNeverHereBringsNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, b, r := onTwoLaptops(t)
	edited, err := b.Workshop(ctx, r.w.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited.Place = "Åbo"
	mustSave(t, b.UpdateWorkshop(ctx, edited))
	f, _ := deletionFile(t, a, r.w.ID)

	c, db := laptop(t)
	if sum := mustImport(t, c, f); sum.Added != 1 || sum.Updated+sum.Deleted != 0 {
		t.Errorf("merging the deletion of a workshop never here: %+v; want only its tombstone added", sum)
	}
	for _, table := range []string{"teams", "participants", "paths", "plays", "ratings", "notes"} {
		if n := queryInt(t, db, "SELECT COUNT(*) FROM "+table+" WHERE workshop_id = ?", r.w.ID); n != 0 {
			t.Errorf("the deletion brought %d %s", n, table)
		}
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM workshops WHERE id = ? AND deleted_at IS NOT NULL AND client = '' AND place = ''", r.w.ID); n != 1 {
		t.Errorf("the tombstone is not stored as one without the workshop's details")
	}
	if list, _ := c.Workshops(ctx); len(list) != 0 {
		t.Errorf("the laptop lists %+v after merging only a deletion", list)
	}
	deleted, err := c.DeletedWorkshops(ctx)
	if err != nil || len(deleted) != 1 || deleted[0].ID != r.w.ID || deleted[0].Title != r.w.Title || !deleted[0].OnlyDeletion {
		t.Errorf("DeletedWorkshops = %+v, %v; want the workshop, known by its deletion only", deleted, err)
	}
	if err := c.RestoreWorkshop(ctx, r.w.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("restoring a workshop known by its deletion only: %v; want ErrNotFound", err)
	}
	// An older file of the workshop, which the deletion had seen, and b's
	// edit, which it had not: the workshop stays deleted, with b's fields
	// and the records, so that a restore brings them.
	mustImport(t, c, export(t, b, r.w.ID, true))
	if _, err := c.Session(ctx, r.w.ID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("a file that had not seen the delete made the workshop live: %v", err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM workshops WHERE id = ? AND place = 'Åbo'", r.w.ID); n != 1 {
		t.Error("the later file's fields did not win over the tombstone's")
	}
	if deleted, _ := c.DeletedWorkshops(ctx); len(deleted) != 1 || deleted[0].OnlyDeletion {
		t.Errorf("DeletedWorkshops after the workshop's own file = %+v; want it restorable", deleted)
	}
	mustSave(t, a.RestoreWorkshop(ctx, r.w.ID))
	mustImport(t, c, export(t, a, r.w.ID, false))
	if got := session(t, c, r.w.ID, false); len(got.Plays) != len(session(t, a, r.w.ID, false).Plays) {
		t.Errorf("after a's restore c has %d plays live", len(got.Plays))
	}
}

// A deletion of a workshop never here, its own file and a restore give the
// same workshop in every order.
func TestATombstoneNeverHereConvergesInAnyOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, r := richLaptop(t)
	full := export(t, a, r.w.ID, false)
	tomb, _ := deletionFile(t, a, r.w.ID)
	b, _ := laptop(t)
	mustImport(t, b, full)
	mustImport(t, b, tomb)
	mustSave(t, b.RestoreWorkshop(ctx, r.w.ID))
	restore := export(t, b, r.w.ID, false)

	var first *game.File
	for i, files := range [][]*game.File{{tomb, full, restore}, {full, tomb, restore}, {restore, tomb, full}, {tomb, restore, full}} {
		x, _ := openTestStore(t)
		for _, f := range files {
			mustImport(t, x, f)
		}
		got := session(t, x, r.w.ID, true)
		if first == nil {
			first = got
			continue
		}
		if !reflect.DeepEqual(got, first) {
			t.Errorf("order %d ends with\n%+v\norder 0 with\n%+v", i, got, first)
		}
	}
}

// The file of a deleted workshop written before deletions travelled as
// tombstones alone holds every record: where the workshop never was, only
// its deletion is taken from it.
func TestAnOlderFileOfADeletedWorkshopBringsOnlyItsDeletion(t *testing.T) {
	t.Parallel()
	a, r := richLaptop(t)
	older := export(t, a, r.w.ID, true)
	mustSave(t, a.DeleteWorkshop(context.Background(), r.w.ID))
	tomb := export(t, a, r.w.ID, false)
	older.Workshop.Deleted, older.Workshop.Updated, older.Workshop.Context = true, tomb.Workshop.Updated, tomb.Workshop.Context

	c, db := laptop(t)
	if sum := mustImport(t, c, older); sum.Added != 1 {
		t.Errorf("merging the older file of the deletion: %+v; want only the tombstone added", sum)
	}
	for _, table := range []string{"teams", "participants", "paths", "plays", "ratings", "notes"} {
		if n := queryInt(t, db, "SELECT COUNT(*) FROM "+table+" WHERE workshop_id = ?", r.w.ID); n != 0 {
			t.Errorf("the older file of the deletion brought %d %s", n, table)
		}
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM participant_names"); n != 0 {
		t.Errorf("the older file of the deletion brought %d real names", n)
	}
}
