package cards_test

import (
	"slices"
	"strings"
	"testing"

	"deckhand/cards"
)

// placeNames are real names a consultant's decks, clients and workshops
// carry, in no order.
var placeNames = []string{
	"Åbo Akademi", "Älvsbyn", "Örebro", "Aalto", "Zeta Oy", "Östersund", "Ähtäri",
	"Oulu", "Vaasa", "Wärtsilä", "Umeå", "abc", "Åland", "Wasa", "Vaxholm",
}

// The orders are CLDR's (version 23, the tables of golang.org/x/text/collate)
// default collations. Swedish and Finnish put Å, Ä and Ö after Z, in that
// order, and since the reformed rules V and W are two letters (Vaxholm
// before Wasa); the old rules that sorted V and W together are CLDR's
// "standard" variants (sv-u-co-standard, fi-u-co-standard), which the app
// does not ask for. English sorts Å, Ä and Ö as A and O with diacritics.
// In every language a small letter comes before its capital when the
// names are otherwise alike.
func TestNamesSortInTheOrderOfTheLanguage(t *testing.T) {
	nordic := []string{
		"Aalto", "abc", "Oulu", "Umeå", "Vaasa", "Vaxholm", "Wasa", "Wärtsilä", "Zeta Oy",
		"Åbo Akademi", "Åland", "Ähtäri", "Älvsbyn", "Örebro", "Östersund",
	}
	english := []string{
		"Aalto", "abc", "Åbo Akademi", "Ähtäri", "Åland", "Älvsbyn", "Örebro", "Östersund",
		"Oulu", "Umeå", "Vaasa", "Vaxholm", "Wärtsilä", "Wasa", "Zeta Oy",
	}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"sv", nordic},
		{"fi", nordic},
		{"sv_SE", nordic}, // a POSIX locale's language, as LANG gives it
		{"fi-FI", nordic},
		{"en", english},
		{"", english},   // no language: CLDR's root order, which is English's
		{"xx", english}, // a language CLDR does not know
	} {
		got := slices.Clone(placeNames)
		cards.SortByName(got, tt.lang, func(s string) string { return s })
		if !slices.Equal(got, tt.want) {
			t.Errorf("in %q:\n got %s\nwant %s", tt.lang, strings.Join(got, ", "), strings.Join(tt.want, ", "))
		}
	}
}

// Two names the collation finds alike still have an order, their bytes',
// so that a sorted list is the same every time.
func TestNameOrderNeverCallsTwoNamesEqual(t *testing.T) {
	order := cards.NameOrder("sv")
	for _, pair := range [][2]string{{"abc", "Abc"}, {"Åbo", "A\u030abo"}, {"Öl", "öl"}} {
		if order(pair[0], pair[1]) == 0 || order(pair[0], pair[1]) != -order(pair[1], pair[0]) {
			t.Errorf("NameOrder(%+q, %+q) = %d, reversed %d", pair[0], pair[1], order(pair[0], pair[1]), order(pair[1], pair[0]))
		}
	}
	if order("Åbo", "Åbo") != 0 {
		t.Error("a name is not equal to itself")
	}
}

// å, ä and ö fold as a to z do, decomposed letters as the composed ones,
// and the folding is Unicode's full one; a letter with a diacritic is
// still another letter.
func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"Åbo", "åbo", true},
		{"Ärlig", "ärlig", true},
		{"Öl", "öl", true},
		{"ÅBO AKADEMI", "åbo akademi", true},
		{"Åbo", "a\u030abo", true},
		{"Straße", "STRASSE", true},
		{"Abo", "abo", true},
		{"Ol", "Öl", false},
		{"Abo", "Åbo", false},
		{"Ärlig", "Arlig", false},
	} {
		if got := cards.SameName(tt.a, tt.b); got != tt.same {
			t.Errorf("SameName(%+q, %+q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}
