package cli

import (
	"os"
	"strings"
)

// listLanguage is the language whose alphabetical order the listings
// (decks, workshops) follow. The command line speaks English, but its user
// reads names in the order of their own language, which the environment
// names as POSIX looks for collation: LC_ALL, else LC_COLLATE, else LANG.
// Without one, or under the C locale, it is English order.
func listLanguage() string { return localeLanguage("LC_COLLATE") }

// numberLanguage is the language whose way of writing numbers a file for
// the user's spreadsheet follows (results --all's CSV separator): the
// environment's for numbers, as POSIX looks for it: LC_ALL, else
// LC_NUMERIC, else LANG. Excel's list separator goes with the decimal
// mark, which is what LC_NUMERIC names.
func numberLanguage() string { return localeLanguage("LC_NUMERIC") }

// localeLanguage is the language ("sv_SE") of the environment's locale for
// a POSIX category: LC_ALL, else the category's own variable, else LANG;
// "en" without one or under the C locale.
func localeLanguage(category string) string {
	for _, name := range []string{"LC_ALL", category, "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue // the next one decides
		}
		lang, _, _ := strings.Cut(value, ".") // sv_SE.UTF-8
		lang, _, _ = strings.Cut(lang, "@")   // fi_FI@euro
		if lang == "C" || lang == "POSIX" {
			return "en"
		}
		return lang
	}
	return "en"
}
