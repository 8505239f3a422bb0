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
	a, b, r := onTwoLaptops(t)

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

// A delete on a, an edit on b that had not seen it, and a restore on c that
// had seen a's delete but not b's edit: whatever the order in which a
// fourth and a fifth laptop merge the three files, they end alike, the
// workshop live (the restore had seen the only delete), with the fields
// of the latest change.
func TestWorkshopDeleteEditAndRestoreConvergeInAnyOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	w, _ := newWorkshop(t, a, d, "Three laptops")
	start := export(t, a, w.ID, false)
	b, _ := openTestStore(t)
	c, _ := openTestStore(t)
	mustImport(t, b, start)
	mustImport(t, c, start)

	mustSave(t, a.DeleteWorkshop(ctx, w.ID))
	deleted := export(t, a, w.ID, false)
	edited, err := b.Workshop(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited.Place = "Vasa"
	mustSave(t, b.UpdateWorkshop(ctx, edited))
	edit := export(t, b, w.ID, false)
	mustImport(t, c, deleted)
	mustSave(t, c.RestoreWorkshop(ctx, w.ID))
	restore := export(t, c, w.ID, false)

	orders := [][]*game.File{{deleted, edit, restore}, {edit, restore, deleted}, {restore, deleted, edit}, {deleted, restore, edit}}
	var first *game.Workshop
	for i, files := range orders {
		x, _ := openTestStore(t)
		for _, f := range files {
			mustImport(t, x, f)
		}
		got, err := x.Session(ctx, w.ID, false)
		if err != nil {
			t.Fatalf("order %d: the workshop is not live: %v", i, err)
		}
		if first == nil {
			first = &got.Workshop
			continue
		}
		if got.Workshop.Place != first.Place || got.Workshop.Updated != first.Updated || got.Workshop.Device != first.Device {
			t.Errorf("order %d ends with place %q at %v by %s; order 0 with %q at %v by %s", i,
				got.Workshop.Place, got.Workshop.Updated, got.Workshop.Device, first.Place, first.Updated, first.Device)
		}
	}
}
