package decks

import (
	"cmp"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/internal/uitest"
)

// The deck list shows the decks in the alphabetical order of the
// interface language: in Swedish (and Finnish) Å, Ä and Ö come after Z;
// in English Å and Ä are among the A's and Ö among the O's. A card saved
// (which reads the list again, off the UI goroutine) keeps the order.
func TestTheDeckListIsInTheInterfaceLanguagesOrder(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"sv", []string{"4K data routines", "Aalto", "Oulu", "Zeta Oy", "Åbo Akademi", "Ähtäri", "Örebro"}},
		{"fi", []string{"4K data routines", "Aalto", "Oulu", "Zeta Oy", "Åbo Akademi", "Ähtäri", "Örebro"}},
		{"en", []string{"4K data routines", "Aalto", "Åbo Akademi", "Ähtäri", "Örebro", "Oulu", "Zeta Oy"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			uitest.UseLanguage(t, tt.lang)
			f := newFixture(t)
			for _, name := range []string{"Örebro", "Zeta Oy", "Ähtäri", "Aalto", "Åbo Akademi", "Oulu"} {
				f.u.AddDeck(name)
			}
			s := f.screen
			s.ReloadDecks("")
			if got := shownDeckNames(s); !slices.Equal(got, tt.want) {
				t.Errorf("the deck list shows %q, want %q", got, tt.want)
			}
			f.selectCardByCode("R03")
			s.Editor.Titles["en"].SetText("Retitled")
			if !f.saveCard() {
				t.Fatal("the card was not saved")
			}
			if got := shownDeckNames(s); !slices.Equal(got, tt.want) {
				t.Errorf("after a card was saved the deck list shows %q, want %q", got, tt.want)
			}
		})
	}
}

// shownDeckNames are the decks' names as the deck list draws them, from
// the top of the list down.
func shownDeckNames(s *Screen) []string {
	type drawn struct {
		name string
		y    float32
	}
	var rows []drawn
	driver := fyne.CurrentApp().Driver()
	uitest.Walk(s.deckList, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.TextStyle.Bold {
			rows = append(rows, drawn{l.Text, driver.AbsolutePositionForObject(l).Y})
		}
	})
	slices.SortFunc(rows, func(a, b drawn) int { return cmp.Compare(a.y, b.y) })
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.name
	}
	return names
}
