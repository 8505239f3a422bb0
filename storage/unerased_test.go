package storage_test

import (
	"context"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// A name recorded on a laptop that had not yet received an erasure, and
// that the erasing laptop had not seen, is concurrent with the erasure:
// only the wall clocks could say which came first, and they may be wrong.
// It is kept, and every merge in which the two first meet says so.

// TestFastClockNameBeforeAnErasureIsKeptAndNamed: laptop B runs ten
// minutes fast and seats a participant two minutes before A erases.
// Neither had seen the other's change: the name is kept on both, and both
// merges that bring the two together count it; a repeat counts nothing.
func TestFastClockNameBeforeAnErasureIsKeptAndNamed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	b := skewedLaptop(t, &now, 10*time.Minute)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Fast clock erasure")
	mustImport(t, b, export(t, a, w.ID, false))

	now += time.Hour
	early := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Seated before", Role: "sales"}
	mustSave(t, b.SaveParticipant(ctx, w.ID, early))
	now += 2 * time.Minute
	if _, err := a.EraseWorkshop(ctx, w.ID, false); err != nil {
		t.Fatal(err)
	}
	erasures, err := a.Erasures(ctx, w.ID)
	if err != nil || len(erasures) != 1 {
		t.Fatalf("Erasures: %v, %v", erasures, err)
	}

	onA := mustImport(t, a, export(t, b, w.ID, false))
	onB := mustImport(t, b, export(t, a, w.ID, false))
	for name, sum := range map[string]storage.WorkshopImportSummary{"A": onA, "B": onB} {
		if sum.NotErased != 1 || !sum.NotErasedSince.Equal(erasures[0]) {
			t.Errorf("laptop %s: the merge counts %d names kept beside the erasure of %s; want 1 beside the erasure of %s",
				name, sum.NotErased, sum.NotErasedSince, erasures[0])
		}
	}
	for name, s := range map[string]*storage.Store{"A": a, "B": b} {
		if p := participantOf(t, s, w.ID, early.ID); p.Pseudonym != "Seated before" {
			t.Errorf("laptop %s: the participant the erasure had not seen is %q; want it kept", name, p.Pseudonym)
		}
	}
	if again := mustImport(t, a, export(t, b, w.ID, false)); again.NotErased != 0 {
		t.Errorf("a repeated merge counts %d names kept beside the erasure; want 0, they were counted before", again.NotErased)
	}
}

// TestNameSeatedAfterReceivingAnErasureIsNotCounted: laptop C merges A's
// erasure and then seats a participant. That change had seen the erasure,
// so when A merges C's file nothing is counted, whatever C's clock says.
func TestNameSeatedAfterReceivingAnErasureIsNotCounted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	c := skewedLaptop(t, &now, -2*time.Hour)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Seated after")
	mustImport(t, c, export(t, a, w.ID, false))

	now += time.Hour
	if _, err := a.EraseWorkshop(ctx, w.ID, false); err != nil {
		t.Fatal(err)
	}
	if sum := mustImport(t, c, export(t, a, w.ID, false)); sum.NotErased != 0 {
		t.Errorf("laptop C: merging the erasure counts %d names kept beside it; want 0, C had recorded none", sum.NotErased)
	}
	now += time.Minute
	late := &game.Participant{TeamID: teams[1].ID, Pseudonym: "Seated after", Role: "support"}
	mustSave(t, c.SaveParticipant(ctx, w.ID, late))
	if sum := mustImport(t, a, export(t, c, w.ID, false)); sum.NotErased != 0 {
		t.Errorf("laptop A: the participant C seated after receiving the erasure is counted (%d) as kept beside it; want 0", sum.NotErased)
	}
	if p := participantOf(t, a, w.ID, late.ID); p.Pseudonym != "Seated after" {
		t.Errorf("laptop A: the participant seated after the erasure is %q; want it kept", p.Pseudonym)
	}
}
