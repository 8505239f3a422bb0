package storage_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
)

// snapshotOf is the stored hash and text of a workshop's deck snapshot.
func snapshotOf(tb testing.TB, db *sql.DB, workshopID string) (hash, text string) {
	tb.Helper()
	err := db.QueryRow(`SELECT w.deck_hash, s.snapshot FROM workshops w JOIN deck_snapshots s ON s.hash = w.deck_hash WHERE w.id = ?`,
		workshopID).Scan(&hash, &text)
	if err != nil {
		tb.Fatalf("the deck snapshot of workshop %s: %v", workshopID, err)
	}
	return hash, text
}

// requireSnapshots fails unless the database holds n deck snapshots, each
// named by the SHA-256 of its text and used by a workshop.
func requireSnapshots(tb testing.TB, db *sql.DB, n int, when string) {
	tb.Helper()
	rows, err := db.Query(`SELECT hash, snapshot, (SELECT COUNT(*) FROM workshops w WHERE w.deck_hash = s.hash) FROM deck_snapshots s`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	got := 0
	for rows.Next() {
		var hash, text string
		var users int
		if err := rows.Scan(&hash, &text, &users); err != nil {
			tb.Fatal(err)
		}
		got++
		if sum := sha256.Sum256([]byte(text)); hex.EncodeToString(sum[:]) != hash {
			tb.Errorf("%s: the snapshot stored as %s has the SHA-256 %x", when, hash, sum)
		}
		if users == 0 {
			tb.Errorf("%s: the snapshot %s is stored, but no workshop uses it", when, hash)
		}
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	if got != n {
		tb.Errorf("%s: %d deck snapshots stored; want %d", when, got, n)
	}
}

// Workshops played with the same deck edition share one stored snapshot,
// the deck as JSON, byte for byte; another edition has its own. A retried
// create that carries another deck keeps the snapshot stored first and
// stores no other, and an erasure leaves the snapshot as it is: it holds
// the deck, not the workshop's people.
func TestWorkshopsOfOneDeckEditionShareOneSnapshot(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	monday, _ := newWorkshop(t, s, d, "Monday")
	tuesday, _ := newWorkshop(t, s, d, "Tuesday")
	edited := d.Clone()
	edited.Edition++
	edited.Cards[0].Title["en"] += " (edited)"
	wednesday, _ := newWorkshop(t, s, edited, "Wednesday")
	requireSnapshots(t, db, 2, "after three workshops of two editions")

	want, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	mondayHash, text := snapshotOf(t, db, monday.ID)
	if text != string(want) {
		t.Errorf("Monday's stored snapshot is not the deck's JSON:\n%.300s\nwant\n%.300s", text, want)
	}
	if hash, _ := snapshotOf(t, db, tuesday.ID); hash != mondayHash {
		t.Errorf("Tuesday's snapshot is %s, Monday's %s; the same edition should share one", hash, mondayHash)
	}
	if hash, _ := snapshotOf(t, db, wednesday.ID); hash == mondayHash {
		t.Errorf("Wednesday's edited deck shares Monday's snapshot %s", hash)
	}

	retry := *monday
	retry.Deck = edited.Clone()
	retry.Deck.Name = "Another deck"
	mustSave(t, s.CreateWorkshop(ctx, &retry, nil))
	requireSnapshots(t, db, 2, "after a retried create with another deck")
	if hash, _ := snapshotOf(t, db, monday.ID); hash != mondayHash {
		t.Errorf("the retried create changed Monday's snapshot to %s", hash)
	}

	if _, err := s.EraseWorkshop(ctx, monday.ID, true); err != nil {
		t.Fatal(err)
	}
	requireSnapshots(t, db, 2, "after an erasure")
	if _, text := snapshotOf(t, db, monday.ID); text != string(want) {
		t.Errorf("the erasure changed Monday's snapshot")
	}
	mustSave(t, s.Close())
	reopened := openStore(t, s.Path()) // reads the snapshots from the file, not the cache
	for _, w := range []string{monday.ID, wednesday.ID} {
		got, err := reopened.Workshop(ctx, w)
		if err != nil {
			t.Fatal(err)
		}
		if wantName := map[string]string{monday.ID: d.Name, wednesday.ID: edited.Name}[w]; got.Deck.Name != wantName || got.Deck.Edition == 0 {
			t.Errorf("workshop %s reads the deck %q edition %d; want %q", w, got.Deck.Name, got.Deck.Edition, wantName)
		}
	}
}

// A workshop merged from a file stores its snapshot once too, shared with
// the workshops here played with the same edition, and so does the
// tombstone of a workshop deleted before it ever came here.
func TestMergedWorkshopsShareTheStoredSnapshots(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	monday, _ := newWorkshop(t, a, d, "Monday")
	tuesday, _ := newWorkshop(t, a, d, "Tuesday")
	mustSave(t, a.DeleteWorkshop(ctx, tuesday.ID))
	b, bdb := laptop(t)
	here, _ := newWorkshop(t, b, d, "Here")
	mustImport(t, b, export(t, a, monday.ID, false))
	mustImport(t, b, export(t, a, tuesday.ID, false))
	if n := queryInt(t, bdb, `SELECT COUNT(*) FROM workshops`); n != 3 {
		t.Fatalf("laptop b holds %d workshops; want 3", n)
	}
	requireSnapshots(t, bdb, 1, "after merging a workshop and a tombstone of the same edition")
	hash, _ := snapshotOf(t, bdb, here.ID)
	for _, w := range []string{monday.ID, tuesday.ID} {
		if got, _ := snapshotOf(t, bdb, w); got != hash {
			t.Errorf("the merged workshop %s names the snapshot %s; the one stored is %s", w, got, hash)
		}
	}
	_, text := snapshotOf(t, rawDB(t, a.Path()), monday.ID)
	if _, got := snapshotOf(t, bdb, monday.ID); got != text {
		t.Errorf("the merged snapshot differs from the one of the laptop it came from")
	}
	mustSave(t, a.DeleteWorkshop(ctx, monday.ID))
	mustImport(t, b, export(t, a, monday.ID, false))
	mustSave(t, b.RestoreWorkshop(ctx, monday.ID))
	requireSnapshots(t, bdb, 1, "after merging the workshop's deletion and restoring it")
	if got, err := b.Workshop(ctx, monday.ID); err != nil || got.Deck.Name != d.Name {
		t.Errorf("the restored workshop reads %v, %v; want its deck %q", got, err, d.Name)
	}
}

// A workshop whose snapshot is no longer stored is a broken link that
// Check names; loading the workshop says its snapshot is missing.
func TestCheckFindsAWorkshopWithoutItsSnapshot(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, _ := newWorkshop(t, s, d, "Monday")
	mustSave(t, s.Close())
	db := rawDB(t, s.Path()) // foreign keys are off: SQLite's default
	if _, err := db.Exec(`DELETE FROM deck_snapshots`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openStore(t, s.Path())
	report, err := s.Check(ctx)
	if err != nil || report.OK || len(report.Problems) != 1 {
		t.Fatalf("Check = %+v, %v; want one problem", report, err)
	}
	want := "a workshop refers to a workshop's deck snapshot that is missing (table workshops, row "
	if p := report.Problems[0].String(); !strings.HasPrefix(p, want) {
		t.Errorf("problem %q; want it to start %q", p, want)
	}
	if _, err := s.Workshop(ctx, w.ID); err == nil || !strings.Contains(err.Error(), "deck snapshot of workshop "+w.ID+" is missing") {
		t.Errorf("Workshop without its snapshot = %v; want it to say the snapshot is missing", err)
	}
}
