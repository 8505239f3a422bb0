package storage_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"deckhand/cards"
	"deckhand/storage"
)

// A deck's name is taken in any case, å, ä and ö folded as a to z are
// (cards.FoldName: Unicode case folding of normal form C), whichever way
// the name comes in: a new deck, a clone or a rename. "Ol" and "Öl" are
// two names, as are "Abo" and "Åbo".
func TestDeckNamesAreOneNameInAnyCaseOfÅÄÖ(t *testing.T) {
	t.Parallel()
	tests := []struct {
		existing, candidate string
		taken               bool
	}{
		{"Åbo", "åbo", true},
		{"Ärlig", "ärlig", true},
		{"Öl", "öl", true},
		{"öl", "ÖL", true},
		{"Åbo", "a\u030aBO", true},  // decomposed, as macOS pastes it
		{"Straße", "STRASSE", true}, // full case folding, not letter for letter
		{"Öl", "Ol", false},
		{"Åbo", "Abo", false},
		{"Ärlig", "Arlig", false},
	}
	ways := []struct {
		name string
		make func(s *storage.Store, from *cards.Deck, name string) (*cards.Deck, error)
	}{
		{"create", func(s *storage.Store, _ *cards.Deck, name string) (*cards.Deck, error) {
			d := defaultDeck(t)
			d.Name = name
			return d, s.CreateDeck(context.Background(), d)
		}},
		{"clone", func(s *storage.Store, from *cards.Deck, name string) (*cards.Deck, error) {
			return s.CloneDeck(context.Background(), from.ID, name, "")
		}},
		{"rename", func(s *storage.Store, from *cards.Deck, name string) (*cards.Deck, error) {
			d, err := s.CloneDeck(context.Background(), from.ID, "Renamed next", "")
			if err != nil {
				return nil, err
			}
			renamed := d.Clone()
			renamed.Name = name
			if err := s.UpdateDeck(context.Background(), renamed); err != nil {
				_ = s.DeleteDeck(context.Background(), d.ID) // the next way's clone takes its name
				return nil, err
			}
			return renamed, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.existing+" then "+tt.candidate, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			s, d := openTestStore(t)
			if _, err := s.CloneDeck(ctx, d.ID, tt.existing, ""); err != nil {
				t.Fatal(err)
			}
			for _, way := range ways {
				made, err := way.make(s, d, tt.candidate)
				switch {
				case tt.taken && !errors.Is(err, storage.ErrNameTaken):
					t.Errorf("%s %q beside %q: err = %v; want ErrNameTaken", way.name, tt.candidate, tt.existing, err)
				case tt.taken && err.Error() != `a deck named "`+cards.NFC(tt.candidate)+`" already exists; choose another name`:
					t.Errorf("%s: the refusal says %q, not the sentence the app translates", way.name, err)
				case !tt.taken && err != nil:
					t.Errorf("%s %q beside %q: %v; they are two names", way.name, tt.candidate, tt.existing, err)
				case !tt.taken:
					if err := s.DeleteDeck(ctx, made.ID); err != nil { // the next way tries the name again
						t.Fatal(err)
					}
				}
			}
			if got := decksNamed(t, s, tt.candidate); tt.taken && got != 0 {
				t.Errorf("%d live decks named %q beside %q; a refused name must store nothing", got, tt.candidate, tt.existing)
			}
		})
	}
}

// decksNamed counts the live decks whose stored name is exactly name.
func decksNamed(t *testing.T, s *storage.Store, name string) int {
	t.Helper()
	all, err := s.Decks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(slices.DeleteFunc(all, func(d storage.DeckSummary) bool { return d.Name != name }))
}
