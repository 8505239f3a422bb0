package cards

import (
	"slices"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The one home of how names are ordered and compared: every list a person
// sees sorted by name, and every name that must be unique, goes through
// here, so that a Swede, a Finn and an English reader each find the order
// of their own dictionary, and "Åbo" is the same name as "åbo" just as
// "Abo" is "abo".

// SortByName sorts list by the name of each item, in the alphabetical
// order of the language lang (CLDR's collation: in Swedish and Finnish Å,
// Ä and Ö come after Z; in English Å is an A with a ring). Items whose
// names compare the same keep their order, so a list read in a stable
// order stays stable.
func SortByName[T any](list []T, lang string, name func(T) string) {
	order := NameOrder(lang)
	slices.SortStableFunc(list, func(a, b T) int { return order(name(a), name(b)) })
}

// NameOrder compares two names as the dictionary of the language lang
// orders them: a BCP 47 tag ("sv", "fi-FI") or the language of a POSIX
// locale ("sv_SE"); an unknown one gets CLDR's root order, which is
// English's. Names the collation finds alike are ordered by their bytes,
// so that two different names never compare equal. The function keeps
// the collator's buffers: one goroutine at a time.
func NameOrder(lang string) func(a, b string) int {
	c := collate.New(language.Make(strings.ReplaceAll(lang, "_", "-")))
	return func(a, b string) int {
		if n := c.CompareString(a, b); n != 0 {
			return n
		}
		return strings.Compare(a, b)
	}
}

// FoldName is the form in which two names are the same name: normal form
// C, then Unicode case folding, so that "Åbo", "åbo" and "A\u030abo" are
// one name (and "Straße" is "STRASSE"), while "Ol" and "Öl" stay two.
func FoldName(name string) string { return cases.Fold().String(NFC(name)) }

// SameName reports whether a and b are the same name in any case
// (FoldName).
func SameName(a, b string) bool { return FoldName(a) == FoldName(b) }
