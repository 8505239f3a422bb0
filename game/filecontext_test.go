package game_test

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"deckhand/game"
)

// TestReadFileVersion2HasNoContexts: a version 2 file (the example as
// version 2 wrote it) still reads, every record and erasure without a
// causal context, and written again it is the current version with nothing added.
func TestReadFileVersion2HasNoContexts(t *testing.T) {
	data, err := os.ReadFile("testdata/workshop-v2.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"version": 2,`)) {
		t.Fatal("testdata/workshop-v2.json is not a version 2 file")
	}
	f, err := game.ReadFile(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadFile(version 2): %v", err)
	}
	if f.Workshop.Context != nil {
		t.Errorf("workshop context %v; want none", f.Workshop.Context)
	}
	for _, p := range f.Participants {
		if p.Context != nil {
			t.Errorf("participant %s: context %v; want none", p.ID, p.Context)
		}
	}
	for _, n := range f.Notes {
		if n.Context != nil {
			t.Errorf("note %s: context %v; want none", n.ID, n.Context)
		}
	}
	again := write(t, f)
	if want := bytes.Replace(data, []byte(`"version": 2,`), []byte(`"version": 4,`), 1); !bytes.Equal(again, want) {
		t.Error("the version 2 file written again differs from it by more than its version")
	}
}

// TestFileKeepsContextsAndErasureHashes: the causal context of a record and
// an erasure's context and hashes are written and read back as they were.
func TestFileKeepsContextsAndErasureHashes(t *testing.T) {
	f := sampleFile(t)
	f.Teams[0].Context = game.Context{"laptop-2": 1773306300000000001}
	f.Erasures = append(f.Erasures, game.Erasure{ID: "e-context", What: game.ErasedNames, At: f.Workshop.Updated,
		Device: "laptop-1", Context: game.Context{"laptop-1": 5, "laptop-2": 7}, Hashes: []string{"ab", "cd"}})
	data := write(t, f)
	for _, want := range []string{`"context": {`, `"laptop-2": 1773306300000000001`, `"hashes": [`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the file does not hold %s", want)
		}
	}
	got, err := game.ReadFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Teams[0].Context, f.Teams[0].Context) {
		t.Errorf("team context read back as %v; want %v", got.Teams[0].Context, f.Teams[0].Context)
	}
	e := got.Erasures[len(got.Erasures)-1]
	if !reflect.DeepEqual(e.Context, game.Context{"laptop-1": 5, "laptop-2": 7}) || !reflect.DeepEqual(e.Hashes, []string{"ab", "cd"}) {
		t.Errorf("erasure read back as %+v", e)
	}
}
