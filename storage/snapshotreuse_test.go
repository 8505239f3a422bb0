package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// A file that reuses a stored workshop's id but carries another deck
// snapshot is another workshop: it is refused, naming the workshop and what
// differs, and nothing in the database changes, not even in a preview.
func TestImportRefusesAStoredWorkshopsIDWithAnotherDeck(t *testing.T) {
	t.Parallel()
	a, d := openTestStore(t)
	r := newRich(t, a, d)
	b, db := laptop(t)
	mustImport(t, b, export(t, a, r.w.ID, false))
	played := map[string]bool{}
	for _, p := range export(t, a, r.w.ID, false).Plays {
		played[p.Code], played[p.Role] = true, true
		for _, i := range p.Interactions {
			played[i] = true
		}
	}
	unplayed := d.Cards[len(d.Cards)-1].Code
	if played[unplayed] {
		t.Fatalf("card %s is played; the test needs an unplayed one", unplayed)
	}
	tests := []struct {
		name string
		edit func(f *game.File)
		says string
	}{
		{"a card X99 added", func(f *game.File) {
			x := f.Workshop.Deck.Cards[0]
			x.Code, x.ID = "X99", ""
			f.Workshop.Deck.Cards = append(f.Workshop.Deck.Cards, x)
		}, "card X99 is in the file's deck but not in the stored one"},
		{"a rating scale of 1 to 100", func(f *game.File) {
			for i, c := range f.Workshop.Deck.Criteria {
				if c.Key == "desirability" {
					f.Workshop.Deck.Criteria[i].Max = 100
				}
			}
		}, "criterion desirability is rated 1–100 in the file but 1–5 here"},
		{"an unplayed card left out", func(f *game.File) {
			f.Workshop.Deck.Cards = f.Workshop.Deck.Cards[:len(f.Workshop.Deck.Cards)-1]
		}, "card " + unplayed + " is in the stored deck but not in the file's"},
		{"a card's title changed", func(f *game.File) { f.Workshop.Deck.Cards[0].Title["en"] += " (edited)" },
			"card " + d.Cards[0].Code + " is not the same in the two decks"},
		{"the deck renamed", func(f *game.File) { f.Workshop.Deck.Name += " (copy)" },
			"their names, languages, card types or boards differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := export(t, a, r.w.ID, false)
			f.Workshop.Updated = f.Workshop.Updated.Add(time.Hour) // would win if merged
			f.Workshop.Title += " (newer)"
			tt.edit(f)
			before := dump(t, db)
			want := `the file's workshop "Rich (newer)" has the id of the workshop "Rich" stored here but another deck (` + tt.says + ")"
			_, err := b.PreviewImport(context.Background(), f)
			if !errors.Is(err, storage.ErrBadFile) || !strings.Contains(err.Error(), want) {
				t.Errorf("PreviewImport = %v; want ErrBadFile saying %q", err, want)
			}
			_, err = b.ImportWorkshop(context.Background(), f)
			if !errors.Is(err, storage.ErrBadFile) || !strings.Contains(err.Error(), want) {
				t.Errorf("ImportWorkshop = %v; want ErrBadFile saying %q", err, want)
			}
			if after := dump(t, db); after != before {
				t.Errorf("a refused file changed the database")
			}
		})
	}
	// The same snapshot, however it is written (no card ids, lists left
	// out), is the same deck and merges.
	f := export(t, a, r.w.ID, false)
	f.Workshop.Deck.ID = ""
	for i := range f.Workshop.Deck.Cards {
		f.Workshop.Deck.Cards[i].ID = ""
	}
	if len(f.Workshop.Deck.Themes) == 0 {
		f.Workshop.Deck.Themes = nil
	}
	if sum := mustImport(t, b, f); sum.Added+sum.Updated+sum.Deleted != 0 {
		t.Errorf("the same file again changed %+v; want nothing", sum)
	}
}
