package storage_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"deckhand/game"
	"deckhand/storage/storagetest"
)

// EachResultsFile hands on, in the order asked, every live workshop with
// what its results are computed from, and they come out as from Session:
// the same results, ratings that count, CSV rows and cards compared, with
// deleted plays and ratings left out; a workshop deleted meanwhile is left
// out too.
func TestEachResultsFileGivesTheResultsSessionGives(t *testing.T) {
	ctx := context.Background()
	s, _ := openTestStore(t)
	if err := storagetest.FillWorkshops(ctx, s, 5, 11, nil); err != nil {
		t.Fatal(err)
	}
	list, err := s.Workshops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, w := range list {
		ids = append(ids, w.ID)
	}
	first, err := s.Session(ctx, ids[0], false)
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, s.DeletePlay(ctx, first.Plays[0].ID))
	mustSave(t, s.DeleteRating(ctx, first.Ratings[len(first.Ratings)-1].ID))
	mustSave(t, s.DeleteWorkshop(ctx, ids[2]))
	slices.Reverse(ids)
	var got []string
	err = s.EachResultsFile(ctx, ids, func(f *game.File) error {
		got = append(got, f.Workshop.ID)
		want, err := s.Session(ctx, f.Workshop.ID, false)
		if err != nil {
			return err
		}
		if len(f.Notes) != 0 || len(f.Ratings) > len(want.Ratings) {
			t.Errorf("%s: %d notes, %d ratings (Session: %d)", f.Workshop.Title, len(f.Notes), len(f.Ratings), len(want.Ratings))
		}
		for _, what := range []struct {
			name string
			of   func(*game.File) any
		}{
			{"results", func(f *game.File) any { return game.Results(f) }},
			{"ratings that count", func(f *game.File) any { return len(game.CountedRatings(f)) }},
			{"cards compared", func(f *game.File) any { return game.Compare([]*game.File{f}, game.Filter{}) }},
			{"CSV", func(f *game.File) any {
				var b bytes.Buffer
				if err := game.WriteResultsCSV(&b, []*game.File{f}, false, game.Comma); err != nil {
					t.Fatal(err)
				}
				return b.String()
			}},
		} {
			a, _ := json.Marshal(what.of(f))
			b, _ := json.Marshal(what.of(want))
			if !bytes.Equal(a, b) {
				t.Errorf("%s: the %s differ from Session's:\n%s\n%s", f.Workshop.Title, what.name, a, b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == list[2].ID })
	if !slices.Equal(got, want) {
		t.Errorf("handed on %v, want %v", got, want)
	}
}

// A pass stops at the first workshop fn fails on, and when its context
// ends, and hands on nothing after that; the store is free for saves as
// soon as it has returned.
func TestEachResultsFileStopsWithFnOrContext(t *testing.T) {
	s, _ := openTestStore(t)
	if err := storagetest.FillWorkshops(context.Background(), s, 5, 11, nil); err != nil {
		t.Fatal(err)
	}
	list, err := s.Workshops(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, w := range list {
		ids = append(ids, w.ID)
	}
	full := errors.New("the disk is full")
	handed := 0
	err = s.EachResultsFile(context.Background(), ids, func(f *game.File) error {
		if handed++; handed == 2 {
			return full
		}
		return nil
	})
	if !errors.Is(err, full) || handed != 2 {
		t.Errorf("fn failing on the second workshop: %v after %d workshops", err, handed)
	}
	mustSave(t, s.DeleteWorkshop(context.Background(), ids[4]))

	ctx, cancel := context.WithCancel(context.Background())
	handed = 0
	err = s.EachResultsFile(ctx, ids[:4], func(f *game.File) error {
		handed++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || handed != 1 {
		t.Errorf("the context ended at the first workshop: %v after %d workshops", err, handed)
	}
}
