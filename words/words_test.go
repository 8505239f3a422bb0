package words_test

import (
	"errors"
	"fmt"
	"testing"

	"deckhand/message"
	"deckhand/words"
)

// A counted phrase takes, in each language, the form its count calls for
// by that language's plural rules: one for 1 in all three, other for 0, 2
// and 5 (Finnish and English "0 korttia", "0 cards"; Swedish "0 kort").
func TestCountedPhrasesTakeTheFormOfTheirCount(t *testing.T) {
	phrases := []struct {
		one, other string
		want       map[string][4]string // by language: for 0, 1, 2, 5
	}{
		{"%d card", "%d cards", map[string][4]string{
			"en": {"0 cards", "1 card", "2 cards", "5 cards"},
			"sv": {"0 kort", "1 kort", "2 kort", "5 kort"},
			"fi": {"0 korttia", "1 kortti", "2 korttia", "5 korttia"}}},
		{"%d error", "%d errors", map[string][4]string{
			"en": {"0 errors", "1 error", "2 errors", "5 errors"},
			"sv": {"0 fel", "1 fel", "2 fel", "5 fel"},
			"fi": {"0 virhettä", "1 virhe", "2 virhettä", "5 virhettä"}}},
		{"%d participant", "%d participants", map[string][4]string{
			"en": {"0 participants", "1 participant", "2 participants", "5 participants"},
			"sv": {"0 deltagare", "1 deltagare", "2 deltagare", "5 deltagare"},
			"fi": {"0 osallistujaa", "1 osallistuja", "2 osallistujaa", "5 osallistujaa"}}},
		{"%d note", "%d notes", map[string][4]string{
			"en": {"0 notes", "1 note", "2 notes", "5 notes"},
			"sv": {"0 anteckningar", "1 anteckning", "2 anteckningar", "5 anteckningar"},
			"fi": {"0 muistiinpanoa", "1 muistiinpano", "2 muistiinpanoa", "5 muistiinpanoa"}}},
		{"%d bar", "%d bars", map[string][4]string{
			"en": {"0 bars", "1 bar", "2 bars", "5 bars"},
			"sv": {"0 staplar", "1 stapel", "2 staplar", "5 staplar"},
			"fi": {"0 palkkia", "1 palkki", "2 palkkia", "5 palkkia"}}},
		{"%d column", "%d columns", map[string][4]string{
			"en": {"0 columns", "1 column", "2 columns", "5 columns"},
			"sv": {"0 kolumner", "1 kolumn", "2 kolumner", "5 kolumner"},
			"fi": {"0 saraketta", "1 sarake", "2 saraketta", "5 saraketta"}}},
		{"Import %d card from %s", "Import %d cards from %s", map[string][4]string{
			"en": {"Import 0 cards from a.csv", "Import 1 card from a.csv", "Import 2 cards from a.csv", "Import 5 cards from a.csv"},
			"sv": {"Importera 0 kort från a.csv", "Importera 1 kort från a.csv", "Importera 2 kort från a.csv", "Importera 5 kort från a.csv"},
			"fi": {"Tuo 0 korttia tiedostosta a.csv", "Tuo 1 kortti tiedostosta a.csv", "Tuo 2 korttia tiedostosta a.csv", "Tuo 5 korttia tiedostosta a.csv"}}},
	}
	for _, p := range phrases {
		for code, want := range p.want {
			for i, n := range []int{0, 1, 2, 5} {
				args := []any{n}
				if p.other == "Import %d cards from %s" {
					args = append(args, "a.csv")
				}
				if got := words.In(code).Say(message.Count(n, p.one, p.other, args...)); got != want[i] {
					t.Errorf("%s, %d: %q says %q, want %q", code, n, p.other, got, want[i])
				}
				if got := fmt.Sprintf(words.In(code).N(p.other, n), args...); got != want[i] {
					t.Errorf("%s, %d: N(%q) gives %q, want %q", code, n, p.other, got, want[i])
				}
			}
		}
	}
}

// The catalogue answers in the language asked for, whichever else is in
// use: a Finnish report is written in Finnish from an English interface.
// A language Deckhand does not speak is English; a key the catalogue lacks
// is its own text.
func TestTheCatalogueAnswersInTheLanguageAskedFor(t *testing.T) {
	for code, want := range map[string]string{"en": "Do now", "sv": "Gör nu", "fi": "Tee nyt", "de": "Do now", "": "Do now"} {
		if got := words.In(code).L("Do now"); got != want {
			t.Errorf("In(%q).L(Do now) = %q, want %q", code, got, want)
		}
	}
	if got := words.In("fi").L("a text nobody wrote"); got != "a text nobody wrote" {
		t.Errorf("a missing key reads %q", got)
	}
	if !words.In("fi").Has("Do now") || words.In("fi").Has("a text nobody wrote") {
		t.Error("Has does not say what the catalogue holds")
	}
	if got := words.In("de").Code(); got != "en" {
		t.Errorf("In(de) is in %q", got)
	}
}

// A sentence the catalogue lacks is said in its English, in the form its
// count takes, and a sentence's words and errors are said in the same
// language as the sentence around them.
func TestASentenceIsSaidWholeInOneLanguage(t *testing.T) {
	if got := words.In("fi").Say(message.Count(1, "%d gizmo here", "%d gizmos here", 1)); got != "1 gizmo here" {
		t.Errorf("an untranslated counted sentence reads %q", got)
	}
	if got := words.In("sv").Say(message.Say("the text in %s is longer than %d characters", message.Word("title"), 3)); got != "texten på titeln är längre än 3 tecken" {
		t.Errorf("a sentence with a word reads %q", got)
	}
	err := fmt.Errorf("import a.csv: %w", message.Refusal("the deck has no name"))
	if got := words.In("fi").Error(err); got != "import a.csv: pakalla ei ole nimeä" {
		t.Errorf("Error = %q", got)
	}
	if got := words.In("fi").Error(errors.Join(message.Refusal("the deck has no name"), errors.New("plain"))); got != "pakalla ei ole nimeä\nplain" {
		t.Errorf("Error of a join = %q", got)
	}
}
