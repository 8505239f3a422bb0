package ui

import (
	"testing"

	"deckhand/game"
	"deckhand/teamfolder"
)

// The team folder's line names each laptop as the folder knows it, this
// one as such, and says which laptop each table of the open workshop came
// from; a table from a laptop the folder does not know is left out
// rather than guessed.
func TestTheTeamLineSaysWhichLaptopEachTableCameFrom(t *testing.T) {
	this := teamfolder.Device{ID: "aaaa1111-0000", Name: "Anna", This: true}
	other := teamfolder.Device{ID: "bbbb2222-0000", Name: "Pekka"}
	unnamed := teamfolder.Device{ID: "cccc3333-0000"}
	for _, c := range []struct {
		d    teamfolder.Device
		want string
	}{
		{this, "Anna (this laptop)"},
		{teamfolder.Device{ID: "aaaa1111-0000", This: true}, "this laptop"},
		{other, "Pekka"},
		{unnamed, "cccc3333"},
	} {
		if got := deviceName(c.d); got != c.want {
			t.Errorf("deviceName(%+v) = %q; want %q", c.d, got, c.want)
		}
	}
	names := map[string]string{this.ID: deviceName(this), other.ID: deviceName(other)}
	f := &game.File{Teams: []game.Team{
		{Name: "Bord 1", Device: this.ID},
		{Name: "Bord 2", Device: other.ID},
		{Name: "Bord 3", Device: "dddd4444-from-a-file"},
	}}
	want := "Bord 1 from Anna (this laptop), Bord 2 from Pekka"
	if got := tablesByLaptop(f, names); got != want {
		t.Errorf("tablesByLaptop = %q; want %q", got, want)
	}
	if got := tablesByLaptop(f, nil); got != "" {
		t.Errorf("with no folder, tablesByLaptop = %q; want nothing", got)
	}
}
