// Package cleanlocale gives a process started under the C or POSIX locale
// (common on servers, in scripts and in CI) a named UTF-8 locale instead.
// Fyne reads the locale while its packages initialise and logs an error
// for "C", which would otherwise be printed before every command's own
// output. Imported for its side effect by main, it initialises before any
// Fyne package: Go initialises, among the packages ready, the first by
// import path, and this one needs only os.
package cleanlocale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue // the next one decides
		}
		if isPlain(value) {
			os.Setenv(name, "en_US.UTF-8")
		}
		return // the first one set is the one read
	}
}

// isPlain reports whether a locale is C or POSIX, with or without an
// encoding: English without a language tag Fyne can parse.
func isPlain(locale string) bool {
	base, _, _ := strings.Cut(locale, ".")
	return base == "C" || base == "POSIX"
}
