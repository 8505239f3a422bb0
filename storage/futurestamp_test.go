package storage_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// TestImportRefusesStampFromTheFarFuture: a workshop file with a change
// stamped 9999-12-31 is refused with a sentence naming the stamp, nothing
// is merged, and the store's clock stays with this laptop's: the next
// change made here is stamped now, not after 9999.
func TestImportRefusesStampFromTheFarFuture(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, bdb := laptop(t)
	mustImport(t, b, export(t, a, r.w.ID, false))

	f := export(t, a, r.w.ID, false)
	far := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	i := slices.IndexFunc(f.Notes, func(n game.Note) bool { return n.ID == r.n1.ID })
	f.Notes[i].Text = "From the far future"
	f.Notes[i].Updated = far
	before := dump(t, bdb)
	_, err := b.ImportWorkshop(ctx, f)
	if !errors.Is(err, storage.ErrBadFile) {
		t.Fatalf("import of a file stamped %s: err = %v; want a refusal (ErrBadFile)", far, err)
	}
	for _, want := range []string{"9999-12-31 23:59 UTC", "more than a day after this laptop's clock", "nothing was merged", "Set right whichever clock is wrong"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q does not say %q", err, want)
		}
	}
	if after := dump(t, bdb); after != before {
		t.Errorf("the refused import changed the database:\nbefore %s\nafter %s", before, after)
	}

	// The next change here is stamped by this laptop's clock.
	notes := session(t, b, r.w.ID, false).Notes
	n := notes[slices.IndexFunc(notes, func(n game.Note) bool { return n.ID == r.n1.ID })]
	n.Text = "Edited here"
	mustSave(t, b.SaveNote(ctx, r.w.ID, &n))
	if n.Updated.Year() > 2026 {
		t.Errorf("a note edited after the refused import is stamped %s; want this laptop's time", n.Updated)
	}

	// A day ahead is still a clock that is a little off: merged.
	f.Notes[i].Updated = b.Now().Add(23 * time.Hour)
	if _, err := b.ImportWorkshop(ctx, f); err != nil {
		t.Errorf("import of a file stamped 23 hours ahead: %v; want it merged", err)
	}
	notes = session(t, b, r.w.ID, false).Notes
	if got := notes[slices.IndexFunc(notes, func(n game.Note) bool { return n.ID == r.n1.ID })].Text; got != "From the far future" {
		t.Errorf("after importing the file stamped 23 hours ahead the note reads %q; want the file's", got)
	}
}
