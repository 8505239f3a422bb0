package room

import (
	"bytes"
	"testing"

	"deckhand/assets"
	"deckhand/game"
)

// The room view's matrix has a point per play rated from both
// perspectives; a play in a blind round has none, so the room does not
// see its ratings before they are revealed.
func TestTheRoomMatrixLeavesOutABlindRound(t *testing.T) {
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		t.Fatal(err)
	}
	all := matrixPoints(f, "")
	if len(all) == 0 {
		t.Fatal("the example workshop has no play on the matrix")
	}
	var blind game.Play
	for _, p := range f.Plays {
		if !p.Deleted && p.Code == all[0].Label {
			blind = p
			break
		}
	}
	hidden := matrixPoints(f, blind.ID)
	if len(hidden) != len(all)-1 {
		t.Errorf("with %s in a blind round the matrix has %d points, want %d", blind.Code, len(hidden), len(all)-1)
	}
	if len(f.Ratings) == 0 || len(matrixPoints(f, "")) != len(all) {
		t.Error("leaving out a blind round changed the session itself")
	}
}
