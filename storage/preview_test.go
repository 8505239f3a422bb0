package storage_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"deckhand/assets"
	"deckhand/game"
)

// A merge shows what it will do before it does it: the preview counts
// exactly what the import then does, and changes nothing itself.
func TestPreviewImportCountsWithoutChanging(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTestStore(t)
	s.Now = clockFrom(time.Date(2026, 3, 13, 9, 0, 0, 0, time.UTC)) // the day after the example workshop
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, s.Path())
	defer db.Close()
	counts := func() map[string]int {
		out := map[string]int{}
		for _, table := range []string{"workshops", "teams", "participants", "paths", "plays", "ratings", "notes"} {
			out[table] = queryInt(t, db, "SELECT COUNT(*) FROM "+table)
		}
		return out
	}
	before := counts()
	preview, err := s.PreviewImport(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if after := counts(); !equalCounts(before, after) || after["plays"] != 0 {
		t.Fatalf("the preview changed the database: %v → %v", before, after)
	}
	done, err := s.ImportWorkshop(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(preview, done) || done.Added == 0 || counts()["plays"] == 0 {
		t.Errorf("preview %+v, import %+v", preview, done)
	}
	again, err := s.PreviewImport(ctx, f)
	if err != nil || again.Added+again.Updated+again.Deleted != 0 {
		t.Errorf("preview of a file already imported: %+v, %v", again, err)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
