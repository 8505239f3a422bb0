package cards

import (
	"slices"
	"sort"
)

// languageNames lists the languages a deck may be written in, by ISO 639-1
// code, each named in itself. A code outside this list is almost always a
// typo in a file's header (title_sw for title_sv), so it is refused rather
// than silently starting a new language. Northern Sami's code, se, is left
// out for that reason: it is also Sweden's country code, so title_se is
// nearly always meant as Swedish, and the file format documents it as an
// error (see swedenNotSami).
var languageNames = map[string]string{
	"da": "Dansk",
	"de": "Deutsch",
	"en": "English",
	"es": "Español",
	"et": "Eesti",
	"fi": "Suomi",
	"fr": "Français",
	"is": "Íslenska",
	"it": "Italiano",
	"lt": "Lietuvių",
	"lv": "Latviešu",
	"nb": "Norsk bokmål",
	"nl": "Nederlands",
	"nn": "Norsk nynorsk",
	"pl": "Polski",
	"pt": "Português",
	"sv": "Svenska",
}

// swedenNotSami is the code that people write for Swedish after Sweden's
// country code; the messages that refuse it say to write sv.
const swedenNotSami = "se"

// KnownLanguage reports whether code is a language a deck may use.
func KnownLanguage(code string) bool {
	_, ok := languageNames[code]
	return ok
}

// LanguageName returns the language's name in itself, or the code when unknown.
func LanguageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	return code
}

// KnownLanguages returns every language code a deck may use, sorted.
func KnownLanguages() []string {
	codes := make([]string, 0, len(languageNames))
	for c := range languageNames {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// HasLanguage reports whether the deck is written in lang.
func (d *Deck) HasLanguage(lang string) bool { return slices.Contains(d.Languages, lang) }

// Lang returns lang when the deck has it and the deck's default language
// otherwise, so a screen or print asked for a missing language still shows text.
func (d *Deck) Lang(lang string) string {
	if d.HasLanguage(lang) {
		return lang
	}
	return d.DefaultLang
}

// Or returns the text in lang, falling back to the first non-empty text in
// the fallback languages, so a name the deck author left out in one language
// still shows something.
func (t Text) Or(lang string, fallback ...string) string {
	if s := t[lang]; s != "" {
		return s
	}
	for _, l := range fallback {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}
