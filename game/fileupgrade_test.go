package game_test

import (
	"bytes"
	"strings"
	"testing"

	"deckhand/game"
)

// A version 1 file reads as version 2: every record names the file's
// device, a rating's time of change is when it was given, and a rating or
// note that version 1 marked deleted together with its deleted play is
// live by itself again (out of sight with the play), while one deleted on
// its own stays deleted.
func TestReadFileUpgradesVersion1(t *testing.T) {
	f := sampleFile(t)
	// As version 1 wrote it: no devices, no rating times of change, and p4
	// taken off the board with its rating and note marked deleted too.
	f.Version = 1
	f.Erasures = nil
	f.Workshop.Device = ""
	for i := range f.Teams {
		f.Teams[i].Device = ""
	}
	for i := range f.Ratings {
		f.Ratings[i].Device = ""
	}
	for i := range f.Notes {
		f.Notes[i].Device = ""
	}
	f.Ratings = append(f.Ratings, game.Rating{ID: "r6", PlayID: "p4", Criterion: "desirability", Value: 2, Rater: game.RaterTeam, At: f.Ratings[0].At, Deleted: true})
	f.Notes = append(f.Notes, game.Note{ID: "n5", TeamID: "t1", PlayID: "p4", Kind: game.NoteIdea, Text: "about the card taken off", At: f.Notes[0].At, Updated: f.Notes[0].At, Deleted: true})
	data := bytes.Replace(write(t, f), []byte(`"version": 4,`), []byte(`"version": 1,`), 1)

	got, err := game.ReadFile(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadFile(version 1): %v", err)
	}
	if got.Version != game.FileVersion {
		t.Errorf("read as version %d; want %d", got.Version, game.FileVersion)
	}
	if got.Workshop.Device != "laptop-1" || got.Teams[0].Device != "laptop-1" || got.Notes[0].Device != "laptop-1" {
		t.Errorf("devices: workshop %q, team %q, note %q; want the file's laptop-1", got.Workshop.Device, got.Teams[0].Device, got.Notes[0].Device)
	}
	state := map[string]bool{}
	for _, r := range got.Ratings {
		state[r.ID] = r.Deleted
		if !r.Updated.Equal(r.At) {
			t.Errorf("rating %s: updated_at %v; want its at %v", r.ID, r.Updated, r.At)
		}
	}
	for _, n := range got.Notes {
		state[n.ID] = n.Deleted
	}
	for id, deleted := range map[string]bool{"r6": false, "n5": false, "r5": true, "n4": true} {
		if state[id] != deleted {
			t.Errorf("%s: deleted=%v after reading version 1; want %v", id, state[id], deleted)
		}
	}
	if again := write(t, got); !strings.Contains(string(again), `"version": 4,`) {
		t.Error("a version 1 file read and written again is not of the current version")
	}
}
