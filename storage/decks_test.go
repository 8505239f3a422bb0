package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

func TestSeedDefaultDeckOnlyOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	s := openStore(t, path)
	if seeded, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil || !seeded {
		t.Fatalf("first SeedDefaultDeck = %v, %v; want true", seeded, err)
	}
	if seeded, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil || seeded {
		t.Fatalf("second SeedDefaultDeck = %v, %v; want false", seeded, err)
	}
	ds, err := s.Decks(ctx)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Decks = %v, %v; want the default deck once", ds, err)
	}
	if err := s.DeleteDeck(ctx, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openStore(t, path) // a later start of the app
	if seeded, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil || seeded {
		t.Errorf("SeedDefaultDeck after the deck was deleted = %v, %v; want false", seeded, err)
	}
	if ds, err := s.Decks(ctx); err != nil || len(ds) != 0 {
		t.Errorf("Decks = %v, %v; the deleted default deck came back", ds, err)
	}
}

func TestDecksListsSummaries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	clone, err := s.CloneDeck(ctx, d.ID, "Asiakas Oy", "Asiakas Oy")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCard(ctx, clone.ID, clone.Cards[0].ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Decks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"sv", "fi", "en"}
	want := []storage.DeckSummary{ // by name, in any case
		{ID: d.ID, Name: "4K data routines", Edition: 1, Languages: langs, Cards: defaultDeckCards},
		{ID: clone.ID, Name: "Asiakas Oy", Client: "Asiakas Oy", Parent: d.ID, Edition: 1, Languages: langs, Cards: defaultDeckCards - 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Decks =\n%+v\nwant\n%+v", got, want)
	}
}

func TestDeckLoadsCardsInOrderInAllLanguages(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	got := mustDeck(t, s, d.ID)
	want := defaultDeck(t)
	seen := map[string]bool{}
	for i := range got.Cards {
		if id := got.Cards[i].ID; id == "" || seen[id] {
			t.Errorf("card %s has id %q; want a unique id", got.Cards[i].Code, id)
		} else {
			seen[id] = true
		}
	}
	stripIDs(got)
	for i := range min(len(got.Cards), len(want.Cards)) {
		if g, w := got.Cards[i], want.Cards[i]; !reflect.DeepEqual(g, w) {
			t.Errorf("card %d:\n got %+v\nwant %+v", i+1, g, w)
		}
	}
	if len(got.Cards) != len(want.Cards) {
		t.Errorf("%d cards, want %d", len(got.Cards), len(want.Cards))
	}
	got.Cards, want.Cards = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("deck without cards:\n got %+v\nwant %+v", got, want)
	}
}

func TestFindDeck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	nordic, err := s.CloneDeck(ctx, d.ID, "Öppna data för Åbo", "")
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.CloneDeck(ctx, d.ID, "Removed", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDeck(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, wantID string
	}{
		{"4K data routines", d.ID},
		{"4k DATA Routines", d.ID},
		{d.ID, d.ID},
		{nordic.ID, nordic.ID},
		{"Öppna data för Åbo", nordic.ID},
		{"öppna data för åbo", nordic.ID},
		{"ÖPPNA DATA FÖR ÅBO", nordic.ID},
		{"no such deck", ""},
		{"Removed", ""},
		{gone.ID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := s.FindDeck(ctx, tt.query)
			if tt.wantID == "" {
				if !errors.Is(err, storage.ErrNotFound) {
					t.Errorf("FindDeck = %v, %v; want ErrNotFound", got, err)
				}
				return
			}
			if err != nil || got.ID != tt.wantID {
				t.Fatalf("FindDeck = %v, %v; want deck %s", got, err, tt.wantID)
			}
			if len(got.Cards) != defaultDeckCards {
				t.Errorf("found deck has %d cards, want %d", len(got.Cards), defaultDeckCards)
			}
		})
	}
}

func TestCreateDeckGivesNewIDs(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	file := defaultDeck(t)
	file.Name = "From a file"
	file.ID, file.Parent = d.ID+"-elsewhere", "a-deck-in-another-database"
	for i := range file.Cards {
		file.Cards[i].ID = d.Cards[i].ID // ids of the deck it was exported from
	}
	if err := s.CreateDeck(context.Background(), file); err != nil {
		t.Fatal(err)
	}
	got := mustDeck(t, s, file.ID)
	if got.Parent != "" {
		t.Errorf("Parent = %q; a parent from another database must be dropped", got.Parent)
	}
	if len(got.Cards) != defaultDeckCards {
		t.Fatalf("%d cards, want %d", len(got.Cards), defaultDeckCards)
	}
	for i, c := range got.Cards {
		if c.ID == d.Cards[i].ID || c.ID != file.Cards[i].ID {
			t.Errorf("card %s: id %s (file says %s, source %s); want a new id, set on the deck passed in", c.Code, c.ID, file.Cards[i].ID, d.Cards[i].ID)
		}
	}
	if src := mustDeck(t, s, d.ID); !reflect.DeepEqual(src, d) {
		t.Error("creating a deck with another deck's card ids changed that deck")
	}
}

func TestCreateDeckRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edit  func(d *cards.Deck)
		check func(t *testing.T, err error)
	}{
		{"invalid deck", func(d *cards.Deck) {
			d.Name = "Broken"
			d.Cards[3].Type = "no-such-type"
			d.Cards[7].Title["fi"] = ""
		}, func(t *testing.T, err error) {
			if ps := requireProblems(t, err); len(ps) != 2 {
				t.Errorf("problems = %v; want the two broken cards", ps.Lines())
			}
		}},
		{"name taken", func(d *cards.Deck) { d.Name = "4K DATA ROUTINES" }, wantErr(storage.ErrNameTaken)},
		{"name taken, non-ASCII case", func(d *cards.Deck) { d.Name = "åland" }, wantErr(storage.ErrNameTaken)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, d := openTestStore(t)
			if _, err := s.CloneDeck(ctx, d.ID, "Åland", ""); err != nil {
				t.Fatal(err)
			}
			db := rawDB(t, s.Path())
			before := rowCounts(t, db)
			deck := defaultDeck(t)
			tt.edit(deck)
			err := s.CreateDeck(ctx, deck)
			tt.check(t, err)
			if after := rowCounts(t, db); !reflect.DeepEqual(after, before) {
				t.Errorf("rows before %v, after %v; a refused deck must change nothing", before, after)
			}
		})
	}
}

func TestUpdateDeck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	other, err := s.CloneDeck(ctx, d.ID, "Kund AB", "Kund AB")
	if err != nil {
		t.Fatal(err)
	}

	renamed := mustDeck(t, s, d.ID)
	renamed.Name = "Datarutiner"
	renamed.Description["en"] = "Renamed."
	renamed.Cards = nil // UpdateDeck saves the deck's own fields, not its cards
	if err := s.UpdateDeck(ctx, renamed); err != nil {
		t.Fatalf("UpdateDeck(rename): %v", err)
	}
	got, err := s.FindDeck(ctx, "datarutiner")
	if err != nil || got.ID != d.ID || got.Description["en"] != "Renamed." {
		t.Fatalf("FindDeck(new name) = %+v, %v", got, err)
	}
	if !reflect.DeepEqual(got.Cards, d.Cards) {
		t.Error("renaming the deck changed its cards")
	}

	refusals := []struct {
		name  string
		edit  func(d *cards.Deck)
		check func(t *testing.T, err error)
	}{
		{"another deck's name", func(x *cards.Deck) { x.Name = "kund ab" }, wantErr(storage.ErrNameTaken)},
		{"a language the cards use", func(x *cards.Deck) { x.Languages = []string{"sv", "en"} }, func(t *testing.T, err error) { requireProblems(t, err) }},
		{"unknown deck", func(x *cards.Deck) { x.ID = "no-such-deck" }, wantErr(storage.ErrNotFound)},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			before := mustDeck(t, s, d.ID)
			edit := before.Clone()
			tt.edit(edit)
			tt.check(t, s.UpdateDeck(ctx, edit))
			if after := mustDeck(t, s, d.ID); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused update changed the deck:\n got %+v\nwant %+v", after, before)
			}
		})
	}
	if o := mustDeck(t, s, other.ID); o.Name != "Kund AB" {
		t.Errorf("the other deck is now named %q", o.Name)
	}
}

