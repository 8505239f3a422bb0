package storage_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// A workshop deleted on one laptop is deleted on the laptop that merges
// its file, after the file has been written and read back as it travels;
// an edit made on the second laptop without seeing the delete does not
// bring it back, and a restore that had seen the delete does.
func TestWorkshopDeletionTravelsInItsFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, _ := laptop(t)
	mustImport(t, b, export(t, a, r.w.ID, true))

	a.Now = clockFrom(time.Date(2025, 3, 1, 11, 0, 0, 0, time.UTC))
	mustSave(t, a.DeleteWorkshop(ctx, r.w.ID))
	f, err := a.ExportWorkshop(ctx, r.w.ID, false)
	if err != nil {
		t.Fatalf("ExportWorkshop of a deleted workshop: %v", err)
	}
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"deleted": true`)) {
		t.Fatalf("the file of a deleted workshop does not say so:\n%.400s", buf.String())
	}
	travelled, err := game.ReadFile(&buf)
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	// Meanwhile b edits the workshop without having seen the delete.
	edited, err := b.Workshop(ctx, r.w.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited.Place = "Turku"
	mustSave(t, b.UpdateWorkshop(ctx, edited))

	if sum := mustImport(t, b, travelled); sum.Deleted != 1 {
		t.Errorf("merging the deletion: %+v; want the workshop counted deleted", sum)
	}
	if _, err := b.Session(ctx, r.w.ID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Session on b after the merge: %v; want ErrNotFound", err)
	}
	list, err := b.Workshops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range list {
		if w.ID == r.w.ID {
			t.Errorf("b still lists the deleted workshop %q", w.Title)
		}
	}
	// b's concurrent edit, merged back into a, leaves it deleted there too.
	mustImport(t, a, export(t, b, r.w.ID, false))
	if _, err := a.Session(ctx, r.w.ID, false); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Session on a after b's concurrent edit came back: %v; want ErrNotFound", err)
	}
	// A restore on a, which had seen the delete, travels to b.
	mustSave(t, a.RestoreWorkshop(ctx, r.w.ID))
	mustImport(t, b, export(t, a, r.w.ID, false))
	got, err := b.Session(ctx, r.w.ID, false)
	if err != nil {
		t.Fatalf("Session on b after the restore travelled: %v", err)
	}
	want, err := a.Session(ctx, r.w.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if got.Workshop.Place != want.Workshop.Place || got.Workshop.Deleted || len(got.Plays) != len(want.Plays) {
		t.Errorf("after the restore b has place %q, deleted %v, %d plays; want a's %q, live, %d plays",
			got.Workshop.Place, got.Workshop.Deleted, len(got.Plays), want.Workshop.Place, len(want.Plays))
	}
}

// A workshop file of an earlier version, without the workshop's deletion,
// is read as a live workshop.
func TestAVersion3FileIsALiveWorkshop(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, export(t, a, r.w.ID, false)); err != nil {
		t.Fatal(err)
	}
	old := bytes.Replace(buf.Bytes(), []byte(`"version": 4,`), []byte(`"version": 3,`), 1)
	f, err := game.ReadFile(bytes.NewReader(old))
	if err != nil {
		t.Fatalf("ReadFile(version 3): %v", err)
	}
	b, _ := laptop(t)
	mustImport(t, b, f)
	if _, err := b.Session(context.Background(), r.w.ID, false); err != nil {
		t.Errorf("the version 3 file's workshop is not live: %v", err)
	}
}
