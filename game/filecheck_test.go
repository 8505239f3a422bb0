package game_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"deckhand/game"
)

// TestCheckJudgesTheFormatAsReadFileDoes: the format and version are
// checked in one place, which Check asks first, so a file handed over in
// memory (the import's) is refused in the sentence ReadFile says of the
// same file, and nothing else of it is judged.
func TestCheckJudgesTheFormatAsReadFileDoes(t *testing.T) {
	tests := []struct {
		name string
		edit func(f *game.File)
	}{
		{"a deck file", func(f *game.File) { f.Format = "deckhand.deck" }},
		{"another format", func(f *game.File) { f.Format = "deckhand.print" }},
		{"a newer version", func(f *game.File) { f.Version = game.FileVersion + 1 }},
		{"no version", func(f *game.File) { f.Version = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sampleFile(t)
			tt.edit(f)
			f.Teams[0].Name = "" // not judged: the file is not one this Deckhand reads
			data, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			_, want := game.ReadFile(bytes.NewReader(data))
			err = f.Check()
			if err == nil || want == nil || err.Error() != want.Error() {
				t.Errorf("Check = %v; want what ReadFile says, %v", err, want)
			}
		})
	}
}

// TestCheckTakesAParticipantAtNoTable: a participant need not be seated at
// a table. The store keeps such a participant (its team is NULL) and the
// import took one, so refusing it here made a workshop that could not
// travel; a team that is named must still be in the file.
func TestCheckTakesAParticipantAtNoTable(t *testing.T) {
	f := sampleFile(t)
	f.Participants[0].TeamID = ""
	if err := f.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	got, err := game.ReadFile(bytes.NewReader(write(t, f)))
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	if !reflect.DeepEqual(got.Participants, f.Participants) {
		t.Errorf("participants read back = %+v; want %+v", got.Participants, f.Participants)
	}
}
