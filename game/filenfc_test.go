package game_test

import (
	"bytes"
	"testing"

	"deckhand/game"
)

func TestReadFileComposesDecomposedLetters(t *testing.T) {
	f := sampleFile(t)
	f.Workshop.Title = "Wo\u0308rkshop"
	f.Teams[0].Name = "Bord fo\u0308rst"
	f.Paths[0].Name = "O\u0308ppen redovisning"
	f.Notes[1].Text = "Bord 2 ga\u030ar fo\u0308rst."
	f.Workshop.Deck.Cards[0].Title["sv"] = "Sa\u0308ker"
	got, err := game.ReadFile(bytes.NewReader(write(t, f)))
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	for _, tt := range []struct{ got, want string }{
		{got.Workshop.Title, "Wörkshop"},
		{got.Teams[0].Name, "Bord först"},
		{got.Paths[0].Name, "Öppen redovisning"},
		{got.Notes[1].Text, "Bord 2 går först."},
		{got.Workshop.Deck.Cards[0].Title["sv"], "Säker"},
	} {
		if tt.got != tt.want {
			t.Errorf("read %+q, want %+q", tt.got, tt.want)
		}
	}
}
