package storage_test

import (
	"slices"
	"testing"

	"deckhand/storage"
)

// The deck list is sorted by name in the reader's language: Swedish and
// Finnish put Å, Ä and Ö after Z, English among the A's and O's.
func TestSortDecksByTheLanguage(t *testing.T) {
	names := func(ds []storage.DeckSummary) []string {
		out := make([]string, len(ds))
		for i, d := range ds {
			out[i] = d.Name
		}
		return out
	}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"sv", []string{"Aalto", "Zeta Oy", "Åland", "Ähtäri", "Örebro"}},
		{"fi", []string{"Aalto", "Zeta Oy", "Åland", "Ähtäri", "Örebro"}},
		{"en", []string{"Aalto", "Ähtäri", "Åland", "Örebro", "Zeta Oy"}},
	} {
		decks := []storage.DeckSummary{{Name: "Örebro"}, {Name: "Zeta Oy"}, {Name: "Ähtäri"}, {Name: "Aalto"}, {Name: "Åland"}}
		storage.SortDecks(decks, tt.lang)
		if got := names(decks); !slices.Equal(got, tt.want) {
			t.Errorf("in %s: %q, want %q", tt.lang, got, tt.want)
		}
	}
}

// Workshops come newest first; the workshops of one day by title in the
// reader's language, and alike titles keep the order they were read in.
func TestSortWorkshopsByDateThenTitle(t *testing.T) {
	list := []storage.WorkshopSummary{
		{ID: "1", Date: "2026-03-01", Title: "Örebro"},
		{ID: "2", Date: "2026-03-02", Title: "Ähtäri"},
		{ID: "3", Date: "2026-03-01", Title: "Zeta Oy"},
		{ID: "4", Date: "2026-03-02", Title: "Aalto"},
		{ID: "5", Date: "2026-03-01", Title: "Åland"},
		{ID: "6", Date: "2026-03-01", Title: "Zeta Oy"},
	}
	storage.SortWorkshops(list, "sv")
	var got []string
	for _, w := range list {
		got = append(got, w.ID)
	}
	if want := []string{"4", "2", "3", "6", "5", "1"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
