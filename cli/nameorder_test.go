package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// decks and workshops list names in the alphabetical order of the
// language the environment names for collation (LC_ALL, else LC_COLLATE,
// else LANG): Swedish and Finnish put Å, Ä and Ö after Z, English and the
// C locale among the A's and O's. Workshops stay newest first.
func TestListingsFollowTheEnvironmentsLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	names := []string{"Örebro", "Zeta Oy", "Åbo Akademi", "Aalto", "Ähtäri"}
	for _, name := range names {
		if code, _, errOut := run(t, db, "clone", "--deck", "4K data routines", "--name", name); code != ExitOK {
			t.Fatalf("clone %s: %s", name, errOut)
		}
	}
	addWorkshops(t, db, "2026-03-12", names...)
	addWorkshops(t, db, "2026-03-13", "Öst", "Väst")
	// The newer day's two workshops come first, in the same order.
	nordic := []string{"Väst", "Öst", "Aalto", "Zeta Oy", "Åbo Akademi", "Ähtäri", "Örebro"}
	english := []string{"Öst", "Väst", "Aalto", "Åbo Akademi", "Ähtäri", "Örebro", "Zeta Oy"}
	for _, tt := range []struct {
		env  map[string]string
		want []string
	}{
		{map[string]string{"LANG": "sv_SE.UTF-8"}, nordic},
		{map[string]string{"LANG": "fi_FI.UTF-8"}, nordic},
		{map[string]string{"LANG": "fi_FI@euro"}, nordic},
		{map[string]string{"LANG": "en_GB.UTF-8"}, english},
		{map[string]string{"LANG": "C.UTF-8"}, english},
		{map[string]string{}, english},
		{map[string]string{"LC_ALL": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, nordic},
		{map[string]string{"LC_COLLATE": "fi_FI.UTF-8", "LANG": "en_US.UTF-8"}, nordic},
		{map[string]string{"LC_ALL": "C", "LC_COLLATE": "sv_SE.UTF-8"}, english},
	} {
		for _, name := range []string{"LC_ALL", "LC_COLLATE", "LANG"} {
			t.Setenv(name, tt.env[name])
		}
		var decks []deckJSON
		_, out, _ := run(t, db, "decks", "--json")
		if err := json.Unmarshal([]byte(out), &decks); err != nil {
			t.Fatalf("decks --json: %v\n%s", err, out)
		}
		var gotDecks []string
		for _, d := range decks[1:] { // the default deck, "4K data routines", comes first in every language
			gotDecks = append(gotDecks, d.Name)
		}
		wantDecks := tt.want[2:]
		if !slices.Equal(gotDecks, wantDecks) {
			t.Errorf("%v: decks --json lists %q, want %q", tt.env, gotDecks, wantDecks)
		}
		if _, out, _ := run(t, db, "decks"); !inOrder(out, wantDecks) {
			t.Errorf("%v: decks lists\n%s\nwant %q", tt.env, out, wantDecks)
		}
		if _, out, _ := run(t, db, "workshops"); !inOrder(out, tt.want) {
			t.Errorf("%v: workshops lists\n%s\nwant %q", tt.env, out, tt.want)
		}
	}
}

// inOrder reports whether every name is on a line of out of its own, in
// the order given.
func inOrder(out string, names []string) bool {
	lines := strings.Split(out, "\n")
	at := 0
	for _, name := range names {
		found := slices.IndexFunc(lines[at:], func(l string) bool { return strings.Contains(l, "  "+name+"  ") || strings.HasPrefix(l, name+"  ") })
		if found < 0 {
			return false
		}
		at += found + 1
	}
	return true
}

// addWorkshops stores a workshop of each title on the day, made from the
// default deck.
func addWorkshops(t *testing.T, db, date string, titles ...string) {
	t.Helper()
	ctx := context.Background()
	store, err := OpenStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	deck, err := store.FindDeck(ctx, "4K data routines")
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range titles {
		w := &game.Workshop{ID: cards.NewID(), Title: title, Date: date, Language: "sv", DeckID: deck.ID, Deck: deck}
		if err := store.CreateWorkshop(ctx, w, []game.Team{{Name: "Bord 1"}}); err != nil {
			t.Fatal(err)
		}
	}
}
