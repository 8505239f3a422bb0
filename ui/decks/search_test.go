package decks

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"

	"deckhand/cards"
	"deckhand/ui/internal/uitest"
)

// matchesAsBefore is the search as it was before the search index, word
// for word: each keystroke lower-cased and joined every card's texts. The
// index must find exactly what it found.
func matchesAsBefore(f cardFilter, c cards.Card) bool {
	if (f.typ != "" && c.Type != f.typ) || (f.theme != "" && c.Theme != f.theme) ||
		(f.area != "" && c.Area != f.area) || (f.level != "" && c.Level != f.level) {
		return false
	}
	q := strings.ToLower(strings.TrimSpace(f.text))
	if q == "" {
		return true
	}
	hay := strings.ToLower(strings.Join(append([]string{c.Code, c.Title[f.lang], c.Body[f.lang]}, c.Tags...), "\n"))
	return strings.Contains(hay, q)
}

// variedDeck is the default deck with cards whose codes, titles, texts and
// tags mix upper and lower case, Finnish and Swedish letters, letters that
// lower-case to more bytes than they had (İ) or to none of their own (ß),
// and letters written as a base letter and a combining mark.
func variedDeck(t *testing.T) *cards.Deck {
	t.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatal(err)
	}
	extra := []struct{ code, sv, fi, en, body string }{
		{"ÄÖ-1", "ÅTERKOPPLING Över Året", "PÄÄTÖKSET ÄÄNESTETÄÄN", "Straße İstanbul", "Yö ÖLJY åäö ÅÄÖ"},
		{"Ab.2", "Kundens Ändamål", "Käyttäjän Säännöt", "DATA Minimisation", "Mixed CaSe: KeRää, SAMLA, ǅemal"},
		{"x_3", "a\u0308ndring (sammansatt)", "va\u0308lilehti", "naïve CAFÉ", "ÆØ ŒUVRE ﬁle"},
	}
	for i, e := range extra {
		c := d.Cards[i].Clone()
		c.ID, c.Code = "", e.code
		c.Title = cards.Text{"sv": e.sv, "fi": e.fi, "en": e.en}
		c.Body = cards.Text{"sv": e.body, "fi": strings.ToUpper(e.body), "en": strings.ToLower(e.body)}
		c.Tags = []string{"Ääni", "ÖVER_" + e.code[:1], "ok"}
		d.Cards = append(d.Cards, c)
	}
	return d
}

// searchesOf are the searches tried on a deck: every letter its texts hold,
// and pieces of every seventh card's texts and of the last three's, in the
// case written, upper and lower case, with spaces around, and across the
// lines between code, title and body.
func searchesOf(d *cards.Deck) []string {
	seen := map[string]bool{"": true, "  ": true, "r0": true, "R0": true, "\n": true, "ä\n": true, "ÄÄ": true, "åäö": true, "ss": true, "i̇": true}
	for i, c := range d.Cards {
		for _, lang := range d.Languages {
			text := c.Code + "\n" + c.Title[lang] + "\n" + c.Body[lang]
			for _, r := range text {
				seen[string(r)] = true
			}
			if i%7 != 0 && i < len(d.Cards)-3 {
				continue
			}
			runes := []rune(text)
			for start := 0; start < len(runes); start += 11 {
				piece := string(runes[start:min(start+5, len(runes))])
				for _, q := range []string{piece, strings.ToUpper(piece), strings.ToLower(piece), " " + piece + " "} {
					seen[q] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for q := range seen {
		if utf8.ValidString(q) {
			out = append(out, q)
		}
	}
	slices.Sort(out)
	return out
}

// The search index finds exactly what the search found before it, for
// every search tried, in every language of the deck, with and without the
// drop-downs set.
func TestTheSearchIndexFindsWhatTheSearchAlwaysFound(t *testing.T) {
	d := variedDeck(t)
	filters := []cardFilter{{}, {typ: "routine", area: "collection", level: "strategic"}}
	compared, found := 0, 0
	for _, lang := range d.Languages {
		ix := newSearchIndex(d.Cards, lang)
		for _, q := range searchesOf(d) {
			for _, f := range filters {
				f.text, f.lang = q, lang
				var want []int
				for i, c := range d.Cards {
					if matchesAsBefore(f, c) {
						want = append(want, i)
					}
				}
				if got := filterCards(d, ix, f); !slices.Equal(got, want) {
					t.Errorf("in %s, %+v: the index finds cards %v, the search found %v", lang, f, got, want)
				}
				compared++
				found += len(want)
			}
		}
	}
	if compared < 1000 || found == 0 {
		t.Errorf("only %d searches compared, %d cards found", compared, found)
	}
}

// The search finds a card as it was saved, and no longer once it is
// deleted: the index follows the deck's changes.
func TestTheSearchFollowsSavesAndDeletions(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	f.selectCardByCode("R03")
	test.Type(s.Cards.Search, "zebra")
	if got := s.Cards.List.Length(); got != 0 {
		t.Fatalf("searching zebra lists %d cards before any has it", got)
	}
	uitest.AppendText(s.Editor.Titles["en"], " Zebra")
	if !f.saveCard() {
		t.Fatalf("the save failed: %s", s.Editor.status.Text)
	}
	if s.Cards.List.Length() != 1 || s.deck.Cards[s.Cards.shown[0]].Code != "R03" {
		t.Fatalf("after the save zebra lists %d cards, want R03", s.Cards.List.Length())
	}
	s.Cards.Search.SetText("")
	s.NewCard()
	test.Type(s.Editor.Titles["sv"], "Zebra ny")
	test.Type(s.Editor.Titles["fi"], "Seepra uusi")
	test.Type(s.Editor.Titles["en"], "Zebra new")
	if !f.saveCard() {
		t.Fatalf("the new card was not saved: %s", s.Editor.status.Text)
	}
	test.Type(s.Cards.Search, "zebra")
	if got := s.Cards.List.Length(); got != 2 {
		t.Fatalf("after a new card zebra lists %d cards, want 2", got)
	}
	f.selectCardByCode("R03")
	s.deleteCard()
	f.tapDialogButton("Yes")
	if s.Cards.List.Length() != 1 || s.deck.Cards[s.Cards.shown[0]].Code == "R03" {
		t.Errorf("after R03 was deleted zebra lists %d cards", s.Cards.List.Length())
	}
}