func TestDeleteAndRestoreDeck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	other, err := s.CloneDeck(ctx, d.ID, "Other", "")
	if err != nil {
		t.Fatal(err)
	}
	earlier := cardByCode(t, d, "R05")
	if err := s.DeleteCard(ctx, d.ID, earlier.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDeck(ctx, d.ID); err != nil {
		t.Fatalf("DeleteDeck: %v", err)
	}
	if _, err := s.Deck(ctx, d.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Deck(deleted) err = %v; want ErrNotFound", err)
	}
	if err := s.DeleteDeck(ctx, d.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("DeleteDeck(deleted) err = %v; want ErrNotFound", err)
	}

	db := rawDB(t, s.Path())
	var deckDeleted string
	if err := db.QueryRow("SELECT deleted_at FROM decks WHERE id = ? AND deleted_at IS NOT NULL", d.ID).Scan(&deckDeleted); err != nil {
		t.Fatalf("the deck row is not a tombstone: %v", err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM cards WHERE deck_id = ? AND deleted_at = ?", d.ID, deckDeleted); n != defaultDeckCards-1 {
		t.Errorf("%d cards deleted with the deck, want %d", n, defaultDeckCards-1)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM card_texts t JOIN cards c ON c.id = t.card_id WHERE c.deck_id = ?", d.ID); n != 3*defaultDeckCards {
		t.Errorf("%d card texts left, want %d: tombstones keep their texts", n, 3*defaultDeckCards)
	}
	if got := mustDeck(t, s, other.ID); len(got.Cards) != defaultDeckCards {
		t.Errorf("the other deck lost cards: %d", len(got.Cards))
	}

	if err := s.RestoreDeck(ctx, d.ID); err != nil {
		t.Fatalf("RestoreDeck: %v", err)
	}
	got := mustDeck(t, s, d.ID)
	want := slices.DeleteFunc(slices.Clone(d.Cards), func(c cards.Card) bool { return c.ID == earlier.ID })
	if !reflect.DeepEqual(got.Cards, want) {
		t.Errorf("restored %d cards; want the %d deleted with the deck, not R05 deleted before", len(got.Cards), len(want))
	}
	if err := s.RestoreDeck(ctx, d.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("RestoreDeck(live deck) err = %v; want ErrNotFound", err)
	}
}

func TestRestoreDeckRefusedWhenNameTaken(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	if err := s.DeleteDeck(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	file := defaultDeck(t) // the same name again, made while the first was deleted
	if err := s.CreateDeck(ctx, file); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreDeck(ctx, d.ID); !errors.Is(err, storage.ErrNameTaken) {
		t.Errorf("RestoreDeck err = %v; want ErrNameTaken", err)
	}
	if _, err := s.Deck(ctx, d.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the refused deck came back (err %v)", err)
	}
}

func TestCloneDeck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	printAndChange(t, s, d.ID, 2) // the source is at edition 3
	src := mustDeck(t, s, d.ID)

	clone, err := s.CloneDeck(ctx, d.ID, "  Kund AB  ", " Kund AB ")
	if err != nil {
		t.Fatalf("CloneDeck: %v", err)
	}
	got := mustDeck(t, s, clone.ID)
	if got.ID == src.ID || got.Name != "Kund AB" || got.Client != "Kund AB" || got.Parent != src.ID || got.Edition != 1 {
		t.Errorf("clone: id %s, name %q, client %q, parent %s, edition %d; want a new id, trimmed name and client, parent %s, edition 1",
			got.ID, got.Name, got.Client, got.Parent, got.Edition, src.ID)
	}
	if !reflect.DeepEqual(got, clone) {
		t.Error("the deck CloneDeck returned differs from the stored one")
	}
	srcIDs := map[string]bool{}
	for _, c := range src.Cards {
		srcIDs[c.ID] = true
	}
	for _, c := range got.Cards {
		if srcIDs[c.ID] {
			t.Errorf("card %s kept its source id %s", c.Code, c.ID)
		}
	}
	a, b := src.Clone(), got.Clone()
	stripIDs(a)
	stripIDs(b)
	if !reflect.DeepEqual(a.Cards, b.Cards) {
		t.Error("the clone's cards differ from the source's")
	}

	edit := cardByCode(t, got, "R01")
	edit.Title["fi"] = "Asiakkaan oma versio"
	if err := s.SaveCard(ctx, got.ID, &edit); err != nil {
		t.Fatal(err)
	}
	if after := mustDeck(t, s, src.ID); !reflect.DeepEqual(after, src) {
		t.Error("editing a card of the clone changed the source deck")
	}
	stolen := cardByCode(t, src, "R02") // a source card's id saved into the clone
	stolen.Title["fi"] = "Ei saa siirtyä"
	if err := s.SaveCard(ctx, got.ID, &stolen); err == nil {
		t.Error("SaveCard moved a card of the source deck into the clone")
	}
	if after := mustDeck(t, s, src.ID); !reflect.DeepEqual(after, src) {
		t.Error("saving a source card's id into the clone changed the source deck")
	}
	if _, err := s.CloneDeck(ctx, d.ID, "kund ab", ""); !errors.Is(err, storage.ErrNameTaken) {
		t.Errorf("CloneDeck(taken name) err = %v; want ErrNameTaken", err)
	}
}

// stripIDs clears the ids a store gives, to compare content.
func stripIDs(d *cards.Deck) {
	d.ID = ""
	for i := range d.Cards {
		d.Cards[i].ID = ""
	}
}

func wantErr(kind error) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		if !errors.Is(err, kind) {
			t.Errorf("err = %v; want %v", err, kind)
		}
	}
}

// DeckFirstCards is the beginning of what Deck loads: the same deck with
// its first n live cards, texts and all, in the same order.
func TestDeckFirstCardsIsTheDecksBeginning(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	if err := s.DeleteCard(ctx, d.ID, d.Cards[3].ID); err != nil {
		t.Fatal(err)
	}
	whole := mustDeck(t, s, d.ID)
	for _, n := range []int{0, 1, 10, len(whole.Cards), len(whole.Cards) + 5} {
		got, err := s.DeckFirstCards(ctx, d.ID, n)
		if err != nil {
			t.Fatalf("DeckFirstCards(%d): %v", n, err)
		}
		want := whole.Clone()
		want.Cards = whole.Cards[:min(n, len(whole.Cards))]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("DeckFirstCards(%d) gave %d cards, %v…; want the first %d of Deck's", n, len(got.Cards), got.Cards[:min(2, len(got.Cards))], len(want.Cards))
		}
	}
	if _, err := s.DeckFirstCards(ctx, "no-such-deck", 10); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("DeckFirstCards of a deck that is not there: %v, want ErrNotFound", err)
	}
}
