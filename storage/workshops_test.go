package storage_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

func TestCreateWorkshopKeepsASnapshotOfTheDeck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, teams := newWorkshop(t, s, d, "Acme kick-off")
	if w.ID == "" || w.Updated.IsZero() || w.DeckID != d.ID || w.DeckEdition != d.Edition {
		t.Errorf("after CreateWorkshop: id %q, updated %v, deck %q edition %d; want an id, a time, %s, %d",
			w.ID, w.Updated, w.DeckID, w.DeckEdition, d.ID, d.Edition)
	}
	for i, team := range teams {
		if team.ID == "" || team.Updated.IsZero() || team.Position != i {
			t.Errorf("team %d after CreateWorkshop = %+v; want an id, a time and position %d", i, team, i)
		}
	}
	// Editing the deck later must not change what the workshop plays with.
	c := cardByCode(t, d, "R01")
	c.Title["en"] = "Something else entirely"
	mustSave(t, s.SaveCard(ctx, d.ID, &c))
	got, err := s.Workshop(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if title := got.Deck.Cards[got.Deck.CardByCode("R01")].Title["en"]; title != d.Cards[d.CardByCode("R01")].Title["en"] {
		t.Errorf("the workshop's snapshot of R01 reads %q after the deck was edited", title)
	}
	want := *w
	want.Deck = nil
	got.Deck = nil
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("Workshop() = %+v\nwant %+v", *got, want)
	}
	f := session(t, s, w.ID, false)
	if !reflect.DeepEqual(f.Teams, teams) {
		t.Errorf("Session teams = %+v\nwant %+v", f.Teams, teams)
	}
	// The snapshot handed out is the caller's own to change.
	got.Deck = f.Workshop.Deck
	got.Deck.Cards[0].Title["en"] = "changed by a caller"
	if again := session(t, s, w.ID, false); again.Workshop.Deck.Cards[0].Title["en"] == "changed by a caller" {
		t.Error("a change to a returned deck reached the store's cached snapshot")
	}
}

func TestCreateWorkshopTwiceStoresItOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Retried")
	before := workshopRows(t, db)
	w.Title = "Retried, renamed"
	if err := s.CreateWorkshop(ctx, w, teams); err != nil {
		t.Fatalf("CreateWorkshop again: %v", err)
	}
	sameRows(t, db, before, "creating the same workshop again")
	if got, _ := s.Workshop(ctx, w.ID); got == nil || got.Title != "Retried, renamed" {
		t.Errorf("the retried create did not save the title: %+v", got)
	}
}

func TestCreateWorkshopRefusalsStoreNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	before := workshopRows(t, db)
	tests := []struct {
		name  string
		w     game.Workshop
		teams []game.Team
	}{
		{"no title", game.Workshop{Date: "2026-03-14", Language: "en", Deck: d}, nil},
		{"bad date", game.Workshop{Title: "X", Date: "14.3.2026", Language: "en", Deck: d}, nil},
		{"no deck", game.Workshop{Title: "X", Date: "2026-03-14", Language: "en"}, nil},
		{"language not in the deck", game.Workshop{Title: "X", Date: "2026-03-14", Language: "de", Deck: d}, nil},
		{"team without a name", game.Workshop{Title: "X", Date: "2026-03-14", Language: "en", Deck: d},
			[]game.Team{{Name: "Tiger"}, {Name: " "}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireRule(t, s.CreateWorkshop(ctx, &tt.w, tt.teams))
			sameRows(t, db, before, "a refused workshop")
		})
	}
}

func TestUpdateWorkshopChangesOnlyEditableFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, _ := newWorkshop(t, s, d, "Before")
	first := w.Updated
	edit := *w
	edit.Title, edit.Place, edit.Language, edit.Notes = "After", "Helsinki", "sv", "moved online"
	edit.DeckEdition, edit.DeckID = 99, "another deck"
	edit.Deck = nil // the stored snapshot is what counts
	mustSave(t, s.UpdateWorkshop(ctx, &edit))
	if !edit.Updated.After(first) {
		t.Errorf("Updated %v after an edit; want later than %v", edit.Updated, first)
	}
	got, err := s.Workshop(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "After" || got.Place != "Helsinki" || got.Language != "sv" || got.Notes != "moved online" ||
		got.DeckEdition != w.DeckEdition || got.DeckID != w.DeckID || len(got.Deck.Cards) != len(d.Cards) || !got.Updated.Equal(edit.Updated) {
		t.Errorf("after UpdateWorkshop: %+v", got)
	}

	bad := *got
	bad.Retention = "2020-01-01" // before the workshop
	requireRule(t, s.UpdateWorkshop(ctx, &bad))
	if again, _ := s.Workshop(ctx, w.ID); again.Retention != w.Retention {
		t.Errorf("a refused edit changed the retention date to %q", again.Retention)
	}
	missing := *got
	missing.ID = "no-such-workshop"
	requireNotFound(t, s.UpdateWorkshop(ctx, &missing))
}

func TestWorkshopsNewestFirstWithCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	s.Now = func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) }
	old, teams := newWorkshop(t, s, d, "Spring")
	newer := &game.Workshop{Title: "Summer", Date: "2026-05-20", Language: "fi", Deck: d.Clone(), Retention: "2026-05-31"}
	mustSave(t, s.CreateWorkshop(ctx, newer, nil))
	mustSave(t, s.SavePlay(ctx, old.ID, play(teams[0].ID, "R01", "collection", 0)))
	gone := play(teams[1].ID, "R03", "use", 0)
	mustSave(t, s.SavePlay(ctx, old.ID, gone))
	mustSave(t, s.DeletePlay(ctx, gone.ID))
	list, err := s.Workshops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []storage.WorkshopSummary{
		{ID: newer.ID, Title: "Summer", Date: "2026-05-20", DeckName: d.Name, DeckEdition: d.Edition, RetentionPassed: true},
		{ID: old.ID, Title: "Spring", Client: "Acme Oy", Sector: "energy", Date: "2026-03-14", DeckName: d.Name,
			DeckEdition: d.Edition, Teams: 2, Plays: 1},
	}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("Workshops =\n%+v\nwant\n%+v", list, want)
	}
	mustSave(t, s.DeleteWorkshop(ctx, newer.ID))
	mustSave(t, s.DeleteWorkshop(ctx, newer.ID)) // again: nothing more to do
	if list, _ := s.Workshops(ctx); len(list) != 1 || list[0].ID != old.ID {
		t.Errorf("Workshops after a delete = %+v; want only %s", list, old.Title)
	}
	if _, err := s.Workshop(ctx, newer.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Workshop(deleted) err = %v; want ErrNotFound", err)
	}
	if _, err := s.Session(ctx, newer.ID, true); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Session(deleted) err = %v; want ErrNotFound", err)
	}
	requireRule(t, s.SavePlay(ctx, old.ID, play(teams[0].ID, "I01", "use", 1))) // still checked as before
	requireNotFound(t, s.SaveTeam(ctx, newer.ID, &game.Team{Name: "Late"}))
	mustSave(t, s.RestoreWorkshop(ctx, newer.ID))
	if list, _ := s.Workshops(ctx); len(list) != 2 {
		t.Errorf("Workshops after a restore = %+v; want both", list)
	}
	requireNotFound(t, s.DeleteWorkshop(ctx, "no-such-workshop"))
}

func TestFindWorkshopByTitleOrID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	åland, _ := newWorkshop(t, s, d, "Åland pilot")
	for _, name := range []string{åland.ID, "Åland pilot", "åLAND PILOT"} {
		got, err := s.FindWorkshop(ctx, name)
		if err != nil || got.ID != åland.ID || got.Deck == nil {
			t.Errorf("FindWorkshop(%q) = %v, %v; want %s with its deck", name, got, err, åland.ID)
		}
	}
	_, err := s.FindWorkshop(ctx, "Åland")
	requireNotFound(t, err)
	if !strings.Contains(err.Error(), `no workshop titled "Åland"`) {
		t.Errorf("error %q; want it to name the title it looked for", err)
	}
	twin, _ := newWorkshop(t, s, d, "ÅLAND pilot")
	_, err = s.FindWorkshop(ctx, "åland pilot")
	if !errors.Is(err, storage.ErrAmbiguous) || !strings.Contains(err.Error(), twin.ID) || !strings.Contains(err.Error(), åland.ID) {
		t.Errorf("FindWorkshop with two matches: %v; want ErrAmbiguous listing both ids", err)
	}
	mustSave(t, s.DeleteWorkshop(ctx, twin.ID))
	if got, err := s.FindWorkshop(ctx, "åland pilot"); err != nil || got.ID != åland.ID {
		t.Errorf("FindWorkshop after deleting the twin = %v, %v", got, err)
	}
}
