package decks

import (
	"slices"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// A card's type is told by its colour band and, for those who cannot tell
// the colours apart, by its name on the band: the editor's preview (drawn
// as the card prints) names the type of a card of every type, and the card
// list says it in words under the title.
func TestCardTypesAreNamedNotOnlyColoured(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	lang := s.Cards.cardLang()
	for _, ct := range s.deck.CardTypes {
		name := ct.Name.Or(lang, s.deck.DefaultLang)
		code := ""
		for _, c := range s.deck.Cards {
			if c.Type == ct.Key && c.Code != "" {
				code = c.Code
				break
			}
		}
		if code == "" {
			continue
		}
		f.selectCardByCode(code)
		var drawn []string
		uitest.Walk(s.Editor.preview, func(o fyne.CanvasObject) {
			if txt, ok := o.(*canvas.Text); ok {
				drawn = append(drawn, txt.Text)
			}
		})
		if !uitest.HasText(drawn, name) {
			t.Errorf("the preview of %s (%s) draws %q, without the type's name %q", code, ct.Key, drawn, name)
		}
		if got := cardDetail(s.deck, s.deck.Cards[s.deck.CardByCode(code)], lang); !slices.Contains(strings.Split(got, " · "), name) {
			t.Errorf("the card list says %q under %s, without %q", got, code, name)
		}
	}
}
