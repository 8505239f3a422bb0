package storage_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

func TestImportIntoCountsAndKeepsIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		edit    func(file *cards.Deck) // from the default deck
		removed string                 // code of the card the file lacks
		want    storage.ImportSummary
	}{
		{"change, add at the end, drop the last", func(f *cards.Deck) {
			f.Cards[0].Title["sv"] = "Samla bara det nödvändiga"
			f.Cards = append(f.Cards[:len(f.Cards)-1], newRoutine("R41"))
		}, "B04", storage.ImportSummary{Added: 1, Updated: 1, Removed: 1, Unchanged: defaultDeckCards - 2}},
		{"change, add at the end, drop one in the middle", func(f *cards.Deck) {
			f.Cards[0].Title["sv"] = "Samla bara det nödvändiga"
			f.Cards = append(slices.Delete(f.Cards, 4, 5), newRoutine("R41"))
		}, "R05", storage.ImportSummary{Added: 1, Updated: 1, Removed: 1, Unchanged: defaultDeckCards - 2}},
		{"add one in the middle", func(f *cards.Deck) {
			f.Cards = slices.Insert(f.Cards, 10, newRoutine("R41"))
		}, "", storage.ImportSummary{Added: 1, Unchanged: defaultDeckCards}},
		// A card that only moved counts as unchanged, but the deck must
		// still take the file's order.
		{"swap two cards", func(f *cards.Deck) {
			f.Cards[0], f.Cards[1] = f.Cards[1], f.Cards[0]
		}, "", storage.ImportSummary{Unchanged: defaultDeckCards}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, d := openTestStore(t)
			file := defaultDeck(t)
			file.Name = "Whatever the file calls it"
			tt.edit(file)
			sum, err := s.ImportInto(ctx, d.ID, file)
			if err != nil {
				t.Fatalf("ImportInto: %v", err)
			}
			if sum != tt.want {
				t.Errorf("summary = %+v, want %+v", sum, tt.want)
			}
			got := mustDeck(t, s, d.ID)
			if got.Name != d.Name {
				t.Errorf("the deck's name became %q; an import keeps it", got.Name)
			}
			codes := func(cs []cards.Card) (out []string) {
				for _, c := range cs {
					out = append(out, c.Code)
				}
				return out
			}
			if g, w := codes(got.Cards), codes(file.Cards); !slices.Equal(g, w) {
				t.Errorf("cards after import %v, want the file's order %v", g, w)
			}
			for _, c := range got.Cards {
				if i := d.CardByCode(c.Code); i >= 0 && d.Cards[i].ID != c.ID {
					t.Errorf("card %s: id %s after import, want its old id %s", c.Code, c.ID, d.Cards[i].ID)
				}
			}
			if i := got.CardByCode("R01"); !reflect.DeepEqual(got.Cards[i].Title, file.Cards[file.CardByCode("R01")].Title) {
				t.Errorf("R01 title after import = %v", got.Cards[i].Title)
			}
			if tt.removed != "" {
				db := rawDB(t, s.Path())
				gone := cardByCode(t, d, tt.removed)
				if n := queryInt(t, db, "SELECT COUNT(*) FROM cards WHERE id = ? AND deleted_at IS NOT NULL", gone.ID); n != 1 {
					t.Errorf("the card the file lacks (%s) is not a tombstone", tt.removed)
				}
			}
		})
	}
}

// Importing the same file twice changes nothing the second time, and does
// not start a new edition of a printed deck.
func TestImportSameFileTwice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	if err := s.MarkPrinted(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	file := defaultDeck(t)
	file.Cards[2].Body["en"] = "Changed in the spreadsheet."
	if _, err := s.ImportInto(ctx, d.ID, file.Clone()); err != nil {
		t.Fatal(err)
	}
	if got := mustDeck(t, s, d.ID).Edition; got != 2 {
		t.Fatalf("edition after importing a change into a printed deck = %d, want 2", got)
	}
	if err := s.MarkPrinted(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	before := mustDeck(t, s, d.ID)
	db := rawDB(t, s.Path())
	var updated string
	if err := db.QueryRow("SELECT updated_at FROM decks WHERE id = ?", d.ID).Scan(&updated); err != nil {
		t.Fatal(err)
	}

	sum, err := s.ImportInto(ctx, d.ID, file.Clone())
	if err != nil {
		t.Fatal(err)
	}
	if want := (storage.ImportSummary{Unchanged: defaultDeckCards}); sum != want {
		t.Errorf("second import summary = %+v, want %+v", sum, want)
	}
	if after := mustDeck(t, s, d.ID); !reflect.DeepEqual(after, before) {
		t.Errorf("the second import changed the deck (edition %d, was %d)", after.Edition, before.Edition)
	}
	var again string
	if err := db.QueryRow("SELECT updated_at FROM decks WHERE id = ?", d.ID).Scan(&again); err != nil || again != updated {
		t.Errorf("updated_at moved from %s to %s on an import that changed nothing", updated, again)
	}
}

func TestImportIntoKeepsTheDecksIdentity(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	clone, err := s.CloneDeck(ctx, d.ID, "Kund AB", "Kund AB")
	if err != nil {
		t.Fatal(err)
	}
	file := defaultDeck(t)
	file.Client, file.Parent, file.Description = "Someone else", "", nil
	file.Cards[0].Copies = 5
	if _, err := s.ImportInto(ctx, clone.ID, file); err != nil {
		t.Fatal(err)
	}
	got := mustDeck(t, s, clone.ID)
	if got.Name != "Kund AB" || got.Client != "Kund AB" || got.Parent != d.ID || !reflect.DeepEqual(got.Description, d.Description) {
		t.Errorf("after import: name %q, client %q, parent %q, description %v; want the deck's own",
			got.Name, got.Client, got.Parent, got.Description)
	}
	if src := mustDeck(t, s, d.ID); !reflect.DeepEqual(src, d) {
		t.Error("importing into the clone changed its source")
	}
}

func TestImportInvalidFileChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	rows := rowCounts(t, db)
	file := defaultDeck(t)
	file.Cards[0].Title["sv"] = "Ändrad"                   // a change that must not land
	file.Cards[5].Type = "poem"                            // unknown type
	file.Cards = append(file.Cards, file.Cards[1].Clone()) // a duplicate code
	_, err := s.ImportInto(ctx, d.ID, file)
	requireProblems(t, err)
	if got := mustDeck(t, s, d.ID); !reflect.DeepEqual(got, d) {
		t.Error("an invalid file changed the deck")
	}
	if after := rowCounts(t, db); !reflect.DeepEqual(after, rows) {
		t.Errorf("rows before %v, after %v", rows, after)
	}
	if _, err := s.ImportInto(ctx, "no-such-deck", defaultDeck(t)); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("ImportInto(unknown deck) err = %v; want ErrNotFound", err)
	}
}
