package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"deckhand/storage"
)

// A blind round is kept with its workshop until revealed: through closing
// and opening the file, and while its card is off the board. A second
// round on another card is refused; starting the same round again keeps
// the ratings it began with.
func TestABlindRoundLastsUntilRevealed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "deckhand.db")
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedDefaultDeck(ctx, defaultDeck(t)); err != nil {
		t.Fatal(err)
	}
	d, err := s.FindDeck(ctx, defaultDeck(t).Name)
	if err != nil {
		t.Fatal(err)
	}
	w, teams := newWorkshop(t, s, d, "Blind")
	first, second := play(teams[0].ID, "R01", "collection", 1), play(teams[0].ID, "R02", "use", 1)
	mustSave(t, s.SavePlay(ctx, w.ID, first))
	mustSave(t, s.SavePlay(ctx, w.ID, second))
	old := rating(first.ID, "desirability", 4)
	mustSave(t, s.AddRating(ctx, w.ID, old))

	round := &storage.BlindRound{WorkshopID: w.ID, PlayID: first.ID, TeamID: teams[0].ID, Before: []string{old.ID}, Raters: []string{"p2", "p1"}}
	mustSave(t, s.StartBlindRound(ctx, round))
	if round.Started.IsZero() {
		t.Errorf("StartBlindRound left Started unset")
	}
	again := &storage.BlindRound{WorkshopID: w.ID, PlayID: first.ID, TeamID: teams[0].ID}
	mustSave(t, s.StartBlindRound(ctx, again))
	if !slices.Equal(again.Before, []string{old.ID}) || !again.Started.Equal(round.Started) {
		t.Errorf("starting the round again gave %+v; want the round as it began, %+v", again, round)
	}
	other := &storage.BlindRound{WorkshopID: w.ID, PlayID: second.ID, TeamID: teams[0].ID}
	if err := s.StartBlindRound(ctx, other); !errors.Is(err, storage.ErrInUse) {
		t.Errorf("a second round on another card: %v; want a refusal wrapping ErrInUse", err)
	}
	if err := s.StartBlindRound(ctx, &storage.BlindRound{WorkshopID: w.ID, PlayID: "nowhere", TeamID: teams[0].ID}); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a round on a card not in the workshop: %v; want ErrNotFound", err)
	}

	// Its card taken off the board, and the file closed and opened again.
	mustSave(t, s.DeletePlay(ctx, first.ID))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, path)
	got, found, err := s.BlindRoundOf(ctx, w.ID)
	if err != nil || !found {
		t.Fatalf("BlindRoundOf after reopening = %+v, %v, %v; want the round", got, found, err)
	}
	if got.PlayID != first.ID || got.TeamID != teams[0].ID || !slices.Equal(got.Before, []string{old.ID}) ||
		!slices.Equal(got.Raters, []string{"p2", "p1"}) || !got.Started.Equal(round.Started) {
		t.Errorf("after reopening the round is %+v; want %+v", got, *round)
	}

	mustSave(t, s.EndBlindRound(ctx, w.ID))
	if got, found, err := s.BlindRoundOf(ctx, w.ID); err != nil || found {
		t.Errorf("BlindRoundOf after revealing = %+v, %v, %v; want none", got, found, err)
	}
	mustSave(t, s.EndBlindRound(ctx, w.ID))
	mustSave(t, s.StartBlindRound(ctx, other))
}
