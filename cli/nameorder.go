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
func listLanguage() string {
	for _, name := range []string{"LC_ALL", "LC_COLLATE", "LANG"} {
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
